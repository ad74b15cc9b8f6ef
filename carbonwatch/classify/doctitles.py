"""Is a title the name of an official document? Open vocabulary from the conventions of Chinese official writing.

A document title, by GB/T 9704 (党政机关公文格式) and the 党政机关公文处理工作条例, is "issuer + 关于 + subject + 的 +
kind" (国务院关于印发…的通知), or the name of a normative document (…管理办法, …条例, …行动方案, 中华人民共和国…法),
often with a status suffix ((试行), (征求意见稿), (2021年版)). The kind is an open class: the 15 official kinds, the
normative kinds and the names governments give to lists, catalogues, instruments and statements. So:

* a title is a document when it has the 关于…的X form (whatever X is), a status suffix, the 中华人民共和国…法 form, an
  order number (国务院令第N号), or ends with a document kind from :data:`DOC_KINDS`;
* what is *not* a policy document is the closed list: newspapers and periodicals, statistics bulletins and data,
  research and company reports, speeches, meetings, interviews and interpretations, books and programmes
  (:data:`NON_DOCUMENT_RE`). A 关于…的报告 is an official report (a kind of 公文), not a research report.

:func:`title_is_document` answers for a title alone; in an article, a 《title》 that a government body is said to
issue is a document whatever its last word (``policydocs`` applies that context rule).
"""

from __future__ import annotations

import re
import unicodedata

# Document kinds, grouped by where the convention comes from. Longest first at match time (行动方案 before 方案).
OFFICIAL_KINDS = (  # the 15 kinds of the 党政机关公文处理工作条例 (命令 as 令)
    "决议",
    "决定",
    "命令",
    "公报",
    "公告",
    "通告",
    "意见",
    "通知",
    "通报",
    "报告",
    "请示",
    "批复",
    "议案",
    "函",
    "复函",  # a letter in reply answers what it was asked, as a 批复 does (a letter asking for views stays a weak 函)
    "纪要",
)
NORMATIVE_KINDS = (  # laws, regulations and normative documents (规范性文件) and their usual compound names
    "法",
    "法典",
    "条例",
    "规定",
    "办法",
    "细则",
    "规则",
    "规程",
    "规范",
    "司法解释",  # the supreme court's and procuratorate's judicial interpretations (法释〔2016〕29号): binding rules
    "通则",  # general rules: 企业财务通则, 工业企业温室气体排放核算和报告通则 (a law's name in Taiwan too)
    "术语",  # a terminology standard: 二氧化碳捕集、利用与封存 术语
    "准则",
    "标准",
    "守则",
    "章程",
    "制度",
    "指南",
    "指引",
    "导则",
    "目录",
    "清单",
    "名录",
    "名单",
    "要点",
    "纲要",
    "行动纲领",  # a programme of action a government adopts (国家因应气候变迁行动纲领, 北部都会区行动纲领); 纲领 alone
    # is a party's programme
    "方法学",  # a carbon-market or 碳普惠 methodology (CCER 方法学) a government body publishes
    "预案",  # 应急预案, an emergency plan a government issues
    "规划",
    "计划",
    "方案",
    "措施",
    "举措",
    "政策",
    "任务",
    "路线图",
    "蓝图",  # 香港气候行动蓝图2050, 基层医疗健康蓝图: the plans Hong Kong's government publishes
    "规画",  # Taiwan's 規畫 (OpenCC keeps it apart from 规划): 2050净零路径规画
    "规例",  # Hong Kong's subsidiary legislation: 产品环保责任(塑胶购物袋)规例
    # Macau's rules for a public service a bureau runs (港珠澳大桥边检大楼东停车场之使用及经营规章, 学费援助…发放规章)
    "规章",
    "作业备考",  # Hong Kong's practice notes to the building trades (屋宇署认可人士…作业备考, 联合作业备考)
    "布告",  # a proclamation (法院布告, 通知布告), posted to the public as a 通告 is
    "须知",  # Taiwan's application rules for a subsidy (申请须知, 作业须知)
    # ... and its administrative rules named as principles of what they direct (高屏地区…移动污染源减量抵换处理原则,
    # 碳费征收对象…审核原则, 温室气体先期专案暨抵换专案推动原则); a bare 原则 is any principle
    "处理原则",
    "推动原则",
    "审核原则",
    "审查原则",
    "作业原则",
    "执行原则",
    "认定原则",
    "补助原则",
    "核定原则",
    "办理原则",
    "裁罚原则",
    "意见稿",
    "建议",
    "白皮书",
    "框架",  # 绿色主权债券框架, 国家安全教育课程框架: a framework a government publishes (weak: a company's too)
    "机制",
    "工具",
    "实施方案",
    "行动方案",
    "工作方案",
    "总体方案",
    "行动计划",
    "工作计划",
    "指导意见",
    "实施意见",
    "若干意见",
    "实施细则",
    "管理办法",
    "暂行办法",
    "实施办法",
    "若干措施",
    "若干规定",
    "支持工具",
    "指导目录",
    "负面清单",
    "重点任务",
    "任务分工",  # 重点任务分工, 部门分工, 责任分工: the division of a plan's tasks among bodies, issued as a document
    "部门分工",
    "责任分工",
    "工作要点",
    "一号文件",
    # the public orders a local government posts in fire, fishing and grazing seasons (森林防火禁火令, 封山令, 禁渔令)
    "禁火令",
    "封山令",
    "禁渔令",
    "休渔令",
    "禁牧令",
    "禁烧令",
    "禁放令",
)
DIPLOMATIC_KINDS = ("声明", "宣言", "公约", "协定", "议定书", "备忘录", "联合声明", "联合宣言", "联合公报")
DOC_KINDS: tuple[str, ...] = tuple(
    sorted(set(OFFICIAL_KINDS + NORMATIVE_KINDS + DIPLOMATIC_KINDS), key=lambda k: (-len(k), k))
)
_KIND_ALT = "|".join(DOC_KINDS)
# (a 法 that ends 方法, 做法, 说法, 看法, 想法 is a way of doing something, not a law: "建立蛋白质从头设计新方法")
KIND_END_RE = re.compile(rf"(?:{_KIND_ALT})$(?<![方做说看想]法)")

