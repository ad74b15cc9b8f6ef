"""Document-title recognition: each convention of Chinese official writing on a table of cases."""

from __future__ import annotations

import pytest

from carbonwatch.classify.doctitles import document_kind, strip_status, title_is_document

DOCUMENTS = [
    ("国务院关于印发2030年前碳达峰行动方案的通知", "关于…的通知 form"),
    ("关于加快建立健全绿色低碳循环发展经济体系的指导意见", "关于…的指导意见 form"),
    ("国务院关于同意在鄂尔多斯等27个城市和地区设立跨境电子商务综合试验区的批复", "关于…的批复 form"),
    ("中华人民共和国长江保护法", "中华人民共和国…法 form"),
    ("国务院令第764号", "order/announcement number"),
    ("中华人民共和国国务院令", "order/announcement number"),
    ("碳排放权交易管理办法（试行）", "ends with the document kind 管理办法"),
    ("市场准入负面清单", "ends with the document kind 负面清单"),
    ("2022年工作要点", "ends with the document kind 工作要点"),
    ("中美关于在21世纪20年代强化气候行动的格拉斯哥联合宣言", "ends with the document kind 联合宣言"),
    ("外商投资准入特别管理措施(负面清单)(2021年版)", "status suffix (2021年版)"),
    ("企业环境信息依法披露格式准则（征求意见稿）", "ends with the document kind 准则"),
    # the period a plan covers is not part of its kind
    ("吉林省生态环境保护规划（2021—2025年）", "ends with the document kind 规划"),
    ("低碳城市发展规划(2017-2020)", "ends with the document kind 规划"),
    # ... in Taiwan's calendar too (民国 years)
    ("国家气候变迁调适行动计划（112-115年）", "ends with the document kind 行动计划"),
    ("农业作物类生产设备设施改善补助计划(113年度)", "ends with the document kind 计划"),
    # a government's plan for building groups (medical, education) names no company
    ("紧密型城市医疗集团建设试点工作方案", "ends with the document kind 工作方案"),
    ("关于推进教育集团化办学的指导意见", "关于…的指导意见 form"),
    # the rules a government or regulator lays down for funds are no fund's own papers
    ("土壤污染防治基金管理办法", "ends with the document kind 管理办法"),
    ("货币市场基金监督管理办法（试行）", "ends with the document kind 管理办法"),
    ("关于大力推进证券投资基金行业创新发展的意见", "关于…的意见 form"),
    ("关于修改《证券投资基金销售管理办法》的决定", "关于…的决定 form"),
    # general rules and standards: their kinds, a standard's part after its name, a plan's sector after its kind
    ("企业财务通则", "ends with the document kind 通则"),
    ("二氧化碳捕集、利用与封存 术语", "ends with the document kind 术语"),
    ("温室气体排放核算与报告要求 第1部分：发电企业", "要求 with 第1部分:发电企业"),
    ("碳排放管理体系 指南 第2部分：实施", "指南 with 第2部分:实施"),
    ("2019-2020年全国碳排放权交易配额总量设定与分配实施方案（发电行业）", "实施方案 with (发电行业)"),
    ("国家因应气候变迁行动纲领", "ends with the document kind 行动纲领"),
    # a judicial interpretation, by its short name (its full one is 关于…的解释)
    ("环境污染犯罪司法解释", "ends with the document kind 司法解释"),
    # Taiwan's administrative rules named as principles of what they direct
    ("高屏地区空气污染物总量管制计划移动污染源减量抵换处理原则", "ends with the document kind 处理原则"),
    ("碳费征收对象申请认定属高碳泄漏风险者审核原则", "ends with the document kind 审核原则"),
    # a numbered meeting's resolution on a matter is one, though its own record of decisions is not
    ("第十四届全国人民代表大会第一次会议关于2022年国民经济和社会发展计划执行情况的决议", "关于…的决议 form"),
]


@pytest.mark.parametrize(("title", "reason"), DOCUMENTS)
def test_document_titles_are_accepted_by_their_convention(title: str, reason: str) -> None:
    assert title_is_document(title) == (True, reason)