# Status and edition suffixes: （试行）, (暂行), （征求意见稿）, （修订草案）, （2021年版）, （2021年本）, （修正）.
# An edition: （2021年版）, （2021年本）, （2019）, （第一版）.
# An edition, or the period a plan covers (（2021—2025年）, (2017-2020)): neither is part of the document's kind.
_EDITION = (
    r"(?:19|20)\d{2}(?:年(?:版|本)?)?|第[一二三四五六七八九十\d]+版"
    r"|(?:19|20)\d{2}\s*年?\s*[—–\-－~～至到]{1,2}\s*(?:19|20)\d{2}\s*年?度?"
    # ... or in Taiwan's calendar (民国 years: （112-115年）, (112年度))
    r"|(?:民国)?\d{2,3}\s*年?度?\s*[—–\-－~～至到]{1,2}\s*\d{2,3}\s*年度?|(?:民国)?1\d{2}\s*年度?"
)
# A list's or a catalogue's batch: （第二批）, (2018年第11批).
_BATCH = r"(?:(?:19|20)\d{2}\s*年\s*)?第\s*[一二三四五六七八九十百\d]+\s*批(?:次)?"
STATUS_SUFFIX_RE = re.compile(
    r"[（(](?:试行|暂行|征求意见稿|送审稿|草案|修订|修正|修订草案|修订稿|草案征求意见稿|修订案|修正案|"
    rf"(?:19|20)\d{{2}}年(?:修订|修正)|{_EDITION}|{_BATCH})[）)]$"
    # ... or a law's amendment, which a legislature passes as a text of its own: "《湖南省统计条例（修订案）》",
    # "《资通安全管理法修正案》"
    r"|(?<=[法例则定])(?:部分条文)?(?:修正案|修订案)$"
)
EDITION_RE = re.compile(rf"[（(](?:{_EDITION}|{_BATCH})[）)]")  # (a batch is no legal status either)
# A standard's part: its name, then 第N部分 and the part's own subject; the standard's name ends with a kind or with
# the words standards end with (…核算与报告要求)
STANDARD_PART_RE = re.compile(r"^(?P<head>.{4,}?)第[一二三四五六七八九十\d]{1,3}部分[:：].{2,}$")
STANDARD_HEAD_RE = re.compile(r"要求$")
# ... and the sector or scope a document covers, in brackets after its kind: （发电行业）, （电力领域）
# (a sector's or field's name, not a site's note on the page, a status or a body: （废止）, （全文）, （市交通管理局）)
SCOPE_QUALIFIER_RE = re.compile(r"^(?P<head>.{4,}?)[（(][\u4e00-\u9fff、]{1,8}(?:行业|领域|产业)[）)]$")
# 关于 + subject + 的 + kind: the kind is whatever short noun ends the title (open vocabulary).
# The X of 关于…的X is a noun of one to six characters with no 的 of its own ("…交付审议的代表提出的" is a title cut
# mid-phrase, not a kind called 代表提出的).
ABOUT_RE = re.compile(
    r"关于.{2,}的(?!.*(?:发布|出台|印发|公布|出炉|落地|来了|全文|解读))((?:(?!的)[\u4e00-\u9fff]){1,6})$"
)
LAW_RE = re.compile(r"^中华人民共和国.{1,40}(?:法|条例|规定|办法)$")
ORDER_RE = re.compile(
    r"(?:令|公告|通告)\s*[（(]?\s*(?:第\s*)?[0-9０-９一二三四五六七八九十百]+\s*号[）)]?$"
    r"|(?:公告|通告)\s*[〔\[（(【［]\s*(?:19|20)\d{2}\s*[〕\]）)】］]\s*(?:第\s*)?\d{1,4}\s*号$"  # 公告〔2015〕18号
    r"|(?:国务院|主席|部|委员会|委|总局|局|署|银行|人民政府)令$"
)

# The closed list of what is not a policy document.
NON_DOCUMENT_RE = re.compile(
    r"(?:日报|晚报|早报|商报|时报|周报|周刊|杂志|月刊|学报|画报|日刊|证券报|参考报|经济报|青年报|法治报|新闻报)$"
    # a bulletin of figures (统计公报, 水资源公报, 人口普查公报 …); a joint communiqué (联合公报) is diplomatic
    r"|^(?!.*联合)(?!.*新闻公报).*公报$|统计年鉴$|年鉴$|(?:月|季|年)报$|快报$|数据$|指数$"
    # (… 二氧化碳统计与分析: an analysis of figures; a body's or a county's budget or final accounts made public,
    # 通道侗族自治县2024年政府决算公开: its figures)
    r"|报告$|蓝皮书$|绿皮书$|研究$|分析$|(?:部门|政府)(?:预算|决算)(?:公开)?$"
    r"|报告\s*(?:19|20)\d{2}(?:年度?)?\s*$"  # 《澳门环境状况报告2022》: a year's report, its year after it
    r"|(?:中期|成效|绩效|实施)评估$"  # 《…规划中期实施及成效评估》: an evaluation of a plan, no plan
    # a body's account of its year's work, with next year's plan after it (…卫生健康局2022年工作总结和2023年工作计划)
    r"|工作总结$|工作(?:总结|回顾)(?:和|及|与)[^和及与]{0,30}计划$"  # (…工作总结及2021年工作计划, 工作回顾与计划)
    r"|讲话$|致辞$|发言$|演讲$|贺信$|答记者问$|问答$|解读$|访谈$|专访$|综述$|评论$|社论$|述评$"
    r"|(?:会议|座谈会|发布会|论坛|峰会|研讨会|博览会)$|(?:会|会议)(?:召开|举行|开幕|闭幕)$"
    r"|自律公约$|倡议书?$"  # an industry's self-regulation pact or proposal, not a government's document
    r"|(?:联盟|协会|商会|学会|研究会|基金会|俱乐部)(?:宣言|声明|章程|公约)$"  # 《中国低碳联盟宣言》: the alliance's own
    r"|(?:数据|运行|执行|完成|进展|统计)情况$"  # 主要监管指标数据情况, 运行情况: a status report
    # a period's figures (2024年8月份能源生产情况, 一季度…运行情况) or a figure itself (…工业增加值增长4.5%): statistics
    r"|(?:\d{1,2}\s*月份?|[一二三四]季度|上半年|前三季度|全年)[^《》]{0,16}情况$|(?:增长|下降|增加|减少)[0-9.]+[%％]$"
    # ... a change by a year's figure written short (…温室气体排放总量按年降7.5%, 同比升3%), or an emissions
    # inventory (2015年香港温室气体排放清单): figures counted, not a list a government lays down
    r"|(?:按年|同比|环比)[升降增减跌涨][0-9.]+[%％]$|排放清单$"
    r"|评比$|排名$|排行榜?$|(?:考核|考评|评估|评价|评比|测评)结果$"  # a contest's or an assessment's outcome
    # one case's administrative or judicial act (行政处罚决定书, 责令改正违法行为决定书, 判决书), not a policy
    r"|(?:决定|判决|裁定|调解|告知)书$"
    # ... or a batch of such cases made public (2024年第六批生态环境违法典型案例, 2022年度市场监管领域典型案例):
    # enforcement publicised, not a policy; not the model cases a body holds up for others to follow (…发展典型案例)
    r"|(?:违法|违规|违纪|执法|查处|处罚|监管领域)[^《》]{0,12}案例$"
    # a purchase's or a sale's notice (政府采购公告, 招标公告, 土地使用权出让公告): a contract offered, not a policy
    r"|(?:采购|招标|中标|成交|询价|竞价|比选|拍卖|出让|挂牌)(?:结果)?(?:公告|公示)$"
    # a numbered meeting's own record of what it decided (行政院第3192次院会决议, …第5次会议决议): minutes, not a
    # resolution issued "关于…" something
    r"|^(?!.*关于).*第[0-9一二三四五六七八九十百千零〇]+次(?:院会|会议|常务会议|院务会议)决议$"
    r"|小说$|电影$|电视剧$|纪录片$|节目$|歌曲$|诗集$|一书$|丛书$|读本$|教材$"
)
# A bill: an ordinance or a law under its drafting name (《2019年吸烟（公众卫生）（修订）条例草案》,
# 《…法部分条文修正草案》), the title Hong Kong's and Taiwan's legislatures pass it under (a draft until passed: see
# policydocs' drafts).
BILL_RE = re.compile(r"(?:条例|规例|法)(?:部分条文)?(?:修正|修订)?草案$")
# A civil servant's essay, even when titled 关于…的思考及建议: 思考, 体会, 心得 are no kind of official document.
ESSAY_RE = re.compile(r"(?:思考|体会|心得|感悟)(?:(?:及|与|和)建议)?$")
# An office files reports and requests upward (上行文): 关于报送《X》的报告, 关于…的请示 go to a superior body, they
# release nothing.
# ... a report of a situation or of work done to a superior (关于…的情况报告, 国务院关于生态补偿机制建设工作情况的报告,
# 关于2023年襄城区生态环境保护工作的报告), or the reply to a deputy's proposal (关于…代表建议的答复)
# (... but "关于报送整县屋顶分布式光伏开发试点方案的通知" goes down: a notice asks its addressees to report)
UPWARD_RE = re.compile(
    r"关于(?:报送|上报|呈报|报请|提请|请求)(?!.*的通知$)|的请示$|的情况报告$|(?:情况|工作)的报告$|(?:建议|提案|议案)的答复$"
)
# Companies and funds issue notices too (公告, 关于召开股东大会的通知): those are not policy documents. A group is a
# company (中国华能集团关于…, 鞍钢集团碳达峰碳中和宣言) unless the title is about building groups: a government's plan
# for them (《紧密型城市医疗集团建设试点工作方案》, 推进教育集团化办学) names no company. A fund's own papers
# (招募说明书, 基金合同, 公告) are a company's, but the rules a government or regulator lays down for funds are not: a
# title that ends with a rule's kind (《土壤污染防治基金管理办法》, 《货币市场基金监督管理办法》,
# 关于…证券投资基金…的意见).
_FUND_RULE_KIND = r"(?=.*(?:办法|规定|条例|细则|指引|意见|决定|准则|规则)(?:[（(][^（()）]{1,8}[）)])?$)"
COMPANY_GROUP = r"集团(?!建设|化|发展|试点|组建|改革)"  # (a group that is a company, not groups being built)
COMPANY_RE = re.compile(
    rf"(?:股份)?有限(?:责任)?公司|{COMPANY_GROUP}"
    rf"|(?!{_FUND_RULE_KIND})(?:证券投资基金|货币市场基金|债券型|混合型|基金管理)"
    r"|股东大会|董事会|[A-Z]类份额"
    r"|关于(?:本|我)?公司"  # a listed company's announcement speaks of itself: 关于公司…项目建设完成的公告
)
# Exclamations, questions and news words mark a headline: official titles never carry them.
# "10个关键词，读懂个人信息保护法", "【一图读懂】…规划": an explainer names the document it explains, it is not it.
EXPLAINER_RE = re.compile(r"读懂|看懂|图解|一图|详解")
# "《…的解释》的理解与适用" (…与运用, …与把握): judges' or prosecutors' commentary, whatever title it quotes
COMMENTARY = r"理解与(?:适用|运用|把握)"
COMMENTARY_RE = re.compile(COMMENTARY + "$")
HEADLINE_MARK_RE = re.compile(r"[!?！？]|最新|重磅|速看|来了|刚刚|今晨|快讯|独家")
# Reported speech marks a news headline, not a document title ("X称…", "Y表示…"); 称号 is not speech.
SPEECH_RE = re.compile(r"(?<!名)称(?!号|谓)|表示|指出|强调|认为|回应|透露|呼吁")
# Kinds that are only documents in the 关于…的X form or with a government issuer (a research 报告 is not).
WEAK_KINDS = frozenset({"报告", "建议", "机制", "工具", "任务", "政策", "举措", "名单", "制度", "函", "白皮书", "框架"})

QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})


def clean_title(title: str) -> str:
    """NFKC, ASCII quotes, no whitespace, no 《》 around it (the text a title rule looks at)."""
    text = unicodedata.normalize("NFKC", title).translate(QUOTES)
    text = re.sub(r"\s+", "", text)
    if text.startswith("《") and text.endswith("》"):
        text = text[1:-1]
    return text.strip(".,;:!?。，；：！？")


# A periodical's issue number (《2020年中国温室气体公报（总第10期）》): a bulletin's or a brief's, never a legal status.
ISSUE_NUMBER_RE = re.compile(r"[（(]\s*(?:总\s*)?第\s*[0-9一二三四五六七八九十百]+\s*期\s*[）)]$")


def strip_status(title: str) -> str:
    """The title without a trailing status or edition suffix: 管理办法（试行） -> 管理办法."""
    text = title
    while True:
        stripped = STATUS_SUFFIX_RE.sub("", text)
        if stripped == text:
            return text
        text = stripped


def document_kind(title: str) -> str | None:
    """The kind a document title ends with (行动方案, 批复, 负面清单 …; the X of 关于…的X), or None."""
    text = strip_status(ISSUE_NUMBER_RE.sub("", clean_title(title)))
    if NON_DOCUMENT_RE.search(text) and not ABOUT_RE.search(text):
        return None
    m = KIND_END_RE.search(text)
    if m:
        return m.group(0)
    m = ABOUT_RE.search(text)
    if m:
        return m.group(1)
    order = ORDER_RE.search(text)
    if order:
        return "公告" if "公告" in order.group(0) else "通告" if "通告" in order.group(0) else "令"
    return None