NOT_DOCUMENTS = [
    "《华夏时报》",
    "2020中国生态环境状况公报",
    "中国碳市场发展报告",
    "李强主持召开国务院常务会议",
    "国家发展改革委召开新闻发布会",
    "2022年中国两轮电动车行业白皮书",
    "广州智光电气股份有限公司关于召开公司2018年第五次临时股东大会的通知",
    "西班牙称不会因美国威胁改变反战立场 法国称美以军事行动不符合国际法",
    "新时代的中国绿色发展",
    "关于加快建立健全绿色低碳循环发展经济体系的指导意见发布",
    # ... a principle by itself is anyone's
    "坚持共同但有区别的责任原则",
    # a body's account of its year's work, next year's plan after it
    "广州市番禺区卫生健康局2022年工作总结和2023年工作计划",
    "市生态环境局2023年工作总结",
    "农业农村局工作总结及2021年工作计划",  # (及, 与 as well as 和)
    "市委工作回顾与计划",  # ... or its review of the year's work
    "10个关键词，读懂个人信息保护法",  # an explainer names the law it explains
    "【一图读懂】吉林省生态环境保护十四五规划",
    "关于完善全县应急体系建设的思考及建议",  # an essay
    "关于公司水制氢与高压加氢一体化实验装置项目建设完成的公告",  # a listed company's announcement
    "中国华能集团关于开展碳排放管理工作的通知",  # a group company's own notice
    "鞍钢集团碳达峰碳中和宣言",
    # a fund's own papers and its manager's announcements
    "华夏基金管理有限公司关于旗下基金参加费率优惠活动的公告",
    "易方达沪深300交易型开放式指数证券投资基金招募说明书",
    "某某混合型证券投资基金基金合同",
    # a page's first paragraph in its headline field: sentences, not a title, whatever its last words
    "按照年度工作会议关于绿色金融重点工作的安排部署，结合相关要求，支行细化部署，充分发挥金融的资源配置作用",
    "为做好招生工作，依据有关规定。结合我区实际，制定本实施意见",
    # an assessment's or a contest's outcome
    "106年推动气候变迁行动执行绩效评比",
    "2023年度各市节能目标责任评价考核结果",
    # one case's administrative or judicial act, not a policy
    "责令改正违法行为决定书",
    "行政处罚决定书",
    "民事判决书",
    # ... or a batch of enforcement cases made public
    "2024年第六批生态环境违法典型案例",
    "2022年度市场监管领域典型案例",
    # a transcript of what was said
    "海南省人均预期寿命突破80岁新闻发布会实录",
    "关于碳达峰工作的访谈实录",
    # a numbered meeting's own record of its decisions (Taiwan's cabinet publishes one each week)
    "行政院第3192次院会决议",
    "某县人民政府第12次常务会议决议",
    # a quantity of documents the text does not name
    "诸多电化学储能发展支持政策",
    "众多的电化学储能支持政策",
    "一系列稳增长政策",
    # an appeal reported, not a document: a digest item "中国代表多国呼吁取消单边强制措施"
    "中国代表多国呼吁取消单边强制措施",
    # a statistics office's figures for a period, or a figure itself
    "2024年8月份能源生产情况",
    "一季度全省规模以上工业生产情况",
    "2024年8月份规模以上工业增加值增长4.5%",
    "2015年温室气体排放总量按年降7.5%",  # (a year's change written short)
    "2015年香港温室气体排放清单",  # an emissions inventory: figures counted
    # an analysis of figures a ministry publishes (Taiwan's yearly CO2 statistics)
    "2022燃料燃烧之二氧化碳统计与分析",
    # a trade-remedy investigation opened, even in the 关于…的公告 form: a procedure begun, not its ruling
    "关于对原产于美国的进口丙酸进行反倾销立案调查的公告",
    "对原产于欧盟的进口猪肉发起反补贴调查",
    # a body's or a county's budget or final accounts made public: its figures
    "大姚县审计局2021年度部门决算",
    "通道侗族自治县2024年政府决算公开",
    # a part of what is no document, a sector after what is no document, a status or body in brackets after a kind
    "专家解读第1部分：总则",
    "碳市场建设（发电行业）",
    "关于大额现金支付管理的通知（市交通管理局）",
]


@pytest.mark.parametrize("title", NOT_DOCUMENTS)
def test_non_documents_are_rejected(title: str) -> None:
    ok, reason = title_is_document(title)
    assert not ok
    assert reason


@pytest.mark.parametrize(
    "title",
    [
        "责令改正违法行为决定书",
        "行政处罚决定书",
        "2024年第六批生态环境违法典型案例",
        "诸多电化学储能发展支持政策",
        "众多的电化学储能支持政策",
        "一系列稳增长政策",
        "2024年8月份能源生产情况",
        "2015年香港温室气体排放清单",
        "通道侗族自治县2024年政府决算公开",
    ],
)
def test_a_single_case_act_or_unnamed_documents_stay_out_though_a_government_issues_them(title: str) -> None:
    # a department's penalty decision on one company, a province's "many policies", the statistics office's monthly
    # figures (国家统计局发布《2024年8月份能源生产情况》): no document the labels name
    ok, reason = title_is_document(title, government_issuer=True)
    assert not ok
    assert "not a policy document" in reason or "does not name" in reason


def test_model_cases_a_government_holds_up_are_documents_but_violations_made_public_are_not() -> None:
    # the good practice a ministry publishes for others to follow is what it issues; the violations a regulator makes
    # public are enforcement, however the two are both called 典型案例
    assert title_is_document("2023-2024年度公共机构绿色低碳发展典型案例", government_issuer=True)[0] is True
    assert title_is_document("2024年第六批生态环境违法典型案例", government_issuer=True)[0] is False


def test_weak_kind_needs_a_government_issuer() -> None:
    assert title_is_document("碳中和产业白皮书")[0] is False
    assert title_is_document("碳中和产业白皮书", government_issuer=True)[0] is True
    # a framework a government publishes (教育局公布国家安全教育课程框架, unbracketed); a company's is none
    assert document_kind("国家安全教育课程框架") == "框架"
    assert title_is_document("国家安全教育课程框架", government_issuer=True)[0] is True
    assert title_is_document("战略合作框架")[0] is False


def test_government_issuer_opens_the_vocabulary_but_not_the_closed_list() -> None:
    assert title_is_document("新时代的中国绿色发展", government_issuer=True) == (True, "issued by a government body")
    assert title_is_document("人民日报", government_issuer=True)[0] is False


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("《关于做好2022年全面推进乡村振兴重点工作的意见》", "意见"),
        ("关于同意设立某试验区的批复", "批复"),
        ("最高人民法院关于解放前私营行庄存款偿付问题的复函", "复函"),  # a letter in reply, its own kind
        ("关于征求《某规划》意见的函", "函"),  # ... and a letter asking for views, a weak one
        ("关于开展碳达峰试点的实施安排", "实施安排"),
        ("《2020中国生态环境状况公报》", None),
        ("石柱土家族自治县人民政府森林防火封山令", "封山令"),  # a local government's seasonal order
        ("中国证券监督管理委员会公告[2015]18号", "公告"),  # an announcement by its number
        ("湖北省人民政府令第430号", "令"),
        # a title cut mid-phrase ends in no kind: 代表提出的 is no noun
        ("全国人大环资委关于十三届全国人大四次会议主席团交付审议的代表提出的...", None),
    ],
)
def test_document_kind_is_open(title: str, kind: str | None) -> None:
    assert document_kind(title) == kind


def test_strip_status_removes_every_suffix() -> None:
    assert strip_status("外商投资准入特别管理措施(负面清单)(2021年版)(试行)") == "外商投资准入特别管理措施(负面清单)"


@pytest.mark.parametrize(
    ("title", "official"),
    [
        # a list's or a catalogue's batch after its kind leaves the kind where it was
        ("新能源汽车推广应用推荐车型目录(2018年第11批)", True),
        ("温室气体自愿减排项目方法学（第一批）", True),
        # ... and, like an edition, is no legal status: a weak kind still needs a government issuer
        ("绿色品牌企业名单（第二批）", False),
    ],
)
def test_a_batch_after_the_kind_is_an_edition(title: str, official: bool) -> None:
    assert title_is_document(title)[0] is official
    assert title_is_document(title, government_issuer=True)[0]


@pytest.mark.parametrize(
    "title", ["3月14日-18日居家办公！深圳11区今晨最新通告", "重磅！国务院关于某事项的通知来了", "央行最新通知"]
)
def test_headline_marks_are_not_document_titles(title: str) -> None:
    ok, reason = title_is_document(title)
    assert (ok, reason.startswith("a news headline")) == (False, True)