# "中国计划推出…", "我市计划于年内…": a country, a place or a body followed by 计划 plans to do something; a plan is
# named by what it plans (星火计划, 某省…行动计划), never by its planner alone (a headline's title-then-verb form).
PLANNER_RE = re.compile(
    r"^(?:中国|我国|全国|各地|我市|我省|我区|我县|本市|本省|政府|[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|国|政府))计划$"
)
# "出台了诸多…支持政策", "发布了众多的…政策", "一系列政策": a quantity of documents the text does not name.
GENERIC_QUANTITY_RE = re.compile(r"^(?:诸多|众多|多项|多个|多份|多部|一系列|系列|大量|一些|不少|各类|各项)的?")
# A run of sentences: a full stop, or four clauses and more (no real title in the corpus or the title lists has either;
# a page whose headline field holds its first paragraph does: "按照…部署，结合《…》要求，…支行细化部署，…作用。").
SENTENCES_RE = re.compile(r"。|(?:[^，,]*[，,]){3}")

# What a title cannot be, tested in this order: (pattern, unless it has the 关于…的X form, the reason given).
# 关于2022年粮食产量数据的公告: figures announced, in the 关于…的公告 form a bulletin of figures does not take; and the
# bulletin of how far work went or how cases were handled (关于…民生实事完成情况的通报, 能源监管热线投诉举报处理情况
# 通报, 关于…食品安全监督抽检情况的通告): a period's figures, not a measure.
# ... and an audit office's findings (审计署公告：10个省1139个节能减排项目审计结果, …预算执行和其他财政收支审计结果公告)
FIGURES_NOTICE_RE = re.compile(
    r"数据的?公告$|(?:完成|进展|落实|处理|抽检)情况的?(?:通报|通告|公告)$|审计结果(?:公告)?$"
)
# A transcript (新闻发布会实录, 访谈实录) records what was said: no policy document, even as 关于…的实录.
TRANSCRIPT_RE = re.compile(r"实录$")
# A trade-remedy investigation opened (关于对原产于美国的进口丙酸进行反倾销立案调查的公告, …发起反补贴调查): a procedure
# begun, whose ruling (裁定, 终裁) is the measure; even as 关于…的公告.
INVESTIGATION = r"(?:立案调查|(?:反倾销|反补贴|反规避|保障措施|期终复审|复审)(?:立案)?调查)"
INVESTIGATION_RE = re.compile(INVESTIGATION + r"(?:的公告)?$")
REJECTIONS: tuple[tuple[re.Pattern[str], bool, str], ...] = (
    (COMPANY_RE, False, "issued by a company ({}), not a government body"),
    (GENERIC_QUANTITY_RE, False, "documents the text does not name ({}…)"),
    (HEADLINE_MARK_RE, False, "a news headline ({})"),
    (SENTENCES_RE, False, "running text, not a title ({})"),
    (EXPLAINER_RE, True, "an explainer's headline ({})"),
    (COMMENTARY_RE, False, "an explainer's headline ({})"),
    (SPEECH_RE, True, "a news headline (reported speech: {})"),
    (ESSAY_RE, False, "an essay ({}), not a document"),
    (UPWARD_RE, False, "a filing to a superior body ({}), not a released document"),
    (FIGURES_NOTICE_RE, False, "figures announced ({}), not a policy document"),
    (TRANSCRIPT_RE, False, "a transcript ({}), not a policy document"),
    (INVESTIGATION_RE, False, "an investigation opened ({}), not a ruling"),
)