@pytest.mark.parametrize(
    "title",
    [
        "关于报送《海口市发展和改革委员会地震应急预案》的报告",
        "关于提请印发某实施方案的请示",
        "2021年中国气候公报",
        "《2020年中国温室气体公报（总第10期）》",  # a bulletin's issue number is no legal status
        "《中国低碳联盟宣言》",  # an alliance's own declaration, whoever hosts its launch
        "《2023年中国水资源公报》",  # any bulletin of figures
        "湖南省2016年各市州万元地区生产总值能耗降低率等指标公报",
        "关于新建圣都汇社区居民委员会的情况报告",  # a situation reported upward
        "国务院关于生态补偿机制建设工作情况的报告",  # ... or the work done, to the legislature
        "关于2023年襄城区生态环境保护工作的报告",
        "大田县民政局关于县十八届人大一次会议第71号代表建议的答复",  # a reply to a deputy
        "国家统计局关于2022年粮食产量数据的公告",  # figures announced, in the 关于…的公告 form
        "关于发布2023年电力碳足迹因子数据的公告",
        # how far work went or how cases were handled: a period's figures, in any form
        "关于2024年阳东区十件民生实事完成情况的通报",
        "关于2020年前三季度全省及各市能源消耗强度控制目标进展情况的通报",
        "2022年12398能源监管热线投诉举报处理情况通报",
        "市场监管总局关于2023年市场监管部门食品安全监督抽检情况的通告",
        # an audit office's findings
        "审计署公告：10个省1139个节能减排项目审计结果",
        "湖北省2018年度省级预算执行和其他财政收支审计结果公告",
        # a purchase's or a sale's notice: a contract offered
        "政府采购公告",
        "国有建设用地使用权出让公告",
    ],
)
def test_upward_filings_and_climate_bulletins_are_not_released_documents(title: str) -> None:
    assert not title_is_document(title)[0]
    assert title_is_document("关于加强信息报送工作的通知")[0]  # 报送 as the matter of a notice is fine
    assert title_is_document("关于加强统计数据质量管理的通知")[0]  # data as the matter of a notice is fine
    assert title_is_document("关于2016年度节能目标责任考核结果的通报")[0]  # an assessment's outcome stays one
    assert title_is_document("关于做好投诉举报处理工作的通知")[0]  # handling cases as a notice's matter is fine
    assert title_is_document("关于报送整县（市、区）屋顶分布式光伏开发试点方案的通知")[0]  # a notice asks for reports
    assert not title_is_document("《2020年中国温室气体公报（总第10期）》", government_issuer=True)[0]
    assert not title_is_document("《某县工作简报（第5期）》")[0]  # an issue number alone makes no document
    assert not title_is_document("《中国低碳联盟宣言》", government_issuer=True)[0]
    assert title_is_document("《中法元首气候变化联合声明》")[0]  # a joint statement of states stays one
    assert title_is_document("中美联合公报", government_issuer=True)[0]  # ... and a joint communiqué


def test_an_edition_year_does_not_make_a_weak_kind_official() -> None:
    assert not title_is_document("《能效标准标识白皮书（2023年版）》")[0]  # an association dates its white paper too
    assert title_is_document("《能效标准标识白皮书（2023年版）》", government_issuer=True)[0]
    assert title_is_document("《数据出境安全评估申报指南（试行）》")[0]  # a legal status still does
    assert title_is_document("《外商投资准入特别管理措施（负面清单）（2021年版）》")[0]
    assert not title_is_document("某研究会发展报告（2021-2025）")[0]  # a period does not make a report official


def test_a_judges_commentary_on_an_interpretation_is_no_document() -> None:
    title = "《最高人民法院、最高人民检察院关于办理危害药品安全刑事案件适用法律若干问题的解释》的理解与适用"
    ok, reason = title_is_document(title, government_issuer=True)
    assert (ok, reason.startswith("an explainer")) == (False, True)
    assert title_is_document("最高人民法院、最高人民检察院关于办理危害药品安全刑事案件适用法律若干问题的解释")[0]


def test_a_title_with_commas_inside_its_brackets_is_still_a_title() -> None:
    # two commas do not make sentences: real titles hold a list ("关于加强A、B，推进C，促进D的意见") at most
    assert title_is_document("关于加快推进生态文明建设，促进绿色发展，实现碳达峰的意见")[0] is True


@pytest.mark.parametrize(
    "title",
    [
        "2019年吸烟（公众卫生）（修订）条例草案",
        "维护国家安全条例草案",
        "电业法部分条文修正草案",
        "二○一七年印花税（修订）条例草案",
    ],
)
def test_a_bill_is_a_document_under_its_drafting_name(title: str) -> None:
    # whether it is released is the sentence's business (a draft until a legislature passes it)
    accepted, reason = title_is_document(title)
    assert accepted and reason.startswith("a bill (")