def title_is_document(title: str, *, government_issuer: bool = False) -> tuple[bool, str]:
    """Whether ``title`` names an official document, and the convention that decided it.

    ``government_issuer``: the context says a government body issues it (then a weak kind such as 报告 or 工具
    counts, and any title not in the closed non-document list does).
    """
    text = ISSUE_NUMBER_RE.sub("", clean_title(title))
    if len(text) < 3:
        return False, "too short to be a document title"
    for pattern, unless_about, why in REJECTIONS:
        m = pattern.search(text)
        if m and not (unless_about and ABOUT_RE.search(text)):
            return False, why.format(m.group(0))
    core = strip_status(text)
    # A legal status (（试行）, （征求意见稿）) marks an official text; an edition year (（2023年版）) does not:
    # associations and institutes date their white papers and reports too.
    has_status = core != text
    legal_status = has_status and not EDITION_RE.fullmatch(text[len(core) :])
    about = ABOUT_RE.search(core)
    non_doc = NON_DOCUMENT_RE.search(core)
    if non_doc and not about:
        return False, f"not a policy document: ends with {non_doc.group(0)}"
    if about:
        return True, f"关于…的{about.group(1)} form"
    if LAW_RE.search(core):
        return True, "中华人民共和国…法 form"
    if ORDER_RE.search(core):
        return True, "order/announcement number"
    if bill := BILL_RE.search(core):
        return True, f"a bill ({bill.group(0)})"
    m = KIND_END_RE.search(core)
    if m:
        if m.group(0) in WEAK_KINDS and not government_issuer and not legal_status:
            return False, f"{m.group(0)} without a government issuer"
        return True, f"ends with the document kind {m.group(0)}"
    # a standard's part, named after the standard's own name ("温室气体排放核算与报告要求 第1部分：发电企业"), and a
    # document of a strong kind with the sector or scope it covers after it ("…建设方案（发电行业）")
    part = STANDARD_PART_RE.search(core) or SCOPE_QUALIFIER_RE.search(core)
    if part and (head := KIND_END_RE.search(part.group("head")) or STANDARD_HEAD_RE.search(part.group("head"))):
        if head.group(0) not in WEAK_KINDS:
            return True, f"{head.group(0)} with {part.group(0)[len(part.group('head')) :]}"
    if has_status:
        return True, "status suffix " + text[len(core) :]
    if government_issuer:
        return True, "issued by a government body"
    return False, "no document form"
