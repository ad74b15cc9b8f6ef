"""Policy-release recognition: documents an article names, their issuer, number and type, and release vs mention.

Everything here is pure (strings in, dataclasses out) so each rule is tested on a table of cases. The rules are
general Chinese policy-writing conventions, not per-article hacks:

* a document is a 《title》 whose title ends in a policy document type (意见, 方案, 通知 …); 《公报》, 《报告》 and
  newspaper names are not policy documents; bare back-references (《意见》, 《方案》) are not new documents;
* headlines and official notices also name documents without 《》: "国务院印发2030年前碳达峰行动方案",
  "国务院关于印发…的通知", "“十四五”节能减排综合工作方案出炉", "央行推出碳减排支持工具";
* an occurrence reports a RELEASE when a release verb (印发, 发布, 出台, 推出, 编制完成 …) is attached to it, is not
  planned (将, 拟, 正在 …), and is not dated in an earlier year than the article (2018年…印发了 is history);
  otherwise it is a mention (按照《意见》, 贯彻落实《…》);
* the issuer is the government body written just before the verb (joint issuers joined by 、/和 are kept together);
* pages of government sites (ndrc, gov_cn, mee) ARE the release: their metadata names issuer and number.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from carbonwatch.classify import recache as rx
from carbonwatch.classify.doctitles import (
    BILL_RE,
    COMMENTARY,
    COMPANY_GROUP,
    DOC_KINDS,
    INVESTIGATION,
    LAW_RE,
    NON_DOCUMENT_RE,
    PLANNER_RE,
    QUOTES,
    WEAK_KINDS,
    document_kind,
    title_is_document,
)
from carbonwatch.classify.english import EnglishRelease, english_releases

# -- document kinds (open vocabulary: see doctitles) -----------------------------------------------------------
DOC_TYPES: tuple[str, ...] = DOC_KINDS
# (a five-year plan outline's fixed title runs past its first kind: "…第十四个五年规划和二〇三五年远景目标纲要" is one
# title, not a 规划 followed by 和; tried before the kinds so that a title unbracketed in a sentence ends at 纲要)
_OUTLINE_YEARS = r"和(?:二〇|20)[一二三四五\d]{2}年远景目标"  # …五年规划和二〇三五年远景目标纲要
_OUTLINE_KIND = rf"规划{_OUTLINE_YEARS}纲要"
_TYPE_ALT = "|".join((_OUTLINE_KIND, *DOC_TYPES))
DOC_TYPE_END_RE = rx.compile(rf"(?:{_TYPE_ALT})$")
# Titles that merely refer back to a document named earlier ("以下简称《方案》").
BACKREF_RE = rx.compile(rf"^(?:该|本|上述|这一?|此|两个?|三个?)?(?:{_TYPE_ALT})$")
# A 《…》 pair; nested 《》 inside a title are allowed one level deep (《关于印发《X》的通知》).
DOC_RE = rx.compile(r"《((?:[^《》]|《[^《》]*》){2,160})》")
# A kind written after the closing bracket: 《新时代的中国绿色发展》白皮书, 《…》的通知.
KIND_AFTER_TITLE_RE = rx.compile(r"^(?:(《[^《》]+》)|\"([^\"《》]+)\")(?:白皮书|联合声明|联合宣言)$")  # or “X”白皮书
# ... or a standard, its code in brackets between: "《绿色工厂评价通则》（GB/T 36132—2025）国家标准发布"
_STANDARD_SCOPE = r"(?:推荐性|强制性)?(?:国家|行业|地方|团体)"
_STANDARD_KIND = _STANDARD_SCOPE + "标准"
# ... or counted with the titles listed after it: "《A》《B》《C》等3项国家标准由…批准发布"
_TITLES_LISTED_WITH = r"(?:\s*[、，,和及与]?\s*《[^《》]{2,80}》)*\s*"
_STANDARDS_COUNT = r"[\d一二三四五六七八九十]{1,3}"
KIND_AFTER_RE = rx.compile(
    rf"^(?:的|\s*(?:[（(][^（）()《》]{{2,30}}[）)])?\s*(?:{_TITLES_LISTED_WITH}等{_STANDARDS_COUNT}项)?{_STANDARD_SCOPE})?"
    # (... or Macau's administrative regulation named by its title first: "《第三批不动产的评定》行政法规公布")
    r"(白皮书|联合声明|联合宣言|声明|宣言|通知|公告|决定|意见|报告|(?<=国家|行业|地方|团体)标准|行政法规)"
)
# An amendment bill named after the law it amends, whole or by its articles (Taiwan's 修正案): "》修正案",
# "》第12条之3条文修正案", "》部分条文修正案"
_ARTICLE = r"第[\d一二三四五六七八九十百]{1,4}条(?:之[\d一二三四五六七八九十]{1,3})?"
_AMENDED_PART = rf"(?:部分条文|{_ARTICLE}(?:[、及和]{_ARTICLE})*(?:条文)?)"  # the articles an amendment changes
AMENDMENT_AFTER_RE = rx.compile(rf"^{_AMENDED_PART}?修正案(?!草案)")

# -- issuers ---------------------------------------------------------------------------------------------------
ISSUER_ALIASES: dict[str, str] = {
    "中共中央办公厅": "中共中央办公厅",
    "中办": "中共中央办公厅",
    "中共中央": "中共中央",
    "党中央": "中共中央",
    "国务院办公厅": "国务院办公厅",
    "国办": "国务院办公厅",
    "国务院": "国务院",
    "全国人大常委会": "全国人大常委会",
    "国家发展和改革委员会": "国家发展改革委",
    "国家发展改革委": "国家发展改革委",
    "国家发改委": "国家发展改革委",
    "发展改革委": "国家发展改革委",
    "发改委": "国家发展改革委",
    "生态环境部": "生态环境部",
    "环境保护部": "环境保护部",  # the ministry of 2008-2018, under whose name its documents are still cited
    "环保部": "环境保护部",
    "工业和信息化部": "工业和信息化部",
    "工业和资讯化部": "工业和信息化部",  # as a Taiwan-printed page reads once converted (資訊 is its 信息)
    "工业与信息化部": "工业和信息化部",  # a common slip of the pen, even in ministries' own news
    "工信部": "工业和信息化部",
    "中国人民银行": "中国人民银行",
    "人民银行": "中国人民银行",
    "央行": "中国人民银行",
    "国家能源局": "国家能源局",
    "财政部": "财政部",
    "住房和城乡建设部": "住房和城乡建设部",
    "住建部": "住房和城乡建设部",
    "交通运输部": "交通运输部",
    "科学技术部": "科技部",
    "科技部": "科技部",
    "商务部": "商务部",
    "自然资源部": "自然资源部",
    "农业农村部": "农业农村部",
    "水利部": "水利部",
    "国家市场监督管理总局": "市场监管总局",
    "市场监管总局": "市场监管总局",
    "国务院国资委": "国务院国资委",
    "国资委": "国务院国资委",
    "中国证监会": "中国证监会",
    "证监会": "中国证监会",
    "中证监": "中国证监会",  # Hong Kong's press: 中证监, 中证监会
    "中证监会": "中国证监会",
    "中国银保监会": "中国银保监会",
    "银保监会": "中国银保监会",
    "国家林业和草原局": "国家林草局",
    "国家林草局": "国家林草局",
    "国家机关事务管理局": "国管局",
    "国管局": "国管局",
    "国务院新闻办公室": "国务院新闻办公室",
    "国务院新闻办": "国务院新闻办公室",
    "国新办": "国务院新闻办公室",
    "全国人民代表大会常务委员会": "全国人大常委会",
    "全国人大常务委员会": "全国人大常委会",
    "全国人大": "全国人大",
    "中央军委": "中央军委",
    "中共中央宣传部": "中共中央宣传部",
    "中共中央组织部": "中共中央组织部",
    "中央组织部": "中共中央组织部",
    "中央宣传部": "中共中央宣传部",
    "中央机构编制委员会办公室": "中央编办",
    "中央编办": "中央编办",
    "中央网信办": "中央网信办",
    "中央网络安全和信息化委员会办公室": "中央网信办",
    "中央网络安全和信息化委员会": "中央网信委",  # the commission itself issues plans (“十四五”国家信息化规划)
    "中央网信委": "中央网信委",
    # Bodies that co-sign joint documents with ministries (家庭教育规划, 适应气候变化战略).
    "中央文明办": "中央文明办",
    "中央精神文明建设指导委员会办公室": "中央文明办",
    "全国妇联": "全国妇联",
    "中华全国妇女联合会": "全国妇联",
    "全国总工会": "全国总工会",
    "中华全国总工会": "全国总工会",
    "共青团中央": "共青团中央",
    "中国科协": "中国科协",
    "中国科学技术协会": "中国科协",
    "中国科学院": "中国科学院",
    "中科院": "中国科学院",
    "中国工程院": "中国工程院",  # "科技部、…、中科院、工程院、国家能源局共同研究制定了": both academies co-sign
    "工程院": "中国工程院",
    "中国社会科学院": "中国社会科学院",
    "中国地震局": "中国地震局",
    "国家互联网信息办公室": "国家互联网信息办公室",
    "国家网信办": "国家互联网信息办公室",
    "网信办": "国家互联网信息办公室",
    "外交部": "外交部",
    "国防部": "国防部",
    "国家安全部": "国家安全部",
    "教育部": "教育部",
    "公安部": "公安部",
    "民政部": "民政部",
    "司法部": "司法部",
    "人力资源和社会保障部": "人力资源社会保障部",
    "人力资源社会保障部": "人力资源社会保障部",
    "人社部": "人力资源社会保障部",
    "住房城乡建设部": "住房和城乡建设部",
    "文化和旅游部": "文化和旅游部",
    "文旅部": "文化和旅游部",
    "国家疾病预防控制局": "国家疾控局",
    "国家疾控局": "国家疾控局",
    "国家卫生健康委员会": "国家卫生健康委",
    "国家卫生健康委": "国家卫生健康委",
    "国家卫健委": "国家卫生健康委",
    "卫健委": "国家卫生健康委",
    "卫生健康委": "国家卫生健康委",
    "退役军人事务部": "退役军人事务部",
    "应急管理部": "应急管理部",
    "应急部": "应急管理部",  # its short form in joint signature blocks (… 卫生健康委 应急部 市场监管总局)
    "审计署": "审计署",
    "海关总署": "海关总署",
    "国家税务总局": "国家税务总局",
    "税务总局": "国家税务总局",
    "国家外汇管理局": "国家外汇管理局",
    "外汇局": "国家外汇管理局",
    "国家金融监督管理总局": "国家金融监督管理总局",
    "金融监管总局": "国家金融监督管理总局",
    "中国银行保险监督管理委员会": "中国银保监会",
    "中国证券监督管理委员会": "中国证监会",
    "国家统计局": "国家统计局",
    "国家医疗保障局": "国家医保局",
    "国家医保局": "国家医保局",
    "国家知识产权局": "国家知识产权局",
    "国家药监局": "国家药监局",
    "国家药品监督管理局": "国家药监局",
    "药监局": "国家药监局",
    # Short names the news writes without 国家 (国家…局 forms are matched by the 国家 + name convention).
    "国家广播电视总局": "国家广播电视总局",
    "国家广电总局": "国家广播电视总局",
    "广电总局": "国家广播电视总局",
    "国家外汇局": "国家外汇管理局",
    "国家市场监管总局": "市场监管总局",
    "知识产权局": "国家知识产权局",
    "体育总局": "国家体育总局",
    "林草局": "国家林草局",
    "统计局": "国家统计局",
    "国家中医药局": "国家中医药管理局",
    "国务院台湾事务办公室": "国务院台办",
    "国务院台办": "国务院台办",
    "国台办": "国务院台办",
    # (one office under two names, the Party's and the State Council's: its spokesperson speaks for both)
    "中共中央台湾工作办公室": "国务院台办",
    "中共中央台办": "国务院台办",
    "交通部": "交通运输部",  # the names before the 2008 and 2018 reorganisations, still used in reprints
    "农业部": "农业农村部",
    # bodies of before the 2018 reform, under whose names their documents are still reported and cited
    "中国银行业监督管理委员会": "中国银监会",
    "中国银监会": "中国银监会",
    "银监会": "中国银监会",
    "中国保险监督管理委员会": "中国保监会",
    "中国保监会": "中国保监会",
    "保监会": "中国保监会",
    "国土资源部": "国土资源部",
    "国土部": "国土资源部",
    "文化部": "文化部",
    # ... and before the 2008 and 2013 reforms ("卫生部发布《…》", "铁道部下发通知")
    "卫生部": "卫生部",
    "铁道部": "铁道部",
    "信息产业部": "信息产业部",
    "国家电力监管委员会": "国家电力监管委员会",
    "国家电监会": "国家电力监管委员会",
    "电监会": "国家电力监管委员会",
    "安监总局": "国家安全监管总局",
    "国家环境保护总局": "国家环保总局",  # (one body, by its short name as 国家质检总局 is)
    "国家环保总局": "国家环保总局",
    "环保总局": "国家环保总局",
    "国家质量监督检验检疫总局": "国家质检总局",
    "国家质检总局": "国家质检总局",
    "质检总局": "国家质检总局",
    "国家工商行政管理总局": "国家工商总局",
    "国家工商总局": "国家工商总局",
    "工商总局": "国家工商总局",
    "国家食品药品监督管理总局": "国家食品药品监管总局",
    "国家食品药品监管总局": "国家食品药品监管总局",
    "食品药品监管总局": "国家食品药品监管总局",
    "国家安全生产监督管理总局": "国家安全监管总局",
    "国家安全监管总局": "国家安全监管总局",
    "安全监管总局": "国家安全监管总局",
    "国家卫生和计划生育委员会": "国家卫生计生委",
    "国家卫生计生委": "国家卫生计生委",
    "卫生计生委": "国家卫生计生委",
    "国家粮食和物资储备局": "国家粮食和物资储备局",
    "国家粮食和储备局": "国家粮食和物资储备局",
    "国家邮政局": "国家邮政局",
    "中国民用航空局": "中国民用航空局",
    "民航局": "中国民用航空局",
    "中国民航局": "中国民用航空局",
    "国家铁路局": "国家铁路局",
    "国家标准化管理委员会": "国家标准委",
    "国家标准委": "国家标准委",
    "国家乡村振兴局": "国家乡村振兴局",
    "国家国防科工局": "国家国防科工局",
    "中国气象局": "中国气象局",
    "最高人民法院": "最高人民法院",
    "最高人民检察院": "最高人民检察院",
    "最高法": "最高人民法院",
    "最高检": "最高人民检察院",
    "国务院关税税则委员会": "国务院关税税则委员会",
    "国务院金融稳定发展委员会": "国务院金融稳定发展委员会",
    "国务院金融委": "国务院金融稳定发展委员会",
    "国务院联防联控机制": "国务院联防联控机制",
    "国务院扶贫办": "国务院扶贫办",
    "国务院国有资产监督管理委员会": "国务院国资委",
    # Taiwan's authorities, under their own names (the corpus counts Hong Kong, Macau and Taiwan releases): its pages
    # print 行政院, 环境部, 经济部 … ("环境部今正式公告「…审核原则」"); a foreign country's ministry of the same name
    # is kept out by the country before it (_NOT_FOREIGN)
    "行政院": "行政院",
    "立法院": "立法院",
    "立院": "立法院",  # (as Taiwan's headlines shorten it: "立院三读《客家基本法》")
    "环境部": "环境部",
    "行政院环境保护署": "行政院环境保护署",
    "环保署": "行政院环境保护署",
    "经济部": "经济部",
    "卫生福利部": "卫生福利部",
    "卫福部": "卫生福利部",
    "金融监督管理委员会": "金融监督管理委员会",
    "金管会": "金融监督管理委员会",
    "数位发展部": "数位发展部",
    "行政院农业委员会": "行政院农业委员会",
    "农委会": "行政院农业委员会",
    "行政院环保署": "行政院环境保护署",
    # ... and the Executive Yuan's agencies under their former names, each one body (行政院卫生署 is not 行政院 and
    # Hong Kong's 卫生署): the public list of its councils and administrations before the 2012–2023 reorganisation
    **{
        f"行政院{name}": f"行政院{name}"
        for name in (
            "卫生署 劳工委员会 金融监督管理委员会 经济建设委员会 原子能委员会 公共工程委员会 国家科学委员会 "
            "研究发展考核委员会 海岸巡防署 新闻局 主计总处 主计处 消费者保护会 体育委员会 文化建设委员会"
        ).split()
    },
    # ... and by the short names the press gave them, 行政院 before them or not (行政院农委会 is one body, not 行政院
    # and its council)
    **{
        f"{head}{short}": f"行政院{name}"
        for short, name in (("劳委会", "劳工委员会"), ("经建会", "经济建设委员会"), ("原能会", "原子能委员会"))
        for head in ("", "行政院")
    },
    "行政院农委会": "行政院农业委员会",
    "劳动部": "劳动部",
    "内政部": "内政部",
    "国发会": "国家发展委员会",
    "国科会": "国家科学及技术委员会",
    "数发部": "数位发展部",
    "中央流行疫情指挥中心": "中央流行疫情指挥中心",
    # ... and the ministries' administrations by their own names, bare, as Taiwan's papers write them (not 能源署,
    # which the International Energy Agency's name ends, nor 移民署, any country's): each its ministry's
    **{
        short: full
        for full, shorts in (
            ("卫生福利部疾病管制署", "疾管署 疾病管制署"),
            ("卫生福利部国民健康署", "国民健康署 国健署"),
            ("卫生福利部健康保险署", "健保署"),
            ("卫生福利部食品药物管理署", "食药署"),
            ("农业部农粮署", "农粮署"),
            ("劳动部劳动力发展署", "劳动力发展署 劳发署"),
            ("劳动部职业安全卫生署", "职安署"),
            ("经济部中小及新创企业署", "中小及新创企业署"),
            ("经济部产业发展署", "产业发展署 产发署"),
            ("经济部水利署", "水利署"),
            ("环境部气候变迁署", "气候变迁署 气候署"),
            ("环境部资源循环署", "资源循环署"),
            ("交通部观光署", "观光署"),
        )
        for short in shorts.split()
    },
}
# Hong Kong's and Macau's bureaus and departments, by their official names and the short forms their press uses
# (the corpus counts their releases). On the mainland a bureau has its place before it (市教育局), which the
# look-behinds of the alias pattern keep out, and a name ending like one of these is another body's
# (生态环境局, 经济发展局: :data:`SAR_TAIL_HEADS`); names mainland cities also give a bureau (财政局, 卫生局, 旅游局,
# 房屋局, 海关) are left out, for a bare one could be either.
SAR_BODIES: dict[str, str] = {
    "政务司": "香港特别行政区政务司",
    "财政司": "香港特别行政区财政司",
    "律政司": "香港特别行政区律政司",
    "公务员事务局": "香港特别行政区公务员事务局",
    "政制及内地事务局": "香港特别行政区政制及内地事务局",
    "文化体育及旅游局": "香港特别行政区文化体育及旅游局",
    "环境及生态局": "香港特别行政区环境及生态局",
    "环境局": "香港特别行政区环境局",
    "医务卫生局": "香港特别行政区医务卫生局",
    "食物及卫生局": "香港特别行政区食物及卫生局",
    "民政及青年事务局": "香港特别行政区民政及青年事务局",
    "民政事务局": "香港特别行政区民政事务局",
    "劳工及福利局": "香港特别行政区劳工及福利局",
    "保安局": "香港特别行政区保安局",
    "商务及经济发展局": "香港特别行政区商务及经济发展局",
    "发展局": "香港特别行政区发展局",
    "财经事务及库务局": "香港特别行政区财经事务及库务局",
    "运输及物流局": "香港特别行政区运输及物流局",
    "运输及房屋局": "香港特别行政区运输及房屋局",
    "创新科技及工业局": "香港特别行政区创新科技及工业局",
    "创新及科技局": "香港特别行政区创新及科技局",
    "环境保护署": "香港特别行政区环境保护署",
    "运输署": "香港特别行政区运输署",
    "入境事务处": "香港特别行政区入境事务处",
    "卫生署": "香港特别行政区卫生署",
    "屋宇署": "香港特别行政区屋宇署",
    "地政总署": "香港特别行政区地政总署",
    "规划署": "香港特别行政区规划署",
    "渠务署": "香港特别行政区渠务署",
    "水务署": "香港特别行政区水务署",
    "机电工程署": "香港特别行政区机电工程署",
    "社会福利署": "香港特别行政区社会福利署",
    "社署": "香港特别行政区社会福利署",
    "房屋署": "香港特别行政区房屋署",
    "房屋委员会": "香港房屋委员会",  # the statutory authority that sets public housing's rents
    "房委会": "香港房屋委员会",
    "劳工处": "香港特别行政区劳工处",
    "香港金融管理局": "香港特别行政区金融管理局",
    "金管局": "香港特别行政区金融管理局",
    "证券及期货事务监察委员会": "香港特别行政区证券及期货事务监察委员会",
    "香港证监会": "香港特别行政区证券及期货事务监察委员会",  # (证监会 alone is the mainland's, unless a page says)
    "保险业监管局": "香港特别行政区保险业监管局",
    "强制性公积金计划管理局": "香港特别行政区强制性公积金计划管理局",
    "积金局": "香港特别行政区强制性公积金计划管理局",
    "渔农自然护理署": "香港特别行政区渔农自然护理署",
    "渔护署": "香港特别行政区渔农自然护理署",
    "食物环境卫生署": "香港特别行政区食物环境卫生署",
    "食环署": "香港特别行政区食物环境卫生署",
    "康乐及文化事务署": "香港特别行政区康乐及文化事务署",
    "民政事务总署": "香港特别行政区民政事务总署",
    "路政署": "香港特别行政区路政署",
    "土木工程拓展署": "香港特别行政区土木工程拓展署",
    "知识产权署": "香港特别行政区知识产权署",
    "消防处": "香港特别行政区消防处",
    "警务处": "香港特别行政区警务处",
    "香港海关": "香港特别行政区海关",
    "教育局": "香港特别行政区教育局",
    # (… and the rest of the government's public list of its departments whose names no mainland body has)
    **{
        name: f"香港特别行政区{name}"
        for name in (
            "创新科技署 投资推广署 工业贸易署 民航处 海事处 政府统计处 政府新闻处 香港天文台 建筑署 差饷物业估价署 "
            "土地注册处 公司注册处 破产管理署 法律援助署 惩教署 政府化验所 政府物流服务署 政府产业署 库务署 "
            "旅游事务署 效率促进办公室 数字政策办公室 通讯事务管理局办公室 在职家庭及学生资助事务处"
        ).split()
    },
    "经济及科技发展局": "澳门特别行政区经济及科技发展局",
    "经济局": "澳门特别行政区经济局",
    "环境保护局": "澳门特别行政区环境保护局",
    "交通事务局": "澳门特别行政区交通事务局",
    "社会工作局": "澳门特别行政区社会工作局",
    "劳工事务局": "澳门特别行政区劳工事务局",
    "土地工务局": "澳门特别行政区土地工务局",
    "土地工务运输局": "澳门特别行政区土地工务运输局",
    "教育及青年发展局": "澳门特别行政区教育及青年发展局",
    "教育暨青年局": "澳门特别行政区教育暨青年局",
    "市政署": "澳门特别行政区市政署",
    "民政总署": "澳门特别行政区民政总署",
    "澳门金融管理局": "澳门特别行政区金融管理局",
    "经济财政司": "澳门特别行政区经济财政司",
    "社会文化司": "澳门特别行政区社会文化司",
    "运输工务司": "澳门特别行政区运输工务司",
    "行政法务司": "澳门特别行政区行政法务司",
    "保安司": "澳门特别行政区保安司",
    "能源业发展办公室": "澳门特别行政区能源业发展办公室",
    "治安警察局": "澳门特别行政区治安警察局",
    # (… and Macau's departments whose names no mainland body has)
    **{
        name: f"澳门特别行政区{name}"
        for name in (
            "贸易投资促进局 贸促局 海事及水务局 地球物理气象局 统计暨普查局 法务局 身份证明局 博彩监察协调局 "
            "公共建设局 行政公职局 司法警察局 高等教育局 金融情报办公室"
        ).split()
    },
    "澳门海关": "澳门特别行政区海关",
    "香港邮政": "香港特别行政区香港邮政",
    "卫生防护中心": "香港特别行政区卫生防护中心",
    # Hong Kong's Centre for Food Safety acts for the department it is part of (食物环境卫生署食物安全中心); Macau's is
    # 食品安全中心, and the mainland has no body of the name
    "食物安全中心": "香港特别行政区食物环境卫生署",
    "特区政府": "特别行政区政府",  # (Hong Kong's or Macau's: the page names which, the name does not)
    "香港特区政府": "香港特别行政区政府",
    "澳门特区政府": "澳门特别行政区政府",
    "港府": "香港特别行政区政府",
    "香港政府": "香港特别行政区政府",
    "澳门政府": "澳门特别行政区政府",
}
ISSUER_ALIASES |= SAR_BODIES
# Taiwan's press names its cities' and counties' governments by one character of the place (中市府 for 台中市政府,
# 桃市府, 北市府, 竹县府): a closed, public set. Read as the government only where no character of a word is glued
# before it ("提高市府" is no 高雄; "济南市府" no 台南), or after a word introducing a body (由, 与, 和, 及, 经, 据).
TAIWAN_SHORT_GOVERNMENTS: dict[str, str] = {
    "北市府": "台北市政府",
    "新北市府": "新北市政府",
    "桃市府": "桃园市政府",
    "中市府": "台中市政府",
    "南市府": "台南市政府",
    "高市府": "高雄市政府",
    "竹市府": "新竹市政府",
    "嘉市府": "嘉义市政府",
    "竹县府": "新竹县政府",
    "嘉县府": "嘉义县政府",
}
ISSUER_ALIASES |= TAIWAN_SHORT_GOVERNMENTS
# (heads of the longer names a bare Hong Kong or Macau name ends: 生态环境局, 经济发展局, 联合国环境规划署)
SAR_TAIL_HEADS: tuple[str, ...] = ("生态", "环境", "人居", "经济", "产业", "城乡", "乡村", "农业", "科技", "投资")
SAR_TAIL_HEADS += ("商务", "人才", "能源", "社会", "区域", "服务", "文化", "和", "与")
# Self-regulatory and social bodies publish rules, plans and proposals too (上交所"十四五"发展规划, 行业协会倡议书):
# those are not a government body's policy documents.
NON_GOVERNMENT_RE = rx.compile(
    r"交易所|上交所|深交所|北交所|[\u4e00-\u9fff]{2,8}?(?:协会|商会|学会|研究会|研究院|联合会)"
    r"|\d+家(?:机构|企业|单位|公司|协会|平台|银行)"  # bodies counted by 家 are establishments, not government
)
_ALIASES_LONGEST_FIRST = sorted(ISSUER_ALIASES, key=len, reverse=True)
# "省发改委", "市财政局": a central body's short name right after 省/市/县/区 is that place's own office, not the
# central body (its place is named elsewhere in the article; see ANAPHOR_RE).
# (a name that ends another name is its own body only where the rest of the other does not come before it: 环境部
# in 生态环境部, 保监会 in 银保监会)


def _alias_guard(alias: str) -> str:
    """Look-behinds keeping ``alias`` from matching as the tail of a longer alias."""
    if alias in TAIWAN_SHORT_GOVERNMENTS:
        return r"(?:(?<![\u4e00-\u9fff])|(?<=[由与和及经据]))"
    heads = {a[: -len(alias)] for a in ISSUER_ALIASES if a != alias and a.endswith(alias)}
    if alias in SAR_BODIES:
        # (… nor a department a city's or county's government named before it has: 台中市政府环境保护局 is no Macau
        # bureau; 特区政府环境局 is Hong Kong's)
        heads |= set(SAR_TAIL_HEADS) | {"市政府", "县政府", "市府", "县府"}
    return "".join(f"(?<!{re.escape(h)})" for h in sorted(heads))


_ALIAS_ALT = "(?<![省市县区])(?:" + "|".join(_alias_guard(a) + re.escape(a) for a in _ALIASES_LONGEST_FIRST) + ")"
# Provinces (a closed, public list) and cities: 浙江省, 北京市住建委, 深圳市人民政府, 杭州市发展改革委.
PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|"
    "贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
# Taiwan's cities and counties, whose ordinances and councils are not the mainland's (simplified, as the rules read)
TAIWAN_PLACES = (
    "台北|臺北|新北|桃园|台中|臺中|台南|臺南|高雄|基隆|新竹|嘉义|苗栗|彰化|"  # the cities and the northern counties
    "南投|云林|屏东|宜兰|花莲|台东|臺東|澎湖|金门|连江"
)
_OFFICE_SUFFIX = (
    r"[\u4e00-\u9fff]{1,16}?(?:厅|(?<!当)局|委员会|委|办公室|(?<![举开创兴承主协督包代筹申操查帮照])办(?!公|法|理)|指挥部|领导小组办公室|领导小组|工作组"
    r"|协调中心|指挥中心|防控中心|联防联控机制|协调机制|人民法院|人民检察院|(?<=消防救援)(?:总队|支队|大队))"
    # a public security bureau's traffic police, which sign traffic notices in their own name (安乡县公安局交通警察大队,
    # 深圳市公安局交通警察局, 莆田市公安局交通管理支队涵江大队)
    r"(?:(?<=公安局|公安厅)(?:交通警察|交通管理|交警)(?:总队|支队|大队|局)(?:[\u4e00-\u9fff]{2,4}?大队)?)?"
)
# Taiwan's short form of a county's or city's government (彰化县府, 基隆市府, 县府 alone), not a street or a building
# of it
_GOVERNMENT_NOT_BUILDING = r"(?!路|街|大楼|大院|广场|前|门)"
_BODY_SUFFIX = (
    rf"(?:人民政府(?:办公厅|办公室)?|政府(?:办公厅|办公室)?|行政公署(?:办公室)?|{_OFFICE_SUFFIX}|委(?!员)(?:办公厅)?"
    # a place's procuratorate or court right after its name (福建省人民检察院, 北京市高级人民法院)
    r"|(?:高级|中级)?人民(?:检察院|法院)"
    rf"|(?<=[县市])府{_GOVERNMENT_NOT_BUILDING}"
    # a place's people's congress, which adopts its regulations (天津市第十七届人民代表大会), not its government
    r"|(?:第?[一二三四五六七八九十]{1,3}届)?人民代表大会(?!常务委员会|常委会|代表))"
)
_PROVINCE_SUFFIX = r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)"
# Cities and leagues whose own name has four characters (a closed public list: 鄂尔多斯市, 克拉玛依市, 锡林郭勒盟);
# other names have two or three, and a longer generic span would swallow the word before the name (日前大同市).
_LONG_PLACE = (
    "乌鲁木齐|克拉玛依|鄂尔多斯|呼和浩特|齐齐哈尔|巴彦淖尔|乌兰察布|锡林郭勒|锡林浩特|乌兰浩特|二连浩特|霍林郭勒"
    "|额尔古纳|阿拉山口|图木舒克|可克达拉|香格里拉"
)
# A year named by its relation to now is no place: "今年市府自行编列…" is this year's city government, not 今年市's
_TIME_YEAR = r"(?:今|去|明|前|后|本|当|同|近|往|每|全|上|次|历|多|早|新|翌|该|是)年"
# ... nor is the reporter who heard the news from a body ("记者从市发改委获悉" is the city's commission, not
# 记者从市's), nor an approval's words ("市人民政府同意市教育局修订的《X》" names no 府同意市), nor the verb a
# sentence puts before the body it acts on or with ("要求市发改委牵头", "委托市生态环境局", "报请省政府批准")
_VERBS_BEFORE_A_BODY = (
    "同意|批准|提请|报请|商请|协调|要求|督促|通过|指导|配合|协助|牵头"
    "|交由|委托|授权|组织|推动|支持|鼓励|引导|明确|建议|责成"
)
# ... nor the end of a disclosure page's field label glued to the value after it ("主题词黄石市生态环境保护工作领导小组
# 办公室" is 黄石市's office, not 词黄石市's)
_NOT_PLACE = rf"{_TIME_YEAR}|记者|笔者|者从|词|[\u4e00-\u9fff]?(?:{_VERBS_BEFORE_A_BODY})"
_PLACE_NAME = rf"(?:{_LONG_PLACE}|(?!{_NOT_PLACE})[\u4e00-\u9fff]{{2,3}}?)"
# An autonomous prefecture, county or banner names its peoples before 自治 (互助土族自治县, 黔东南苗族侗族自治州,
# 莫力达瓦达斡尔族自治旗): the state's closed list of 55 peoples, with or without 族 (伊犁哈萨克自治州, 鄂伦春自治旗).
_PEOPLE_NAMES = (
    "维吾尔|乌孜别克|柯尔克孜|俄罗斯|达斡尔|塔吉克|鄂温克|鄂伦春|塔塔尔|哈萨克|土家|蒙古|布依|朝鲜|哈尼|傈僳|仡佬"
    "|东乡|高山|拉祜|纳西|仫佬|锡伯|景颇|毛南|撒拉|布朗|阿昌|普米|基诺|德昂|保安|裕固|门巴|独龙|赫哲|珞巴"
    "|壮|满|回|苗|彝|藏|侗|瑶|白|黎|傣|畲|水|佤|羌|土|怒|京"
)
_PEOPLES = rf"(?:(?:{_PEOPLE_NAMES})族?)"
_AUTONOMOUS = rf"{_PEOPLES}{{1,4}}自治(?:州|县|旗)"
_CITY = rf"{_PLACE_NAME}(?:{_AUTONOMOUS}|市|州|县|区|盟)"
# A bare province name is an issuer only where a verb or a list follows ("浙江近日印发", "浙江、江苏"), not as the
# first word of a company or place name (陕西金叶, 北京时间).
_BARE_NEXT = (
    r"(?=近日|日前|今日|今天|昨日|昨天|最新|正式|联合|相继|陆续|也|已|再|又|还|对外|发布|印发|出台|公布|推出|发文|等|、|和|与|及"
    r"|[^\u4e00-\u9fff]|$)"
)
# A district named alone is an issuer only right before a release verb ("梁溪区出台了人才购房实施办法"); places
# that are not governments (景区, 小区, 园区, 社区 …) are not.
_AREAS = "景区 小区 园区 社区 地区 校区 城区 市区 辖区 灾区 厂区 展区 片区 专区 聚集区 示范区".split()
_AREAS += "多区 各区 两区 几区 数区".split()  # counts of districts (深圳多区发布通告)
_NOT_DISTRICT = "".join(f"(?<!{w})" for w in _AREAS)
# Function words that open a phrase, never a place's name ("据杭州市…", "在成都市…", "由北京市…").
_NOT_NAME_START = (
    "据在由从对经向将被照发知守实彻为以"  # 照, 发, 知, 守, 实, 彻: the tails of 按照, 印发, 通知, 遵守, 落实, 贯彻; 为
    # the copula (主管机关为高雄市政府); 以 the body something is done in the name of (以县环保委员会名义出台)
)
_DISTRICT_NAME = rf"(?![{_NOT_NAME_START}该])[\u4e00-\u9fff]{{2,3}}?区{_NOT_DISTRICT}"
# (the adverbs and time words a clause puts between its actor and the verb: "郑州市还进一步发布了",
# "上海昨天对外公布了")
_ACTOR_ADVERBS = (
    r"(?:近日|日前|近期|今日|今天|昨日|昨天|正式|对外|还|也|又|再次|再|进一步|先后|相继|陆续|率先|首次|已经|已){0,3}"
)
# (… and the release verb a place named alone must come before, to be read as its government: "郑州市发布了…")
_BEFORE_RELEASE_VERB = rf"(?={_ACTOR_ADVERBS}(?:出台|发布|印发|推出|发文|发出|公布))"
_BARE_DISTRICT = rf"(?<![\u4e00-\u9fff]){_DISTRICT_NAME}{_BEFORE_RELEASE_VERB}"
DISTRICT_NAME_RE = rx.compile(_DISTRICT_NAME)
# A city named alone, likewise, right before a release verb: "银川市发布低碳城市发展规划" (its government). Its
# name holds no function word ("也是我市发布的首个规划" names no city) and no count ("90多个城市发布了计划").
_NOT_IN_CITY_NAME = f"{_NOT_NAME_START}该全本各每此其我也是的了和与及并已为个多几些两数省属"  # 江苏省昆山市: 昆山市
# (a verb that carries a city's body is no part of the city's name: "…办公厅转发市民政局…", "批转市发展改革委…")
# (... nor is the second character of one: "发布深圳市住房和建设局关于…" names 深圳市…, not 布深圳市…; "出台台州市…")
_NOT_VERB_TAIL = r"(?!(?<=[发公颁宣])布|(?<=出)台)"
_VERB_BEFORE_BODY = rf"(?!转发|批转|印发|发布|公布|颁布|下发|联合|会同){_NOT_VERB_TAIL}"
# Words that run into a relative body's 市 and are no place: "根据市政府办公室…", "报送至市人民政府", "加强市…",
# "年度湖州市…", "一季度市财政局", "厅转发市文化局", "中共宜宾市委" (not 共宜宾市委), "中国共产党拉萨市…",
# "各省、自治区、直辖市广播影视局" (an addressee list)
_NOT_A_PLACE_WORD = (
    r"(?!根据|关于|(?<=关)于|报送|加强|支持|(?<=支)持|(?<=[年季])度|一季度|(?<=中)共|(?<=产)党|直辖市|工作在"
    r"|[\u4e00-\u9fff]?(?:转发|下发|印发)"
    # (an enumeration's marker before a relative body: "一是县政府发布了…", "其次市财政局…")
    r"|[一二三四五六七八九十]是|首先|其次|再次|此外|另外|同时"
    r"|(?<=[一二三四五六七八九十])是|(?<=[其再])次|(?<=首)先|(?<=[此另])外|(?<=同)时"
    r"|(?<=办)法"  # (… nor the end of the title before it: "长沙市节约能源办法长沙市人民政府")
    # (... from any character of such a word: "报送至市" is no 送至市, "持续加强市" no 续加强市)
    # (… nor a period's word: "新一期市人民政府令", "本期市…" name no city 新一期市)
    r"|[\u4e00-\u9fff]{0,2}(?:根据|报送|送至|加强|一批|季度|工作在|期)(?:市|州|县|盟)"
    # (… nor a verb of going in or out: "要求离市人员…" names no city 要求离市, "进返京" none)
    r"|[\u4e00-\u9fff]{0,2}(?:离|出|进|返|赴)市)"
)
# A time word written without a comma is no part of the place after it: "近日十堰市人民政府印发" (十堰市, not 日十堰市),
# "日前杭州市人民政府…", "近期…".
_NOT_AFTER_TIME_WORD = (
    r"(?!近日|日前|今日|昨日|近期|目前|(?<=[近今昨当次同本翌是])日|(?<=[日目])前|(?<=近)期"
    # ... nor a date's last character: "3月1日杭州市人民政府印发" (杭州市, not 日杭州市), "…十月二十五日南昌市…"
    r"|(?<=[0-9０-９一二三四五六七八九十〇零])[日月年号])"
)
# A place's own name of two or three characters before its level (市, 县), none of them a word that is no name's
_SHORT_PLACE_NAME = rf"(?:(?![{_NOT_IN_CITY_NAME}])[\u4e00-\u9fff]){{2,3}}?"
_BARE_CITY_NAME = rf"{_NOT_VERB_TAIL}(?:{_LONG_PLACE}|{_SHORT_PLACE_NAME})市"
BARE_CITY_NAME_RE = rx.compile(_BARE_CITY_NAME)
# (after a date, "3月1日郑州市发布了…", the city starts past 日: never "日郑州市")
_AFTER_DATE = r"(?:(?<![\u4e00-\u9fff])|(?<=\d[日月]))(?!(?<=\d)[日月年号])"
_BARE_CITY = rf"{_AFTER_DATE}{_BARE_CITY_NAME}{_BEFORE_RELEASE_VERB}"
# ... and a county ("彰化县推出358生育补助加码政策", "湖口县出台…"): its government; not 全县, 该县, 我县, nor a year's
# word before the county's own (今年县府…)
_BARE_COUNTY_NAME = rf"(?!{_TIME_YEAR})(?![{_NOT_IN_CITY_NAME}])[\u4e00-\u9fff]{{2,3}}?县"
BARE_COUNTY_NAME_RE = rx.compile(_BARE_COUNTY_NAME)
_BARE_COUNTY = rf"{_AFTER_DATE}{_BARE_COUNTY_NAME}{_BEFORE_RELEASE_VERB}"
# A banner's government (鄂托克前旗人民政府, 新巴尔虎左旗人民政府办公室), its name read whole: from a clause's start.
_BANNER = (
    r"(?:(?<![\u4e00-\u9fff])(?!近日|日前|今日|今天)|(?<=近日|日前|今日|今天))"
    r"[\u4e00-\u9fff]{2,8}?旗(?:人民政府(?:办公室)?|政府(?:办公室)?)"  # 达尔罕茂明安联合旗
)
# A county or district under the city just named (四川省成都市武侯区人民政府, 张掖市临泽县人民政府); an autonomous
# county or a banner under its province or city, named whole however long its name (黑龙江省杜尔伯特蒙古族自治县,
# 内蒙古自治区鄂托克前旗, 包头市达尔罕茂明安联合旗): a banner's only where its government or an office follows, never
# a company's 旗下 (浙江省能源集团旗下).
_COUNTY_UNDER = (
    rf"(?:[\u4e00-\u9fff]{{2,5}}?{_PEOPLES}{{1,4}}自治(?:县|旗)"
    rf"|[\u4e00-\u9fff]{{2,8}}?旗(?=人民政府|政府|{_OFFICE_SUFFIX}))"
)
_SUB_COUNTY = rf"(?:[\u4e00-\u9fff]{{2,3}}?(?:区|县|旗)|{_COUNTY_UNDER})"
_LOCAL_GOV = (
    rf"(?:(?:{PROVINCES}){_PROVINCE_SUFFIX}(?:{_CITY}{_SUB_COUNTY}?|{_COUNTY_UNDER})?{_BODY_SUFFIX}?"
    rf"|(?:{PROVINCES}){_CITY}{_SUB_COUNTY}?{_BODY_SUFFIX}?"
    rf"|(?:{PROVINCES}|首都){_OFFICE_SUFFIX}"
    rf"|(?:{PROVINCES}){_BARE_NEXT}"
    rf"|(?![{_NOT_NAME_START}和与及或并同省市县区州旗盟]){_VERB_BEFORE_BODY}{_NOT_A_PLACE_WORD}{_NOT_AFTER_TIME_WORD}"
    # (a place's 市 is never the first character of 市场: "发布国家市场监管总局…" names no city "布国家市")
    # (... or by its short name, the peoples left out: 彭水自治县, 酉阳自治县)
    rf"(?:[\u4e00-\u9fff]{{2,5}}?{_AUTONOMOUS}|{_PLACE_NAME}自治(?:州|县|旗)|{_PLACE_NAME}(?:(?<!县)市(?!场)|州|县|盟))"
    rf"(?:[\u4e00-\u9fff]{{2,3}}?区|{_COUNTY_UNDER})?"
    rf"{_BODY_SUFFIX}"
    # a county named by one character (杞县人民政府, 沛县), never 该县/全县/本县
    rf"|(?<![\u4e00-\u9fff])(?![该全本各每此其一两外邻郊县市{_NOT_NAME_START}和与及或并同])[\u4e00-\u9fff]县"
    rf"(?:人民政府(?:办公室)?|政府|{_OFFICE_SUFFIX})"  # 易县洪崖山综合治理工作指挥部 too
    rf"|{_BARE_DISTRICT}|{_BARE_CITY}|{_BARE_COUNTY}|{_BANNER})"
)
# A town's or township's government and a city's street office, the lowest level of government (诸暨市安华镇人民政府,
# 永川区来苏镇人民政府, 腰山镇人民政府, 东城街道办事处), maybe under its province, city and county; not a generic one
# (各乡镇人民政府, 有关乡镇人民政府) nor the 乡 of 城乡.
_TOWN_NAME = r"(?!各|全|本|该|每|其|有关|相关|所在|辖区|我|另)(?:(?![市县区旗州盟省])[\u4e00-\u9fff]){2,4}?"
_TOWN_PLACE = rf"{_TOWN_NAME}(?<![乡镇城])(?:镇|乡)"  # 安华镇, 来苏镇 (not 乡镇, 城乡)
_ABOVE_TOWN = rf"(?:(?:{PROVINCES}){_PROVINCE_SUFFIX})?(?:{_PLACE_NAME}(?:市|州|盟))?(?:{_PLACE_NAME}(?:县|区|旗|市))?"
# (... Taiwan's township and county-administered city offices, 公所: 罗东镇公所, 竹崎乡公所, 苗栗市公所)
_TOWN_BODY = (
    rf"(?:{_TOWN_PLACE}(?:人民政府|政府|公所)(?:办公室)?|{_TOWN_NAME}街道办事处"
    rf"|{_TOWN_NAME}(?<![乡镇城])市公所)"
)
_TOWN = rf"{_ABOVE_TOWN}{_TOWN_BODY}"
TOWN_TAIL_RE = rx.compile(rf"{_TOWN_BODY}$")
TOWN_PARTY_TAIL_RE = rx.compile(rf"(?P<town>{_TOWN_PLACE})委(?:员会)?$")
# Central bodies named by the public convention 国家 + name + 局/委/署 (国家能源局, 国家医保局).
# (not a verb ending in 署: "国家主席习近平签署" is the President signing, 部署 a deployment)
_NATIONAL = r"国家[\u4e00-\u9fff]{1,8}?(?:总局|局|委员会|委|(?<![签部])署)"
# "11部门", "商务部等13部门", "多部门": a joint release; the first named body leads it.
_COUNT = r"[0-9０-９一二三四五六七八九十两]{1,3}"
_MULTI = rf"(?:{_COUNT}个?(?:部门和单位|部门|部委|部委局|部门单位|省份|省区市|省市区|省市)|多部门|多部委|多省份?)"
MULTI_RE = rx.compile(_MULTI)
# A central body's local branch is an issuer of its own (国家税务总局北京市税务局, 中国人民银行上海总部,
# 国家金融监督管理总局深圳监管局): the central name, a province or city, then the branch's kind.
_BRANCH = (
    rf"(?:(?:{_NATIONAL}|中国人民银行|人民银行|中国证监会|证监会|中国银保监会|银保监会)"
    rf"(?:(?:{PROVINCES}){_PROVINCE_SUFFIX}?|[\u4e00-\u9fff]{{2,3}}?市?)(?:{_CITY})?"
    # (国家金融监督管理总局安徽监督管理局: the regulator's office writes its kind out in full)
    r"(?:税务局|监督管理局|监管局|监管分局|证监局|银保监局|分局|分行营业管理部|分行|中心支行|营业管理部|总部)"
    # ... and the Academy of Sciences' branch in a region (中国科学院沈阳分院), no part of the Academy itself
    rf"|(?:中国科学院|中科院)(?:(?:{PROVINCES}){_PROVINCE_SUFFIX}?|[\u4e00-\u9fff]{{2,3}}?)分院)"
)
BRANCH_RE = rx.compile(_BRANCH)
# Foreign bodies share the short names of Chinese ones (美国商务部, 欧洲央行, 美国证监会, 日本财务省): a body
# name right after a foreign country or region is not a Chinese issuer.
FOREIGN_PLACES = (
    "美国 美 欧洲 欧元区 欧盟 日本 英国 英 韩国 韩 俄罗斯 俄 印度 加拿大 澳大利亚 澳洲 新西兰 瑞士 瑞典 挪威 "
    "丹麦 芬兰 冰岛 土耳其 巴西 阿根廷 智利 秘鲁 墨西哥 哥伦比亚 南非 埃及 尼日利亚 德国 德 法国 意大利 西班牙 "
    "葡萄牙 荷兰 比利时 奥地利 波兰 匈牙利 捷克 希腊 爱尔兰 乌克兰 新加坡 泰国 印尼 印度尼西亚 马来西亚 菲律宾 "
    "越南 以色列 沙特 阿联酋 伊朗 巴基斯坦 哈萨克斯坦 蒙古 朝鲜 全球 各国 多国 外国 海外 境外 该国 他国"
).split()
_NOT_FOREIGN = "".join(
    "(?<!" + "|".join(re.escape(p) for p in sorted({p for p in FOREIGN_PLACES if len(p) == n})) + ")"
    for n in sorted({len(p) for p in FOREIGN_PLACES})
)  # one look-behind per name length: alternatives of one width are allowed, and the patterns stay small
FOREIGN_SUBJECT_RE = rx.compile(
    # (内蒙古人民政府 is Inner Mongolia's: 蒙古 after 内 is no foreign country)
    # (longest first, names of one length in code-point order: a set's order changes from process to process, and the
    # pattern's text must not, or the compiled-regex cache would never find it)
    rf"(?<!内)(?:{'|'.join(sorted(set(FOREIGN_PLACES), key=lambda p: (-len(p), p)))})[\u4e00-\u9fff]{{0,10}}?"
    r"(?:央行|联储|政府|部|局|委员会|委|署|议会|国会|白宫|总统|总理|首相|银行|当局|监管机构)"
)
# The Central Military Commission's departments sign joint releases with ministries (中央军委政治工作部).
_CMC_DEPT = r"中央军委[\u4e00-\u9fff]{2,4}?(?:工作部|保障部|参谋部|管理部|发展部|动员部|委员会|办公厅)"
# A development zone's administrative committee governs it (金华经济技术开发区管委会, 苏州工业园区管理委员会).
_ZONE_BODY = (
    r"[\u4e00-\u9fff]{2,12}?(?:经济技术开发区|高新技术产业开发区|开发区|经开区|新区|工业园区|园区|高新区|自贸区|保税区|试验区"
    r"|示范区|合作区)"
    r"(?:管理委员会|管委会)"
)
# The State Council's coordinating bodies sign on their own (国务院未成年人保护工作领导小组, 国务院食品安全委员会).
_STATE_COUNCIL_BODY = (
    r"国务院(?!办公厅|新闻办|国资委|联防联控)[\u4e00-\u9fff]{2,16}?(?:领导小组|委员会|联席会议)(?:办公室)?"
)
# A local Party committee and its departments sign joint documents with the government's (中共成都市委社会工作部,
# 中共浙江省委办公厅): the whole name, not a city read out of "共成都市".
_PARTY = (
    # a town's or township's committee, maybe under its province, city and county (中共重庆市永川区来苏镇委员会)
    rf"中共{_ABOVE_TOWN}{_TOWN_PLACE}委(?:员会)?|"
    # a city's, or a district's named with its city (中共襄阳市襄城区委)
    rf"中共(?:(?:{PROVINCES}){_PROVINCE_SUFFIX}?|[\u4e00-\u9fff]{{2,4}}?(?:市|州|县|区)(?:[\u4e00-\u9fff]{{1,4}}?(?:区|县|市))?)"
    r"委(?:员会)?"
    # ... and its departments, offices and working committees (中共陕西省委网信办, 中共安徽省委教育工委)
    r"(?:[\u4e00-\u9fff]{0,12}?(?:部|办公厅|委员会办公室|办公室|委员会|工委|网信办))?"
    # a zone's Party working committee (中共河北雄安新区工作委员会), which signs with the zone's committee
    r"|中共[\u4e00-\u9fff]{2,10}?(?:新区|开发区|园区|自贸区)(?:工作委员会|工委)"
)
# Taiwan's ministries' administrations (署), named under their ministry after the 2023 reorganisation (经济部能源署,
# 农业部农粮署, 劳动部职业安全卫生署, 卫生福利部健康保险署): a body of its own, not the ministry (nor, by its tail, a
# Hong Kong department, 卫生署). A closed, public list: the mainland's ministries have no 署 under them.
_TAIWAN_AGENCY = (
    r"(?:经济部(?:能源|国际贸易|产业发展|中小及新创企业|商业发展|水利)"
    r"|交通部(?:观光|中央气象)"
    r"|内政部(?:国土管理|移民|警政|消防|营建|役政)"
    r"|环境部(?:气候变迁|资源循环|化学物质管理|环境管理)"
    r"|农业部(?:农粮|渔业|动植物防疫检疫|林业及自然保育|农田水利|农村发展及水土保持)"
    r"|劳动部(?:劳动力发展|职业安全卫生)"
    r"|(?:卫生福利部|卫福部)(?:健康保险|健保|食品药物管理|疾病管制|国民健康|社会及家庭)"
    r"|数位发展部(?:数位产业|资通安全)"
    r"|教育部(?:体育|青年发展|国民及学前教育))署"
)
TAIWAN_AGENCY_RE = rx.compile(_TAIWAN_AGENCY)
# Bodies named by a convention of their own, tried before the short names and the places.
_SPECIAL_BODIES = rf"{_BRANCH}|{_CMC_DEPT}|{_STATE_COUNCIL_BODY}|{_ZONE_BODY}|{_TAIWAN_AGENCY}"
# "国务院有关部门", "市政府相关部门", "省政府各部门": departments under a body, not the body itself, which does not sign
# ("发展改革委会同国务院有关部门制定了" is the commission's document); "各地财政部门", "环保部门" name a kind of office,
# no ministry (while 政府门户网站 is the government's own site).
_NOT_ITS_DEPARTMENTS = r"(?!(?<=部)门|各?(?:有关|相关)?(?:部门|单位))"
ISSUER_RE = rx.compile(
    rf"{_NOT_FOREIGN}(?:{_SPECIAL_BODIES}|{_ALIAS_ALT}|{_PARTY}|{_TOWN}|{_LOCAL_GOV}|{_NATIONAL}|{_MULTI}){_NOT_ITS_DEPARTMENTS}"
)
# The State Council's standard short forms (规范简称) of central bodies that a province or city has a body of too
# (能源局, 气象局 …): read only in a joint list, the central body's among central bodies ("…农业部、林业局、气象局、
# 海洋局联合制定了", a signature's "气象局 林草局"), the place's after its bodies (see _resolve_joint_places).
CENTRAL_SHORT_FORMS = {
    "气象局": "中国气象局",
    "能源局": "国家能源局",
    "林业局": "国家林业局",
    "海洋局": "国家海洋局",
    "邮政局": "国家邮政局",
    "文物局": "国家文物局",
    "铁路局": "国家铁路局",
    "中医药局": "国家中医药管理局",
    "粮食和储备局": "国家粮食和物资储备局",
    "烟草局": "国家烟草专卖局",
    "疾控局": "国家疾控局",
    "乡村振兴局": "国家乡村振兴局",
    "数据局": "国家数据局",
}
# Joint issuers: bodies separated by 、, 和/与/及/以及 or 会同 ("财政部会同国家发改委印发": both sign the notice; a
# count after 会同, "会同17个部门", names no body, and the named one leads), when before it too
# ("人民银行河北省分行日前会同河北省发展和改革委员会…", "退役军人事务部近日与中央宣传部等20个部门联合印发").
_ONE_BODY = rf"(?:{_SPECIAL_BODIES}|{_ALIAS_ALT}|{_PARTY}|{_TOWN}|{_LOCAL_GOV}|{_NATIONAL})"
_ONE_ISSUER = rf"(?:中华人民共和国)?{_NOT_FOREIGN}{_ONE_BODY}(?:办公厅|办公室|综合司|秘书局)?{_NOT_ITS_DEPARTMENTS}"
# (a central body's standard short form, 能源局, 气象局, only after a body named in full: see CENTRAL_SHORT_FORMS)
# (... and a body the Hong Kong and Taiwan press name with their country in front, as they name the first one:
# "中共中央、中国国务院今天发布", "中国商务部、中国海关总署")
_CENTRAL_SHORT_ALT = "|".join(sorted(CENTRAL_SHORT_FORMS, key=len, reverse=True))
_LATER_ISSUER = rf"(?:(?:中国|大陆)?{_ONE_ISSUER}|(?:{_CENTRAL_SHORT_ALT})(?:办公厅|办公室|综合司)?)"
JOINT_RE = rx.compile(
    rf"{_ONE_ISSUER}(?:[ \t\u3000]*(?:、|和|与|以及|及|(?:日前|近日|近期)?(?:会同|联合|与)|,|，|\u3000| )?"
    rf"[ \t\u3000]*{_LATER_ISSUER})*"
    rf"(?:等(?:{_MULTI}|部委|部门))?|{_MULTI}"
)

# -- document numbers: 国发〔2021〕23号, 发改环资[2022]1234号 --------------------------------------------------
# (the year's brackets in any of the forms pages print: 〔〕, [], (), 【】, and the small ﹝﹞ of 环气候﹝2022﹞50号)
_YEAR_OPEN = r"[〔\[(（【［﹝]"
_YEAR_CLOSE = r"[〕\])）】］﹞]"
# (... not the 日 of a date run into the code: "2005年5月10日豫国资产权〔2005〕44号"; 日照's 日政发 keeps its own)
DOC_NUMBER_RE = rx.compile(
    rf"(?:(?<=\d)日)?([\u4e00-\u9fff]{{1,16}})\s*{_YEAR_OPEN}\s*((?:19|20)\d{{2}})\s*{_YEAR_CLOSE}\s*([0-9０-９]{{1,5}}|[a-zA-Zｘx]{{1,4}})\s*号"
)

# A document number opens with its issuer's code (发文机关代字). The State Council's and the provincial
# governments' codes are a closed public list (codes cities share, 宁政发 of 南京 and 宁夏, 青政 of 青岛 and 青海,
# are left out).
_PROVINCE_GOVERNMENT_CODES = {
    "京政": "北京市",
    "津政": "天津市",
    "沪府": "上海市",
    "渝府": "重庆市",
    "冀政": "河北省",
    "晋政": "山西省",
    "辽政": "辽宁省",
    "吉政": "吉林省",
    "黑政": "黑龙江省",
    "苏政": "江苏省",
    "浙政": "浙江省",
    "皖政": "安徽省",
    "闽政": "福建省",
    "赣府": "江西省",
    "鲁政": "山东省",
    "豫政": "河南省",
    "鄂政": "湖北省",
    "湘政": "湖南省",
    "粤府": "广东省",
    "琼府": "海南省",
    "川府": "四川省",
    "黔府": "贵州省",
    "云政": "云南省",
    "陕政": "陕西省",
    "甘政": "甘肃省",
    "内政": "内蒙古自治区",
    "桂政": "广西壮族自治区",
    "藏政": "西藏自治区",
    "新政": "新疆维吾尔自治区",
}
NUMBER_CODE_RE = rx.compile(r"^(?P<code>国|[\u4e00-\u9fff]{2})(?P<office>办)?(?:发|函)?〔")
# ... and so are the central ministries': the code a number opens with, then a department's or the office's
# (工信部节〔2010〕176号, 工信厅节函, 发改办能源, 财税, 教基, 建办质函, 交运发, 商资发, 银发). Local bodies put their
# place's code first (川发改, 浙财), so these open no local number. Codes of ministries renamed in 2018 (环, 农) are
# left out: the code alone does not say which name the number's year had. A joint number (工信部联节) names its lead
# only.
_MINISTRY_CODES = {
    "工信部": "工业和信息化部",
    "工信厅": "工业和信息化部",
    "发改": "国家发展改革委",
    "国能": "国家能源局",
    "财": "财政部",
    "教": "教育部",
    "建": "住房和城乡建设部",
    "交": "交通运输部",
    "商": "商务部",
    "人社部": "人力资源社会保障部",
    "银发": "中国人民银行",
    "银办发": "中国人民银行",
}
MINISTRY_CODE_RE = rx.compile(
    # (not a place's government whose name opens the same: 建德政发, 商丘市政)
    rf"^(?P<code>{'|'.join(sorted(_MINISTRY_CODES, key=len, reverse=True))})(?!联)(?![^〔]*[政府市县区])"
    r"[\u4e00-\u9fff]{0,4}〔"
)


def issuer_of_number(number: str) -> str | None:
    """The issuer a normalised document number's code names (国发 国务院, 国办发 国务院办公厅, 粤府 广东省人民政府,
    浙政办发 浙江省人民政府办公厅, 工信部节 工业和信息化部), or None for any other code."""
    ministry = MINISTRY_CODE_RE.match(number)
    if ministry is not None:
        return _MINISTRY_CODES[ministry.group("code")]
    m = NUMBER_CODE_RE.match(number)
    if m is None:
        return None
    if m.group("code") == "国":
        return "国务院办公厅" if m.group("office") else "国务院"
    province = _PROVINCE_GOVERNMENT_CODES.get(m.group("code"))
    if province is None:
        return None
    return province + ("人民政府办公厅" if m.group("office") else "人民政府")


# A government's general office issues under the government's code with 办 (宜政办发〔2008〕12号, 粤府办〔2024〕9号;
# the State Council's, 国办发).
OFFICE_CODE_RE = rx.compile(r"^(?:国办|[\u4e00-\u9fff]{1,4}(?:政办|府办))[\u4e00-\u9fff]{0,2}〔")
PROVINCIAL_GOVERNMENT_RE = rx.compile(rf"(?:{PROVINCES}){_PROVINCE_SUFFIX}?人民政府")


def office_of_number(issuer: str, number: str) -> str:
    """The issuer a document's number corrects: a government named where its number's code is its general office's
    ("安庆市政府关于…的通知", 宜政办发〔2008〕12号) issued it through that office (办公厅 of a province or a
    municipality, 办公室 of a city or county); any other issuer as given."""
    if "、" in issuer or not issuer.endswith("人民政府") or not OFFICE_CODE_RE.match(number):
        return issuer
    return issuer + ("办公厅" if PROVINCIAL_GOVERNMENT_RE.fullmatch(issuer) else "办公室")


# -- release verbs ---------------------------------------------------------------------------------------------
RELEASE_VERBS = (
    "联合印发",
    "正式印发",
    "修订印发",
    "制定印发",
    "印发",
    "正式发布",
    "联合发布",
    "修订发布",
    "发布",
    "正式出台",
    "出台",
    "公布",
    "推出",
    "颁布",
    "下发",
    "发出",
    "下达",
    "联合发文",
    "重磅发文",
    "发文",
    # ... one after another: "商务部24日连发两道公告，将…列入出口管制名单" (not the 连 of 一连发布, 接连发出)
    "(?<![一接])连发(?![布出表文])",
    "制定了",
    # ... bodies drawing one up together: "工业和信息化部 国家发展改革委…联合制定《X》并于近日发布"
    "联合制定",
    "共同制定",
    "编制了",
    "发表",
    "联署",
    "共同发表",
    "共同发布",
    "批复",
    "编制完成",
    # "新华社28日受权全文播发《中共中央关于…的决定》": the agency publishes a central document on its authority
    "受权全文播发",
    "受权播发",
    "受权发布",
    "审议通过",
    "表决通过",
    "创设",
    "出炉",
    "落地",
    # Hong Kong's regulators publish (刊发) their codes, circulars and consultation conclusions
    "刊发",
)
_VERB_ALT = "|".join(sorted(RELEASE_VERBS, key=len, reverse=True))
# "现将《X》印发给你们", "现将市发改委《X》转发给你们", "现将哈尔滨史志编纂委员会制定的《X》转发给你们": a covering
# notice's formula, with the body whose document it passes on named between 现将 and the title.
# ... or a list of titles it passes on together ("现将《A》（国科发资〔2023〕53号）、《B》转发给你们": B as A)
_TITLE_AND_NUMBER = r"《[^《》]{2,150}》\s*(?:[（(][^（）()]{0,30}[）)])?"
HEREBY_RE = rx.compile(
    r"现将(?:(?P<body>[^\s，,。；;、：:《》“”]{2,30}?)(?:制定|起草|编制|印发|报送)?的?)?"
    rf"\s*(?:{_TITLE_AND_NUMBER}\s*[、和及]\s*)*$"
)
# ... and the formula's verb after the title (its number in brackets between, the rest of a list before it), to its
# addressees: "》（办市场发〔2022〕53号）转发给你们", "》转发给有关单位", "》、《B》等文件转发给各县区".
FORWARDED_AFTER_RE = rx.compile(
    rf"\s*(?:[（(][^（）()]{{0,30}}[）)])?(?:\s*[、和及]\s*{_TITLE_AND_NUMBER})*\s*(?:等?文件)?"
    r"转发(?:给)?(?:你们|有关单位|各[\u4e00-\u9fff]{1,8}(?:单位|部门|县|区|市|局|委))"
)
# "今天发布的文件包括《A》《B》": the documents just released, listed after the verb.
_LISTED = r"的(?:系列|一系列|这批|多项)?(?:文件|政策文件|政策|规章|标准)(?:主要)?(?:包括|分别为|分别是|有)[：:]?\s*$"
LISTED_RE = rx.compile(_LISTED)
# Verb right before 《: "印发《", "印发了《", "发布的《", "联合印发关于《", "发布了新修订的《", "发布了新制修订的《"
# (制修订: drawn up and revised; small gaps only).
# 公告 as the verb, as Taiwan writes promulgating a rule ("环境部今正式公告「碳费征收对象…审核原则」", "公告订定「…」");
# never the noun (…的公告 《X》)
_ANNOUNCE_VERB = r"(?<![的之])(?:正式)?公告(?:订定|修正|实施)?"
# (订定 issues a rule, 颁订 and 订颁 too, 修正 amends it, 增订 adds articles to it, 函颁 sends it out by letter;
# 订立, as Hong Kong writes making subsidiary legislation: "行政长官会同行政会议…订立《禁止蒙面规例》")
_TW_ENACT_VERB = r"(?<![应需须将拟划])(?:订定|订立|修正|增订|函颁|颁订|订颁)(?:发布|实施|施行)?了?"
TW_ENACT_END_RE = rx.compile(_TW_ENACT_VERB + r"\s*$")  # (a verb search's match that ends with one of them)
TW_ENACT_NOT_X_RE = rx.compile(r"的|为\s*[《「“]")
# ... and the ones a headline reports an enactment by, never a title's own word (an amended law's name ends 修正)
HEADLINE_TW_ENACT_RE = rx.compile(r"(?:公告)?(?:订定|订立|增订|颁订|订颁|函颁)|公告修正")
# (Taiwan's legislature passes a law on its third reading: "立法院29日三读通过《…条例》修正案")
_LEGISLATURE = r"(?:人大常委会|人民代表大会常务委员会|人民代表大会|全国人大|人大|立法院|立法会)"
# Only a legislature reads a bill a third time, so the words say who passed it even where the body goes unnamed
# ("在院长敲槌下，三读修正通过《立法院组织法》部分条文", "《眷改条例》三读通过"). A city's or township's council
# adopts its ordinance so too (市议会三读通过, 经乡代会三读通过), as most labels read it, though the cabinet or the
# county approves (核定) it before it is promulgated.
_THIRD_READING = r"三读(?:修正|增订|修订)?通过了?"
# ... or 三读 alone right before the title, as Taiwan's papers write it: "立院三读《客家基本法》", "立法院院会今天三读
# 「劳工职业灾害保险及保护法」"; not a reading still sought, 拚三读
_BARE_THIRD_READING = r"(?<![未不拚拼要将拟盼])三读"
# "中国人大常委会周四通过《境外NGO管理法》": Hong Kong, Taiwan and overseas papers date by the day of the week
_WEEKDAY = r"(?:周|星期|礼拜)[一二三四五六日天]"
# The end of a body's name, not a place's: 安徽省政府, 生态环境部, 省发改委 (not 湖南省, 深圳市)
OFFICE_END_RE = rx.compile(r"(?:政府|办公室|[部委局厅院办署会府])$")


def _third_reading_now(text: str, m: re.Match[str], ref_year: int | None) -> bool:
    """The third reading ``m`` reports is news: no vote to come, none in the past."""
    return not (_future(_clause_before(text, m.start())) or is_historical(text, m.start(), ref_year))


def _body_opening(title: str) -> str | None:
    """The government body whose name ``title`` opens with (not a bare place's), canonical: 安徽省政府新闻发布会制度 ->
    安徽省人民政府. Asked only where nothing else names the issuer: the issuer pattern is the rules' longest."""
    lead = ISSUER_RE.match(title)
    return canonical_issuer(lead.group(0)) if lead and OFFICE_END_RE.search(lead.group(0)) else None


def _bodies_opening(text: str) -> str | None:
    """The government bodies ``text`` opens with, a joint list whole ("国家发展改革委办公厅、工业和信息化部办公厅、
    国家能源局综合司印发…"), canonical; None where it opens with none (or with a count of bodies alone)."""
    joint = JOINT_RE.match(text)
    # (each member as written a body's name, as _body_opening asks of one: a bare place, 湖北省, is no body)
    written = re.split(r"[、，,\s]+", joint.group(0)) if joint else []
    if joint and len(written) > 1 and all(OFFICE_END_RE.search(m) or m.endswith("司") for m in written):
        return canonical_issuer(joint.group(0)) or _body_opening(text)
    return _body_opening(text)


def _opens_with_body(title: str) -> bool:
    """Whether ``title`` opens with a government body's name (see _body_opening)."""
    return _body_opening(title) is not None


VERB_BEFORE_RE = rx.compile(
    # "向社会公布并解读《…》": a release announced with its explanation is released
    # (... and the batch of a periodic one: "发布第313批《道路机动车辆生产企业及产品公告》")
    # (... and an approval of what a body drew up or reviewed: "批复同意了国家发改委组织编制的《X》", "批复原则同意
    # 自然资源部审查通过的《X》": the approver, before the verb, releases X)
    rf"(?:{_VERB_ALT})(?:原则)?(?:同意(?P<reviewed>了?[^，。；：《》\n]{{2,24}}?(?:组织)?(?:编制|审查通过|审核通过|审定|上报)的)?)?"
    # (... or its phase: "推出第三阶段《淘汰老旧柴油车资助计划》", "启动新一轮《X》"; or its year's edition:
    # "发布2023年版《X》")
    r"(?:并(?:作|进行)?解读)?(?:了|的)?(?:第[0-9一二三四五六七八九十百]{1,4}(?:批|阶段|期|轮)|新一[轮期])?"
    r"(?:新修订的|新制修订的|修订后的|新版|最新版?|新一版|(?:19|20)\d{2}\s*年?版|实施|施行|关于)?(?:的)?\s*$"
    # ... or a first or a count of what the title names, and where it applies, between: "公布首份城市级《生物多样性
    # 策略及行动计划》", "印发12个省级重要河湖《岸线保护与利用规划》"
    rf"|(?:{_VERB_ALT})了?(?:首[份个部批]|[0-9一二三四五六七八九十]{{1,3}}(?:个|份|部|项))"
    r"[^，。；：《》\n的]{0,8}\s*$"
    rf"|(?:{_VERB_ALT}){_LISTED}"
    # ... or a set released, its members listed after it: "国家标准委首次发布温室气体管理国家标准，包括《…》", "环境部
    # 公告2项《气候变迁因应法》子法，包括《A》与《B》" (the set's name may cite the law it implements)
    rf"|(?:{_VERB_ALT}|{_ANNOUNCE_VERB})了?[^，。；：！？\n]{{0,30}}?(?:文件|政策|规章|标准|子法|法规|细则|办法|规定|指南|方法学)"
    r"[，,]\s*(?:主要)?(?:包括|包含|分别为|分别是)[：:]?\s*$"
    # ... or a description in apposition before a dash: "发布的“水十条”——《…》", "印发我国第一个人工智能规划——《…》"
    rf"|(?:{_VERB_ALT})(?:了|的)?[^，。；：《》\n]{{1,20}}?——\s*$"
    # ... or who drew it up, between the verb and the title: "教育局今日公布课程发展议会编订的《小学教育课程指引》"
    # (the body before the verb publishes what another drafted)
    rf"|(?:{_VERB_ALT})了?[^，。；：《》\n]{{2,24}}?(?:组织)?(?:编订|编制|编写|制定|起草|拟订|修订)的\s*$"
    # ... or the document's number and the word 文件 before a colon: "公布了交规划发〔2022〕56号文件：《…》"
    rf"|(?:{_VERB_ALT})了?[^，。；：《》\n]{{0,24}}?文件[：:]\s*$"
    # ... or 公告 as the verb right before the title (see _ANNOUNCE_VERB)
    rf"|{_ANNOUNCE_VERB}$"
    # ... or approved in principle, as a reply approves what it was asked to, its first point (现批复如下：一、原则
    # 同意《X》); not a meeting's approval, still to be issued (会议原则同意《X》)
    r"|(?:一、|批复如下[：:]?)\s*原则同意\s*$"
    # ... or by the notice the verb before issues: "国务院分别印发通知，批准《A》、《B》和《C》"
    rf"|(?:{_VERB_ALT})了?通知[，,]\s*(?:原则)?(?:批准|同意)了?\s*$"
    # ... or the gazette printing it: "香港特区政府昨日于宪报刊载《2021年收入（印花税）条例》"
    # (... the act approving it: "政府公报刊登核准《澳门特别行政区防疫接种特别计划》")
    r"|(?:宪报|公报)(?:上|内)?(?:刊载|刊登|刊出|公布)了?(?:核准|订定)?\s*$"
    # ... or a law's sub-regulation, the law named between: "经济部发布「能源管理法」子法「…管理办法」"
    rf"|(?:{_VERB_ALT}|{_ANNOUNCE_VERB}|{_TW_ENACT_VERB})了?《[^《》\n]{{2,40}}》的?子法\s*$"
    # ... or 订定, Taiwan's verb for issuing an administrative rule, right before its title ("卫福部订定「…作业要点」";
    # an untitled thing 订定 may still be in the making: "环保署订定第一个五年减排计划，预计今年底定案")
    rf"|{_TW_ENACT_VERB}\s*$"
    # ... or a legislature passing it: "深圳人大常委会昨日通过《…条例》", "…人民代表大会常务委员会第五次会议通过了《…》"
    # (a bare 通过 is a release verb only after a legislature: "通过《X》实现…" is by means of X)
    # (Hong Kong's papers: "立法会早前通过《…条例草案》", "立法会昨通过…")
    # (... or its session named without 第: "晋城市六届一次人大会议通过了《…规划》", "人大常委会会议通过")
    rf"|{_LEGISLATURE}(?:第[^，。；：《》\n]{{1,16}}?次会议|会议)?"
    # (... a day in brackets after the word for it, as Hong Kong's papers date: "立法会今日（7日）通过《…》")
    rf"(?:\d{{1,2}}日|今日|今天|昨日|昨天|昨|日前|近日|早前|上午|下午|{_WEEKDAY}|[（(]\d{{1,2}}日[）)]|\s)*"
    r"(?:正式)?(?:三读)?通过了?"
    r"[^，。；：《》\n]{0,20}?\s*$"
    rf"|{_THIRD_READING}[^，。；：《》\n]{{0,20}}?\s*$"
    rf"|{_BARE_THIRD_READING}\s*$"
    # (… the bill described before it, a law quoted in the description: "三读通过落实《基本法》第23条的《维护国家安全
    # 条例草案》")
    rf"|{_THIRD_READING}[^，。；：\n]{{0,30}}?的\s*$"
    # ... or Macau's Legislative Assembly passing it in its final vote, article by article (细则性, after the general
    # vote, 一般性通过, that only admits the bill): "立法会全体会议细则性通过《…》", "…以紧急程序细则性表决通过《…》"
    r"|立法会[^，。；：《》\n]{0,16}?细则性(?:讨论(?:及|和|并))?(?:表决)?通过了?\s*$"
    # ... or a law amended under a new name, which is what is released: "总统公布将《温室气体减量及管理法》修正为《…》",
    # "总统公布修正《…》为《…》"
    rf"|(?:{_VERB_ALT})(?:(?:将|修正)?《[^《》\n]{{2,80}}》(?:修正|修订|修改|更名)|修正《[^《》\n]{{2,80}}》)为\s*$"
)
# The bare word 政府 as the subject of a release ("政府今日（8日）公布《…》"), and a title naming the region it serves
BARE_GOVERNMENT_RE = rx.compile(
    r"(?:^|[，。；：\s】])(?:特区)?政府(?:今日|今天|昨日|昨天|日前|近日|正式)*(?:[（(][^（）()]{0,8}[）)])?(?:正式)?\s*$"
)
SAR_TITLE_RE = rx.compile(r"香港|澳门")
SAR_PAGE_HEAD_CHARS = 300


def _announcing_ministry(headline: str, text: str, pos: int) -> str | None:
    """The ministry a page says announces the state's decision at ``pos`` (see :data:`STATE_DECISION_RE`): the last
    one named before it, else the headline's; None where neither names one."""
    before = list(ANNOUNCING_MINISTRY_RE.finditer(text, 0, pos)) or list(ANNOUNCING_MINISTRY_RE.finditer(headline))
    return canonical_issuer(before[-1].group(0)) if before else None


def _bare_sar_government(clause: str, title: str, text: str) -> str | None:
    """The Hong Kong or Macau government a clause's bare 政府 is, releasing ``title``: the region the title names,
    or the one the page opens with ("香港…政府今日（28日）推出「人才服务窗口」"); None where the clause's subject is
    not the bare word or neither region is named (no 人民政府 there: not canonical_issuer's mainland form)."""
    if not BARE_GOVERNMENT_RE.search(clause):
        return None
    sar = SAR_TITLE_RE.search(title) or SAR_TITLE_RE.search(text, 0, SAR_PAGE_HEAD_CHARS)
    return sar.group(0) + "特别行政区政府" if sar else None


# Titles listed after the one just named (《甲》、《乙》和《丙》): a formula after the list is said of each.
COORDINATED_TITLES_RE = rx.compile(r"(?:\s*[、，,和及与]\s*《[^《》\n]{2,120}》)*")
# "交通运输部水运局发布《港口岸电布局方案》建设任务完成情况": the verb's object is a report on the document
PROGRESS_AFTER_RE = rx.compile(r"的?[\u4e00-\u9fff]{0,6}?(?:完成|实施|执行|落实|进展|推进)情况|的?(?:中期|实施)评估")


def _after_closed_title(text: str, pos: int) -> int:
    """Where the text after a bracketed title begins, when ``pos`` is within a few characters of its 》 (the title's
    code in brackets between, as in 《…》（GB/T 36132—2025）国家标准); -1 where no 》 is that close."""
    head = text[max(0, pos - 40) : pos]
    close = head.rfind("》")
    if close < 0 or not re.fullmatch(r"\s*(?:[（(][^（）()《》]{2,30}[）)])?\s*", head[close + 1 :]):
        return -1
    return pos - len(head) + close + 1


# Verb right after 》 (skipping a parenthesised short name and time words): "》已编制完成", "》印发给你们".
AFTER_SKIP_RE = rx.compile(
    rf"^\s*(?:[（(](?:[^（）()]|[（(][^（）()]{{0,12}}[）)]){{0,30}}[）)])?\s*(?:白皮书|联合声明|联合宣言|行政法规|{_STANDARD_KIND})?\s*"
    r"(?:[和、及与]?\s*《[^《》]{2,120}》\s*)*"
    # (… and what the list counts: "《A》《B》两个文件正式印发", "《A》和《B》等文件近日印发")
    r"(?:等?\s*[两二三四五六七八九十\d]{1,3}\s*(?:个|份|项|部|件|套)\s*(?:政策)?(?:文件|标准|规章|制度)?|等(?:政策)?(?:文件|标准|规章|制度))?"
)
# The time since a release, right after its verb: "印发以来", "颁布施行一周年", "推出至今" (the release recalled, not
# news); the verb may be followed by its coming into force (印发实施以来)
_SINCE_RELEASE = r"以来|之后|至今|[一二三四五六七八九十\d]+周年"
VERB_AFTER_RE = rx.compile(
    # "》今日正式公布", "》昨天（17日）发布", "《A》《B》集中发布" (released together)
    # (a day as some pages space it: "》23 日经市…常委会…表决通过")
    # (after the approval or adoption it was issued with: "》已经市政府同意，近日正式印发", "》经国务院同意，由…印发",
    # "》经市政府常务会议审议通过后印发实施")
    r"^(?:已?经[^，。；《》]{2,20}?(?:同意|批准)[，,]\s*|已?经[^，。；《》]{2,24}?审议通过(?:后|并)\s*)?"
    rf"(?:已经?|正式|日前|近日|于近日|今天|今日|昨天|昨日|同时|同步|一并|集中|\d{{1,2}}\s?日|于?\s?\d{{1,2}}\s?月\s?\d{{1,2}}\s?日"
    r"|[（(]\d{1,2}日[）)]){0,3}"
    rf"(?:[由获][^，。；《》]{{2,40}}?(?:联合)?)?(?:对外|向社会)?(?:{_VERB_ALT}"  # 获…会议表决通过: adopted
    # "《条例》昨日经深圳市人大常委会会议表决通过": a legislature's vote, named after the title
    rf"|(?P<voted>经[^，。；《》]{{0,12}}?{_LEGISLATURE}[^，。；《》]{{0,24}}?(?:表决|审议)?通过)"
    rf"|(?:修正草案|修正案|草案|部分条文)?(?:已经?|今天|今日|\d{{1,2}}日)?{_THIRD_READING}"  # "》修正案三读通过"
    # ... the legislature named, maybe after a comma: "《汽车引擎空转(定额罚款)条例草案》，5日获立法会三读通过",
    # "》今日（10日）在立法会三读通过"
    r"|[，,]?\s*(?:今天|今日|昨天|昨日|\d{1,2}日)?(?:[（(][^（）()\n]{1,8}[）)])?"
    rf"(?:获|经|在)(?:立法会|立法院)[^，。；《》]{{0,12}}?{_THIRD_READING}"
    # ... the bill named after the title and the day before the legislature: "《菸害防制法》修正草案已于1月12日经立法院
    # 三读通过"
    r"|(?:修正草案|修正案|草案|部分条文)?(?:已经?)?(?:于?\s?(?:\d{1,2}\s?月\s?)?\d{1,2}\s?日)?"
    rf"(?:获|经|在)(?:立法会|立法院|立院)[^，。；《》]{{0,12}}?{_THIRD_READING}"
    # "河南省第2号总林长令——《关于加强古树名木保护的令》已于近日签发": an order signed is issued
    r"|签发了?"
    # "《2025食物搀杂(金属杂质含量)(修订)规例》已于2025年6月27日刊宪": Hong Kong's subsidiary legislation published
    r"|(?:已经?)?(?:于\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?刊宪"
    # "中共中央、国务院日前对《北京城市总体规划》作出批复": the approval of the title it names (not 作出批示, a leader's
    # instruction)
    r"|(?:作出|做出)了?(?:正式)?批复"
    # "工信部对《锂离子电池行业规范条件》进行了修订": the revised text is issued (done: 进行修订 alone is a plan),
    # unless it is issued under a name of its own ("对《指引》进行了修订，形成了《办法》")
    r"|(?P<revised>(?:进行了|完成了|作了|做了)(?:全面|再次|新一轮)?(?:修订|修改|修正)"
    r"(?![，,]?\s*(?:并|同时)?(?:形成|更名|改名|名称改为|修订为|修改为|整合为)))"
    # ... or drawn up and then issued, the verb's object the title before it: "牵头编制《X》并发布", "制定《X》，并于
    # 近日印发实施" (not "并发布《Y》" or "并印发通知": a verb with an object of its own)
    rf"|[，,]?\s*并(?:于?近日|已经?|正式|同步|一并)*(?:{_VERB_ALT})(?:实施|施行|执行)?(?=\s*(?:[。；;，,！!\n]|$))"
    r")"
    # ... not "》印发实施以来", "》颁布施行一周年": the time since its release
    rf"(?!(?:施行|实施)?(?:以后|{_SINCE_RELEASE}))"
    # ... nor people giving their views on it: "听证代表围绕《…指导意见》发表听证意见", "对《X》发表看法"
    r"(?!(?<=发表)(?:了|听证|书面|个人|不同|各自的?|自己的?)*(?:意见|看法|评论|讲话|见解))"
)
# ... a revision is someone's act on the titles (对《A》和《B》进行了修订)
REVISED_OBJECT_RE = rx.compile(r"对\s*(?:《[^《》\n]{2,120}》\s*[、，,和及与]\s*)*$")
# "》已经省人民政府同意，现印发给你们": the formula of the notice that issues the title before it (same sentence), or
# passes it on ("现转发给你们")
# "我们对《X》进行了修订。现予发布": the sentence that says X was revised (or drafted) ends before the formula.
HEREBY_AFTER_RE = rx.compile(
    r"^(?:[^。！？；\n《》]{0,12}?(?:修订|修改|修正|制定|编制)[^。！？；\n《》]{0,6}。\s*)?"
    # ... or passes on (转发) as its own: "《X》已经省政府同意，现转发给你们"
    r"(?:[^。！？；\n《》]{0,120}?现(?:予以?|将其|就)?(?:印发|公布|发布|转发给你们)(?:给你们|实施|施行)?"
    # ... or an order's: "《X》已经2023年3月17日第1次委务会议审议通过，(予以公布，)自2023年6月1日起施行" (a rule
    # promulgated, dated from when it takes effect; a meeting's adoption alone is not, see _adopted_at_meeting)
    r"|[^。！？；\n《》]{0,60}?(?:会议|委务会|部务会|局务会|署务会|常务会|办公会)[^。！？；\n《》]{0,12}?(?:审议)?通过[，,]\s*"
    r"(?:现?予以?公布[，,]\s*)?自[^。！？；\n《》]{2,24}?起施行)"
)
# "为…，结合本区实际，制定《X》", "按照…要求，特编制《X》": a document's own preface, or its covering notice's, says its
# body drew X up (a bare 制定 is read nowhere else: "将制定", "要制定" plan one); not an instruction to others in the
# clause before ("各地要结合实际，制定《X》的实施细则")
PREFACE_DRAFTED_RE = rx.compile(
    r"(?:结合[^，。；：\n]{1,14}实际[，,]\s*|(?<![\u4e00-\u9fff])特)(?:研究)?(?:制定|编制|制订)了?\s*$"
)
DIRECTIVE_RE = rx.compile(r"要(?!求)|应当?|须|请|可以|鼓励|督促|指导|将|拟")
PREFACE_CUE = "drawn up, its preface says: "
# "这份文件题为《X》": a document named after the sentence that reports its release.
TITLED_AS_RE = rx.compile(r"(?:题为|名为|标题为|全称为?)\s*$")
# "根据《维护国家安全条例》第110条订立《…规例》", "国务院根据《X法》制定了《Y条例》": the law cited right before a
# making verb is the power the body makes the new document under, the ground of the act and not its subject (not
# "根据《X》订立的《Y》": with 的, Y is one made earlier)
EMPOWERING_CITE_RE = rx.compile(
    r"(?:根据|依据|依照|按照)\s*《[^《》\n]{2,60}》\s*(?:[（(][^（）()\n]{0,30}[）)])?\s*"
    r"(?:第[^《》，。；\n]{1,20}?条(?:的?规定)?)?\s*$"
)
MAKING_VERB_RE = rx.compile(r"(?:订立|制定|作出|颁布)了?\s*$")


def _lead_cites(lead: str, verb: str) -> bool:
    """The words ``lead`` before a release verb cite a document (:data:`CITE_RE`), other than the law a making verb
    acts under (:data:`EMPOWERING_CITE_RE`)."""
    return CITE_RE.search(EMPOWERING_CITE_RE.sub("", lead) if MAKING_VERB_RE.fullmatch(verb) else lead) is not None


# "施行统一的《X》": what a government body puts into force is a document (its release is reported elsewhere).
IMPLEMENT_BEFORE_RE = rx.compile(r"(?:施行|实施|执行)(?:统一|新|新修订|修订后)?的?\s*$")
# "…联合发布的《X》，今日起正式施行": a document issued earlier entering into force (the verb is attributive, 发布的).
IN_FORCE_AFTER_RE = rx.compile(
    r"^\s*[，,]?\s*(?:已经?|于|自|从)?[^。；;，,《》]{0,16}?(?:起|开始)?\s*[，,]?\s*(?:正式)?(?:施行|实施|生效)"
)
CHINA_RE = rx.compile(r"中国|我国|中方|中华人民共和国")
# ... and a party committee's plenum or reform commission (全会, 全面深化改革委员会): what it adopts is issued later
EXECUTIVE_MEETING_RE = rx.compile(
    r"常务会议|国常会|常委会议|办公会议|全体会议|全会|深化改革委员会|深改委"
    r"|[省市县区州]委常委会|党组(?:扩大)?会议"  # "中共甘肃省委常委会6月5日召开会议，审议通过《…》"
)
# International organisations publish reports and rules too (IPCC, 世界气象组织, 国际能源署): not Chinese releases.
INTERNATIONAL_RE = rx.compile(
    r"联合国|IPCC|政府间气候变化专门委员会|世界气象组织|世界银行|国际货币基金组织|IMF|世界卫生组织|世卫组织|国际能源署|IEA"
    r"|经合组织|OECD|世界贸易组织|世贸组织|WTO|欧盟委员会|欧洲议会|欧盟理事会|国际海事组织|国际民航组织"
    r"|北约|北大西洋公约组织|七国集团|G7"
)


ISSUED_AFTER_ADOPTION_RE = rx.compile(r"审议通过(?:并|后|之后)\s*(?:正式)?(?:印发|发布|公布|出台)")


def _adopted_at_meeting(text: str, pos: int, cue: str, headline: str = "") -> bool:
    """ "国务院常务会议审议通过《…》": adopted at a government meeting, issued later (a legislature's vote, 表决通过,
    promulgates). The meeting may be named in the sentence or, for the report of one, in the headline."""
    if "审议通过" not in cue or ISSUED_AFTER_ADOPTION_RE.search(cue):
        return False  # ("审议通过并印发了《X》", "审议通过后印发": adopted, then issued)
    # "《X》已经市政府常务会议审议通过，现印发给你们": the covering notice that says so issues it
    if PROMULGATE_RE.search(text[pos : _sentence_end(text, pos)]):
        return False
    return bool(EXECUTIVE_MEETING_RE.search(_sentence_before(text, pos, 200)) or EXECUTIVE_MEETING_RE.search(headline))


def _international(sentence: str) -> bool:
    """An international body's document, unless China signs it (a joint statement with WTO members is China's)."""
    return bool(INTERNATIONAL_RE.search(sentence)) and not CHINA_RE.search(sentence)


SHORT_NAME_RE = rx.compile(r"(?:简称|简称为|下称|以下称)\s*[:：]?\s*$")
# "《X》已经国务院同意，并由生态环境部联合有关部门印发": the issuer named after the title, in the same sentence.
ISSUER_AFTER_RE = rx.compile(
    # (the body maybe with the name it also goes by in brackets: "由市场监管总局（国家标准委）正式批准发布")
    rf"^[^。！？；]{{0,40}}?由(?:中国)?(?P<issuer>(?:{JOINT_RE.pattern})(?:[（(][^（）()。，,]{{2,12}}[）)])?)"
    # (… and when it acted, between: "由省发展改革委于5月8日印发")
    r"\s*(?:于\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|近日|日前|今天|今日|昨天|昨日)?"
    r"\s*(?:联合|会同)?(?:有关部门)?\s*(?:正式)?"
    rf"(?:批准)?(?:对外|向社会)?(?:公开)?(?:{_VERB_ALT})"
)
# "印发《X》和《Y》": the second title shares the first one's verb and issuer; so it does after the first one's short
# name ("印发《关于…的意见》（以下简称《意见》）和《…实施方案》")
_SHORT_NAME_WORD = r"(?:以下简称|下称|简称)"  # the words that give a document's short name in brackets
COORD_BEFORE_RE = rx.compile(
    rf"^\s*》?\s*(?:[（(](?:[^（）()《》]{{0,30}}|{_SHORT_NAME_WORD}\s*《[^《》（）()]{{1,20}}》)[）)])?"
    # (… and the supporting documents issued with the first: "出台《A》及配套的《B》")
    r"\s*(?:和|、|及|与|以及)?\s*(?:其|相关)?(?:配套(?:的|文件)?)?\s*$"
)  # 《A》《B》 too
# Citation: the clause cites a document (根据《…》, 据…发布的《…》显示), it does not report its release.
# 据 cites, except a news source's attribution ("据新华社电", "据人民日报报道"): that says who reports, not what
CITE_RE = rx.compile(
    r"(?:^|[^证数])据(?![^《》，。,]{0,20}?(?:电|报道|消息))|根据|按照|依据|依照|参照|对照|贯彻|落实|遵照|援引|引用|对标|回顾|传达"
    r"|(?:会议|集中|专题)学习|学习了"  # "会议学习了市政府办公室近期印发的《…》": a meeting studies a document
    # "听取市人民政府关于…的报告", "听取了关于《X（草案）》的说明": a meeting hears a report or an explanation
    r"|听取"
    # "依「温室气体自愿减量专案管理办法」第12条…办理": Taiwan's letters cite by 依 alone, right before the title
    r"|依\s*[「《]?$"
)
# An issuer followed by a release verb: a headline reporting a release, not a document's own title.
ISSUER_VERB_RE = rx.compile(rf"(?:{JOINT_RE.pattern})\s*(?:近日|日前|正式|联合)?(?:{_VERB_ALT})")
# Recency: in a press conference or interview, a release is news only when said to be recent.
RECENT_RE = rx.compile(
    r"日前|近日|近期|新近|目前|今天|今日|昨天|昨日|刚刚|本周|本月|\d{1,2}月\d{1,2}日|\d{1,2}日"
    # ... 昨 alone, as Hong Kong's and Macau's papers write yesterday ("特区公报昨公布行政长官批示"; not 昨晚, 昨年)
    r"|昨(?![晚夜年])"
    # ... a day in Chinese numerals, as Hong Kong and Xinhua's Hong Kong wires write it ("香港特区政府三十日公布"), not
    # a span of days (十日内)
    r"|(?<![第每同数几十])(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日(?!内|以内|之内)"
)
SPEECH_FRAME_RE = rx.compile(
    r"新闻发布会|发布会上|吹风会|答记者问|记者会|记者招待会|采访|专访|访谈|座谈会上|论坛上|峰会上"
    r"|答问实录|提问环节|记者提问"  # a press conference's transcript
)
# Planned or hypothetical releases are not releases.
# "现将《X》印发给你们" is the issuing formula ("hereby"), not a plan: 将 after 现 is no future.
FUTURE_RE = rx.compile(
    # (研究 as a plan to study, not a body that does research: "由中国标准化研究院主编的《…》"; 争取 as striving to do,
    # not funds secured: "今年特别争取经费办理「…计划」", "争取到中央资金")
    r"(?<!现)将|拟|即将|正在|研究(?![院所会室员生]|中心|机构)|抓紧|尽快|尽速|加快|计划|要求|有望|预计|预料|研议|研拟|后续|下一步|待|或将|如何|是否|争取(?!到|了|经费|资金|预算)|力争|适时|择机"
    r"|准备|打算|酝酿|谋划|提请|筹备(?![组会委处办])"  # ("密锣紧鼓筹备推出…": preparing it; not a preparatory body)
    # "房委会及房协亦会推出先导计划": 会 as "will" after 亦, 也, 还 (as Hong Kong writes it; not 会同, jointly with)
    r"|(?<=[亦也还])会(?![同议谈见商签])"
    # "下周公布《…》", "期望可在下个月发表《…》" (not a start date announced: "明年起推出", "下月起实施")
    r"|(?:下周|下星期|下个?月)(?![一二三四五六日天]?起)|稍后|期望|希望"
    r"|(?:推动|推进|督促|指导|鼓励|支持|引导)$"  # "推动出台…举措": urging a release, not making one
    # "到2025年，通过发布第五批《…目录》，推广…": the means of a target, not an act (unlike a vote: 审议通过, 表决通过,
    # 三读通过, 三读修正通过)
    r"|(?<![审议表决会读])(?<!修正)通过$"
)
SENTENCE_END_RE = rx.compile(r"[。！？；!?;\n]")
CLAUSE_END_RE = rx.compile(
    r"[。！？；!?;，：\n】]"  # 】 closes a flash item's headline (【…】国务院印发…)
    r"|(?<!\d)[,:]|[,:](?!\d)"  # (not a figure's separators: 约3,200个家团, 10:30)
)
# A year that dates an event (2018年12月, 2018年底, 2018年，), not a year that names something (2021年度汇算,
# 2021年企业工资指导线).
YEAR_RE = rx.compile(
    r"((?:19|20)\d{2})\s*年(?!度)(?=\s*(?:\d{1,2}\s*月|[初底末中]|以来|[，,、]|时|内|间|里|期间|上半年|下半年"
    rf"|原?{_ONE_ISSUER}|{_VERB_ALT}))|同年|当年"  # "2023年生态环境部发布…", "于2009年制定了《…》": it dates the act
    # (... and "2014年原银监会发布的《…》": a body named as it was then, 原)
)
# Years named relative to the article's: 去年, 前年 (not 去年以来 "since last year", 去年同期 "a year earlier").
RECENT_AFTER_YEAR_RE = rx.compile(r"日前|近日|近期|今日|今天|以来")
SAME_YEAR_RE = rx.compile(r"同年|当年")
# Taiwan dates by the 民国 era: "金管会于109年8月发布…" is August 2020 (a year of two or three digits, 90 to 129, before
# a month or 年度; not "建党100年", which no month follows)
ROC_ERA = 1911
ROC_YEAR_RE = rx.compile(r"(?<![\d０-９])(?:民国)?(?P<roc>9\d|1[0-2]\d)\s*(?:年度|年(?=\s*\d{1,2}\s*月))")
SAME_YEAR_REACH = 400  # how far back 同年 may look for the year it repeats (a paragraph)
RELATIVE_PAST_RE = rx.compile(r"(?:去年|前年|上一年)(?!以来|同期|度)")
# ... or earlier in the article's year, by its beginning or a month without a day ("特首今年初公布", "国务院办公厅
# 今年二月份印发"): news dates a fresh act by its day, or by 日前 and 近日; not a month a measure starts from
# (今年3月起)
EARLIER_THIS_YEAR_RE = rx.compile(
    r"今年(?:年?初|\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:份|初|中|上旬|中旬)?"
    r"(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])(?!\s*起))"
)
# (... unless the act is dated later in the sentence: "在今年4月…实施出口管制后，9日上午，商务部又发布…")
LATER_AFTER_RE = rx.compile(r"日前|近日|近期|今日|今天|以来|后|\d{1,2}\s*日")
# A summary of past years' work ("近年来…印发了《A》《B》", "先后出台了…"), unless a recency word follows it.
# (近年 alone too, as Hong Kong and Macau write it: "特区政府近年加快推广电动车…措施，包括：…推出《X》"; not 接近年底)
SUMMARY_PAST_RE = rx.compile(
    r"(?<![接将])近年(?:来)?(?![底末初中度])|近几年来?|多年来|这些年来?|长期以来|一直以来|历年来|先后"
)

# Headline / notice forms without 《》.
NOTICE_RE = rx.compile(r"关于印发\s*(?P<title>[^《》。；]{2,80}?)\s*的通知")
_TITLE_CHARS = r"[^\s，。；：:！？!?、《》()（）【】\[\]]"
_NOT_AFTER_KIND = "".join(f"(?<!{kind})" for kind in DOC_TYPES)  # not right after a kind (the end of a title)
_PAREN_GROUP = r"[（(][^（）()\s，。]{1,12}[）)]"  # "苏州市“近零碳”工厂（第二批）名单公布": a batch or status inside
# A headline's purpose clause after an untitled kind: "印发意见推动现代职业教育高质量发展".
_PURPOSE = r"推动|推进|促进|部署|加强|支持|规范|明确|要求|提出|强调|鼓励|做好|加快|保障|深化|优化|完善|进一步"
SPACES = (" ", "\u3000")  # (a page title's spaces between its parts)
# An edition after a title's kind: a year or a span of years (蓝图2035, 蓝图2015~2025+), or a version (蓝图2.0); not a
# year the sentence goes on to date something by (路线图2035年…)
_EDITION_AFTER_KIND = r"\s?(?:(?:19|20)\d{2}(?:\s?[—–~～-]\s?(?:19|20)\d{2})?\+?|\d\.\d)(?![\d.年])"
ISSUER_VERB_TITLE_RE = rx.compile(
    # "联合印发的关于…的指导意见": an attributive 的 after the verb is not part of the title
    # (公告 as the verb too, as Taiwan writes it: "环境部昨天公告高碳泄漏风险行业名单")
    # (not the noun: 公告日起, 公告次日, 公告之「…」, 公告的第…号, 公告第二款)
    # (a page title may space the verb off its object when it spaces it on both sides: "咸宁市人民政府办公室 发布
    # 咸宁市提振消费专项行动若干措施"; see SPACES)
    rf"(?P<verb>{_VERB_ALT}|{_ANNOUNCE_VERB}(?![日之的第]|次日))(?:了|的)?[ \u3000]?"
    # (not what follows the verb as no object of it: the rest of a press conference's name, "新闻办发布会介绍…的决定
    # 有关情况" (发布 + 会, not 发布 + 会计…), or a time clause, "…的决定出台之后中央治港又一重大举措")
    r"(?!(?<=发布)会(?![议计展员])|之后|以后|之前|以来)"
    # (… a judicial interpretation's full title too: "两高联合发布关于办理环境污染刑事案件适用法律若干问题的解释")
    rf"(?P<title>关于[^\s，。；：:！？!?《》]{{2,80}}?的(?:{_TYPE_ALT}|解释)"
    # ... its name in quotes after a batch: "发布第五批“国家生态文明建设示范区名单”"
    # (with the edition Hong Kong and Taiwan write after the kind: "公布香港清新空气蓝图2035", "旅游业发展蓝图2.0")
    rf"|{_TITLE_CHARS}{{0,80}}?(?:{_TYPE_ALT})(?:{_EDITION_AFTER_KIND})?(?:”(?=[，。；\s]|$))?"
    # ... one in two purpose clauses, as official titles join them: "发布做好可再生能源绿色电力证书全覆盖工作，促进
    # 可再生能源电力消费的通知"
    rf"|(?:关于)?(?:{_PURPOSE}){_TITLE_CHARS}{{2,40}}，"
    rf"(?:{_PURPOSE}|切实|全力|着力|大力){_TITLE_CHARS}{{2,40}}?的(?:{_TYPE_ALT})"
    # "公布2025年度新培育绿色工厂、绿色工业园区…公示名单": one list of the kinds of things its 、 enumerates
    rf"|{_TITLE_CHARS}{{2,30}}(?:、{_TITLE_CHARS}{{2,30}}?){{1,4}}(?:名单|目录|清单)"
    # ... and the fields one plan covers, those after the first a word or two: "印发十堰市2024年度水、大气、土壤污染
    # 防治攻坚行动实施方案"
    # (not two documents: "印发工作方案、实施细则", the first ending in its kind)
    rf"|{_TITLE_CHARS}{{2,30}}?{_NOT_AFTER_KIND}(?:、{_TITLE_CHARS}{{1,4}}){{1,3}}、{_TITLE_CHARS}{{2,40}}?(?:{_TYPE_ALT}))"
    # (… or a short name's note whose brackets the page lost: "印发关于…的通知以下简称通知")
    rf"(?=$|[\s，。；：:！？!?、的（(]|这|此|等|和|及|与|并|指出|称|以下简称|{_VERB_ALT}|{_PURPOSE})"
)
_HEADLINE_WHEN = r"(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日(?![起前])|今日|今天|昨日|昨天|日前|近日"
# A title's release verb after it: not 发布会, nor 印发以来 (since it was issued), 颁布施行一周年 (an anniversary)
_TITLE_RELEASE_VERB = rf"(?P<verb>{_VERB_ALT})(?!会|(?:施行|实施)?(?:后|{_SINCE_RELEASE}))"
TITLE_VERB_RE = rx.compile(
    rf"(?P<title>(?<![\u4e00-\u9fff])(?![年月日号])(?:{_TITLE_CHARS}|{_PAREN_GROUP}){{2,40}}?(?:{_TYPE_ALT}))"
    # ... when and how before the verb: "…中央一号文件2月3日对外发布", "…方案今日正式印发"
    rf"\s*(?:{_HEADLINE_WHEN})?\s*(?:已|正式|对外|全文)?{_TITLE_RELEASE_VERB}"
)
# ... and in the lead, a title opening its sentence that names its place (or is a 关于…的X), then the verb: "近日，
# 江苏省新型储能发展实施方案正式印发", "江苏省…实施方案日前由省政府办公厅正式印发" (a sentence's subject, not a phrase
# of one: "…的工作方案发布后" is caught by the checks after the verb)
TEXT_TITLE_VERB_RE = rx.compile(
    r"(?:^|(?<=[。！？\n]))\s*(?:(?:近日|日前|近期|今天|今日|昨天|昨日|(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)[，,]\s*)?"
    # (a place, not a word that holds one of its words: 市场, 区域; no words of the press before it: 备受关注的, 最新)
    rf"(?P<title>关于(?:{_TITLE_CHARS}|{_PAREN_GROUP}){{2,50}}?(?:{_TYPE_ALT})"
    rf"|[\u4e00-\u9fff]{{2,8}}?(?:省|市(?!场)|自治区|自治州|县|区(?!域))(?:(?!的|最新){_TITLE_CHARS}|{_PAREN_GROUP}){{2,50}}?"
    rf"(?:{_TYPE_ALT}))"
    rf"\s*(?:{_HEADLINE_WHEN})?\s*(?:由(?P<body>[^，。；《》\n]{{2,40}}?))?\s*(?:联合)?(?:已|正式|对外|全文)?"
    rf"{_TITLE_RELEASE_VERB}"
)
PRESS_EVENT_RE = rx.compile(r"(?:新闻)?发布会|发布厅")
VERB_IN_TITLE_RE = rx.compile(_VERB_ALT)
# The patterns below start at a literal anchor (关于, a verb, 批复) and look for the issuer just before it
# (:func:`_issuer_just_before`): trying the issuer alternation at every position of a long text costs too much.
# A law's name: a few characters ending in 法 (法典, 修正案), never a draft (草案) or a method (办法, 方法).
_LAW_NAME = r"[\u4e00-\u9fff]{2,16}?(?<![办方做说看想])法(?:典|修正案)?"
LAW_NAME_RE = rx.compile(_LAW_NAME)
VOTED_LAWS_RE = rx.compile(
    rf"(?:经表决，?\s*通过了?|表决通过了?)(?P<laws>{_LAW_NAME}(?:[、和及]{_LAW_NAME})*)(?![\u4e00-\u9fff（(]*草案)(?=[，。；、\s]|$)"
)
VOTED_BEFORE_RE = rx.compile(rf"表决通过了?\s*(?:{JOINT_RE.pattern})\s*$")
# Taiwan's papers name the law a third reading passes without marks, with the part amended after it: "立法院会今天
# 三读修正通过道路交通管理处罚条例部分条文", "三读通过卫星广播电视法部分条文修正草案", or first, as the sentence's
# subject: "（中央社…电）职业安全卫生法今天三读修正", "公共电视法修正案三读通过". Named as where it is quoted: the
# bill passed by its name when the page names one (卫星广播电视法部分条文修正草案, 公共电视法修正案), else the law
# (三读修正通过劳动基准法部分条文: 劳动基准法).
_UNQUOTED_LAW = r"(?:(?![的之])[\u4e00-\u9fff]){2,20}?(?:(?<![办方做说看想修])法|条例|通则)"
_PASSED_LAW_END = rf"(?={_AMENDED_PART}|修正|草案|[，。；、！？\s]|$)"
_BILL_NAME_TAIL = rf"{_AMENDED_PART}?(?:修正草案|修正案|草案)"
BILL_NAME_TAIL_RE = rx.compile(_BILL_NAME_TAIL)
THIRD_READING_LAW_RE = rx.compile(
    rf"{_THIRD_READING}(?P<law>{_UNQUOTED_LAW}){_PASSED_LAW_END}"
    rf"|(?:^|(?<=[\s。！？）)]))(?P<subject>{_UNQUOTED_LAW})(?:{_BILL_NAME_TAIL})?"
    r"(?:今天|今日|昨天|昨日|\d{1,2}日|已经?|也)*三读(?:修正|增订|修订)?(?:通过)?"
)
# ... or the bill the page has just quoted, named again without marks: "立法会今日恢复审议《2019年吸烟（公众卫生）
# （修订）条例草案》。…三读通过有关全面禁售加热烟、电子烟的条例草案", "立法会昨花6小时审议草案，获三读通过"
THIRD_READING_ANAPHOR_RE = rx.compile(
    rf"{_THIRD_READING}(?:该|此|有关[^，。；《》\n]{{0,30}}?的)?(?:条例|修例|修订)?草案"
    rf"|(?:(?<![《\u4e00-\u9fff])|(?<=审议)|(?<=讨论)|(?<=[该此]))草案[^。；《》\n]{{0,12}}?获?{_THIRD_READING}"
)
QUOTED_BILL_RE = rx.compile(r"《[^《》\n]{2,80}?草案》")
# ... or described without marks right after Hong Kong's legislature passes it, its reading unnamed: "立法会今日通过
# 取消强制性公积金与遣散费、长期服务金「对冲」的条例草案" (the bill by the description its page gives)
PASSED_DESCRIBED_BILL_RE = rx.compile(
    r"立法会[^，。；：《》\n]{0,12}?(?:三读)?通过了?(?P<bill>[^，。；：《》\n]{2,60}?的(?:修订)?条例草案)"
)
ANAPHOR_BILL_CHARS = 400  # how far back the bill named again was quoted
# ... a title in 《》 may sit inside it: "关于修改《海南省人口与计划生育条例》的决定"
PLAIN_ABOUT_RE = rx.compile(
    rf"(?P<title>关于(?:[^，。；！？《》\n]|《[^《》\n]{{1,60}}》){{2,80}}?的(?P<kind>{_TYPE_ALT}))"
)
# "14省份相继发布了2021年企业工资指导线": a year-named instrument a government issues, whatever its last word
# (公告 as the verb too, as Taiwan writes it: "经济部5日公告2024年度各类再生能源趸购费率"; never the noun before an
# announcement's serial number, "农业农村部公告2019年第117号").
YEAR_TITLE_RE = rx.compile(
    # (a headline may set the title off by a space: "劳动部公告 2026年起最低工资月薪2万9500元")
    rf"(?P<verb>{_VERB_ALT}|{_ANNOUNCE_VERB}(?![ \u3000]?(?:19|20)\d{{2}}年第))了?[ \u3000]?"
    rf"(?P<title>(?:19|20)\d{{2}}年度?[^\s，。；：:、！？!?《》()（）]{{2,24}}?)(?=[，。；：:！？!?\s]|$)"
)
TIME_CLAUSE_END_RE = rx.compile(r"(?:之后|以后|以来|后|时)$")
APPROVAL_RE = rx.compile(r"批复(?:原则)?(?:同意)?(?![^，。]{0,4}《)")
# Taiwan's cabinet approves a plan, a programme or a target with 核定 (the mainland State Council's 批复): "行政院已核定
# 台湾NDC3.0", "行政院今日核定…发放现金办法", "经行政院核定并公布NDC 3.0". Its object, up to the clause's end, is
# the instrument; a 核定 with no object ("经行政院核定，公布后六个月施行") names none, nor does one that ends in 中, a
# phrase of the things approved before ("行政院核定12项关键战略中，与民众相关的…": among them).
CABINET_APPROVAL_RE = rx.compile(
    # (… or its weekly meeting: "行政院会今天核定…")
    r"(?:(?<=行政院)|(?<=行政院会)|(?<=行政院院会))"
    r"(?:已经?|日前|今日|今天|昨日|昨天|正式|也在今日|也|于\d{1,2}日|\d{1,2}日)*核定(?:并公布)?了?"
    r"(?P<title>[^\s，。；：:！？!?、（）()]{2,30}+)(?<!中)"
)
# Hong Kong's Chief Executive in Council decides for the government what its ordinances leave to it (fares, the minimum
# wage, subsidiary legislation): "行政长官会同行政会议批准五间专营巴士公司的加价申请", "…接纳最低工资委员会建议". Its
# object, up to the clause's end, is what it decided (not one approved in an earlier year, nor a plan to approve).
_EXCO_SHORT_NAME = r"[（(][^（）()\s，。]{1,8}[）)]"
EXCO_DECISION_RE = rx.compile(
    # (a comma after the body, a day in brackets: "行政长官会同行政会议，今日（10 日）接纳…")
    # (... or passes: "行政长官会同行政会议通过城巴和新巴加价")
    r"(?<!获)行政长官会同行政会议[，,]?(?:已经?|今日|今天|昨日|昨天|正式|\d{1,2}日|[（(][^（）()\n]{1,8}[）)]|\s)*"
    # (... or decides what it grants: "行政长官会同行政会议决定正式向奇妙电视有限公司批出本地免费电视节目服务牌照")
    r"(?:批准|接纳|核准|通过|决定(?:正式)?(?=向|将|批出|批准|延长|调整|暂停|取消))了?"
    # (through the short names it defines in brackets, which its name leaves out: "向奇妙电视有限公司(奇妙电视)批出…")
    rf"(?P<title>(?:[^\s，。；：:！？!?、（）()]|{_EXCO_SHORT_NAME}){{2,30}}+)"
)
EXCO_SHORT_NAME_RE = rx.compile(_EXCO_SHORT_NAME)
# (a day of the month may sit between the body and its verb: "经济部5日公告…", "国务院3日批复同意…")
# (the words of time that may stand between an issuer and its verb)
_TIME_WORDS = r"\s*(?:近日|日前|相继|陆续|先后|已|正式|\d{1,2}日)*\s*"
TIME_WORDS_RE = rx.compile(_TIME_WORDS)
ISSUER_AT_END_RE = rx.compile(rf"(?P<issuer>{JOINT_RE.pattern}){_TIME_WORDS}$")
# ... and a company's organs: its board, shareholders' meeting or supervisory board (华夏幸福董事会审议通过《…议案》)
COMPANY_SUBJECT_RE = rx.compile(r"公司|企业|集团|上市|券商|(?<!人民)银行(?!保险|业)|基金|董事会|股东(?:大)?会|监事会")
# ... and a company named last before the verb, whatever place its name starts with ("山东省邮政分公司出台",
# "浙江省能源集团有限公司近日发布")
COMPANY_ACTOR_END_RE = rx.compile(
    r"(?:公司|集团)(?:近日|日前|近期|今日|今天|昨日|已经?|正式|也|还|再次|首次|\d{1,2}日)*"
    rf"(?:{_VERB_ALT})?[了的]?\s*$"
)
# (… nor one among others, 会同, 协同, 联合, nor the companies it is sent to: "人身保险监管司向各人身保险公司下发《…》")
COMPANY_JOINED_RE = rx.compile(r"、|同|联合|携手|与|和|及|向|对|给")
# (the rest of a company's name after a place in it: 电力公司, 邮政分公司, 能源集团有限公司; no verb or list between)
_COMPANY_NAME_REST = rf"(?:(?!{_VERB_ALT}|会同|联合|、|和|与|及)[\u4e00-\u9fff]){{0,8}}?"
COMPANY_NAME_AFTER_RE = rx.compile(rf"{_COMPANY_NAME_REST}(?:(?:有限责任|股份有限|有限)?分?公司|{COMPANY_GROUP})")
# A body sending what the kind after it names (国务院发函, 省政府致函): its act, no part of a title.
SENT_RE = rx.compile(r"(?<=[\u4e00-\u9fff])[发致]$")
# 实施 ending the verb 印发实施, and the size of the set it issues after it: "印发实施6项蓝碳系列技术规程".
SET_SIZE_RE = rx.compile(r"实施[0-9一二两三四五六七八九十]{1,3}(?:项|部|份|个)")
# The sum a scheme spends, said before its name ("推出100亿元新型工业加速计划", "250亿港元绿色债券计划"): the
# news's figure, no part of the name (a sum before a bare kind stays: "推出20亿元计划" names no scheme otherwise)
AMOUNT_BEFORE_NAME_RE = rx.compile(
    r"[0-9][0-9.,]*\s*(?:千万|百万|万|亿)?(?:港|澳门|新台|美)?元的?(?=[\u4e00-\u9fff“「]{4})"
)
# A first of its kind said before the name ("公布第一份的电动车普及化路线图", "发布全国首个…行动方案"), the writer's own
# country or place ("公布我国2050年净零路径规画"), or the newest of a series ("公布最新电价方案"): the news's words, no
# part of the title (a first batch is: 第一批…名单); so is a count of one ("发布一份实施专科教育高等学校备案名单函").
FIRST_OF_ITS_KIND_RE = rx.compile(
    r"(?:(?:全国|全省|全市)?(?:首份|首个|首部|第一份的?|第一个)|我国|我省|我市|我区|我县|最新(?!版)|一(?:份|则|部|套)的?)"
    r"(?=[\u4e00-\u9fff\d“「]{4})"
)
# A second kind right after the first that the title goes on to, up to the clause's end: "公布电子消费优惠计划优化
# 方案，" is the plan's optimisation scheme, not the plan (a list of titles joined by 和, 及, 、 is not one title, nor
# is the notice that issues it: "印发X方案的通知")
KIND_GOES_ON_RE = rx.compile(
    rf"(?!的)(?:(?![和及与、并])[\u4e00-\u9fff]){{1,4}}?(?:{_TYPE_ALT})(?=[，。；！？,.;!?\s]|$)"
)
SHORT_NAME_WORDS_RE = rx.compile(r"简称|以下|下称|称")  # ("…的通知以下简称通知": its short name, no second kind)
# How many documents of a kind a body issued, before the kind alone: "一连发布两则公告", "下发一份通知" (the count is
# no part of the untitled document's name; a measure's count is: 十项措施).
DOCUMENT_COUNT_RE = rx.compile(r"[一两二三四五六七八九十几数]+(?:则|份|道)")
# Words before an untitled kind: "印发一则通知", "发出紧急通知".
UNTITLED_RE = rx.compile(r"^(?:的)?(?:最新的?)?(?:一|两|几)?(?:则|份|项|个|道)?(?:紧急|专门|正式|新的?)?")
# A class of documents ("各领域实施方案", "相关政策", "应对措施", "2009年各省份单位GDP能耗", "系列文件", "一系列政策"),
# not one document; a named series is its documents' set ("蓝碳系列技术规程": six standards released together).
# The determiners count where they open the title (本办法, 该方案, 各领域…, 这一司法解释, 此办法), never inside a word
# (资本, 基本, 高等): "国务院印发划转部分国有资本充实社保基金实施方案" names one document.
GENERIC_TITLE_RE = rx.compile(
    r"^(?:各|该|本|这[一个项部份则]|此)|各(?:省|地区|市州|地市)|(?<![高平同均对相初中次优上])等(?![级候待同于])|相关|有关|(?:^|[一这该此])系列"
    r"|(?<!第)一批|配套|哪些|多项|若干项"
    r"|一揽子|这些|上述|应对(?:措施|举措|政策|方案)|类似|同类|此类|相应|具体|新一轮的|一些"
)

# Hong Kong and Macau write 有关 where the mainland writes 关于 in a title: "有关发展香港可持续披露生态圈的愿景宣言"
HK_ABOUT_TITLE_RE = rx.compile(r"有关[^，,。；;的]{4,60}的")

GOV_SOURCES = frozenset({"ndrc", "gov_cn", "mee"})
CONTEXT_CHARS = 40
# How far after a title its issuer is looked for ("…，近日由市场监管总局（国家标准委）正式批准发布")
ISSUER_AFTER_CHARS = 80
# The kind a quoted name is followed by, ending the phrase ("「保就业」计划，", not "《巴黎协定》框架下")
QUOTED_NAME_KIND_RE = rx.compile(r"(?:计划|计画|方案|措施|政策|蓝图|框架|策略|专案)(?![\u4e00-\u9fff])")
KIND_AFTER_CHARS = 240  # (the kind may follow the titles listed after one: "《A》《B》《C》等3项国家标准")
HEREBY_LIST_CHARS = 400


# Where a statistical reader names an untitled measure: (headline, text) -> the field ("title" or "text") and the
# offsets of the words that name it, or None (see classify.namespan)
Namer = Callable[[str, str], "tuple[str, int, int] | None"]
NAMED_CUE = "named by a statistical reader"  # the cue of a measure a Namer named, until its reader gives its own


@dataclass
class PolicyDocument:
    """A policy document or instrument named in an article, with the evidence for it."""

    title: str  # as the article writes it (with 《》 when it has them)
    title_norm: str  # the matching key: see normalise_title
    issuer: str | None = None  # canonical, joint issuers joined by 、
    doc_number: str | None = None  # normalised: 国发〔2021〕23号
    doc_type: str | None = None
    is_release: bool = False  # the article reports this document being issued
    carbon: bool = False  # the title names a carbon term, or the article's headline is about this document
    field: str = "text"
    start: int = 0
    end: int = 0
    cue: str = ""  # the words that made it a release ("国务院印发", "已编制完成") or why not ("按照")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


@dataclass
class PolicyResult:
    """Every policy document the article names; ``is_release`` when it reports one being issued."""

    is_release: bool = False
    documents: list[PolicyDocument] = field(default_factory=list)
    digest: bool = False  # the article is a news digest (numbered items, flash items): no item is its subject

    @property
    def releases(self) -> list[PolicyDocument]:
        """The documents whose release the article reports."""
        return [d for d in self.documents if d.is_release]

    def lead_releases(self) -> list[str]:
        """The title of the one document whose release the headline or the lead reports: what the article is
        about, which carbon relevance counts like the headline. Several (a digest, a roundup) name no one subject.
        Where neither reports one (a page without a headline, a digest page's summary first), the one release its
        text reports is its subject."""
        if self.digest:
            return []
        releases = [d for d in self.documents if d.is_release]
        titles = {
            d.title_norm: d.title
            for d in releases
            if d.field == "title" or (d.field == "text" and d.start < LEAD_MAX_CHARS)
        }
        titles = titles or {d.title_norm: d.title for d in releases if d.field == "text"}
        return list(titles.values()) if len(titles) == 1 else []

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what goes into ``item.policy``)."""
        return {"is_release": self.is_release, "documents": [d.as_dict() for d in self.documents]}


# -- normalisation -----------------------------------------------------------------------------------------------


def unify_quotes(text: str) -> str:
    """Map typographic and corner quotes to ASCII ``"`` (sites differ in which they use)."""
    return text.translate(QUOTES).replace("‘", "'").replace("’", "'")


# Archived posts whose titles were file names have _ where the quotes were (《深圳市金融业高质量发展_十四五_规划》).
HEXO_QUOTE_RE = rx.compile(r"(?<=[\u4e00-\u9fff《])_|_(?=[\u4e00-\u9fff》])")


def normalise_title(title: str, *, carriers: bool = True) -> str:
    """The key under which the same document matches across articles and sites.

    NFKC (full-width forms, ideographic space), no whitespace, unified quotes, no 《》 and no issuer prefix
    before 关于 (《中共中央　国务院关于X的意见》 and 《关于X的意见》 are the same document).
    """
    text = unicodedata.normalize("NFKC", title)
    text = unify_quotes(HEXO_QUOTE_RE.sub('"', text))
    text = re.sub(r"\s+", "", text)
    # "【创新创业与产经政策】经济部疫后振兴各项措施": a site's column, not the title
    text = LEADING_TAG_RE.sub("", text)
    if len(text) > 2 and text[0] == text[-1] == '"' and text.count('"') == 2:
        text = text[1:-1]  # "发布“关于2025年烟花爆竹燃放管控的通告”": quotes for a title, as 《》 are
    text = KIND_AFTER_TITLE_RE.sub(lambda m: m.group(1) or m.group(2), text)  # 《X》白皮书 names X
    text = FILE_EXTENSION_RE.sub("", text)  # "…实施方案.docx": the file a site offers, not the title
    if carriers:
        text = CARRIER_RE.sub(r"关于印发\1的通知", text)  # 关于转发X的通知, 关于公布X的通知 name X …
    text = unwrap_notice(text)  # … as 关于印发X的通知 does
    text = re.sub("[《》〈〉<>]", "", text).strip(".,;:!?。，；：！？")  # 〈〉 (or <>) is 《》 nested in a title
    # "修订后的钢铁行业产能置换实施办法", "山西晋中市碳达峰实施方案": the news writer's words before the title
    text = TITLE_LEAD_WORDS_RE.sub("", text)
    text = NUMBER_IN_TITLE_RE.sub("", text)  # "…的通知（东建〔2021〕6号）": the number is not the title
    text = STATE_NAME_LAW_RE.sub("", text)  # 《中华人民共和国网络安全法》 is cited as 网络安全法
    text = YEAR_RANGE_DASH_RE.sub("-", text)  # (2020-2025年), (2020—2025年), (2020－2025年): one range
    text = BARE_YEAR_RANGE_RE.sub(r"\1年)", text)  # … and (2021-2025) without its 年
    text = EDITION_BRACKETS_RE.sub(r"(\1)", text)  # [2023年修订], 【2024年版】: the edition, as (2023年修订)
    text = BARE_YEAR_PREFIX_RE.sub("", text)  # "2022石柱…封山令": a site's year before the title, not "2022年…"
    issuer, rest = split_issuer_prefix(text)
    return rest if issuer else ANAPHOR_PREFIX_RE.sub("", text)


# A notice that forwards or publishes a document names it as one that issues it does (关于转发X的通知,
# 关于公布X的通知, 关于发布X的公告): one release under two names.
CARRIER_RE = rx.compile(r"关于(?:(?:批准|命名|确定|认定)并)?(?:转发|批转|公布|发布)(.+?)的(?:通知|公告|通告)》?$")
# An edition or revision after a title in square or lenticular brackets, as sites and databases print it: the same as
# in round ones ("…暂行办法[2023年修订]", "…目录【2024年本】"); a number's 〔2021〕 has no edition word and stays.
EDITION_BRACKETS_RE = rx.compile(
    r"[\[【〔]((?:(?:19|20)\d{2}(?:-(?:19|20)\d{2})?年?)?(?:第[一二三四五六七八九十\d]+次)?(?:修订|修正|版|本|试行)(?:版|稿)?)[\]】〕]"
)
BARE_YEAR_RANGE_RE = rx.compile(r"(\((?:19|20)\d{2}-(?:19|20)\d{2})\)")
BARE_YEAR_PREFIX_RE = rx.compile(r"^(?:19|20)\d{2}(?=[\u4e00-\u9fff])(?!年|届|版)")
# (... or with its dash lost in a page's encoding: "（20232025年）" is the range 2023—2025, in brackets before 年)
YEAR_RANGE_DASH_RE = rx.compile(
    r"(?<=\d)\s*[-－—–~～]+\s*(?=(?:19|20)\d{2})|(?<=[（(](?:19|20)\d{2})(?=(?:19|20)\d{2}年?[）)])"
)
# A national law or regulation is named with or without the state's name before it.
STATE_NAME_LAW_RE = rx.compile(r"^中华人民共和国(?![和与])(?=[\u4e00-\u9fff]{1,30}(?:法|法典|条例)(?:修正案)?$)")
NUMBER_IN_TITLE_RE = rx.compile(
    rf"[（(][^（）()]{{0,12}}{_YEAR_OPEN}(?:19|20)\d{{2}}{_YEAR_CLOSE}\s*\d{{1,5}}\s*号[）)]$"
)
TITLE_LEAD_WORDS_RE = rx.compile(
    rf"^(?:修订后的|新修订的|最新修订的|新版|最新版的?|一批|\d{{1,3}}(?:个|项|部|份)(?=[\u4e00-\u9fff]{{4}}))"
    rf"|^(?:{PROVINCES})(?:省|自治区)?(?![市省])(?=[\u4e00-\u9fff]{{2,3}}?市)"  # not 上海市城市…: its own 市
)
# "市政府办公室关于…的通知" on a city's own site: the issuer named by its place's anaphor, before 关于.
ANAPHOR_PREFIX_RE = rx.compile(
    r"^(?:省|市|县|区|自治区)[\u4e00-\u9fff]{0,10}?(?:人民政府|政府|厅|局|委员会|委)(?:办公厅|办公室)?(?=关于)"
)


# ... its later members may name their place relatively ("广东省经济和信息化委、省发展改革委、省统计局关于…": the first
# member's province, as canonical_issuer reads a joint list)
_RELATIVE_MEMBER = r"(?:省|自治区|市(?!场))[\u4e00-\u9fff]{1,10}?(?:厅|局|委员会|委|办公厅|办公室)"
# ... and a body so named that leads a clause, another party joining it ("自治区发展改革委会同国网新疆电力有限公司印发")
RELATIVE_BODY_WITH_RE = rx.compile(rf"{_TIME_WORDS}{_RELATIVE_MEMBER}(?:会同|联合|与|和|及)")
ISSUER_PREFIX_RE = rx.compile(
    rf"^({_ONE_ISSUER}(?:\s*[、 ]?\s*(?:{_ONE_ISSUER}|{_RELATIVE_MEMBER}))*)(?:等(?:{_COUNT}个?)?(?:部门|部委|单位))?"
    r"\s*(关于.+)$"
)


def split_issuer_prefix(title: str) -> tuple[str | None, str]:
    """Split 中共中央　国务院关于X的意见 into (中共中央、国务院, 关于X的意见); (None, title) if no such prefix."""
    compact = re.sub(r"[\s\u3000]+", " ", title.replace("《", "").replace("》", "")).strip()
    m = ISSUER_PREFIX_RE.match(compact)
    if not m:
        # "回民区人民政府关于…的通告": a district or county heading its own document, its city unnamed
        own = OWN_COUNTY_PREFIX_RE.match(compact)
        if own is None:
            return None, title
        body = own.group(1) if own.group(1).endswith(("政府", "办公室")) else own.group(1) + "人民政府"
        return body, own.group(2).replace(" ", "")
    return canonical_issuer(m.group(1)), m.group(2).replace(" ", "")


# ... or by its place's name alone ("桂东县关于禁止露天焚烧秸秆的通告", "海东市关于…的实施意见"): its government
OWN_COUNTY_PREFIX_RE = rx.compile(
    rf"^((?![{_NOT_NAME_START}该本全我各])[\u4e00-\u9fff]{{2,3}}?(?:(?:区|县|旗)(?:人民政府(?:办公室)?)?|市))\s*(关于.+)$"
)


# The members of a joint list after the first ("湖北省委办公厅、省政府办公厅", "…局会同市规划和自然资源局",
# "宁夏回族自治区党委办公厅、人民政府办公厅"): a relative 省/市 or a bare 人民政府 is the first member's place.
JOINT_SPLIT_RE = rx.compile(r"、|(?<=[局厅委办室府行院部署])(?:和|及|与|会同|联合|(?=省|自治区|市(?!场)))")
RELATIVE_MEMBER_RE = rx.compile(
    r"^(?:(?P<province>省|自治区)|(?P<city>市)(?!场)|(?P<district>区|县)(?!域))|^(?=人民政府|政府|党委)"
)
PLACE_OF_MEMBER_RE = rx.compile(
    rf"^(?P<province>(?:{PROVINCES}){_PROVINCE_SUFFIX})?(?P<city>[\u4e00-\u9fff]{{2,6}}?市)?"
    r"(?P<district>[\u4e00-\u9fff]{2,4}?[区县](?=[\u4e00-\u9fff]{2,}(?:局|委|办|厅|室|队|所|府|中心)$))?"
)


BRANCH_PROVINCE_RE = rx.compile(rf"(?:{PROVINCES}){_PROVINCE_SUFFIX}(?=分行|监管局|分局)")


# ... and those the issuers' table reads alone as the central body's (统计局), the place's after its bodies too
LOCAL_TOO_SHORT_FORMS = frozenset([*CENTRAL_SHORT_FORMS, "统计局", "林草局", "知识产权局", "药监局"])
# A joint list headed by a place's body named relatively ("该单位与自治区工信厅", "省发展改革委"): its place word.
RELATIVE_HEAD_RE = rx.compile(r"(?:^|[与和及同])(省|自治区|市)[\u4e00-\u9fff]{1,12}(?:厅|局|委员会|委|办公室)$")


def _resolve_joint_places(text: str) -> str:
    """``text`` with the relative members of a joint list given the place the first member names."""
    parts = JOINT_SPLIT_RE.split(text)
    if len(parts) < 2:
        return text
    head = PLACE_OF_MEMBER_RE.match(parts[0])
    province, city = (head.group("province"), head.group("city")) if head else (None, None)
    if not province and not city and (branch := BRANCH_PROVINCE_RE.search(parts[0])):
        province = branch.group(0)  # "人民银行辽宁省分行、省生态环境厅": a branch names its province
    district = (city or "") + head.group("district") if head and head.group("district") else None
    relative_head = RELATIVE_HEAD_RE.search(parts[0]) if not (province or city) else None
    relative = relative_head.group(1) if relative_head else ""
    out = [parts[0]]
    for part in parts[1:]:
        rel = RELATIVE_MEMBER_RE.match(part)
        if rel and rel.group("province") and province:
            part = province + part[len(rel.group("province")) :]
        elif rel and rel.group("city") and city:
            part = city + part[1:]
        elif rel and rel.group("district") and district:
            part = district + part[1:]  # 区应急管理局 after 深圳市龙岗区住房和建设局
        elif rel and not rel.group(0) and (city or province):
            part = (city or province or "") + part  # 人民政府办公厅 after 宁夏回族自治区党委办公厅
        elif part in LOCAL_TOO_SHORT_FORMS and (city or province or relative):
            # a central body's short form after a place's bodies is that place's: "内蒙古自治区发展改革委、自治区
            # 工信厅、能源局" (the region's 能源局, not 国家能源局); after "省…厅" the province's, unnamed
            part = (city or province or relative) + part
        elif part in CENTRAL_SHORT_FORMS and ISSUER_RE.fullmatch(parts[0]):
            part = CENTRAL_SHORT_FORMS[part]  # among central bodies, the central body's
        out.append(part)
    return "、".join(out)


# A district government's street office is named under it as one body ("上海市闵行区人民政府古美路街道办事处", the
# office of that government, as 闵行区古美路街道办事处 is): the government's name is the office's address, no co-signer.
# So is a Special Administrative Region government's bureau or department ("特区政府环境及生态局", "香港特别行政区政府
# 环境局"): the bureau alone.
UNDER_ITS_GOVERNMENT_RE = rx.compile(
    r"(?:人民政府|政府)(?=[\u4e00-\u9fff]{2,8}街道办事处)"
    r"|(?:(?:香港|澳门)?(?:特区|特别行政区))政府(?=[\u4e00-\u9fff]{2,12}?(?:局|署|处)(?![\u4e00-\u9fff]))"
)


def canonical_issuer(text: str) -> str | None:
    """The canonical name(s) of the issuer(s) in ``text``: 国家发改委 -> 国家发展改革委; joint ones joined by 、."""
    names: list[str] = []
    counts: list[str] = []
    text = _resolve_joint_places(unicodedata.normalize("NFKC", text).replace(" ", ""))
    text = UNDER_ITS_GOVERNMENT_RE.sub("", text)  # "上海市闵行区人民政府古美路街道办事处" is the street office alone
    for m in ISSUER_RE.finditer(text):
        if MULTI_RE.fullmatch(m.group(0)):
            counts.append(m.group(0))  # "商务部等13部门" is led by 商务部; "11部门" alone names no body
            continue
        name = ISSUER_ALIASES.get(m.group(0)) or _canonical_branch(m.group(0)) or canonical_local(m.group(0))
        if TAIWAN_AGENCY_RE.fullmatch(name):  # 卫福部健保署 is 卫生福利部健康保险署
            name = name.replace("卫福部", "卫生福利部", 1).replace("健保署", "健康保险署")
        if name not in names:
            names.append(name)
    if names:
        return "、".join(names)
    if counts:
        return counts[0]
    alone = text.strip()
    if DISTRICT_NAME_RE.fullmatch(alone):
        return alone  # a district named alone (its release verb was in the text it came from)
    if BARE_COUNTY_NAME_RE.fullmatch(alone) or BARE_CITY_NAME_RE.fullmatch(alone):
        # a county or a city named alone: its government (彰化县 -> 彰化县政府, 银川市 -> 银川市人民政府)
        return canonical_local(alone)
    return None


def ministry_of_agency(name: str) -> str | None:
    """The ministry a Taiwan administration (经济部国际贸易署) is under, as the issuers' table names it on its own
    (经济部; 农业部 as read out of context), or None for any other name."""
    if not TAIWAN_AGENCY_RE.fullmatch(name):
        return None
    return canonical_issuer(name[: name.index("部") + 1])


def _canonical_branch(name: str) -> str | None:
    """人民银行广州分行 -> 中国人民银行广州分行: a branch keeps its place and kind under the central body's name."""
    if not BRANCH_RE.fullmatch(name):
        return None
    for alias in _ALIASES_LONGEST_FIRST:
        if name.startswith(alias):
            return ISSUER_ALIASES[alias] + name[len(alias) :]
    return name


PROVINCE_SUFFIX = {"北京": "市", "天津": "市", "上海": "市", "重庆": "市", "内蒙古": "自治区", "广西": "壮族自治区"}
PROVINCE_SUFFIX |= {"西藏": "自治区", "宁夏": "回族自治区", "新疆": "维吾尔自治区", "香港": "特别行政区"}
PROVINCE_SUFFIX |= {"澳门": "特别行政区"}
# (the 市 of a market regulator is no suffix: 宁夏市场监管厅 is 宁夏回族自治区's, as 宁夏回族自治区市场监督管理厅 is)
PROVINCE_HEAD_RE = rx.compile(rf"^({PROVINCES})(?:(?!市场){_PROVINCE_SUFFIX})?(?!省|市(?!场)|自治区)(.*)$")


ANAPHOR_RE = rx.compile(
    # (... or its headquarters or leading group for a task, "市大气污染防治工作指挥部办公室", "市疫情防控指挥部")
    r"(?<![\u4e00-\u9fff])(省|市|自治区)((?:人民)?政府(?:办公厅|办公室)?"
    r"|[\u4e00-\u9fff]{1,10}?(?:厅|局|委员会|委|办公室)|[\u4e00-\u9fff]{2,12}?(?:指挥部|领导小组)(?:办公室)?)"
    # ... or a county's government ("一是县政府发布了《…》": the county the text names, 汉阴县)
    r"|(?:(?<![\u4e00-\u9fff])|(?<=[一二三四五六七八九十]是))(县)((?:人民)?政府(?:办公室)?)"
    # ... or, as Taiwan's press writes it, 县府 or 市府 alone ("县府…再推出「支持生育加码补助」政策": 金门县's)
    rf"|(?<![\u4e00-\u9fff])([县市])(府){_GOVERNMENT_NOT_BUILDING}"
)
PROVINCE_NAME_RE = rx.compile(rf"(?:{PROVINCES})")
# A city named in the text, for 市政府 (a municipality is one too: 北京市). Not 我市, 全市, 该市 ….
# (not a word running into it: "2017年度湖州市政府重点工作清单" names 湖州市, not 度湖州市)
# (... nor a word that ends in 市场 or 市民: "我市中南市场" names no 中南市, "广大市民" no 广大市; 杭州市民政局 is
# 杭州市's)
CITY_NAME_RE = rx.compile(
    rf"(?:{PROVINCES})市|{_NOT_A_PLACE_WORD}{_NOT_AFTER_TIME_WORD}{_BARE_CITY_NAME}(?!场|民(?!政))"
)
# ... and a county named in the text, for 县政府 (汉阴县; not 全县, 各县, 该县)
COUNTY_NAME_RE = rx.compile(
    rf"{_NOT_A_PLACE_WORD}{_NOT_AFTER_TIME_WORD}{_NOT_VERB_TAIL}{_SHORT_PLACE_NAME}县"
    r"(?!城|域|委|级|区|乡|镇|民(?!政))"  # (not its people: "编列预算奖励县民" names no 算奖励县)
)


# A prefecture-level city (or prefecture) at the head of a name: 鹤壁市住房和城乡建设局, 凉山彝族自治州人民政府.
CITY_HEAD_RE = rx.compile(
    rf"^([\u4e00-\u9fff]{{2,5}}?{_PEOPLES}{{1,4}}自治州"  # 湘西土家族苗族自治州: longer than six
    r"|[\u4e00-\u9fff]{2,6}?(?:市|自治州|州|地区|盟))(.*)$"
)
MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})
ZONE_COMMITTEE_RE = rx.compile(r"[\u4e00-\u9fff]{2,16}?(?:开发区|新区|高新区|园区|示范区|合作区)管理委员会")
# A county or banner at the head of a name (安吉县人民政府, 玉龙纳西族自治县人民政府, 达尔罕茂明安联合旗人民政府)
COUNTY_HEAD_RE = rx.compile(rf"^({_COUNTY_UNDER}|[\u4e00-\u9fff]{{2,6}}?县)(.*)$")


# Taiwan's cities and counties name their governments 台中市政府, 彰化县政府: never a 人民政府 (a name stored under the
# older reading, 台中市人民政府, reads as the same government).
TAIWAN_LOCAL_RE = rx.compile(rf"(?:{TAIWAN_PLACES})[市县]")


def _canonical_city(city: str, rest: str) -> str:
    government = "政府" if TAIWAN_LOCAL_RE.fullmatch(city) else "人民政府"  # (Taiwan's governments have no 人民)
    # (its government's office too: 安庆市政府办公室 is 安庆市人民政府办公室)
    office = re.fullmatch(r"(?:人民)?政府(办公室|办公厅)", rest)
    if office:
        return city + government + office.group(1)
    if rest not in ("", "政府", "人民政府"):
        return city + rest
    return city + government


def _canonical_place(city: str, rest: str) -> str:
    """A city's body by the city's name, a county's or banner's under the city by its own (鄂尔多斯市鄂托克前旗人民政府
    is 鄂托克前旗人民政府, as 浙江省安吉县人民政府 is 安吉县人民政府); a district keeps its city (成都市武侯区)."""
    county = COUNTY_HEAD_RE.match(rest)
    return _canonical_city(county.group(1), county.group(2)) if county else _canonical_city(city, rest)


LEGISLATURE_TERM_RE = rx.compile(r"第?[一二三四五六七八九十]{1,3}届(?=人民代表大会|人大)")
# A local commission's standard short forms (规范简称) and its full name: 湖州市卫生健康委 and 湖州市卫生健康委员会,
# 成都市发改委 and 成都市发展和改革委员会 are one body. Only after a place's name (国家发展改革委 is an alias).
LOCAL_COMMISSION = {
    "发改委": "发展和改革委员会",
    "发展改革委": "发展和改革委员会",
    "发展和改革委": "发展和改革委员会",
    "卫健委": "卫生健康委员会",
    "卫生健康委": "卫生健康委员会",
    "住建委": "住房和城乡建设委员会",
    "住房城乡建设委": "住房和城乡建设委员会",
    "住房和城乡建设委": "住房和城乡建设委员会",
    "经信委": "经济和信息化委员会",
    "经济信息化委": "经济和信息化委员会",
    "经济和信息化委": "经济和信息化委员会",
    "商务委": "商务委员会",
    "交通委": "交通委员会",
    "教委": "教育委员会",
    "科委": "科学技术委员会",
    "国资委": "国有资产监督管理委员会",
}
# ... and a local department's or bureau's (云南省科技厅 and 云南省科学技术厅, 贵州省医保局 and 贵州省医疗保障局,
# 潜江市市场监管局 and 潜江市市场监督管理局): the full name is the one its seal and signature carry.
for _short, _full in {
    "科技": "科学技术",
    "工信": "工业和信息化",
    "经信": "经济和信息化",
    "人社": "人力资源和社会保障",
    "人力资源社会保障": "人力资源和社会保障",
    "住建": "住房和城乡建设",
    "住房城乡建设": "住房和城乡建设",
    "文旅": "文化和旅游",
    "交通": "交通运输",
    "环保": "环境保护",
    "卫健": "卫生健康",
}.items():
    LOCAL_COMMISSION[_short + "厅"] = _full + "厅"
    LOCAL_COMMISSION[_short + "局"] = _full + "局"
LOCAL_COMMISSION |= {"医保局": "医疗保障局", "市场监管局": "市场监督管理局", "市监局": "市场监督管理局"}
LOCAL_COMMISSION |= {"市场监管厅": "市场监督管理厅"}  # (宁夏回族自治区市场监管厅: a region's is a 厅)
LOCAL_COMMISSION |= {"应急局": "应急管理局", "发改局": "发展和改革局"}
LOCAL_COMMISSION_RE = rx.compile(rf"(?<=[省市州区县盟])({'|'.join(sorted(LOCAL_COMMISSION, key=len, reverse=True))})$")


def _full_office_name(name: str) -> str:
    """``name`` with a local commission's or department's short form after its place written out (LOCAL_COMMISSION)."""
    return LOCAL_COMMISSION_RE.sub(lambda c: LOCAL_COMMISSION[c.group(1)], name)


# What may stand between Hong Kong's name and one of its bodies (香港特区政府房屋委员会)
SAR_GOVERNMENT_WORDS_RE = rx.compile(r"^(?:特区)?(?:政府)?")


def canonical_local(name: str) -> str:
    """One name per provincial body: 浙江, 浙江省, 浙江省政府 -> 浙江省人民政府; 浙江省住建厅 keeps its office.
    A city's bodies go by the city's own name: 河南省鹤壁市住房和城乡建设局 -> 鹤壁市住房和城乡建设局, 杭州市政府 ->
    杭州市人民政府 (a municipality's districts keep it: 北京市朝阳区人民政府). A legislature goes by its full name
    without its term: 陕西省第十四届人大常委会 -> 陕西省人民代表大会常务委员会."""
    name = LEGISLATURE_TERM_RE.sub("", name)
    town_party = TOWN_PARTY_TAIL_RE.search(name, 2) if name.startswith("中共") else None
    if town_party:  # 中共重庆市永川区来苏镇委员会 -> 中共来苏镇委员会, as its government goes by the town's name
        return "中共" + town_party.group("town") + "委员会"
    town = TOWN_TAIL_RE.search(name)
    if town:
        # a town goes by its own name (诸暨市安华镇人民政府 -> 安华镇人民政府), as a city's bodies by the city's
        return re.sub(r"(?<=[镇乡])政府", "人民政府", town.group(0))
    name = re.sub(r"管委会$", "管理委员会", name)
    name = re.sub(r"(?<=[县市])府$", "政府", name)  # 彰化县府 -> 彰化县政府, 基隆市府 -> 基隆市人民政府
    name = re.sub(r"人大常委会?$", "人民代表大会常务委员会", name)
    name = _full_office_name(name)
    m = PROVINCE_HEAD_RE.match(name)
    if not m:
        city = CITY_HEAD_RE.match(name)
        if city is None and (county := COUNTY_HEAD_RE.match(name)):
            return _canonical_city(county.group(1), county.group(2))  # 通榆县政府 -> 通榆县人民政府
        return _canonical_place(city.group(1), city.group(2)) if city else name
    province, rest = m.group(1), m.group(2)
    if province == "香港" and (body := SAR_BODIES.get(SAR_GOVERNMENT_WORDS_RE.sub("", rest))):
        return body  # 香港特别行政区金管局, 香港特区政府房屋委员会: the table's body, by its official name
    city = CITY_HEAD_RE.match(rest) if province not in MUNICIPALITIES else None
    if city:
        return _canonical_place(city.group(1), city.group(2))
    county = COUNTY_HEAD_RE.match(rest) if province not in MUNICIPALITIES else None
    if county:  # 浙江省安吉县人民政府 -> 安吉县人民政府, as 江苏省昆山市人民政府 -> 昆山市人民政府
        return _canonical_city(county.group(1), county.group(2))
    if ZONE_COMMITTEE_RE.fullmatch(rest):  # 安徽省合肥高新技术产业开发区管理委员会: the zone's own name
        return rest
    full = province + PROVINCE_SUFFIX.get(province, "省")
    if rest in ("", "政府", "人民政府"):
        # a Special Administrative Region's government is 香港特别行政区政府, never a 人民政府 (a name stored under
        # the older reading, 澳门特别行政区人民政府, reads as the same government)
        return full + ("政府" if full.endswith("特别行政区") else "人民政府")
    if rest in ("政府办公厅", "人民政府办公厅"):
        return full + "人民政府办公厅"
    # (a short form after the bare province, 广东科技厅, is read once the province has its suffix)
    return _full_office_name(full + rest)


# What runs into an issuer's code when a page prints the number after a label or a clause ("发文字号皖交发〔2021〕63号",
# "…的通知粤府办〔2024〕9号", "交通运输部公布了交规划发〔2022〕56号", "…之际以忻政办发〔2016〕9号文件") or under
# its letterhead ("国家能源局综合司文件国能综通科技〔2025〕91号"): the code (发文机关代字) is what follows it.
NUMBER_CODE_LEAD_RE = rx.compile(
    r"^.*(?:发文字号|发文文号|文\s*号|字号|的(?:通知|意见|决定|公告|通告|批复|函)|了|为|是|以|文件)(?=[\u4e00-\u9fff]{2})"
)


def normalise_doc_number(text: str) -> str | None:
    """国发[2021]23号, 国发（2021）23号, 国发【2021】23号 -> 国发〔2021〕23号; None when ``text`` holds none. A label
    or clause run into the code (发文字号皖交发〔2021〕63号) is no part of it."""
    m = DOC_NUMBER_RE.search(unicodedata.normalize("NFKC", text).replace("\u3000", " "))
    if not m:
        # NFKC turns full-width brackets into ASCII ones, which the pattern accepts; also try the raw text.
        m = DOC_NUMBER_RE.search(text)
        if not m:
            return None
    number = unicodedata.normalize("NFKC", m.group(3))
    code = NUMBER_CODE_LEAD_RE.sub("", m.group(1))
    return f"{code}〔{m.group(2)}〕{number}号"


def doc_type(title: str) -> str | None:
    """The document kind the title ends with (行动方案, 批复, 负面清单, the X of 关于…的X), or None (公报 of
    statistics, 报告 of research, a newspaper): see :func:`carbonwatch.classify.doctitles.document_kind`."""
    return document_kind(normalise_title(title, carriers=False))  # 关于公布X名单的通知 is a notice


NESTED_TITLE_RE = rx.compile(r"[^〈<《》>〉]{0,40}[〈<](?P<title>[^〈<《》>〉]{2,120})[〉>]")


# (its bracket left open too, as a page may print it: "《X》（以下简称《方案》的通知")
SHORT_NAME_NOTE_RE = rx.compile(rf"\s*[（(]{_SHORT_NAME_WORD}[^（）()]{{1,20}}(?:[）)]|$)$")


def unwrap_notice(title: str) -> str:
    """关于印发X的通知 (or 某某印发《X》的通知) -> X: the notice only carries the document (both names mean the same
    release)."""
    text = title.strip().strip("《》")
    m = re.match(r"^(?:.*?)关于印发\s*(.+?)\s*(?:的通知)?。?$", text, re.S)
    if m:
        # "关于印发《X》（以下简称《方案》）的通知": the short name the page gives is no part of the title
        inner = SHORT_NAME_NOTE_RE.sub("", m.group(1)).strip()
        # a title quoted inside a title takes 〈〉 (or <>), after the body whose document is forwarded or approved:
        # 关于印发〈X〉的通知, 关于批转区…领导小组办公室<静安区碳达峰实施方案>的通知
        quoted = NESTED_TITLE_RE.fullmatch(inner)
        if quoted:
            inner = quoted.group("title")
        return inner if inner.startswith("《") else f"《{inner}》"
    # "中共岳阳市委办公室岳阳市人民政府办公室印发《X》的通知": the issuers' covering notice without 关于
    bare = re.fullmatch(r"(?P<who>[^《》]{2,80}?)印发\s*《(?P<inner>[^《》]+)》\s*的通知", text)
    if bare and canonical_issuer(bare.group("who")):
        return f"《{bare.group('inner')}》"
    return title


# -- context helpers --------------------------------------------------------------------------------------------


def _clause_before(text: str, pos: int, limit: int = 60) -> str:
    """The text of the current clause before ``pos`` (back to the previous comma or sentence end)."""
    window = text[max(0, pos - limit) : pos]
    parts = CLAUSE_END_RE.split(window)
    return parts[-1] if parts else window


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence running at ``pos`` ends (its 。！？ or line break), or the end of the text."""
    ends = [i for i in (text.find(mark, pos) for mark in "。！？\n") if i != -1]
    return min(ends) if ends else len(text)


def _sentence_before(text: str, pos: int, limit: int = 80) -> str:
    window = text[max(0, pos - limit) : pos]
    parts = SENTENCE_END_RE.split(window)
    return parts[-1] if parts else window


def _named_bodies(found: list[str | None]) -> list[str]:
    """The canonical issuers that name a body (not None, not a bare count such as 11部门), in order."""
    return [f for f in found if f and not MULTI_RE.fullmatch(f)]


# ... or where something happens: "国管局在山西省太原市召开…会议，发布了…名单" (a place after 在 is no actor)
SOURCE_BEFORE_RE = rx.compile(r"(?:记者|据悉，?)?从$|在$")


def _named_not_acting(text: str, pos: int) -> bool:
    """The clause running at ``pos`` names a body there without it acting: it cites the body (为贯彻落实党中央…,
    根据国务院…; a citing word before ``pos`` read with the words after it, so 据新华社电 is an attribution, not a
    citation), or the body is the reporter's source (记者从上海市经济信息化委获悉) or a place (在山西省太原市召开)."""
    before = _clause_before(text, pos)
    if SOURCE_BEFORE_RE.search(before):
        return True
    clause = before + text[pos : pos + 30]
    return any(m.start() < len(before) for m in CITE_RE.finditer(clause))


# "湖北省委办公厅、省政府办公厅印发": the relative members a joint list goes on with, up to the verb.
RELATIVE_TAIL_RE = rx.compile(
    # "浙江省发展改革委 省生态环境厅印发": a space parts a joint list too, or nothing where the page ran the names
    # together ("辽宁省发展改革委省工业和信息化厅关于印发…")
    r"(?:(?:、|和|及|与|会同|联合|[ \u3000]|(?<=[委厅局室府]))"
    r"(?:(?:省|自治区|市(?!场))?(?:人民)?政府(?:办公厅|办公室)?"  # 、省政府, 、人民政府办公厅
    r"|(?:省|自治区|市(?!场))[\u4e00-\u9fff]{0,10}?(?:办公厅|办公室|厅|局|委员会|委)))+"  # 会同市规划和自然资源局
    # ... and a short form after them, the place's own ("…与自治区工信厅、能源局联合印发": the region's 能源局)
    + rf"(?:、(?:{'|'.join(sorted(LOCAL_TOO_SHORT_FORMS, key=lambda f: (-len(f), f)))}))*"
)


DATELINE_AFTER_RE = rx.compile(r"[ \t\u3000]*(?:\d{1,2}月)?\d{1,2}日(?:电|讯)")
# The rest of a document number's code after a body's short name in it (国办 + 发〔2017〕, 国能 + 综通新能〔2024〕).
NUMBER_CODE_AFTER_RE = rx.compile(r"[\u4e00-\u9fff]{0,4}[〔\[【［]\s*(?:19|20)\d{2}")


def _sentence_actors(text: str, pos: int) -> str | None:
    """The bodies the sentence running at ``pos`` names as acting, from its start after a line break, a full stop or
    an addressee line's colon (so never the addressees), none inside a title or cited; joint bodies kept together."""
    start = max(text.rfind(ch, 0, pos) for ch in "\n。：:") + 1
    found = [
        m
        for m in JOINT_RE.finditer(text, start, pos)
        if not _inside_brackets(text, m.start()) and not _named_not_acting(text, m.start())
    ]
    return canonical_issuer(found[-1].group(0)) if found else None


# "记者从省煤炭管理局获悉，该局17日发出紧急通知": 该局, 该委, 该厅 … is the body of that kind the text named last
THIS_BODY_RE = rx.compile(r"该(?P<kind>局|委|厅|部|署|办|院|行)(?:近日|日前|今天|今日|昨天|昨日|已|\d{1,2}日)*\s*$")
THIS_BODY_WINDOW = 300


def _body_referred_to(text: str, pos: int, kind: str) -> str | None:
    """The body of ``kind`` (局, 委 …) the text names last before ``pos``, within its last few sentences; canonical."""
    window_start = max(0, pos - THIS_BODY_WINDOW)
    bodies = [canonical_issuer(m.group(0)) for m in JOINT_RE.finditer(text, window_start, pos)]
    suffix = {"委": ("委", "委员会"), "行": ("银行", "行")}.get(kind, (kind,))
    named = [b for b in bodies if b and "、" not in b and b.endswith(suffix)]
    return named[-1] if named else None


def find_issuer_before(text: str, pos: int) -> str | None:
    """The issuer written in the sentence before ``pos``, nearest first; joint issuers kept together.

    A named body wins over a bare count: in "生态环境部会同17个部门印发" the issuer is 生态环境部.
    """
    sentence = _sentence_before(text, pos, 200)  # a list of eleven joint issuers is longer than 80 characters
    # The pattern may look past ``pos`` (a district is an issuer only before its release verb), not match past it.
    found: list[str | None] = []
    cited: list[str | None] = []
    joined_at, joined = -1, ""  # where the last acting list ended, and its members as written
    for m in JOINT_RE.finditer(text, pos - len(sentence), min(len(text), pos + 8)):
        # a joint list running past pos: the part of it before pos, matched again up to pos
        hit = m if m.end() <= pos else JOINT_RE.match(text, m.start(), pos)
        # "按照《中共中央国务院关于…的意见》，我们制定了《X》": a cited title's issuer is not X's
        if hit is None or _inside_brackets(text, hit.start()):
            continue
        if NUMBER_CODE_AFTER_RE.match(text, hit.end()):
            continue  # "（国办发〔2017〕19号）": a cited document's number, its code no body acting here
        if DATELINE_AFTER_RE.match(text, hit.end()):
            continue  # "中新网上海1月7日电": the wire's dateline names where it was filed, no body acting
        if COMPANY_NAME_AFTER_RE.match(text, hit.end()):
            continue  # "国网山东省电力公司", "山东省邮政分公司": a place in a company's name, no body acting
        # ... and a body the clause cites ("为深入贯彻落实党中央决策部署，湖南省政府办公厅日前印发…") or a news source
        # ("记者从上海市经济信息化委获悉，市政府办公厅…") comes last
        tail = RELATIVE_TAIL_RE.match(text, hit.end(), pos)
        members = hit.group(0) + (tail.group(0) if tail else "")
        if _named_not_acting(text, hit.start()):
            cited.append(canonical_issuer(members))
        elif found and text[joined_at : hit.start()] == "、":
            # "人民银行辽宁省分行、省生态环境厅、…": one list the pattern read in pieces (a branch, then bodies
            # relative to its province) is one list of signers
            joined += "、" + members
            found[-1] = canonical_issuer(joined)
        elif (
            found
            and text[joined_at : hit.start()] in ("（", "(")
            and text[hit.start() + len(members) : hit.start() + len(members) + 1] in ("）", ")")
        ):
            # "国家市场监督管理总局（国家标准化管理委员会）": the body with the other name it goes by, both signers;
            # its own short name in brackets is no other body ("香港证券及期货事务监察委员会（证监会）")
            if not _abbreviates(members, joined):
                joined += "（" + members + "）"
                found[-1] = canonical_issuer(joined)
            joined_at = hit.start() + len(members) + 1
            continue
        else:
            # "省财政厅、生态环境部联合印发": the province's own offices before a body named in full, one list
            joined = _relative_head(text, pos - len(sentence), hit.start(), pos) + members
            found.append(canonical_issuer(joined))
        joined_at = hit.start() + len(members)
    named = _named_bodies(found)
    if named:
        return named[-1]
    if found:
        return found[-1]
    this = THIS_BODY_RE.search(text, max(0, pos - 16), pos)
    if this:
        return _body_referred_to(text, this.start(), this.group("kind"))
    # "为贯彻落实中共中央、国务院…部署，我部编制了《X》": the writer names itself (我部, 我们); a body its sentence
    # cites is not the writer, so who 我部 is is read from the page (its headline, signature), not from this sentence
    if WE_ACTOR_RE.search(_clause_before(text, pos)):
        return None
    # "省政府印发了": the province is the one the article is about (named earlier in the text).
    anaphors = [
        (m.group(1) or m.group(3) or m.group(5), m.group(2) or m.group(4) or m.group(6))
        for m in ANAPHOR_RE.finditer(sentence)
    ]
    names = [name for kind, office in anaphors if (name := _local_office(text, pos, kind, office))]
    if names:
        return "、".join(dict.fromkeys(names))
    if anaphors:
        # "为贯彻落实好党中央国务院…部署，…，省国资委于6月3日出台了《X》" on a page that names no province: a body
        # named relative to its place acts here, so the bodies a clause cites are not its issuer; unknown it stays
        return None
    # "根据山东省医疗保障局发布的最新通知": the only body named is in the citing clause
    named_cited = _named_bodies(cited)
    # ... or, on a page hard-wrapped in the middle of a body's name, the name whole
    return named_cited[-1] if named_cited else _issuer_across_line_break(text, pos)


def _local_office(text: str, pos: int, kind: str, office: str) -> str | None:
    """The office a relative name (省生态环境厅, 市政府办公厅, 县政府) names on this page: the place's own, the place
    the text names for its kind (a province is no referent for 市), or None where it names none."""
    pattern = {"市": CITY_NAME_RE, "县": COUNTY_NAME_RE}.get(kind, PROVINCE_NAME_RE)
    # ... named before ``pos``, or, where none is, the one named after it ("省政府出台关于支持贵州侗乡…的意见")
    places = pattern.findall(text[:pos]) or pattern.findall(text[pos:])[:1]
    if not places:
        return None
    # ... the one the article names most ("成都市人民政府出台了…，塑造城市绿色低碳新特质…市生态环境局印发了《成都市…
    # 办法》": 城市 is a word there, not 塑造城市), the latest of those named as often
    named_all = pattern.findall(text)
    place = max(reversed(places), key=named_all.count)
    return canonical_local(place + office)


# Relative names (the province's or city's own offices) listed right before a body named in full: "省财政厅、省生态
# 环境厅、生态环境部…", the head of one joint list the issuer pattern reads from its first full name.
RELATIVE_LIST_HEAD_RE = rx.compile(
    r"(?:(?<![\u4e00-\u9fff])(?:省|自治区|市(?!场))[\u4e00-\u9fff]{1,10}?(?:厅|局|委员会|委|办公室)、)+$"
)
RELATIVE_LIST_MEMBER_RE = rx.compile(r"(省|自治区|市)([^、]+)、")


def _relative_head(text: str, start: int, end: int, pos: int) -> str:
    """The relative names listed right before ``end`` (where a fully named body begins), each as the office of the
    place the page names, joined with 、 and ending in it; "" where there are none or a place is not named."""
    head = RELATIVE_LIST_HEAD_RE.search(text, start, end)
    if head is None:
        return ""
    members = RELATIVE_LIST_MEMBER_RE.finditer(head.group(0))
    offices = [_local_office(text, pos, m.group(1), m.group(2)) for m in members]
    if None in offices:
        return ""
    return "".join(f"{office}、" for office in offices)


WRAPPED_LINE_CHARS = 40  # how far back from the verb a hard-wrapped line's break is looked for


def _issuer_across_line_break(text: str, pos: int) -> str | None:
    """The issuer of a page hard-wrapped in the middle of its name ("日前，国务院⏎办公厅印发《…》"): read with the line
    before the verb's joined to its own, where a body's name runs across the break; None otherwise."""
    brk = text.rfind("\n", 0, pos)
    if brk <= 0 or pos - brk > WRAPPED_LINE_CHARS:
        return None
    joined = text[text.rfind("\n", 0, brk) + 1 : brk] + text[brk + 1 : pos]
    cut = len(joined) - (pos - brk - 1)  # where the break was, in the joined line
    if not any(m.start() < cut < m.end() for m in JOINT_RE.finditer(joined)):
        return None
    return find_issuer_before(joined, len(joined))


def is_historical(text: str, pos: int, ref_year: int | None) -> bool:
    """True when the sentence before ``pos`` dates the event to a year before the article's year, or to a month of
    its own year named without a day (今年初, 今年二月份: an act recalled, see EARLIER_THIS_YEAR_RE)."""
    sentence = _sentence_before(text, pos, 80)
    if RELATIVE_PAST_RE.search(sentence):
        return True  # "去年5月，人民银行修订印发…": last year's release recalled
    if _earlier_this_year(sentence):
        return True
    summary = SUMMARY_PAST_RE.search(sentence)
    if summary and not RECENT_AFTER_YEAR_RE.search(sentence, summary.end()):
        return True  # "近年来，衡阳市…印发了《A》《B》", "先后出台了…": the work of past years summed up
    if ref_year is None:
        return False
    window = text[max(0, pos - 80) : pos]
    # 同年/当年 refer back to the last explicit year, so search the longer window and keep explicit years.
    found = _years_in(window)
    if not YEAR_RE.search(sentence) and not ROC_YEAR_RE.search(sentence):
        return False
    if not found and SAME_YEAR_RE.search(sentence):
        # "在2019年6月，北京市发布《A》……同年8月，北京市商务局印发《B》": the year 同年 refers to is further back
        window = text[max(0, pos - SAME_YEAR_REACH) : pos]
        found = _years_in(window)
    if found and RECENT_AFTER_YEAR_RE.search(window, found[-1][0]):
        return False  # "自2009年以来…的企业纳入试点，并于日前发布《X》": the nearer 日前 dates the act
    return bool(found) and found[-1][1] < ref_year


def _earlier_this_year(sentence: str) -> bool:
    """``sentence`` dates the act to a month of the article's year named without a day (EARLIER_THIS_YEAR_RE), and no
    later word of it dates the act later (LATER_AFTER_RE)."""
    earlier = EARLIER_THIS_YEAR_RE.search(sentence)
    return earlier is not None and not LATER_AFTER_RE.search(sentence, earlier.end())


def _recalled_cue(text: str, pos: int) -> str:
    """The reason an act :func:`is_historical` finds recalled is given: from earlier in the article's year when that is
    what the sentence says (and it names no earlier year), else from an earlier year."""
    sentence = _sentence_before(text, pos, 80)
    if not RELATIVE_PAST_RE.search(sentence) and _earlier_this_year(sentence):
        return EARLIER_IN_YEAR_CUE + sentence.strip()
    return EARLIER_YEAR_CUE + sentence.strip()


def _years_in(window: str) -> list[tuple[int, int]]:
    """(end, year) of each explicit year in ``window``, in order: 2020年, and Taiwan's 民国 years (109年8月 is 2020)."""
    found = [(m.end(), int(m.group(1))) for m in YEAR_RE.finditer(window) if m.group(1)]
    found += [(m.end(), int(m.group("roc")) + ROC_ERA) for m in ROC_YEAR_RE.finditer(window)]
    return sorted(found)


def _inside_brackets(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a 《…》 title."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


# "工业和信息化部等七部门研究制定并印发了《…》", "加快推进并印发了": a word of intent or effort before a verb the
# clause reports done (印发了, 已印发) is how the document was made, not a plan; a word of plan or instruction (将, 拟,
# 计划, 要求 …) still is one.
DONE_VERB_RE = rx.compile(rf"(?:{_VERB_ALT})了|已(?:经)?(?:正式)?(?:{_VERB_ALT})")
EFFORT_WORDS = frozenset({"研究", "抓紧", "尽快", "加快", "正在", "推进", "推动"})


def _future(clause: str) -> bool:
    words = [m.group(0) for m in FUTURE_RE.finditer(clause)]
    if not words:
        return False
    return not (DONE_VERB_RE.search(clause) and all(w in EFFORT_WORDS for w in words))


# "负责人表示，将建立健全补偿制度；编制出台《全国防沙治沙规划》；…": a list of tasks after a speech verb and 将
# is a list of plans, every item of it, though each item is its own clause.
PLAN_LIST_HEAD_RE = rx.compile(
    r"(?:表示|指出|强调|提出|介绍|透露|称)[，,：:]?\s*(?:下一步|今后|未来)?[，,]?\s*(?:将|拟|要|计划)"
)


def _planned_list_item(text: str, pos: int) -> bool:
    """True when ``pos`` lies in a later item of a ；-separated list that a speaker opened with 将 (plans)."""
    start = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    sentence = text[start:pos]
    if "；" not in sentence:
        return False
    return bool(PLAN_LIST_HEAD_RE.search(sentence.split("；", 1)[0]))


# An announcement's or an order's serial number in brackets after its title: "《关于…的公告》（国家税务总局公告2022年
# 第1号，以下简称…）", "《…管理办法》（中国人民银行令〔2025〕第3号）".
SERIAL_AFTER_TITLE_RE = rx.compile(
    r"^\s*[（(]\s*(?P<number>[\u4e00-\u9fff]{2,24}?(?:令|公告)\s*"
    r"(?:[〔\[（(]?\s*(?:19|20)\d{2}\s*[〕\]）)]?\s*年?)?\s*第\s*\d{1,5}\s*号)"
)


CLAUSE_AFTER_NUMBER_RE = rx.compile(r"[，,。；;：:！？）)]")
OWN_BRACKET_RE = rx.compile(r"^\s*[）)\]】]")


def find_doc_number_near(text: str, start: int, end: int) -> str | None:
    """A document number within a short distance after (or just before) a document title."""
    after = text[end : end + 40]
    m = DOC_NUMBER_RE.search(after)
    if m and not SENTENCE_END_RE.search(after[: m.start()].replace("\n", "")):
        return normalise_doc_number(m.group(0))
    serial = SERIAL_AFTER_TITLE_RE.match(after) if end > start else None
    if serial:
        return re.sub(r"\s+", "", serial.group("number"))
    begin = max(0, start - 30)
    while begin > 0 and begin > start - 42 and "\u4e00" <= text[begin - 1] <= "\u9fff":
        begin -= 1  # a window that starts inside a code (杨|府发〔2022〕13号) takes the whole code
    found = list(DOC_NUMBER_RE.finditer(text[begin:start]))
    # (the number's own closing bracket, "（京政发〔2016〕26号）《X》", closes no clause)
    between = OWN_BRACKET_RE.sub("", text[begin + found[-1].end() : start], count=1) if found else ""
    if not found or CLAUSE_AFTER_NUMBER_RE.search(between):
        return None  # "…的意见》（国发〔2024〕9号），各县…：《X》": a cited document's number, its clause closed
    return normalise_doc_number(found[-1].group(0))


# -- recognition ------------------------------------------------------------------------------------------------


def _recalled(text: str, pos: int) -> str | None:
    """In a press conference or interview a release is news only when said to be recent: the reason when the one
    at ``pos`` is recalled, else None."""
    # (a title's own words are no frame: 《安徽省政府新闻发布会制度》 is a rule about press conferences)
    if not SPEECH_FRAME_RE.search(BRACKETED_TITLE_RE.sub("《》", text[:200])):
        return None
    line = _line_at(text, pos).strip()
    if LIST_ITEM_MARK_RE.match(line) and not SPEECH_FRAME_RE.search(line):
        return None  # "（2）工信部发布《…》" in a digest whose first item is a speech at a summit: another item's frame
    sentence = _sentence_before(text, pos, 120)
    if RECENT_RE.search(sentence) or AT_THE_EVENT_RE.search(sentence):
        return None
    # "国务院印发的《2030年前碳达峰行动方案》26日发布。国家发展改革委负责人在接受专访时说": dated after the title
    if RECENT_RE.search(text[pos : min(_sentence_end(text, pos), pos + 120)]):
        return None
    return "recalled in a press conference or interview: " + sentence.strip()[-30:]


# An item of a numbered list or digest: （2）, 2. , 二、
LIST_ITEM_MARK_RE = rx.compile(r"^(?:[（(]\d{1,2}[）)]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,3}、)")

# "会议发布了《…》", "会上，…正式发布": released at the event the article reports, not recalled there.
AT_THE_EVENT_RE = rx.compile(
    rf"^\s*(?:会议|会上|现场|仪式上|活动中)[，,]?\s*(?:还|正式|同时|并)?(?:{_VERB_ALT})了?\s*$"
)


def _printed_heading_at(text: str, pos: int) -> bool:
    """True when ``pos`` lies in a document's printed heading: a line "X关于印发《…》的通知" with its number on the
    next line. The article carries the document itself, whatever interview frames it."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if end < 0 or "关于" not in text[start:pos]:
        return False
    next_end = text.find("\n", end + 1)
    return bool(NUMBER_LINE_RE.match(text[end + 1 : next_end if next_end >= 0 else len(text)]))


def _bracket_docs(text: str, field_name: str, ref_year: int | None) -> list[PolicyDocument]:
    docs = _bracket_docs_in_order(text, field_name, ref_year)
    # "《甲》、《乙》、《丙》由省政府办公厅正式印发": the verb after the last title of a list is said of every title in
    # it, so a title with no verb of its own takes the release of the coordinated title after it.
    for i in range(len(docs) - 2, -1, -1):
        d, nxt = docs[i], docs[i + 1]
        if (
            not d.is_release
            and d.cue == UNDECIDED
            and nxt.is_release
            and COORD_BEFORE_RE.search(text[d.end : nxt.start])
        ):
            d.is_release, d.cue, d.issuer = True, nxt.cue, nxt.issuer
    for d in docs:
        if d.cue == UNDECIDED:
            d.cue = _clause_before(text, d.start).strip()[-20:]
    return docs


UNDECIDED = "\x00undecided"  # a title no verb was found for (yet): no rule said it is or is not released


def _bare_kind_released(
    text: str, before: str, span: tuple[int, int], kind: str, field_name: str, ref_year: int | None
) -> PolicyDocument | None:
    """《通知》 right after an issuer and a release verb (``before`` ends with the verb, which VERB_BEFORE_RE
    anchors at its end): the issuer released an untitled document of that kind."""
    start = span[0]
    vb = VERB_BEFORE_RE.search(before)
    issuer = _issuer_just_before(text, start - len(vb.group(0))) if vb else None
    clause = _clause_before(text, start)
    if issuer is None or _future(clause) or CITE_RE.search(clause) or is_historical(text, start, ref_year):
        return None
    return _released(kind, issuer, kind, field_name, span, f"untitled {kind} issued: {clause.strip()[-20:]}")


# A covering notice's heading printed on its own line, its issuer left to its signature: "关于发布《甲》《乙》和《丙》的
# 公告" (… / 生态环境部 / 2021年5月14日), "关于印发《X》的通知".
COVER_HEADING_RE = rx.compile(r"(?:^|\n)[ \t\u3000]*关于(?:印发|发布|公布|转发)\s*$")


# A government passing on the document of the bodies it names: "国务院办公厅近日转发国家发展改革委、住房城乡建设部
# 《X》" (the forwarder releases X; the bodies between verb and title are X's drafters, not its issuer here).
FORWARDED_BODIES_RE = rx.compile(r"(?:转发|批转)了?(?P<bodies>[^，。；：《》\n\s]{3,60}?)\s*$")
# ... or the title right after the verb ("国务院办公厅转发了《X》"); only before a title in 《》, where the verb's
# object is the document (a heading's 关于转发X的通知 is the carrier rules' case)
FORWARD_VERB_RE = rx.compile(r"(?:转发|批转)了?\s*$")
# "中国政府网5月30日公布国家发改委、国家能源局《关于…的实施方案》": a publisher putting out the bodies' document; they
# are its issuers (the publisher, a website or a newspaper, is not)
PUBLISHED_BODIES_RE = rx.compile(r"(?:公布|发布)了?(?P<bodies>[^，。；：《》\n\s]{3,60}?)\s*$")


def _forwarded_bodies(before: str, pattern: re.Pattern[str] = FORWARDED_BODIES_RE) -> re.Match[str] | None:
    """The "转发 + bodies" right before a title (see :data:`FORWARDED_BODIES_RE`), where the words between the verb and
    the title are only bodies ("国家发展改革委、住房城乡建设部"); None otherwise. With ``PUBLISHED_BODIES_RE``, the
    bodies a publisher names as the document's ("中国政府网公布国家发改委、国家能源局《X》")."""
    fwd = pattern.search(before)
    return fwd if fwd and _signer_line(re.sub(r"[、和及]", "", fwd.group("bodies"))) else None


def _bracket_docs_in_order(text: str, field_name: str, ref_year: int | None) -> list[PolicyDocument]:
    docs: list[PolicyDocument] = []
    short_names: set[str] = set()
    for m in DOC_RE.finditer(text):
        inner = m.group(1)
        issuer_prefix, _ = split_issuer_prefix(inner)
        title = unwrap_notice(m.group(0))
        norm = normalise_title(title)
        tail = QUOTED_NAME_KIND_RE.match(text, m.end())
        if tail and doc_type(norm) is None:
            # "推出「保就业」计划", "「支持生育加码补助」政策": a scheme's short name quoted, its kind after the
            # quote, as Hong Kong, Macau and Taiwan write their schemes: the name and the kind are the title
            title, norm = m.group(0) + tail.group(0), normalise_title(inner + tail.group(0))
        before = text[max(0, m.start() - CONTEXT_CHARS) : m.start()]
        if norm in DOC_TYPES and (bare := _bare_kind_released(text, before, m.span(), norm, field_name, ref_year)):
            docs.append(bare)  # "国务院办公厅印发《通知》，…": an untitled notice, its kind quoted
            continue
        # (a law's short name may be shorter: 《中华人民共和国公司法》 is 公司法)
        if BACKREF_RE.match(norm) or (len(norm) < 4 and not LAW_RE.match(inner.strip())):
            continue
        if SHORT_NAME_RE.search(before[-8:]):
            short_names.add(norm)  # "（以下简称《甲烷方案》）": the short name of the document just named
            continue
        if norm in short_names:
            continue  # the short name used again further down
        clause = _clause_before(text, m.start())
        raw_after = text[m.end() : m.end() + CONTEXT_CHARS]
        kind_after = KIND_AFTER_RE.match(text[m.end() : m.end() + KIND_AFTER_CHARS])
        amendment = AMENDMENT_AFTER_RE.match(raw_after)
        if amendment:
            # "《货物税条例》修正案", "《货物税条例》第12条之3条文修正案": the amendment is its own document (a law
            # amended is news again), named with the law it amends
            title, norm = m.group(0) + amendment.group(0), normalise_title(m.group(0) + amendment.group(0))
        after = AFTER_SKIP_RE.sub("", raw_after, count=1)
        forwarded_from = _forwarded_bodies(before)
        published_by = None if forwarded_from else _forwarded_bodies(before, PUBLISHED_BODIES_RE)
        between = forwarded_from or published_by
        head = before[: between.start("bodies")] if between else before
        vb = VERB_BEFORE_RE.search(head) or FORWARD_VERB_RE.search(head)
        if vb and TW_ENACT_END_RE.search(vb.group(0)) and TW_ENACT_NOT_X_RE.match(raw_after):
            # "订定《X》的年度津贴金额上限": what is set is X's amount, not X; "修正《A》为《B》": A is renamed B
            vb = None
        va = VERB_AFTER_RE.match(after)
        # where the verb stands in the text (its end is the title's start, unless forwarded bodies come between)
        verb_at = m.start() - len(before) + vb.start() if vb else m.start()
        lead = clause[: max(0, len(clause) - (m.start() - verb_at))]
        if vb and "了" in vb.group(0):
            lead = re.sub(r"研究$", "", lead)  # "研究编制了《…》": studied and compiled, done (not 研究 as a plan)
        approved = bool(vb and vb.groupdict().get("reviewed"))  # the body that drew X up is not its approver
        issuer = (
            issuer_prefix
            or (canonical_issuer(published_by.group("bodies")) if published_by else None)
            or find_issuer_before(text, verb_at if forwarded_from or approved else m.start())
        )
        if issuer_prefix and re.match(re.escape(issuer_prefix) + r"等", inner.lstrip("《")):
            # 《国家发展改革委等部门关于…的通知》 after "国家发展改革委、工业和信息化部…联合印发": the bodies it leads
            named = find_issuer_before(text, m.start())
            if named and named.startswith(issuer_prefix + "、"):
                issuer = named
        # "政府今日公布《香港气候行动蓝图2050》": Hong Kong and Macau papers call their own government 政府
        issuer = issuer or _bare_sar_government(lead, inner, text)
        if issuer is None and LISTED_RE.search(before):
            # "生态环境部发布了系列文件。今天发布的文件包括《A》…": who released them is in the sentence before
            issuer = find_issuer_before(text, m.start() - len(_sentence_before(text, m.start(), 200)) - 1)
        # (the formula may open a list of titles longer than the context read before each: "现将《A》、《B》…和《F》印发
        # 给你们" issues F as it issues A)
        hereby, named_body = HEREBY_RE.search(text, max(0, m.start() - HEREBY_LIST_CHARS), m.start()), None
        if hereby:
            # "各省、自治区、直辖市人民政府…：现将《X》印发给你们": the bodies before the formula are its addressees;
            # the issuer signs under it, unless the formula names whose document it passes on (现将市发改委《X》)
            body = hereby.group("body")
            if body:
                named_body = canonical_issuer(body) or _body_named(body)
            issuer = issuer_prefix or named_body or _closing_issuer(text)
        # In context the kind is open: a title a government body is said to issue is a document (unless it is a
        # newspaper, a statistics bulletin or another kind on the closed list).
        # (a body writing of itself as 我部 / 我委 is a government body, whoever it is)
        # (... and a title that opens with its region's name, 《香港氢能发展策略》今日公布: a Hong Kong or Macau paper's
        # bare report of its own government's paper)
        own_region = bool(va and SAR_TITLE_RE.match(inner.lstrip("《")))
        # (... or one that opens with a government body's name, 新近出台的《安徽省政府新闻发布会制度》: the body's own
        # rules, of a kind (制度, 规则) that needs a government issuer to be a document)
        # (a body, not a bare place: 《湖南省区块链白皮书》 is nobody's in particular)
        # (... or a legislature passing it: what Macau's Legislative Assembly passes is a law, though its name ends as
        # no kind does, 《人才引进法律制度》, 《限制提供塑胶袋》)
        gov = bool(
            (issuer or WE_RE.search(clause) or own_region or _opens_with_body(inner.lstrip("《")))
            and (vb or va or IMPLEMENT_BEFORE_RE.search(before))
        ) or bool(vb and LEGISLATURE_PASSED_RE.search(before))
        # (... and so is one listed with a document just released: "发布《A实施方案》、《B核算》和
        # 《C通则》" releases B, whatever its last word, as it releases A and C)
        prev = docs[-1] if docs else None
        after_release = bool(
            prev is not None and prev.is_release and COORD_BEFORE_RE.search(text[prev.end : m.start()])
        )
        # (... or listed with titles a government body is said to issue after them: "《A核算》、《B方案》由工信部印发")
        listed_end = COORDINATED_TITLES_RE.match(text, m.end()).end()  # type: ignore[union-attr]  # matches empty
        if not (gov or after_release) and listed_end > m.end():
            list_after = AFTER_SKIP_RE.sub("", text[listed_end : listed_end + ISSUER_AFTER_CHARS], count=1)
            by_list = ISSUER_AFTER_RE.match(list_after)
            gov = bool(by_list and canonical_issuer(by_list.group("issuer")))
        gov = gov or after_release
        is_doc = (
            title_is_document(title, government_issuer=gov)[0] or title_is_document(inner, government_issuer=gov)[0]
        )
        dtype = doc_type(title)
        if kind_after and not NON_DOCUMENT_RE.search(norm):
            is_doc, dtype = True, dtype or kind_after.group(1)
            if kind_after.group(0).startswith("的") and dtype == kind_after.group(1) and "关于" in inner[:30]:
                # "郑州市近日发布《关于促进房地产业良性循环和健康发展》的通知": the bracket closed before the kind;
                # the document is the whole 关于…的通知
                title = m.group(0) + kind_after.group(0)
                norm = normalise_title(inner.strip("《》") + kind_after.group(0))
        # "《甲》、《乙》、《丙》等四项制度已经…审议通过，现印发给你们": the formula after the titles listed with it
        formula = HEREBY_AFTER_RE.match(text[listed_end : listed_end + 130])
        if va and (va.group("voted") or va.group("revised")) and formula:
            va = None  # "《纲要》已经市人民代表大会审议通过，现印发给你们": the covering notice issues it, signed below
        if va and va.group("revised") and not REVISED_OBJECT_RE.search(before):
            va = None  # "专家认为，《X》进行了修订": no one said to act on it
        if not is_doc and formula and not NON_DOCUMENT_RE.search(norm):
            is_doc = True  # "《南宁市行政执法公示制度》…现印发给你们": what a covering formula issues is a document
        if not is_doc:
            continue
        release, cue = False, ""
        if vb and "的" in vb.group(0) and IN_FORCE_AFTER_RE.match(after):
            cue = "entered into force: " + (text[m.end() : m.end() + 16]).strip()
        elif vb and _planned_list_item(text, m.start()):
            cue = "a planned task: " + clause.strip()[-20:]
        elif vb and PROGRESS_AFTER_RE.match(after):
            cue = "a report on the document's progress: " + after[:16]  # "发布《方案》建设任务完成情况"
        elif vb and vb.group(0).startswith(("转发", "批转")) and issuer is None and not WE_RE.search(clause):
            cue = "passed on by no government body: " + clause.strip()[-20:]  # "网友纷纷转发《…》"
        elif vb and TW_ENACT_END_RE.search(vb.group(0)) and "草案" in _sentence_before(text, verb_at, 160):
            # "初审通过「诈欺犯罪危害防制条例修正草案」，重点包括…、增订「禁奢条款」": what a bill adds or amends is
            # its content, named in the sentence that names the bill, not a rule made on its own
            cue = "a bill's content: " + clause.strip()[-20:]
        elif vb and not _future(clause if DONE_VERB_RE.search(clause) else lead) and not _lead_cites(lead, vb.group(0)):
            release, cue = True, clause.strip()
        elif va and not _future(clause) and not _future(after[: va.end()]) and not CITE_RE.search(clause):
            release, cue = True, text[m.start() : m.end()] + after[: va.end()]
        # (read further than the other words after the title: the body's name may run long, or carry the name it
        # also goes by in brackets)
        wanted = not release or issuer is None
        by_text = AFTER_SKIP_RE.sub("", text[m.end() : m.end() + ISSUER_AFTER_CHARS], count=1) if wanted else ""
        by = ISSUER_AFTER_RE.match(by_text) if wanted else None
        issued_by_after = False  # (the body 由 names after the title issues it, whoever drew it up before it)
        if by and release:
            # "《X》由住房和城乡建设部正式印发": a release read from the verb after the title, issued by whom 由 names
            issuer, issued_by_after = canonical_issuer(by.group("issuer")), True
        elif by and not _future(clause) and not _future(by_text[: by.start("issuer")]) and not CITE_RE.search(clause):
            release, cue = True, text[m.start() : m.end()] + by_text[: by.end()]
            # (the body 由 names issues it, not the one that drew it up: "生态环境部指导制定的《X》，近日由市场监管总局
            # 正式批准发布")
            by_issuer = canonical_issuer(by.group("issuer"))
            issued_by_after = by_issuer is not None or issuer is None
            issuer = by_issuer or issuer
        if formula and not release and not CITE_RE.search(clause):
            # "《X》已经市政府常务会议审议通过，现印发给你们": the covering notice's own formula issues X
            release, cue = True, COVERING_CUE + formula.group(0)[-12:]
            # the bodies named before it are the notice's addressees (各地级以上市人民政府：); it is signed below,
            # or, unsigned, its own sentence names who drew it up ("人民银行、证监会修订形成《X》，现印发给你们")
            issuer = issuer_prefix or _closing_issuer(text) or _sentence_actors(text, m.start())
        if release and issuer is None and field_name == "text" and COVER_HEADING_RE.search(before):
            issuer = _closing_issuer(text)
        forwarded = FORWARDED_AFTER_RE.match(text, m.end()) if hereby else None
        if forwarded and not release and not CITE_RE.search(clause):
            # "现将市发改委《关于申报…的通知》转发给你们，请…": the forwarding notice's formula passes X on to its
            # addressees, as 关于转发X的通知 does in a heading
            # (whoever signs the forwarding notice did not issue X: X keeps its own issuer and number)
            release, cue = True, FORWARDED_CUE + "现将…" + forwarded.group(0).strip()
            issuer = issuer_prefix or named_body
        if not release and ATTACHED_BEFORE_RE.search(before):
            # "《意见》所附《关于市场化银行债权转股权的指导意见》": issued with the document it is attached to (whether
            # that one is a release, and who issued it, is settled once every document is known)
            release, cue = True, ATTACHED_CUE + before[-10:]
        drafted_here = PREFACE_DRAFTED_RE.search(before)
        drafted_at = m.start() - len(before) + drafted_here.start() if drafted_here else 0
        if not release and drafted_here and not DIRECTIVE_RE.search(_clause_before(text, drafted_at)):
            # "…，结合本区实际，制定《X》", "…，特编制《X》": a document's (or its covering notice's) own preface says
            # its body drew X up; who that is the page says (its heading, its signature, the headline)
            release, cue = True, PREFACE_CUE + drafted_here.group(0)
            issuer = issuer_prefix  # (not a body the purpose clause before names: "为认真落实市委、市政府…")
        if not release and TITLED_AS_RE.search(before) and not _future(clause):
            # "中央一号文件22日由新华社受权发布。这份文件题为《…》": the title of the document just released.
            recent = text[max(0, m.start() - 150) : m.start()]
            if VERB_IN_TITLE_RE.search(recent) and not CITE_RE.search(clause):
                release, cue = True, "titled: " + clause.strip()[-20:]
        if release and issuer is None and FOREIGN_SUBJECT_RE.search(clause):
            release, cue = False, "a foreign body's document: " + clause.strip()[-20:]
        # (the words of the titles listed before it are not the clause's subject: "参编的《…铜冶炼企业》《…》")
        subject = re.sub(r"^[^《》]*》", "", BRACKETED_TITLE_RE.sub("", clause))
        private = NON_GOVERNMENT_RE.search(subject) or COMPANY_SUBJECT_RE.search(subject)
        if private and RELATIVE_BODY_WITH_RE.match(subject):
            private = None  # "自治区发展改革委会同国网新疆电力有限公司印发《…》": the body leads, the company joins
        # (a place's name before a company's is the company's, not a body: "山东省邮政分公司出台《…》"; a body that
        # acts with a company leads it: "山东省发展改革委会同国网山东省电力公司印发")
        company_named = private and COMPANY_ACTOR_END_RE.search(subject) and not COMPANY_JOINED_RE.search(subject)
        if release and private and (company_named or not ISSUER_RE.search(clause)) and not issued_by_after:
            # "上交所近期编制完成了《…》", "某能源集团有限公司发布《碳达峰碳中和行动方案》": the clause's own subject is
            # no government body (one named further back in the sentence is not who acts here)
            release, cue, issuer = False, "not a government body's document: " + clause.strip()[-20:], None
        if release and _adopted_at_meeting(text, m.start(), cue):
            release, cue = False, "adopted at an executive meeting, not yet issued: " + clause.strip()[-20:]
        # ... named in the sentence or in the title itself (《北约成员国元首和政府首脑联合声明》)
        if release and issuer is None and _international(_sentence_before(text, m.start(), 120) + inner):
            release, cue = False, "an international body's document: " + clause.strip()[-20:]
        if release and is_historical(text, m.start(), ref_year):
            release, cue = False, _recalled_cue(text, m.start())
        if release and SINCE_AFTER_RE.match(raw_after):
            # "自2019年市政府印发《X》以来，…": the release starts a period the article reports on; it is not news
            release, cue = False, "a period since its release: " + clause.strip()[-20:]
        if release and SUB_REGULATION_AFTER_RE.match(raw_after):
            # "发布「能源管理法」子法「X」", "公告《气候变迁因应法》3项子法": the law names the rules issued under it
            release, cue = False, "the law its sub-regulations are issued under: " + clause.strip()[-20:]
        if release and REPEALED_AFTER_RE.match(text, m.end(), m.end() + REPEALED_AFTER_CHARS):
            # "本所于2019年3月29日发布的《X》（上证发〔2019〕39号）同时废止": what the new document repeals
            release, cue = False, "repealed: " + clause.strip()[-20:]
        # (a covering notice's formula is the release itself, never recalled: "《云南省人民政府新闻发布会实施方案》已经
        # 省人民政府同意，现印发给你们" is no press conference)
        covering = cue.startswith(COVERING_CUE) or bool(hereby)
        if release and field_name == "text" and not covering and not _printed_heading_at(text, m.start()):
            recalled = _recalled(text, m.start())
            if recalled:
                release, cue = False, recalled
        if not release and after_release and prev is not None:
            release, cue, issuer = True, prev.cue, prev.issuer
        if not release:
            cue = cue or UNDECIDED
        docs.append(
            PolicyDocument(
                title=title,
                title_norm=norm,
                issuer=issuer if (release or vb or issuer_prefix) else None,
                doc_number=find_doc_number_near(text, m.start(), m.end()),
                doc_type=dtype,
                is_release=release,
                field=field_name,
                start=m.start(),
                end=m.end(),
                cue=cue,
            )
        )
    return docs


# A body's document that implements another, named by what it implements, the implemented title in 《》 inside it:
# "交通运输部等四部门发布贯彻落实《中共中央 国务院关于…的意见》的实施意见" (the implemented 《X》 is cited, the
# implementing 贯彻落实《X》的实施意见 is what the bodies issued), maybe on its matters ("上海证监局下发了关于贯彻执行
# 《上市公司信息披露管理办法》有关事项的通知").
IMPLEMENTING_RE = rx.compile(
    rf"(?P<verb>{_VERB_ALT})了?(?P<title>(?:关于)?(?:认真|进一步)?(?:贯彻落实|贯彻执行|贯彻|落实|实施|执行)(?:好)?"
    rf"《(?:[^《》\n]|《[^《》\n]*》){{2,120}}》(?:精神|有关事项|有关问题|若干问题)?的(?:{_TYPE_ALT}))"
)


def _implementing_docs(text: str, field_name: str, ref_year: int | None) -> list[PolicyDocument]:
    """The implementing documents a body is said to issue (see :data:`IMPLEMENTING_RE`), its issuer before the verb."""
    docs: list[PolicyDocument] = []
    for m in IMPLEMENTING_RE.finditer(text) if "》" in text else iter(()):
        clause = _clause_before(text, m.start())
        issuer = find_issuer_before(text, m.start())
        if issuer is None or _future(clause) or CITE_RE.search(clause) or FOREIGN_SUBJECT_RE.search(clause):
            continue
        if is_historical(text, m.start(), ref_year):
            continue
        title = m.group("title")
        cue = f"implementing document issued: {m.group('verb')}{title[:12]}…"
        docs.append(_released(title, issuer, doc_type(title), field_name, m.span("title"), cue))
    return docs


FILE_EXTENSION_RE = rx.compile(r"\.(?:docx?|pdf|wps|xlsx?|ofd)$", re.IGNORECASE)
# A notice's ordinal before its subject and kind: "第56号疫情防控通告" (not 第二批…名单; and a bare kind keeps it,
# "2020年第59号公告", as the labels of such announcements name them)
_ORDINAL = r"(?:(?:19|20)\d{2}\s*年\s*(?:度\s*)?)?第\s*[0-9一二三四五六七八九十百零〇]{1,5}\s*号\s*"
ORDINAL_PREFIX_RE = rx.compile(_ORDINAL + r"(?=[\u4e00-\u9fff]{1,6}(?:公告|通告|通知|令)$)")
ORDINAL_RE = rx.compile(_ORDINAL)


def _split_ordinal(title: str, start: int) -> tuple[str, int, str | None]:
    """``title`` (found at ``start``) without a notice's ordinal before its subject (ORDINAL_PREFIX_RE), where the
    rest then starts, and the ordinal as its number; the title as given where it has none."""
    ordinal = ORDINAL_PREFIX_RE.match(title)
    if ordinal is None:
        return title, start, None
    return title[ordinal.end() :], start + ordinal.end(), re.sub(r"\s+", "", ordinal.group(0))


# A kind and the verb of what it says: "通知决定", "公告要求" (the notice decides, the announcement requires), after
# the kind alone or its number ("发布2017年第11号公告称": the announcement 2017年第11号公告 says)
KIND_THEN_VERB_RE = rx.compile(r"(?P<kind>通知|通告|公告|布告)(?:决定|要求|明确|指出|强调|提出|称)$")
# ... or an announcement and the measure it takes, run on without a comma: "商务部发布公告将28间美国企业列入出口管制
# 管控名单" releases the measure, named by what it does (将28间美国企业列入…名单), as the announcement itself is not
ANNOUNCED_THEN_MEASURE_RE = rx.compile(r"(?:公告|通告)(?=将)")


def _plain_docs(text: str, field_name: str, ref_year: int | None, headline: str = "") -> list[PolicyDocument]:
    """Documents named without 《》: official notices and headline forms."""
    docs: list[PolicyDocument] = []
    lead_end = _lead_end(text, headline)
    for m in NOTICE_RE.finditer(text):
        title = m.group("title")
        # what a notice 印发 is a document whatever its last word (…重点工作安排): the closed list of kinds is not asked
        # (its brackets closed: a title cut by the page's line breaks, "…规划\n2022-2030年）", is no title)
        whole = title.count("（") + title.count("(") == title.count("）") + title.count(")")
        open_kind = len(title) >= 6 and title_is_document(title, government_issuer=True)[0]
        issued = whole and (doc_type(title) is not None or open_kind)
        if GENERIC_TITLE_RE.search(title) or not issued or _inside_brackets(text, m.start("title")):
            continue  # a notice named in 《》 is handled (release or citation) by _bracket_docs
        issuer = _issuer_just_before(text, m.start()) or find_issuer_before(text, m.start())
        clause = _clause_before(text, m.start("title"))
        compact = re.sub(r"\s+", "", title)
        docs.append(
            PolicyDocument(
                title=f"《{compact}》",
                title_norm=normalise_title(title),
                issuer=issuer,
                doc_number=find_doc_number_near(text, m.start(), m.end()),
                doc_type=doc_type(title),
                is_release=not _future(clause) and not is_historical(text, m.start(), ref_year),
                field=field_name,
                start=m.start("title"),
                end=m.end("title"),
                cue=m.group(0).strip(),
            )
        )
    # "商务部等13部门关于…的通知指出": a document named by its full official title without 《》. In the headline or
    # the lead it is the news; further down it only names the document (a mention another rule may link to).
    for m in PLAIN_ABOUT_RE.finditer(text):
        if _inside_brackets(text, m.start()) or GENERIC_TITLE_RE.search(m.group("title")[2:6]):
            continue
        about_issuer = _issuer_just_before(text, m.start())
        if about_issuer is None:
            continue
        clause = _clause_before(text, m.start())
        # "表决通过海南省人民代表大会常务委员会关于修改《…》的决定": a vote adopts it, wherever the text reports it
        voted = about_issuer is not None and VOTED_BEFORE_RE.search(clause) is not None
        lead = field_name == "title" or m.start() <= lead_end or voted
        # "海口市人民政府 / 关于加强…的通告 / 为切实保障…一、…": the heading on its own line over the document's own
        # printed form is the document the article carries, wherever the article's chat puts it
        printed = field_name == "text" and _heading_line_over_document(text, m.start("title"), m.end("title"))
        release = (lead or printed) and not _future(clause) and not CITE_RE.search(clause)
        release = release and not is_historical(text, m.start(), ref_year)
        shown = unwrap_notice(m.group("title"))
        # (what no title can be is no release: a filing to a superior body, "国务院关于生态补偿机制建设工作情况的报告",
        # "关于…的请示"; figures announced, "…关于2023年市场监管部门食品安全监督抽检情况的通告")
        release = release and title_is_document(m.group("title"), government_issuer=True)[0]
        docs.append(
            PolicyDocument(
                title=shown,
                title_norm=normalise_title(shown),
                issuer=about_issuer,
                doc_number=find_doc_number_near(text, m.start(), m.end()),
                doc_type=m.group("kind"),
                is_release=release,
                field=field_name,
                start=m.start("title"),
                end=m.end("title"),
                cue=(LEAD_CUE if release else "document named: ") + m.group(0)[:40],
            )
        )
    for m in YEAR_TITLE_RE.finditer(text):
        # "发布2023年第5号疫情防控通告": the ordinal is the notice's number
        title, title_start, number = _split_ordinal(m.group("title"), m.start("title"))
        if said := KIND_THEN_VERB_RE.search(title):
            title = title[: said.end("kind")]  # "发布2017年第11号公告称，…": what the announcement says follows
        if field_name == "text" and m.start() > lead_end:
            continue
        year_issuer = _issuer_just_before(text, m.start())
        if year_issuer is None:
            continue
        if GENERIC_TITLE_RE.search(title) or NON_DOCUMENT_RE.search(title) or SPEECH_FRAME_RE.search(title):
            continue
        if TIME_CLAUSE_END_RE.search(title):
            continue  # "国家统计局发布2021年人口数据后，各地…": a time clause sets the scene, it names no document
        if _future(_clause_before(text, m.start())) or is_historical(text, m.start(), ref_year):
            continue
        docs.append(
            PolicyDocument(
                title=title,
                title_norm=normalise_title(title),
                issuer=year_issuer,
                doc_number=number,
                doc_type=doc_type(title),
                is_release=True,
                field=field_name,
                start=title_start,
                end=m.end("title"),
                cue=m.group(0),
            )
        )
    # "会议经表决，通过了无障碍环境建设法、对外关系法": laws a legislature votes through, named without 《》.
    for m in VOTED_LAWS_RE.finditer(text):
        if _future(_clause_before(text, m.start())) or is_historical(text, m.start(), ref_year):
            continue
        for law in LAW_NAME_RE.finditer(m.group("laws")):
            start = m.start("laws") + law.start()
            docs.append(_released(law.group(0), None, "法", field_name, (start, start + len(law.group(0))), m.group(0)))
    for m in THIRD_READING_LAW_RE.finditer(text):
        if not _third_reading_now(text, m, ref_year):
            continue
        group = "law" if m.group("law") else "subject"
        name, end = m.group(group), m.end(group)
        if bill := BILL_NAME_TAIL_RE.match(text, end):
            name, end = name + bill.group(0), bill.end()
        issuer = find_issuer_before(text, m.start()) if group == "law" else None
        docs.append(_released(name, issuer, doc_type(name), field_name, (m.start(group), end), m.group(0)))
    for m in THIRD_READING_ANAPHOR_RE.finditer(text):
        if not _third_reading_now(text, m, ref_year):
            continue
        quoted = list(QUOTED_BILL_RE.finditer(text, max(0, m.start() - ANAPHOR_BILL_CHARS), m.start()))
        if quoted:
            bill = quoted[-1]
            docs.append(_released(bill.group(0), None, doc_type(bill.group(0)), field_name, bill.span(), m.group(0)))
    for m in PASSED_DESCRIBED_BILL_RE.finditer(text):
        # (the vote may be one to come: "立法会下周将通过…"; its 通过 is the vote's, no means to an end)
        vote_clause = re.sub(r"(?:三读)?通过了?$", "", _clause_before(text, m.start("bill")))
        if _third_reading_now(text, m, ref_year) and not _future(vote_clause):
            docs.append(_released(m.group("bill"), None, "条例", field_name, m.span("bill"), m.group(0)[:40]))
    # "国务院日前批复同意在…设立…": an approval is a document (批复) even before its title is quoted.
    for m in APPROVAL_RE.finditer(text):
        if field_name == "text" and m.start() > lead_end:
            continue
        approver = _issuer_just_before(text, m.start())
        if approver is None:
            continue
        if _future(_clause_before(text, m.start())) or is_historical(text, m.start(), ref_year):
            continue
        docs.append(_released("批复", approver, "批复", field_name, m.span(), m.group(0)))
    # (Hong Kong's Chief Executive in Council and Taiwan's cabinet deciding what they approve, the body named in the
    # pattern: the cabinet's after its name, which its match leaves out)
    for pattern, decider, named in (
        (EXCO_DECISION_RE, "行政长官会同行政会议", ""),
        (CABINET_APPROVAL_RE, "行政院", "行政院"),
    ):
        for m in pattern.finditer(text):
            if field_name == "text" and m.start() > lead_end:
                continue
            if _future(_clause_before(text, m.start())) or is_historical(text, m.start(), ref_year):
                continue
            title = EXCO_SHORT_NAME_RE.sub("", m.group("title"))
            if GENERIC_TITLE_RE.search(title) or NON_DOCUMENT_RE.search(title):
                continue
            docs.append(_released(title, decider, doc_type(title), field_name, m.span("title"), named + m.group(0)))
    # "商务部昨天（五日）公告，初步认定…", "商务部及海关总署发昨日公告指…": a body announcing, 公告 as the verb (as
    # Hong Kong and Taiwan papers write it), in the headline or the lead: an announcement it issued, untitled.
    for m in ANNOUNCED_RE.finditer(text):
        if field_name == "text" and m.start() > lead_end:
            continue
        announcer = _issuer_just_before(text, m.start())
        clause = _clause_before(text, m.start())
        if announcer is None or _future(clause) or FOREIGN_SUBJECT_RE.search(clause) or CITE_RE.search(clause):
            continue
        if is_historical(text, m.start(), ref_year):
            continue
        # what it announces is a measure decided (决定对…实施管制, 初步认定…), not figures or a market operation
        # ("海关总署公告，8月23日，波兰报告发生禽流感疫情。为防止疫情传入，禁止…输入": the measure may follow the
        # sentence that gives its reason)
        if not ANNOUNCED_MEASURE_RE.search(text, m.end(), _sentence_end(text, _sentence_end(text, m.end()) + 1)):
            continue
        docs.append(_released("公告", announcer, "公告", field_name, m.span(), m.group(0)))
    # Headlines use the title-first form ("…方案出炉"); in body text it catches too many generic phrases, so there
    # only a lead sentence that opens with a place's title or a 关于…的X (``TEXT_TITLE_VERB_RE``).
    patterns = (
        [ISSUER_VERB_TITLE_RE, TITLE_VERB_RE] if field_name == "title" else [ISSUER_VERB_TITLE_RE, TEXT_TITLE_VERB_RE]
    )
    for pattern in patterns:
        for m in pattern.finditer(text):
            title, title_start, title_end = m.group("title"), m.start("title"), m.end("title")
            if text[title_start - 1 : title_start] in SPACES and text[m.start() - 1 : m.start()] not in SPACES:
                continue  # "《…蓝图》公布 提出四大方向共71项措施": a verb ends its clause, the next follows the space
            if title.count("“") > title.count("”"):
                continue  # "市场监管总局答复“企业标准联合发布”问题": the verb is inside a quotation the title opens
            said = KIND_THEN_VERB_RE.search(title)
            if said and (said.start() == 0 or ORDINAL_RE.fullmatch(title[: said.start()])):
                # "发出通知决定，开展…": the notice decides; 决定 is its verb, no 通知决定
                title, title_end = title[: said.end("kind")], title_start + said.end("kind")
            elif measure := ANNOUNCED_THEN_MEASURE_RE.match(title):
                title, title_start = title[measure.end() :], title_start + measure.end()
            # "发布第56号疫情防控通告": the ordinal is the document's number, not its title
            title, title_start, number = _split_ordinal(title, title_start)
            # "印发实施6项蓝碳系列技术规程": 实施 ends the verb (印发实施) and the count after it is the set's size, no
            # part of its name (a count alone stays: "发布了711项国家标准" counts standards, it names no set)
            if (
                counted := SET_SIZE_RE.match(title)
                or FIRST_OF_ITS_KIND_RE.match(title)
                or AMOUNT_BEFORE_NAME_RE.match(title)
            ):
                title, title_start = title[counted.end() :], title_start + counted.end()
            elif (count := DOCUMENT_COUNT_RE.match(title)) and title[count.end() :] in DOC_TYPES:
                title, title_start = title[count.end() :], title_start + count.end()
            # (a 关于…的X title ends at its kind)
            goes_on = (
                KIND_GOES_ON_RE.match(text, title_end)
                if pattern is ISSUER_VERB_TITLE_RE and not title.startswith("关于")
                else None
            )
            if goes_on and not SHORT_NAME_WORDS_RE.search(goes_on.group(0)):
                title, title_end = title + goes_on.group(0), goes_on.end()
            bare = UNTITLED_RE.sub("", title) in DOC_TYPES
            generic = GENERIC_TITLE_RE.search(title) and not title.startswith("关于")  # 关于…的X names one document
            if generic and HK_ABOUT_TITLE_RE.match(title) and not GENERIC_TITLE_RE.search(title, 2):
                generic = None  # ... as 有关…的X does in Hong Kong and Macau ("有关发展香港可持续披露生态圈的愿景宣言")
            # (a verb inside a title is the span run past the next release, except in a 关于…的X, whose verb is its
            # own: "发布关于下达2020年…资金预算的通知", "印发关于公布…名单的通知"; 关于印发X is NOTICE_RE's)
            own_verb = title.startswith("关于") and not title.startswith("关于印发")
            if generic or "《" in title or "》" in title or (VERB_IN_TITLE_RE.search(title) and not own_verb):
                continue
            if title.startswith("关于") and title[2:] in DOC_TYPES:
                continue  # "关于规范发布…名录的建议": 关于 and a word that is also a kind (规范) name no document
            if _inside_brackets(text, m.start()):
                continue
            closed_at = _after_closed_title(text, title_start) if pattern is TITLE_VERB_RE else -1
            if closed_at >= 0 and KIND_AFTER_RE.match(text[closed_at:]):
                continue  # "《绿色工厂评价通则》国家标准发布": the kind after a title is that titled document's
            kind = doc_type(title)
            # "人民银行计划推出…", "中国计划推出…": a body's, a country's or a place's name and 计划 is it planning, no
            # document's title; "国务院发函批复…", "省政府致函祝贺": a body's name, 发/致 and 函 is the body sending a
            # letter (how it approves), no title
            head = SENT_RE.sub("", title[: len(title) - len(kind)]) if kind else ""
            if pattern is TITLE_VERB_RE and kind and (ISSUER_RE.fullmatch(head) or PLANNER_RE.match(title)):
                continue
            # "最高法发布…": a body's short name that ends as a kind does (法) is who acts, no title (a law's short
            # name is no body's: 刑法, 宪法)
            if pattern is TITLE_VERB_RE and kind == "法" and len(title) <= 4 and canonical_issuer(title) is not None:
                continue
            if pattern is ISSUER_VERB_TITLE_RE:
                clause = _clause_before(text, m.start())
                issuer = find_issuer_before(text, m.start())
                # (a body's own office issues what the title says is that body's: 国务院办公厅印发国务院…工作计划)
                owner = _title_owning_body(title)
                issuer = owner if owner and not (issuer and issuer.startswith(owner)) else issuer
                issuer = issuer or _bare_sar_government(clause, title, text)  # "政府公布香港清新空气蓝图2035"
                # "X印发通知" names no title: keep it only when an issuer says who released it, and the one doing
                # it is not a company ("35家公司密集发布异动公告" after a province-named firm).
                # A company among the bodies of a joint release ("…国铁集团等11部门和单位印发", "交通运输部、…、国家
                # 邮政局、中国邮政集团今日发布关于…的指导意见": government bodies lead the list) does not make it one.
                joint = MULTI_RE.search(clause) or (issuer is not None and "、" in issuer)
                # (whom it is sent to is no subject: "金管局今日向银行发出通告")
                company = COMPANY_SUBJECT_RE.search(ADDRESSEES_BEFORE_VERB_RE.sub("", clause)) and not joint
                # "美国商务部于当地时间7月20日发布公告": a foreign body acting, whoever spoke earlier in the text
                foreign = FOREIGN_SUBJECT_RE.search(clause)
                # "依据2019年度市政府下达的节能“双控”目标任务": a document the clause works from, not its release
                # (unless it is said to be the newest: "根据山东省医疗保障局发布的最新通知" is the news)
                cited = CITE_RE.search(clause) and not title.startswith("最新")
                # "中国发布2030年前碳达峰行动方案", "我国出台行动方案管控甲烷排放": a headline names the state as the
                # one releasing (its body says which body, if it does); a named document, never a bare kind or a
                # report ("中国发布报告称…" is a study)
                national = (
                    field_name == "title"
                    and not bare
                    and NATIONAL_SUBJECT_RE.search(text[: m.start()]) is not None
                    and not NON_DOCUMENT_RE.search(title)
                )
                # "省民政厅近日印发通知": a province's or city's own office acting, on a page that never names the place
                # (who it is stays unknown, that it is a government body does not)
                # (in the lead: a headline's "省政府印发工作方案、实施细则" leaves its documents to the text)
                relative = field_name == "text" and issuer is None and ANAPHOR_RE.search(clause[-20:]) is not None
                if (issuer is None and not national and not relative) or _future(clause) or company or foreign or cited:
                    continue
                if not bare and (len(title) < 4 or not title_is_document(title, government_issuer=True)[0]):
                    continue
                # An untitled "印发一则通知" is the news only in the headline or the lead sentence, where news
                # writing puts the event; further down it is background to another story.
                if bare and field_name == "text" and m.start() > lead_end:
                    continue
                sentence_after = text[m.end() : _sentence_end(text, m.end())] if bare else ""
                # "教育部发布公告，就《…（修订征求意见稿）》公开征求社会意见": the announcement puts a draft out
                if bare and DRAFT_SENTENCE_RE.search(sentence_after):
                    continue
                # "商务部25日发布公告，决定…对…进行反倾销立案调查": the announcement opens an investigation (unless its
                # paragraph goes on to a ruling: "…的初裁决定显示…，决定采用保证金形式实施临时反倾销措施")
                if (
                    bare
                    and INVESTIGATION_SENTENCE_RE.search(sentence_after)
                    and not RULING_RE.search(_line_at(text, m.end()))
                ):
                    continue
            else:
                clause = _clause_before(text, m.start("title"))
                if bare or _future(clause):
                    continue
                if pattern is TEXT_TITLE_VERB_RE and m.start() > lead_end:
                    continue  # (further down, a title-first sentence is background to another story)
                body = m.group("body") if pattern is TEXT_TITLE_VERB_RE else None
                issuer = (canonical_issuer(body) if body else None) or find_issuer_before(text, m.start("title"))
                if issuer is None and NON_GOVERNMENT_RE.search(clause + title):
                    continue  # "上交所“十四五”发展规划发布": an exchange's own plan
                if NON_DOCUMENT_RE.search(normalise_title(title, carriers=False)):
                    continue  # "2023年国民经济和社会发展统计公报发布": a bulletin, a report, figures
            if is_historical(text, m.start(), ref_year):
                continue
            if field_name == "text" and _recalled(text, m.start()):
                continue
            status = STATUS_AFTER_RE.match(text, title_end)
            end = status.end() if status else title_end  # "实施办法（试行）": the status is part of the title
            docs.append(
                PolicyDocument(
                    title=text[title_start:end],
                    title_norm=normalise_title(text[title_start:end]),
                    issuer=issuer,
                    doc_number=number,
                    doc_type=doc_type(title),
                    is_release=True,
                    field=field_name,
                    start=title_start,
                    end=end,
                    cue=m.group(0),
                )
            )
    return docs


def _title_owning_body(title: str) -> str | None:
    """The department a released title opens with, its own ("公布交通部试办离岛地区租赁机车电动化计划补助作业要点":
    交通部's rule, whoever the sentence named before), or None: a place's name opening a title is its subject, not
    who issued it (发改委发布北京市…方案)."""
    head = ISSUER_RE.match(title)
    if head is None or head.end() >= len(title) - 2 or title.startswith("关于", head.end()):
        return None  # (a heading's 关于 is split_issuer_prefix's)
    body = canonical_issuer(head.group(0))
    government = body is not None and body.endswith(("人民政府", "政府", "办公厅", "办公室"))
    if body is None or "、" in body or government or PLACE_END_RE.search(body):
        return None
    return body


ADDRESSEES_BEFORE_VERB_RE = rx.compile(r"向[^，。；：！？\n]{1,20}$")  # "…向各银行" (发出通知)
_ANNOUNCED_WHEN = r"(?:今天|今日|昨天|昨日|日前|近日|\d{1,2}日)(?:中午|上午|下午|晚间)?(?:[（(][^）)\n]{1,6}[）)])?"
# (... or, as Taiwan's ministries announce relief, designates who or where it covers: "农委会公告七股…为天然灾害现金
# 救助及低利贷款地区", "经农业部公告，都符合…现金救助地区")
ANNOUNCED_MEASURE_RE = rx.compile(
    r"决定|认定|裁定|起(?:施行|实施|执行|生效)|加征|暂停|取消|调整为|禁止[^，。；]{0,12}?(?:输入|进口|出口)"
    r"|为[^，。；]{0,30}?(?:救助|补助|补贴)?(?:地区|区域|对象)|(?:救助|补助|补贴)(?:地区|额度|标准|对象|项目)?"
)
ANNOUNCED_RE = rx.compile(
    rf"(?:{_ANNOUNCED_WHEN})?(?:发出?了?)?(?:{_ANNOUNCED_WHEN})?(?:发出)?的?公告"
    r"(?=称|指|表示|[，：]|[^。；：“”「」《》\n]{2,60}?(?:为[^，。；]{0,30}?(?:地区|区域|对象)|(?:救助|补助|补贴)))"
)
NATIONAL_SUBJECT_RE = rx.compile(r"(?:^|[\s：:】])(?:中国|我国)(?:政府)?(?:正式|首次|近日|日前|今日|今天)?\s*$")
STATUS_AFTER_RE = rx.compile(
    r"[（(](?:试行|暂行|修订|修订稿|(?:19|20)\d{2}年(?:版|本)|(?:19|20)\d{2}\s*[-—–－~至]\s*(?:19|20)\d{2}\s*年?)[）)]"
)


def _issuer_just_before(text: str, pos: int) -> str | None:
    """The issuer written immediately before ``pos`` (time words such as 近日 may sit between), canonical."""
    start = max(0, pos - 80)
    m = ISSUER_AT_END_RE.search(text[start:pos])
    if m:
        return canonical_issuer(m.group("issuer"))
    # a city or a district named alone is a body only before its release verb ("芜湖市近日印发《通告》"): read it with
    # the verb in view
    bare = [
        b
        for b in JOINT_RE.finditer(text, start, min(len(text), pos + 8))
        if b.end() <= pos and TIME_WORDS_RE.fullmatch(text, b.end(), pos)
    ]
    return canonical_issuer(bare[-1].group(0)) if bare else None


LEAD_MAX_CHARS = 300  # a news lead is one sentence; past this it is running text without punctuation


# Lines printed before a news lead: the headline repeated, 来源/原标题/记者/编辑 lines, a lone dateline.
# A page's dateline or byline line before the text: "央视网 2020-03-14", "财富 2024-11-16 10:03 上海".
# "发布日期:2026-01-15 16:36:02 来源 : 中国人民银行 作者 :中国人民银行": a line of two or more labelled fields
_META_LABELS = r"发布日期|发布时间|日期|时间|来源|信息来源|作者|编辑|责任编辑|浏览次数|阅读次数|点击数|字号"
# ... a date, or the time of day too, with a few words ("2025-04-23 15:51 来源:内蒙古兴安银铅冶炼公司": or a
# labelled field, however long the source's name)
# ... or a portal's stamp in Chinese date form: "http://www.sina.com.cn 2004年11月30日05:24 四川在线-华西都市报"
_META_LINE = (
    r"[^\n。，！？；]{0,30}(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
    # ... or day first, as Hong Kong's government news writes it ("23.10.2015 17:23"), or Macau's ("22/11/2024 16:26")
    r"|(?<!\d)\d{1,2}(?:\.\d{1,2}\.|/\d{1,2}/)(?:19|20)\d{2})"
    r"(?:[ \t\u3000]*\d{1,2}:\d{2}(?::\d{2})?)?"
    # (fields set apart by bars: "2018年10月11日 20:12 | 作者:蔡岩红 | 来源:法制网")
    rf"(?:[ \t\u3000|｜丨]*(?:{_META_LABELS})[ \t\u3000]*[：:][^\n。，！？；]{{0,40}}|[^\n。，！？；]{{0,12}})"
)
META_LINE_RE = rx.compile(_META_LINE)
_FIELDS_LINE = (
    rf"(?:(?:{_META_LABELS})"
    r"[ \t\u3000]*[：:][ \t\u3000]*(?:[^\n：:]|(?<=\d)[：:](?=\d)){0,40}?[ \t\u3000]*){2,}(?=\n)"
)
# A photo's caption over the lead, ending in its credit: "…握手合影。美联社", "▲…。（图／县府提供）",
# "…。（记者杨媛婷摄）", "央行总裁杨金龙。资料照": the picture's words, not the lead's (Taiwan and Hong Kong pages
# print it first); the credit in brackets too, "…公告为无菸场所。（资料照）", "…营养午餐免费政策。（嘉义县府提供）"
_CAPTION_LINE = (
    r"[^\n]{2,160}?(?:[。）)]\s*(?:美联社|路透社?|法新社|彭博社?|欧新社|新华社|中新社|中央社|资料照片?|资料图|达志影像)"
    r"|[（(](?:图|摄|照片|资料照|图片)[／/：:][^）)\n]{0,24}[）)]|[（(](?:资料照片?|资料图)[）)]"
    r"|[（(][^）)\n]{0,16}(?:摄|提供)[）)])[ \t\u3000]*"
)
PRE_LEAD_LINE_RE = rx.compile(
    rf"[ \t\u3000]*(?:{_FIELDS_LINE}|{_META_LINE}|{_CAPTION_LINE}"
    r"|(?:(?:本文|文章|信息|新闻)?来源|原标题|作者|记者|编辑|责任编辑|文|图)[：:][^\n]*"
    # (a reprint's source: "本文转自:福州日报", "转载自：人民网")
    r"|(?:本文)?转(?:载)?自[：:][^\n]*"
    # (采访人员, the word some outlets print for 记者: "大众网·海报新闻采访人员 秦文 济南报道")
    r"|(?:本报)?(?:记者|采访人员|通讯员|实习生|作者)[ \t\u3000][^\n。，！？；]{1,24}"
    r"|[^\n。，！？；]{2,12}(?:记者|采访人员)[ \t\u3000]+[^\n。，！？；]{1,24}"  # "川观新闻记者 唐泽文"
    # (a portal's teaser over the article, cut short: "导读 海关总署公告，…为防止疫...")
    # ... or its summary: "摘要:通知指出,…"; the word alone on its line, the summary below)
    r"|(?:导读|摘要|内容摘要|内容提要|核心提示)(?:[ \t\u3000：:][^\n]*)?"
    # (a Taiwan dateline or byline set apart by a slash: "中央社／ 台北27日电", "记者王佩翊／编译",
    # "经济日报／ 记者江睿智／台北即时报导"; a flash's mark alone: "快讯")
    r"|[^\n。，！？；]{0,30}[／/][^\n。，！？；]{0,30}(?:电|报导|报道|编译)[）)]?|快讯"
    # (a page's chrome: a link past the menu, "跳到主要内容区", "按此,跳至主要内容。"; where the page is,
    # "当前位置:首页 > 新闻", "Home > News")
    r"|(?:按此[，,]?)?跳(?:至|到|转到)(?:主要)?内容[^\n。，！？；]{0,4}。?"
    r"|(?:当前位置|您的位置|你的位置|您现在的位置|现在位置)[：:][^\n]*"
    r"|[^\n。，！？；]{0,20}(?:首页|Home|Início)[ \t\u3000]*(?:>|»|＞|›)[^\n。，！？；]*)?\n"
)


# A wire's or a paper's dateline opening a line: "新华社北京9月18日电", "（中央社记者吴欣纭台北21日电",
# "湖南日报11月27日讯". The story begins there; the lines above it, within a lead's length, are the page's (a
# photo's caption, a timestamp, the headline again, a portal's menu).
DATELINE_LINE_RE = rx.compile(r"(?<=\n)[ \t\u3000]*[（(]?[^\n。，！？；]{0,30}?\d{1,2}日(?:电|讯)")


def _lead_start(text: str, title: str = "") -> int:
    """Where the lead begins: past the headline repeated as the first line and source or byline lines, or at a
    dateline opening one of the lines after them (see :data:`DATELINE_LINE_RE`)."""
    start = len(text) - len(text.lstrip())
    for _ in range(4):
        start = _past_headline(text, start, title)
        m = PRE_LEAD_LINE_RE.match(text, start) or _subtitle_line(text, start)
        if not m or m.end() == start:
            break
        start = m.end()
    dateline = DATELINE_LINE_RE.search(text, start, start + LEAD_MAX_CHARS)
    return dateline.start() if dateline else start


def _past_headline(text: str, start: int, title: str) -> int:
    """Past the headline repeated at ``start``, where the page may break it into lines at its spaces
    ("我省实施汽车消费奖补 最高补贴5000元" printed as two lines); ``start`` itself where the text does not open
    with it."""
    end = start
    for k, part in enumerate(title.split()):
        while k and end < len(text) and text[end].isspace():
            end += 1
        if not text.startswith(part, end):
            return _past_headline_line(text, start, title)
        end += len(part)
    return end


HEADLINE_LINE_EXTRA_CHARS = 6


def _past_headline_line(text: str, start: int, title: str) -> int:
    """Past a first line that is the headline with a few words more around it ("中国两部门宣布：减半征收证券交易印花税"
    under "两部门宣布：减半征收证券交易印花税"); ``start`` itself where the first line is any other."""
    compact = re.sub(r"\s+", "", title)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = re.sub(r"\s+", "", text[start:end])
    if len(compact) < 8 or compact not in line or len(line) > len(compact) + HEADLINE_LINE_EXTRA_CHARS:
        return start
    return end


# A news page's subtitle over its lead ("个人住房公积金贷款利率保持不变"): a short first line with no punctuation of a
# sentence, then the lead on the next line; a document's own heading (关于…的通知) is no subtitle.
SUBTITLE_LINE_RE = rx.compile(r"[ \t\u3000]*[^\n。，,！？；：:]{4,30}\n(?=[ \t\u3000]*[^\n]{40})")


def _subtitle_line(text: str, start: int) -> re.Match[str] | None:
    """The page's first line at ``start`` when it is a subtitle (see :data:`SUBTITLE_LINE_RE`), else None."""
    if start > len(text) - len(text.lstrip()):
        return None  # only the page's first line
    m = SUBTITLE_LINE_RE.match(text, start)
    return m if m and not title_is_document(m.group(0).strip())[0] else None


def _lead_end(text: str, title: str = "") -> int:
    """Where the lead (first sentence) of a text ends, at most :data:`LEAD_MAX_CHARS` in; the headline repeated
    as the first line and source or byline lines before the lead do not count as the lead."""
    start = _lead_start(text, title)
    m = SENTENCE_END_RE.search(text, start, start + LEAD_MAX_CHARS)
    return m.end() if m else min(len(text), start + LEAD_MAX_CHARS)


def _lead_paragraph_end(text: str, title: str = "") -> int:
    """Where the first paragraph ends (at most :data:`LEAD_MAX_CHARS` in): a lead that opens with a cry
    ("央行降准了！") states the event in its next sentence, in the same paragraph."""
    start = _lead_start(text, title)
    end = text.find("\n", start, start + LEAD_MAX_CHARS)
    return max(_lead_end(text, title), end if end >= 0 else min(len(text), start + LEAD_MAX_CHARS))


# -- untitled decisions: "中国人民银行决定于7月15日下调金融机构存款准备金率0.5个百分点" -------------------------
# A government body that decides or announces a measure with a date of effect or a change of a policy setting
# releases a policy instrument even when no document title is written (the issue's "launched ... instrument").
# An issuer, then maybe when it acted: the opening of the untitled-release patterns below.
_WHEN = (
    r"\s*(?:近日|日前|近期|最新|首次|今天|今日|(?:\d{1,2}月)?\d{1,2}日"
    # (... or the part of today, as Hong Kong's papers write it: "金管局今早宣布，基本利率…上调")
    r"|今早|今晨|今晚|(?:今天|今日)(?:上午|下午|中午|晚上|早上)"
    # (... or yesterday, as Taiwan's and Hong Kong's papers date a decision announced: "嘉县府昨宣布，…起，全面实施…";
    # not a figure 公布 the day before, "统计处昨日公布，去年第四季…")
    r"|昨(?:天|日)?(?=\s*(?:正式|再次|联合)?(?:决定|宣布))"
    r")?"
    # (the day in brackets after it, as Hong Kong's government news writes it: "环境保护署今日（29日）公布")
    r"(?:[（(][^）)\n]{1,8}[）)])?\s*"
)
# (the short name a press release gives the body in brackets after it: "康乐及文化事务署（康文署）今日宣布")
_ISSUER_WHEN = rf"(?P<issuer>{JOINT_RE.pattern})(?:[（(][\u4e00-\u9fff]{{2,6}}[）)])?" + _WHEN
# (公布 and a comma: a government's press release announcing a measure, "社署公布，由2月1日起，上调综援…")
_DECISION_VERB = r"(?:(?:在|通过)[^，。；：\n]{0,24}?)?(?:正式|再次|联合)?(?P<verb>决定|宣布|公布(?=\s*[，,：:]))"
DECISION_RE = rx.compile(_ISSUER_WHEN + _DECISION_VERB)
# ... and the bare word 政府 deciding, on a Hong Kong or Macau page: "政府宣布周六起，调整…抵港人士检测…的安排",
# "政府今日（二月十八日）公布，…" (the region read from the headline or the page's opening:
# :func:`_bare_sar_government`)
BARE_DECISION_RE = rx.compile(r"(?<![\u4e00-\u9fff])(?P<issuer>(?:特区)?政府)" + _WHEN + _DECISION_VERB)
# ... and 中方, the state, deciding as a ministry's spokesperson announces it: "外交部：中方已决定对…官员实施制裁",
# "外交部发言人毛宁表示，…中方决定对7家美国军工企业…采取反制措施" (the ministry that announces it issues it:
# :func:`_announcing_ministry`)
STATE_DECISION_RE = rx.compile(r"(?<![\u4e00-\u9fff])(?P<issuer>中方)" + _WHEN + r"(?:已经|已)?" + _DECISION_VERB)
# The ministries whose spokespersons announce the state's decisions, in a headline's lead ("外交部：") or before.
ANNOUNCING_MINISTRY_RE = rx.compile(r"外交部|商务部|国务院台办|国台办|中共中央台办|国务院台湾事务办公室")
# ... and a body's spokesperson announcing its decision: "中共中央台办发言人16日受权宣布对列入清单的…人员实施制裁",
# "国务院台办…举行例行新闻发布会。发言人陈斌华宣布，将…列为「台独」顽固分子" (the spokesperson's body named before it,
# else the last announcing ministry named before, else the headline's); not a visit or a meeting announced ("外交部
# 发言人宣布：应…邀请，…将于3月22日至24日…访问": SPOKESPERSON_EVENT_RE)
SPOKESPERSON_DECISION_RE = rx.compile(
    rf"(?:(?P<issuer>{JOINT_RE.pattern}))?(?:新闻)?发言人[\u4e00-\u9fff]{{0,3}}?"
    + _WHEN
    + r"(?:受权|正式)?(?P<verb>宣布)"
)
SPOKESPERSON_EVENT_RE = rx.compile(r"邀请|访问|出席|会见|会晤|会谈|举行|主持|通话|出访|访华")
# What a spokesperson announces as decided opens the clause: a measure on someone or from a date ("宣布，将…",
# "受权宣布对…实施制裁", "宣布自…起"), or people or entities listed ("将台湾内政部长刘世芳…列为「台独」顽固分子");
# not what the office did ("宣布，在脸书开设了…账号，并于10月21日首发").
SPOKESPERSON_MEASURE_RE = rx.compile(r"^[，,：:\s]*(?:将|对|自|从|由|即日|今日|明日)")
PEOPLE_LISTED_RE = rx.compile(r"^[，,：:\s]*将[^，。；\n]{2,50}?(?:列为|列入)")
# ... and a city's, county's or township's head announcing it for the government, as Taiwan's papers write it:
# "台北市长蒋万安昨在重阳节宣布明年7月起…", "宜兰县长林姿妙15日宣布，宜兰县进入准三级防疫" (the place named with
# the office; the government is the place's)
HEAD_DECISION_RE = rx.compile(
    # (not an acting or deputy head, 代理县长, 副市长: no place there)
    r"(?<![\u4e00-\u9fff])(?!代理|副|前|原)(?P<issuer>[\u4e00-\u9fff]{2,3}?[市县乡镇])长[\u4e00-\u9fff]{2,3}?"
    r"(?:今|昨|今天|昨天|今日|昨日|(?:\d{1,2}月)?\d{1,2}日)?(?:[（(][^）)\n]{1,8}[）)]日?)?\s*"
    r"(?:在[^，。；：\n]{0,16}?)?(?:正式|特别)?(?P<verb>宣布)"
)
# A month or a school year a measure starts from: "自下学年度今年九月起，全面实施…免费政策"
_MONTH_OR_TERM_START = r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月|[本下新]学年度?)起"
# ... or a day of the week, as Hong Kong's news dates a measure days ahead: "政府宣布周六起，调整…抵港人士检测…的安排"
_WEEKDAY_START = r"(?:[本下这今]个?)?(?:周|星期|礼拜)[一二三四五六日天](?:[（(][^）)\n]{1,8}[）)])?起"
EFFECT_RE = rx.compile(
    r"(?:自|从|于|由)\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日|(?:即日|今日|明日|次日)起"
    # ... a day a measure takes effect from ("11月9日（周一）起全面实施", "下月一日起调高")
    r"|(?:\d{1,2}\s*月\s*|[本下]月)?[\d一二三四五六七八九十]{1,3}\s*日(?:[（(][^）)\n]{1,6}[）)])?起"
    # ... or a month or school year
    rf"|{_MONTH_OR_TERM_START}|{_WEEKDAY_START}"
    r"|下调|上调|降低|提高|恢复|取消|暂停|免征|减征|停征|延续|延长|放开|放宽|降准|降息|加息|纳入|调整为|增加|扩大"
    r"|^\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:至|到|—|－|-)"  # "决定11月23日至29日…": a period
    r"|禁止"
    r"|^\s*(?:开展|启动|设立)"  # "12部门近期决定开展…试点示范工作": a programme decided on
    # ... or measures rolled out where they were tried ("决定在全国复制推广25项跨境贸易便利化措施")
    r"|^\s*(?:在[^，。；\n]{1,12}?)?(?:复制)?推广"
    # ... or a measure imposed on goods, technologies or entities: "商务部决定对稀土相关技术实施出口管制",
    # "税则委员会决定对原产于美国的部分进口商品加征关税" (not a penalty or an inquiry: 实施行政处罚, 立案调查)
    # (... or countermeasures taken against them: "决定对7家美国军工企业及相关高级管理人员采取反制措施")
    r"|^[，,：:\s]*对[^，。；\n]{2,50}?(?:实施|实行|加征|征收|采取)(?!行政处罚|处罚|罚款|调查)"
)


# What an untitled decision decides, to the end of its clause, without the moment it takes effect: "决定于2021年7月15日
# 下调金融机构存款准备金率0.5个百分点（不含…）" decides 下调金融机构存款准备金率0.5个百分点.
# (a year in Chinese numerals, as Hong Kong's press releases write one: "由二○一六年九月一日起")
_DECIDED_YEAR = r"(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3}|今|明)\s*年\s*"
DECIDED_WHEN_RE = rx.compile(
    rf"^[，,：:\s]*(?:决定)?(?:(?:自|从|于|由)\s*(?:{_DECIDED_YEAR})?"
    r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*|[本下]月)?"
    # (a day may be written in Chinese numerals: "于本月十五日起", "由明年一月一日起")
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:[（(]含[）)])?"
    r"(?:[上中下]午|凌晨)?(?:\d{1,2}\s*(?:时|点)(?:\d{1,2}分)?|零时)?起?"
    r"|(?:即日|今日|明日|次日|今天|明天)起"
    # (... or with no preposition, its 起 saying it starts then: "宣布，今年4月3日起，…")
    rf"|(?:{_DECIDED_YEAR})?(?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日\s*起"
    rf"|(?:自|从|于|由)?\s*{_WEEKDAY_START}"
    # ... or a month or school year it starts from, which is no part of its name
    rf"|(?:自|从|于|由)?\s*(?:[本下新]学年度?\s*)?(?:{_DECIDED_YEAR})?"
    rf"{_MONTH_OR_TERM_START}"
    # ... or the period it holds for: "决定11月23日至11月29日在全县范围内禁止…"
    r"|(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日(?:\d{1,2}\s*时)?\s*(?:至|到|—|－|-)\s*"
    r"(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日(?:\d{1,2}\s*时)?(?:期间)?)?[，,\s]*(?:将|对外)?"
    # ... and how long a campaign runs, which is no part of its name: "决定即日起开展为期1个月的“清朗·…”专项行动"
    r"(?:(?:(?:组织)?开展|启动)?为期\s*[0-9一二三四五六七八九十两半]+\s*个?(?:月|年|周|天|日)的)?"
)
DECIDED_CLAUSE_END_RE = rx.compile(r"[，,。；;：:！!？?（(\s]")
# ... and the purpose or ground given before the measure, which is no part of its name ("为活跃资本市场、提振投资者
# 信心，", "为进一步减轻企业负担，", "根据…规定，", "经国务院批准，")
# (... or the scheme it is made under: "在淘汰欧盟四期柴油商业车辆特惠资助计划下，")
DECIDED_PURPOSE_RE = rx.compile(
    r"[，,：:\s]*(?:(?:为了?|根据|按照|依据|经)[^，,。；;：:！!？?\n]{2,40}|在[^，,。；;：:！!？?\n]{2,40}下)[，,]"
)
# ... and the short name given in brackets to a word of it, the clause going on after it ("访港旅客（访客）于…")
SHORT_ALIAS_RE = rx.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)](?=[\u4e00-\u9fff])")
DECIDED_MIN_CHARS, DECIDED_MAX_CHARS = 4, 40


def decided_measure(rest: str) -> str:
    """The measure an untitled decision names, from the words after its 决定/宣布 (see DECIDED_WHEN_RE), as its title;
    "决定" where that clause is too short or too long to be one (a label, or the registry, names it by that clause, so
    two decisions of one body are two documents)."""
    head = DECIDED_WHEN_RE.match(rest)
    clause = rest[head.end() if head else 0 :]
    purpose = DECIDED_PURPOSE_RE.match(clause)
    if purpose:  # "宣布，为活跃资本市场、提振投资者信心，自2023年8月28日起，证券交易印花税实施减半征收"
        clause = clause[purpose.end() :]
        head = DECIDED_WHEN_RE.match(clause)
        clause = clause[head.end() if head else 0 :]
    clause = SHORT_ALIAS_RE.sub("", clause)  # "访港旅客（访客）于今年3月19日起出入境将免盖章"
    end = DECIDED_CLAUSE_END_RE.search(clause)
    measure = clause[: end.start() if end else len(clause)]
    return measure if DECIDED_MIN_CHARS <= len(measure) <= DECIDED_MAX_CHARS else "决定"


# Macau's Chief Executive makes rules by dispatch (行政长官批示), printed in the Official Gazette: "政府公报刊登行政长官
# 批示，明年1月1日起禁止进口…", "透过第146/2023号行政长官批示，禁止…" (not one a rule rests on: "根据第…号行政长官批示")
# ... and the other acts the gazette prints, named by their serial (第27/2021号行政法规, 第3/1999号法律, a secretary's
# 批示): the kinds, one list for reading them in the news and under their own headings.
_MACAU_ACT_KINDS = r"行政法规|行政命令|法律|决议|[\u4e00-\u9fff]{2,6}司司长批示"
MACAU_DISPATCH_RE = rx.compile(
    r"(?:刊登|刊出|透过|通过|以|发出|颁布|签署|公布)了?(?:制定)?"  # "透过制定第101/2024号行政长官批示，修改…"
    r"(?P<title>(?:第\s*(?P<num>\d{1,4}/\d{4})\s*号)?行政长官批示"
    r"|(?<=行政长官签署)批示|(?<=行政长官签署了)批示"  # "行政长官签署批示，核准…": the dispatch signed
    # ... or made: "行政长官今(27)日颁布批示，自明年1月1日起…禁止进口…"
    r"|(?<=颁布)批示(?=[，,]|$)"
    # ("公报今日刊登第27/2021号行政法规《…》", "特区政府今日公布第51/2025号运输工务司司长批示")
    rf"|第\s*(?P<serial>\d{{1,4}}/\d{{4}})\s*号(?P<kind>{_MACAU_ACT_KINDS}))(?!的)"
    # ... or signed by the acting Chief Executive: "批示由代理行政长官罗立文签署"
    r"|(?<![\u4e00-\u9fff])(?P<signed>批示)(?=由(?:代理)?行政长官[\u4e00-\u9fff]{0,4}签署)"
)
# (what any match of it holds: run it only where this occurs)
MACAU_ACT_WORD_RE = rx.compile(
    rf"行政长官批示|行政长官(?:[今昨]?[（(]\d{{1,2}}日?[）)]日?|[今昨]日|今天|昨天)*(?:签署|颁布)了?批示"
    rf"|批示由(?:代理)?行政长官|号(?:{_MACAU_ACT_KINDS})"
)
MACAU_SECOND_PARAGRAPH_CHARS = 200
YEAR_IN_CLAUSE_RE = rx.compile(r"(?:19|20)\d{2}\s*年")
# ... and the acts the gazette prints, each under its heading (a serial over its year, then its kind:
# 第98/2000号行政长官批示, 第2/1999号行政法规, 第3/1999号法律, a secretary's 批示) with its author's enacting formula
# ("行政长官行使《澳门特别行政区基本法》第五十条赋予的职权……作出本批示", "制定本行政法规", "立法会根据……制定本法律"):
# the page is the act.
MACAU_ACT_HEADING_RE = rx.compile(
    rf"第\s*(?P<num>\d{{1,4}}\s*/\s*(?:19|20)\d{{2}})\s*号\s*(?P<kind>行政长官批示|{_MACAU_ACT_KINDS})"
)
# (the formulas of a regulation, a law, a resolution and an executive order, each named by the kind it enacts)
_MACAU_KIND_FORMULAS = (
    r"制定本(?:独立|补充性)?(?P<regulation>行政法规)|制定本(?P<law>法律)|(?P<resolution>议决如下)"
    r"|发布本(?P<order>行政命令)"
)
MACAU_ENACTING_RE = rx.compile(rf"作出本批示|{_MACAU_KIND_FORMULAS}|通过本决议")
# ... or a regulation, a law or a resolution printed under its name alone, its author's enacting sentence opening the
# text: "行政长官根据《澳门特别行政区基本法》第五十条（五）项，经征询行政会的意见，制定本独立行政法规。",
# "立法会根据…第十一条的规定，议决如下："
MACAU_ACT_OPENING_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?P<author>行政长官|立法会)(?:行使|根据|按照)[^。！？\n]{4,300}?"
    rf"(?P<formula>{_MACAU_KIND_FORMULAS})"
)
# ... and before 1999 a law's, the legislature's enacting words after the statute it acts under: "按照《澳门组织章程》
# 第三十条一款c项规定，立法会制订如下："
MACAU_STATUTE_LAW_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?:按照|根据)《澳门组织章程》[^。！？\n]{0,60}?[，,]\s*"
    r"(?P<author>立法会)(?P<formula>(?:制订|制定)如下)"
)
# ... and the governor's decree-law's (法令, numbered 第51/94/M号法令): "总督根据《澳门组织章程》第十三条第一款之规定，
# 命令制定在澳门地区具有法律效力之条文如下："
MACAU_GOVERNOR_DECREE_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?P<author>总督)(?:根据|按照)《澳门组织章程》[^。！？\n]{0,60}?[，,]\s*"
    r"(?P<formula>命令制定[^。！？\n]{0,20}?条文如下)"
)
# "行政长官行使《澳门特别行政区基本法》第五十条赋予的职权，并根据…的规定，作出本批示。": a dispatch's own first sentence
MACAU_DISPATCH_OPENING_RE = rx.compile(
    r"(?P<author>行政长官|[\u4e00-\u9fff]{2,6}司司长)(?:行使|根据|按照)[^。！？\n]{4,300}?作出本批示"
)
MACAU_ACT_HEAD_CHARS = 300
MACAU_ENACTING_CHARS = 1500
# ... issued by the government he heads, as the issuers' table names it; a secretary's dispatch
# (第1/2022号经济财政司司长批示) by the secretary who signs it, under the delegated powers it recites
MACAU_GOVERNMENT = canonical_issuer("澳门特别行政区行政长官")


def _macau_act_issuer(kind: str) -> str | None:
    """The body that issues a Macau act of ``kind`` (行政法规, 行政长官批示, 经济财政司司长批示 …)."""
    if kind.endswith("司司长批示"):
        return canonical_issuer(kind[: -len("批示")]) or MACAU_GOVERNMENT
    return MACAU_GOVERNMENT


# Hong Kong's government publishes its subsidiary legislation and notices in the Gazette (刊宪): "政府今日（22日）刊宪，
# 宣布…", "政府今日在宪报刊登根据…颁布的《…技术备忘录》"; a bill gazetted before it goes to the legislature (条例草案…
# 刊登宪报) is no law yet.
# ... or one of its bureaus, or the bureau's secretary ("保安局局长刊宪禁止…在港运作")
_SAR_BODY_ALT = "|".join(sorted(map(re.escape, SAR_BODIES), key=len, reverse=True))
GAZETTED_RE = rx.compile(
    rf"(?:(?:特区)?政府|(?:{_SAR_BODY_ALT})(?:局长|署长|处长|司长)?)"
    r"(?:今日|今天|昨日|昨天|日前|[（(][^（）()]{1,8}[）)])*(?:刊宪|在宪报刊登)"
)
# ... the order it gazettes, where the news names it right after the verb ("在宪报刊登根据《空气污染管制条例》颁布的
# 《指明牌照分配排放限额第五份技术备忘录》", "刊宪《X》", "刊宪公布《X》")
GAZETTED_TITLE_AFTER_RE = rx.compile(
    r"了?\s*(?:公布|发布|颁布|订立)?\s*(?:根据《[^《》\n]{2,60}》(?:第[^《》，。；\n]{1,20}?条)?(?:颁布|订立|制定|作出|订明)的)?"
    r"《(?P<title>[^《》\n]{2,80})》"
)
HONG_KONG_GOVERNMENT = canonical_issuer("香港特别行政区政府")
# "县政府决定11月23日至11月29日在全县范围内禁止一切野外用火" under the headline "长汀县人民政府森林防火禁火令": a
# government named by its level alone is the one of that level the headline names.
LEVEL_DECISION_RE = rx.compile(
    r"(?<![\u4e00-\u9fff])(?P<issuer>[县区市省](?:人民)?政府)\s*(?:近日|日前|今日|今天)?\s*(?P<verb>决定)"
)


def _headline_government(headline: str, anaphor: str) -> str | None:
    """The government of the anaphor's level (县政府 -> 长汀县人民政府) that the headline names, if one."""
    level = anaphor[0]
    for m in ISSUER_RE.finditer(headline):
        name = canonical_issuer(m.group(0))
        if name and name.endswith(f"{level}人民政府") and "、" not in name:
            return name
    return None


# A state deposits its instrument of ratification, acceptance, approval or accession to a treaty (交存…接受书).
DEPOSIT_RE = rx.compile(
    r"交存了?(?P<state>[^，。；《》\n]{0,12}?)(?:接受|批准|核准|加入)(?P<title>《(?:[^《》]|《[^《》]*》){2,120}》)"
    r"(?:[（(][^（）()\n]{0,40}[）)])?的(?:接受书|批准书|核准书|加入书)"
)


# A government setting up an investment fund (设立100亿元…母基金) invests; the fund is no policy instrument.
FUND_SET_UP_RE = rx.compile(
    r"(?:设立|成立|组建|发起)[^，。；\n]{0,30}?(?:基金|母基金|投资公司)(?![^，。；\n]{0,4}(?:管理办法|制度))"
)


# "国务院重磅发文，鼓励…": the issuer says it issued a document without naming it.
UNTITLED_ISSUE_RE = rx.compile(
    _ISSUER_WHEN + r"(?:已|已经)?(?:正式|重磅|紧急|联合|再次)?"
    r"(?P<verb>发文|(?:出台|印发|发布|推出)了?(?:一批|一系列|多项)?(?:新规|新政策?|政策文件))"
    r"(?=[，,。！!：:；;\s_]|$|[\u4e00-\u9fff]{0,2}(?:深化|推动|推进|促进|加强|规范|支持|鼓励|明确|要求|部署))"
)


# "近日发改委等部委通知，同意在京津冀…启动建设": the issuer's notice reported by what it says, its title not given
# ("财政部公告，截至…已对85家…" reports results as often as rules, so 公告 is left to the other rules).
NOTICE_SAYS_RE = rx.compile(
    # "印发通知，" is the titled-notice rules' case; "国务院通知要求确保…" says what the new notice requires
    _ISSUER_WHEN + r"(?:联合|紧急)?(?P<verb>通知)(?=[，,：:]|要求|明确|指出|强调|部署)"
)


# "两部门联合规范涉及保险理赔司法鉴定工作": bodies acting jointly do so by a joint document, named or not.
JOINT_ACTION_RE = rx.compile(
    rf"(?P<issuer>{_MULTI}|{_ONE_ISSUER}(?:\s*(?:、|和|与|及)\s*{_ONE_ISSUER})+)\s*(?:近日|日前)?\s*联合"
    r"(?P<verb>规范|明确)"  # 联合印发/发布/发文 (with or without a title) are the other rules' case
)


SINCE_AFTER_RE = rx.compile(r"\s*(?:以来|之后|以后)")  # 《X》以来: since X was issued
# "《新办法》自发布之日起施行，《旧办法》（…号）同时废止": a document repealed (with any titles and numbers listed
# after it in the same clause) on the new one's entry into force is no release
REPEALED_AFTER_RE = rx.compile(r"[^。；;，,！？!?\n]*?(?:(?:同时|予以|一并|即行|随之)废止|同时(?:停止执行|失效|作废))")
REPEALED_AFTER_CHARS = 200
SUB_REGULATION_AFTER_RE = rx.compile(r"\s*的?(?:相关)?(?:[0-9一二三四五六七八九十]{1,2}(?:项|部|个))?子法")

# Numbered digest items, one a line or run together ("…的主要内容有：1、…；2、…；3、…").
DIGEST_ITEM_RE = rx.compile(
    # 1、 2. 一、, and the bracketed sub-items of a 快讯 item ("（3）…行动计划发布；")
    r"(?:^|(?<=[：:；;。\n]))[ \t\u3000]*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．]|[（(]\d{1,2}[）)])\s*"
    r"([^；;\n]{4,90}?)(?=[；;。]?(?:\n|$)|[；;])",
    re.M,
)
DIGEST_MIN_ITEMS = 3


# "@华尔街见闻【央行全面降准0.5个百分点】12月6日17:00，央行官网刊登降准公告……": a flash item inside a digest,
# its own headline in 【】 and its own lead after it.
FLASH_ITEM_RE = rx.compile(r"【(?P<headline>[^【】\n]{4,80})】(?P<lead>[^\n]*)")


# "1丨国家能源局表示，…" / "3丨郑州收紧住房公积金贷款" then the item's lead on the next line: a news site's digest
# (每经22点, 每经早参) numbers its items with 丨; three such lines make a digest whatever its headline says.
BAR_ITEM_RE = rx.compile(
    r"(?m)^[ \t\u3000]*\d{1,2}[ \t]*[丨｜][ \t]*(?P<headline>[^\n]{4,90}?)[ \t]*\n(?P<lead>[^\n]*)"
)


def _digest_items(title: str, text: str) -> list[tuple[str, str]]:
    """The items of a news digest as (headline, lead): at least three short numbered lines (headlines only),
    or flash items with their headline in 【】, in a text that calls itself a digest (要闻精选, 早报 …), or items
    numbered with 丨 each over its lead."""
    bar_items = [(m.group("headline"), m.group("lead")) for m in BAR_ITEM_RE.finditer(text)]
    if len(bar_items) >= DIGEST_MIN_ITEMS:
        return bar_items
    if not DIGEST_HEAD_RE.search(title + "\n" + text[:200]):
        return []
    items = [(m.group(1).strip(), "") for m in DIGEST_ITEM_RE.finditer(text)]
    if len(items) < DIGEST_MIN_ITEMS:
        items = []
    flashes = [(m.group("headline"), m.group("lead")) for m in FLASH_ITEM_RE.finditer(text)]
    return items + (flashes if len(flashes) >= 2 else [])


def _digest_docs(title: str, text: str, items: list[tuple[str, str]], ref_year: int | None) -> list[PolicyDocument]:
    """A digest ("《人民日报》要闻精选七条": 1、… 2、…; "虎嗅早报": @source【headline】lead) is a list of news items:
    each is read as a headline with its lead. An item that is only a document's title is the paper printing the
    document, in a newspaper's digest and when it is one or two such items: a list of titles is a catalogue."""
    docs: list[PolicyDocument] = []
    bare_titles: list[PolicyDocument] = []
    for headline, lead in items:
        item_docs = _bracket_docs(headline, "title", ref_year) + _plain_docs(headline, "title", ref_year)
        item_docs += _decision_docs(headline, "title", ref_year)
        bare = headline.rstrip("。.；; ")
        foreign = FOREIGN_SUBJECT_RE.search(bare)  # "韩国政府收紧防疫措施": another country's measure
        if (
            not lead
            and not item_docs
            and not foreign
            and title_is_document(bare)[0]
            and document_kind(bare) not in WEAK_KINDS
            and not SIGNED_ORDERS_RE.search(bare)  # (the orders it says were signed are read from the text)
        ):
            cue = f"digest item is a document's title: {bare[:30]}"
            kind = document_kind(bare)
            issuer, start = split_issuer_prefix(bare)[0], 0
            # "工信部发布大数据产业等三项“十四五”规划": who issued it, its verb, then its title
            said, body = ISSUER_VERB_RE.match(bare), JOINT_RE.match(bare)
            if issuer is None and said and body and title_is_document(bare[said.end() :])[0]:
                issuer, start = canonical_issuer(body.group(0)), said.end()
            bare_titles.append(_released(bare[start:], issuer, kind, "item", (start, len(bare)), cue))
        if lead:
            item_docs += _bracket_docs(lead, "text", ref_year) + _plain_docs(lead, "text", ref_year, headline)
            item_docs += _decision_docs(lead, "text", ref_year, headline)
        docs += [replace(d, field="item") for d in item_docs]
    if bare_titles and len(bare_titles) <= 2 and NEWSPAPER_DIGEST_RE.search(title + "\n" + text[:200]):
        docs += bare_titles
    return docs


NEWSPAPER_DIGEST_RE = rx.compile(r"要闻|的主要内容|新闻联播|头版")
DIGEST_HEAD_RE = rx.compile(r"要闻|精选|早报|晚报|快讯|速递|摘要|盘点|一览|汇总|的主要内容|新闻联播")


# "全国碳排放权交易市场7月16日正式启动上线交易": the launch of a market or policy instrument a government runs.
LAUNCH_RE = rx.compile(
    r"(?P<inst>(?:全国|国家|[\u4e00-\u9fff]{0,6}?(?:碳排放权|碳|排污权|用能权|绿证|绿色电力|水权))"
    r"[\u4e00-\u9fff]{0,12}?(?:交易市场|市场|交易体系|交易|支持工具|再贷款))"  # 全国碳排放权交易体系正式启动
    r"\s*(?:\d{1,2}月\d{1,2}日|今日|今天|上午|下午|正式|\s)*"
    # ... not "全国碳市场启动年度配额发放和履约工作": a market starting a task of its own is no launch of it
    r"(?P<verb>启动上线交易|上线交易|鸣锣开市|正式开市|开市|正式上线|(?:启动|开启)(?!(?!仪式|上线|交易|运行)[\u4e00-\u9fff])|开闸)"
    r"(?!以来|之后|后|前|以后|一周年|周年|满|至今|的)"
)


# "国家发展改革委、中国民航局在北京启动可持续航空燃料应用试点", "…举行可持续航空燃料应用试点启动仪式": a pilot
# programme bodies launch (its launcher named right before, as a launch needs; a company's pilot is no policy's)
# ("…四省已启动零碳工厂试点培育工作", "陆续启动": where things stand, not a launch today)
# (the short name the article gives it, "可持续航空燃料（以下简称“SAF”）应用试点", is no part of its name)
SHORT_NAME_PAREN_RE = rx.compile(r"[（(]以下简称[^（）()]{1,12}[）)]")
PILOT_LAUNCH_RE = rx.compile(
    rf"(?<!已)(?<!均)(?<!陆续)(?<!先后)(?<!相继)启动(?P<inst>[\u4e00-\u9fff“”]{{2,16}}(?:{SHORT_NAME_PAREN_RE.pattern})?"
    r"[\u4e00-\u9fff“”]{0,8}?试点)"
    r"(?!以来|之后|后|一周年|周年)"
    r"|举行(?P<held>[\u4e00-\u9fff“”]{2,24}?试点)启动(?:仪式|会)"
)
# "中国人民银行设立科技创新和技术改造再贷款": the central bank setting up a lending facility launches an instrument
# (only the central bank's: "国务院常务会议决定设立…专项再贷款" is a meeting's decision, published by the bank later)
FACILITY_SET_UP_RE = rx.compile(
    r"(?:设立|创设)了?(?:并?推出)?(?:[0-9.]+亿元的?)?(?P<inst>[\u4e00-\u9fff“”]{2,24}?(?:再贷款|支持工具))"
)
CENTRAL_BANK = "中国人民银行"
NATIONAL_MARKET_RE = rx.compile(
    r"全国[\u4e00-\u9fff]{0,8}?(?:碳排放权|碳|排污权|用能权|绿证|绿色电力)[\u4e00-\u9fff]{0,4}?(?:交易)?(?:市场|体系)"
)
HEADLINE_ACTION_VERB_RE = rx.compile(r"放宽|收紧|下调|上调|取消|降低|提高|暂停|恢复|免征|减征|延长|扩大")
HEADLINE_ACTION_RE = rx.compile(rf"(?<![\u4e00-\u9fff]){_ISSUER_WHEN}(?P<verb>{HEADLINE_ACTION_VERB_RE.pattern})")
LAUNCH_VERB_RE = rx.compile(r"上线交易|开市|正式上线|启动|开启|开闸")
# "福州市政府为在闽市民发放…消费券", "澳门政府与商会合作，于9月1日推出…消费奖赏计划": a government handing out
# consumption vouchers launches an instrument (the labels count it), untitled; who hands them out must be named
VOUCHER_LAUNCH_RE = rx.compile(
    r"(?P<verb>(?:开始|正式|首次|再次|陆续)?(?:发放|派发|推出|启动))了?"
    r"(?P<inst>[^，。；：\n《》]{0,24}?(?:消费券|消费奖赏计划|电子消费优惠计划|(?:振兴|消费)礼金)"
    # ... or a one-off payment to a group of residents, as Macau's and Taiwan's bodies announce theirs: "社会工作局
    # 在9月份向…受益家团额外发放一次性的全数援助金"
    r"|一次性的?[^，。；：\n《》]{0,10}?(?:援助金|津贴|补贴|补助|奖励金|敬老金|生活费))"
    r"(?!发放计划|计划(?:尚未|仍未))"
)
VOUCHER_WORD_RE = rx.compile(r"消费|一次性|礼金")  # (the words of VOUCHER_LAUNCH_RE's instruments)
VOUCHER_BODY_RE = rx.compile(r"政府|公所|[局委厅部办署]")  # (公所: a Taiwan township's office)
# "发展局推出土地共享先导计划", "内政部祭出三大减碳旗舰计划", "劳工就业通计划上路", "低碳永续家园改造补助开跑",
# "电动公共小巴先导试验计划接受申请": a government scheme (a subsidy, a grant, a pilot) launched or opened for
# applications is an instrument launched, untitled, as Hong Kong, Macau and Taiwan report their schemes. Its body
# must be named: before the verb, or, for a headline that names none, in the lead's first sentence; the scheme must
# be named too (a bare 资助计划 is what an act named before it provides).
_SCHEME_NAME = (
    r"[^，。；：！!？?\n《》「」“”]{2,24}?(?:补助|补贴|资助|津贴|奖励金|礼金)(?:计划|方案|措施|项目|政策)?"
    r"|[^，。；：！!？?\n《》「」“”]{2,24}?(?:资助|补助|补贴|先导|试验|试行|津贴|奖励|支援|扶持|优惠|旗舰)计划"
)
# (in double quotes whole, "推出“电动机车汰旧换新补助”", or none)
_SCHEME = rf"“(?:{_SCHEME_NAME})”|{_SCHEME_NAME}"
# ... or the scheme's title quoted: "启动「村里公务电动机车补助计划」" (its name says it is a scheme)
_SCHEME_TITLED = r"《[^《》\n]{2,40}?(?:补助|补贴|资助|津贴|奖励金|礼金)[^《》\n]{0,8}?(?:计划|方案)》"
# (公告 as Taiwan's verb, "环保局今日公告115年电动机车补助方案"; 加码, a subsidy topped up, "连江县明年起加码生育补助")
# (启动, a scheme started by its body: "彰化县政府全面启动「村里公务电动机车补助计划」")
_SCHEME_LAUNCH_VERBS = "推出|祭出|开办|公告|加码|启动"
# (Taiwan's counties open theirs in more words: 即日起开始申请, 开始收件, 受理民众申请, and with the window's end
# between the day and the verb: "即日起至11月8日止，…皆可申请")
_SCHEME_OPEN_VERBS = (
    "接受申请|开放申请|开放受理|开始受理|受理申请|开跑|起跑|上路|"
    "开始申请|开始收件|受理(?:民众|市民|县民)申请|(?:皆|均)可申请"
)
_SCHEME_FROM = r"自?(?:明|今|即日|今天|明天|明日|元旦|下周|\d{1,2}月\d{1,2}日)起(?:至[^。；：！!？?\n]{1,24}?)?"
SCHEME_LAUNCH_RE = rx.compile(
    rf"(?P<verb>(?:正式|再次|首次|全面)?(?:{_SCHEME_LAUNCH_VERBS}))了?(?P<inst>{_SCHEME}|{_SCHEME_TITLED})"
    r"(?![\u4e00-\u9fff]{0,2}(?:研究|构想|咨询))"
    rf"|(?P<inst2>{_SCHEME}|[^，。；：！!？?\n《》「」]{{2,24}}?计划|《[^《》\n]{{2,40}}》)[，,]?\s*(?:{_SCHEME_FROM}|正式|即日|今天|\s)*"
    rf"(?P<verb2>{_SCHEME_OPEN_VERBS})"
)
# (what any match of it holds: run it only where one of its verbs occurs)
SCHEME_VERB_RE = rx.compile(f"{_SCHEME_LAUNCH_VERBS}|{_SCHEME_OPEN_VERBS}")
# "交通事务局公布，明日（8日）起调升的士收费", "运输署提醒市民，…17日上午5时起实施分时段收费": a government body
# changing a charge it sets (fares, tolls, postage, tariffs) from a day puts a policy instrument in force, untitled;
# the day must be said (a charge "to be reviewed" changes nothing), and the body named as for a scheme
_CHARGE = r"[^，。；：！!？?\n《》]{0,12}?(?:收费|车费|票价|邮费|费率|电价|水价|水费|电费|燃气价格|天然气价格|隧道费)"
# (... public housing's rent too, its change announced or dated: "公屋10月起加租1.17%", "房委会宣布加租1成"; or a
# rate or an allowance raised with the day it takes effect said after it: "社会福利署公布，多项福利津贴…上调3.3%，
# 2月1日生效")
# (… and a board's vote on it, "房委会资助房屋小组通过公屋加租1.17%")
CHARGE_CHANGE_RE = rx.compile(
    r"(?:起|生效后?|宣布|决定|通过)[，,]?\s*(?:(?P<verb>调升|调高|上调|调低|下调|调整|实施)(?P<inst>新的?收费|分时段收费|"
    rf"{_CHARGE})"
    r"|(?:公屋)?(?P<inst2>加价|减价|加租|减租))"
    rf"|(?P<inst3>{_CHARGE}|[^，。；：！!？?\n《》]{{0,12}}?(?:津贴|租金))[^，。；：\n]{{0,20}}?(?:调升|调高|上调|调低|下调)"
    r"[^。；\n]{0,24}?\d{1,2}月\d{1,2}日(?:起)?生效"
)
# "工信部、国家发改委确定55家国家首批低碳工业园区试点", "农业农村部、国家乡村振兴局公布100个…示范县创建组织": a
# body designating a counted batch of pilots or demonstrations issues their list, untitled (拟确定…现予公示, a list
# proposed for objections, is _future's)
_DESIGNATION_VERBS = "确定|认定|命名|公布"
DESIGNATION_VERB_RE = rx.compile(_DESIGNATION_VERBS)
DESIGNATION_RE = rx.compile(
    rf"(?:{_DESIGNATION_VERBS})了?"
    r"(?P<inst>(?:全国|国家)?(?:首批|第[一二三四五六七八九十\d]{1,3}批)?(?:\d{1,4}|[一二三四五六七八九十百]{1,4})(?:家|个|处)"
    r"[^，。；：\n《》]{0,24}?(?:试点|示范)[\u4e00-\u9fff]{0,6}?)(?=[，。；,：\n]|$|名单)"
)
# "岳阳市签发2025年第1号林长令", "自治区总林长…联名签发2022年第1号总林长令": a numbered order of a place's forest,
# river or lake chiefs (the heads of its Party committee and government, as the 林长制 and 河长制 appoint them) is an
# instrument they issue
CHIEF_ORDER_RE = rx.compile(
    r"签发了?\s*(?P<order>(?:(?:19|20)\d{2}\s*年\s*(?:度\s*)?)?第\s*[0-9一二三四五六七八九十]{1,3}\s*号\s*总?(?:林|河|湖|田)长令)"
)
# "国家市场监管总局（国家标准委）批准37项国家标准样品", "召开…新闻发布会，发布了一批国家标准": a batch of standards
# approved or published, untitled (each standard has its own number, none is named as the document); not a year's
# count ("今年以来已发布711项国家标准", "累计发布")
_STANDARDS_BATCH = r"(?:一批|\d+项|[一二三四五六七八九十百千]+项)(?:推荐性|强制性)?(?:国家|行业)标准(?:样品|外文版)?"
STANDARDS_BATCH_RE = rx.compile(rf"(?P<verb>批准发布|批准|发布了?|印发了?)(?P<inst>{_STANDARDS_BATCH})")
STANDARDS_TITLE_RE = rx.compile(_STANDARDS_BATCH)
STANDARDS_COUNT_RE = rx.compile(r"以来|累计|全年|共计|已经?(?:批准|发布)|截至|截止")


def _standards_count(text: str, d: PolicyDocument) -> bool:
    """``d`` names a number of standards ("711项国家标准") that its clause counts over a period (今年以来已发布),
    whichever rule found it."""
    return bool(STANDARDS_TITLE_RE.fullmatch(d.title) and STANDARDS_COUNT_RE.search(_clause_before(text, d.start)))


UNTITLED_CUE_RE = rx.compile(r"发文|新规|新政|政策文件")


def _reported_now(text: str, pos: int, ref_year: int | None) -> bool:
    """Whether the act ``text`` reports at ``pos`` is news: not planned (将启动), cited (根据…) or in the past
    (2013年…启动)."""
    clause = _clause_before(text, pos)
    return not (_future(clause) or CITE_RE.search(clause) or is_historical(text, pos, ref_year))


def _launcher_now(text: str, pos: int, ref_year: int | None) -> str | None:
    """Who launched what ``text`` reports launched at ``pos``: the body named before it; None where nobody is named
    or the launch is not news (:func:`_reported_now`)."""
    return find_issuer_before(text, pos) if _reported_now(text, pos, ref_year) else None


def _scheme_launched(
    text: str, m: re.Match[str], field_name: str, ref_year: int | None, page_text: str, what: str = "scheme launched"
) -> list[PolicyDocument]:
    """The scheme ``m`` (:data:`SCHEME_LAUNCH_RE`, or the charge of :data:`CHARGE_CHANGE_RE`) reports launched, with
    the body that launched it; none where no body is named, the launch is planned or past, or a company runs it."""
    name = next(g for g in ("inst", "inst2", "inst3") if g in m.re.groupindex and m.group(g))
    scheme = m.group(name).lstrip("，, ")
    clause = _clause_before(text, m.start())
    if COMPANY_SUBJECT_RE.search(clause[-12:] + scheme) or _future(clause + scheme[:4]):
        return []
    launcher = _launcher_now(text, m.start(), ref_year)
    if launcher is None and field_name == "title" and page_text:
        # a headline's scheme with no body: the first body of the lead under it, whose words up to the body say
        # whether it acted ("环保署今日宣布，…计划今日起接受申请", not "将")
        lead = page_text[_lead_start(page_text, text) : _lead_end(page_text, text)]
        for body in JOINT_RE.finditer(lead):
            if (named := canonical_issuer(body.group(0))) is not None:
                if not _future(lead[: body.start()]) and not COMPANY_SUBJECT_RE.search(lead[: body.end()]):
                    launcher = named
                break
    if launcher is None or MULTI_RE.fullmatch(launcher):
        return []
    cue = f"{what}: {m.group(0)[-30:]}"
    return [_released(scheme, launcher, None, field_name, (m.end(name) - len(scheme), m.end(name)), cue)]


_SIGNED_NUMBER = r"第?[〇零一二三四五六七八九十百\d]+号?"
# "习近平签署第九十八号、第九十九号、第一〇〇号主席令", "签署第一〇一、一〇二、一〇三号主席令": the President signs
# orders of the state, each its own document by its number; not the order that promulgates a law the sentence goes on
# to name ("签署第三十一号主席令，公布《…法》", "签署主席令予以公布": the law is the document)
SIGNED_ORDERS_RE = rx.compile(
    rf"签署了?(?P<numbers>{_SIGNED_NUMBER}(?:[、和及]{_SIGNED_NUMBER})*)主席令(?![^。；;\n]{{0,12}}公布)"
)
SIGNED_ORDER_CUE = "orders signed: "
PRESIDENT = "中华人民共和国主席"


def _signed_orders(text: str, field_name: str) -> list[PolicyDocument]:
    """The President's orders a sentence says were signed (see :data:`SIGNED_ORDERS_RE`), one document each, titled
    主席令 and numbered as the sentence numbers them (第一〇二号)."""
    docs: list[PolicyDocument] = []
    for m in SIGNED_ORDERS_RE.finditer(text):
        cue = SIGNED_ORDER_CUE + m.group(0)[-30:]
        for number in re.split(r"[、和及]", m.group("numbers")):
            numbered = "第" + number.strip("第号") + "号"
            docs.append(_released("主席令", PRESIDENT, "令", field_name, m.span(), cue, numbered))
    return docs


# Taiwan's official documents (公文) state their matter on a line of its own, 主旨: an announcement's or an order's
# "主旨：公告本市105年「…补助金额及注意事项」。", "主旨：修正「…检查方式」，并自即日生效。": what it announces,
# amends or enacts is the document the page prints (not what it repeals, 废止), issued by the body its heading line
# names ("新竹市政府 公告") or the page's metadata
# (its label often printed spaced, "主　旨：", and the line wrapped as printed: the matter runs on over the line break
# unless the next line opens the next field, "依　据：", "公告事项：")
_FIELD_LABEL = r"[ \t\u3000]*(?:[\u4e00-\u9fff][ \t\u3000]*){1,5}[:：]"  # a line's opening label: 依　据：
_NEXT_FIELD = rf"\n{_FIELD_LABEL}"
SUBJECT_LINE_RE = rx.compile(
    r"(?m)^[ \t\u3000]*主[ \t\u3000]*旨[ \t\u3000]*[:：][ \t\u3000]*"
    r"(?P<verb>公告(?:修正|订定|增订)?|(?:修正|订定|增订)(?:发布)?)[ \t\u3000]*(?P<own>本市|本县|本府)?"
    rf"(?P<object>(?:[^。\n]|\n(?!{_FIELD_LABEL})(?=[^\n]))"
    r"{4,120}?)(?:[，,][ \t\u3000]*并自[^。\n]{0,30}?(?:生效|施行|实施)|[，,]请[ \t\u3000]*查照|。"
    rf"|$(?={_NEXT_FIELD}|\n\s*\n|\s*\Z))"
)
SUBJECT_LINE_CHARS = 1500
SUBJECT_LINE_CUE = "the document's subject line: "
NOTICE_HEAD_LINE_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?P<body>[\u4e00-\u9fff]{2,16}?)[ \t\u3000]*(?:公告|令)[ \t\u3000]*$"
)


def _subject_line_docs(text: str) -> list[PolicyDocument]:
    """The document a Taiwan official document's subject line (主旨) announces or enacts (see
    :data:`SUBJECT_LINE_RE`), titled by its quoted name when the line quotes only that, else by the line's object."""
    m = SUBJECT_LINE_RE.search(text, 0, SUBJECT_LINE_CHARS) if "旨" in text[:SUBJECT_LINE_CHARS] else None
    if m is None or _future(m.group("object")) or re.search(r"…|\.{3}", m.group("object")):
        return []  # (a line that cuts the name short, 修正「…应遵行事项」, leaves it to the headline)
    obj = re.sub(r"\s*\n\s*", "", m.group("object").strip())
    quoted = re.fullmatch(r"[「《]([^「」《》]{4,100})[」》]", obj)
    if m.group("verb") == "公告" and not re.search(r"[「《]", obj):
        # an announcement that names nothing quoted is titled by its whole subject, as its page and the labels
        # title it: "公告本市光华商圈部份路边机车停车格，自108年7月8日（星期一）起调整收费时间"
        obj = "公告" + (m.group("own") or "") + obj
    title = "《" + (quoted.group(1) if quoted else obj) + "》"
    head = NOTICE_HEAD_LINE_RE.search(text, 0, m.start())
    issuer = (canonical_issuer(head.group("body")) if head else None) or printed_issuer(text)
    span = (m.start("object"), m.end("object"))
    return [_released(title, issuer, doc_type(title), "text", span, SUBJECT_LINE_CUE + m.group(0).strip()[:30])]


def _decision_docs(
    text: str, field_name: str, ref_year: int | None, headline: str = "", page_text: str = ""
) -> list[PolicyDocument]:
    """Untitled decisions in the headline or the lead paragraph (see :data:`DECISION_RE`); ``page_text`` is the
    article under a headline, whose lead a headline's scheme may take its body from."""
    docs: list[PolicyDocument] = []
    limit = len(text) if field_name == "title" else _lead_paragraph_end(text, headline)
    window = text[:limit]
    # Each pattern opens with the long issuer alternation: run it only where its verb occurs at all.
    issue_matches = UNTITLED_ISSUE_RE.finditer(text, 0, limit) if UNTITLED_CUE_RE.search(window) else iter(())
    launch_matches = LAUNCH_RE.finditer(text, 0, limit) if LAUNCH_VERB_RE.search(window) else iter(())
    decided = "决定" in window or "宣布" in window or "公布" in window
    decision_matches = itertools.chain(
        DECISION_RE.finditer(text, 0, limit) if decided else iter(()),
        LEVEL_DECISION_RE.finditer(text, 0, limit) if decided and headline else iter(()),
        BARE_DECISION_RE.finditer(text, 0, limit) if decided and "政府" in window else iter(()),
        HEAD_DECISION_RE.finditer(text, 0, limit) if "长" in window and "宣布" in window else iter(()),
        STATE_DECISION_RE.finditer(text, 0, limit) if decided and "中方" in window else iter(()),
        SPOKESPERSON_DECISION_RE.finditer(text, 0, limit) if "发言人" in window and "宣布" in window else iter(()),
    )
    notice_matches = (
        NOTICE_SAYS_RE.finditer(text, 0, limit)
        if re.search("通知(?:[，,：:]|要求|明确|指出|强调|部署)", window)
        else iter(())
    )
    joint_matches = JOINT_ACTION_RE.finditer(text, 0, limit) if "联合" in window else iter(())
    for m in itertools.chain(issue_matches, notice_matches, joint_matches):
        clause = _clause_before(text, m.start("issuer"))
        issuer = canonical_issuer(m.group("issuer"))
        if issuer is None or _future(clause) or CITE_RE.search(clause) or is_historical(text, m.start(), ref_year):
            continue
        docs.append(
            _released(
                UNTITLED, issuer, None, field_name, m.span("verb"), f"untitled document issued: {m.group(0)[-20:]}"
            )
        )
    for m in launch_matches:
        clause = _clause_before(text, m.start("inst"))
        if _future(clause + text[m.start("inst") : m.start("verb")]) or CITE_RE.search(clause):
            continue
        if is_historical(text, m.start(), ref_year) or COMPANY_SUBJECT_RE.search(m.group("inst")):
            continue
        # The labels count a launch as a release when the text says which body launched it, or when the market is
        # the national one the state runs ("全国碳排放权交易市场正式开市": no launcher needs naming)
        launcher = find_issuer_before(text, m.start())
        if launcher is None and not NATIONAL_MARKET_RE.match(m.group("inst")):
            continue
        cue = f"instrument launched: {m.group(0)}"
        docs.append(_released(m.group("inst"), launcher, None, field_name, m.span("inst"), cue))
    for m in FACILITY_SET_UP_RE.finditer(text, 0, limit) if "设" in window else iter(()):
        if _inside_brackets(text, m.start()):
            continue  # 《关于设立…再贷款有关事宜的通知》: the notice's own title, found as a title
        launcher = _launcher_now(text, m.start(), ref_year)
        if launcher is None or not launcher.startswith(CENTRAL_BANK):
            continue
        cue = f"instrument launched: {m.group(0)}"
        docs.append(_released(m.group("inst"), launcher, None, field_name, m.span("inst"), cue))
    for m in VOUCHER_LAUNCH_RE.finditer(text, 0, limit) if VOUCHER_WORD_RE.search(window) else iter(()):
        launcher = _launcher_now(text, m.start(), ref_year)
        if launcher is None or MULTI_RE.fullmatch(launcher):
            continue
        clause = _clause_before(text, m.start())
        if COMPANY_SUBJECT_RE.search(clause[-12:]):
            continue  # "平台企业发放消费券": a company's promotion
        if not VOUCHER_BODY_RE.search(clause) and not m.group("inst").startswith("一次性"):
            # "香港“财爷”再派糖：向全民派发…消费券": a place or a person's nickname, no body acting. A one-off payment
            # has its body named before a comma as often as not ("社会工作局将於9月份,向…家团再次发放一次性的…"):
            # the launcher found before it is enough
            continue
        cue = f"instrument launched: {m.group(0)}"
        docs.append(_released(m.group("inst"), launcher, None, field_name, m.span("inst"), cue))
    for m in SCHEME_LAUNCH_RE.finditer(text, 0, limit) if SCHEME_VERB_RE.search(window) else iter(()):
        docs += _scheme_launched(text, m, field_name, ref_year, page_text)
    for m in DESIGNATION_RE.finditer(text, 0, limit) if DESIGNATION_VERB_RE.search(window) else iter(()):
        launcher = _launcher_now(text, m.start(), ref_year)
        if launcher is not None and not MULTI_RE.fullmatch(launcher):
            cue = f"pilots or demonstrations designated: {m.group(0)[-30:]}"
            docs.append(_released(m.group("inst"), launcher, None, field_name, m.span("inst"), cue))
    for m in CHIEF_ORDER_RE.finditer(text, 0, limit) if "长令" in window else iter(()):
        if not _reported_now(text, m.start(), ref_year):
            continue  # (its signers may go unnamed: "某市总河长签发第3号总河长令")
        order = re.sub(r"\s+", "", m.group("order"))
        signer = find_issuer_before(text, m.start())
        docs.append(_released(order, signer, "令", field_name, m.span("order"), m.group(0)))
    charge_cue = "起" in window or "生效" in window or "宣布" in window or "决定" in window or "通过" in window
    for m in CHARGE_CHANGE_RE.finditer(text, 0, limit) if charge_cue else iter(()):
        docs += _scheme_launched(text, m, field_name, ref_year, page_text, "charge changed")
    for m in STANDARDS_BATCH_RE.finditer(text, 0, limit) if "标准" in window else iter(()):
        if STANDARDS_COUNT_RE.search(_clause_before(text, m.start()) + m.group("verb")):
            continue
        launcher = _launcher_now(text, m.start(), ref_year)
        if launcher is None or MULTI_RE.fullmatch(launcher):
            continue
        cue = f"a batch of standards approved: {m.group(0)}"
        docs.append(_released(m.group("inst"), launcher, "标准", field_name, m.span("inst"), cue))
    for m in PILOT_LAUNCH_RE.finditer(text, 0, limit) if "试点" in window else iter(()):
        name = "inst" if m.group("inst") else "held"
        launcher = _launcher_now(text, m.start(), ref_year)
        if launcher is None or MULTI_RE.fullmatch(launcher):
            continue
        if COMPANY_SUBJECT_RE.search(_clause_before(text, m.start())[-12:]):
            continue
        cue = f"pilot launched: {m.group(0)}"
        pilot = SHORT_NAME_PAREN_RE.sub("", m.group(name))
        docs.append(_released(pilot, launcher, None, field_name, m.span(name), cue))
    if field_name == "title" and HEADLINE_ACTION_VERB_RE.search(text):
        # "银保监会放宽外资保险中介机构准入条件": a headline (or a digest item's) in which a body changes a policy
        # setting reports the change made, whatever document carried it
        for m in HEADLINE_ACTION_RE.finditer(text):
            issuer = canonical_issuer(m.group("issuer"))
            clause = _clause_before(text, m.start("issuer"))
            if issuer is None or MULTI_RE.fullmatch(issuer) or _future(clause + m.group(0)) or CITE_RE.search(clause):
                continue
            cue = f"policy setting changed: {m.group(0)[-20:]}"
            changed = decided_measure(text[m.start("verb") :])
            docs.append(_released(changed, issuer, "决定", field_name, m.span("verb"), cue))
    for m in DEPOSIT_RE.finditer(text, 0, limit) if "交存" in window else iter(()):
        # "中国常驻联合国代表团向联合国秘书长交存了中国政府接受《X》的接受书": the state is now party to X
        if is_historical(text, m.start(), ref_year):
            continue
        title, cue = m.group("title"), f"instrument of acceptance deposited: {m.group(0)[:20]}"
        docs.append(
            _released(title, canonical_issuer(m.group("state")), doc_type(title), field_name, m.span("title"), cue)
        )
    for m in decision_matches:
        sentence_end = SENTENCE_END_RE.search(text, m.end())
        rest = text[m.end() : sentence_end.start() if sentence_end else len(text)]
        # (a spokesperson named without a body has no issuer group: the clause is the one before the match)
        clause = _clause_before(text, m.start("issuer") if m.group("issuer") is not None else m.start())
        spoken = m.re in (STATE_DECISION_RE, SPOKESPERSON_DECISION_RE)
        if m.re is SPOKESPERSON_DECISION_RE and (
            not SPOKESPERSON_MEASURE_RE.match(rest) or SPOKESPERSON_EVENT_RE.search(rest)
        ):
            continue  # what the office itself did, or a visit, a call or a meeting announced
        listed = spoken and PEOPLE_LISTED_RE.match(rest)
        if not (EFFECT_RE.search(rest[:80]) or listed) or _future(clause) or CITE_RE.search(clause):
            continue
        if m.group("verb") == "公布" and clause.endswith("据"):
            continue  # "据经科局公布，截至3月30日…": the source of a figure, not a measure announced
        if re.match(r"[，,：:\s]*(?:截至|截止)", rest):
            continue  # "金管会最新公布，截至2019年底，…放款余额…增加": a figure as at a date
        measure = rest.lstrip("，,：: ")
        measure = measure[1:] if measure.startswith("将") else measure
        if _future(measure[:6]) and not EFFECT_RE.match(measure):
            continue  # "决定将研究…" plans; "决定于7月15日下调…", "决定将A纳入B" decide
        if FUND_SET_UP_RE.match(measure):
            continue  # "湖北省宣布设立100亿元绿色低碳发展母基金": an investment made, not a policy instrument
        if is_historical(text, m.start(), ref_year):
            continue
        if m.re is HEAD_DECISION_RE:
            issuer = canonical_issuer(m.group("issuer") + "政府")  # (台北市 -> 台北市政府, 宜兰县 -> 宜兰县政府)
        elif m.re is SPOKESPERSON_DECISION_RE and m.group("issuer"):
            issuer = canonical_issuer(m.group("issuer"))
        elif spoken:
            # (a headline is its own: "外交部：中方已决定…")
            in_text = field_name == "text"
            issuer = _announcing_ministry(headline if in_text else text, text, m.start() if in_text else 0)
        else:
            issuer = (
                canonical_issuer(m.group("issuer"))
                or _headline_government(headline, m.group("issuer"))
                or _bare_sar_government(m.group("issuer"), headline, text)
            )
        if issuer is None or MULTI_RE.fullmatch(issuer):
            continue
        cue = f"untitled decision: {m.group(0)[-20:]}{rest[:30]}"
        # (what a press release announces is what it says was decided: "公布，考虑到…困难，决定将…延长一年")
        decided_at = rest.find("决定") if m.group("verb") == "公布" else -1
        decided_name = decided_measure(rest[decided_at:] if decided_at >= 0 else rest)
        docs.append(_released(decided_name, issuer, "决定", field_name, m.span("verb"), cue))
    # (a Macau paper may give the gazette's act in the paragraph after its lead: "【本报讯】社会保障制度各项津贴调升… /
    # 特区公报昨日刊登行政长官批示，调升…")
    macau_limit = limit if field_name == "title" else max(limit, min(len(text), limit + MACAU_SECOND_PARAGRAPH_CHARS))
    macau_window = text[:macau_limit]
    macau_acts = MACAU_DISPATCH_RE.finditer(text, 0, macau_limit) if MACAU_ACT_WORD_RE.search(macau_window) else ()
    for m in macau_acts:
        clause = _clause_before(text, m.start())
        if _future(clause) or is_historical(text, m.start(), ref_year):
            continue
        if m.start() >= limit and (YEAR_IN_CLAUSE_RE.search(clause) or not RECENT_RE.search(clause)):
            # past the lead, an act is the news where it is said to be recent ("特区公报昨日刊登行政长官批示"), not
            # one recalled ("特区政府透过第10/2020号行政法规…将计划延长", "分别于2008年及2012年公布…")
            continue
        serial, num = m.group("serial"), m.group("num")
        number = f"第{serial or num}号" if serial or num else None
        span = m.span("title") if m.group("title") else m.span("signed")
        titled = MACAU_NEWS_TITLE_RE.match(text, m.end()) if m.group("kind") in MACAU_TITLED_KINDS else None
        if serial and titled:
            # "公报昨日刊登第25/2021号行政法规《修改第21/2011号行政法规〈环保与节能基金〉》": a titled act by its title
            title, kind, cue = titled.group("title"), m.group("kind"), f"Macau act published: {m.group(0)}"
            span = titled.span("title")
        elif serial:
            title, kind, cue = f"第{serial}号{m.group('kind')}", m.group("kind"), f"Macau act published: {m.group(0)}"
        else:
            # a dispatch is known by its number when the text gives it: 第100/2011号行政长官批示 (one of many)
            title = f"第{num}号{DISPATCH_TITLE}" if num else DISPATCH_TITLE
            kind, cue = "批示", f"Chief Executive's dispatch: {m.group(0)}"
        docs.append(_released(title, _macau_act_issuer(title), kind, field_name, span, cue, number))
    for m in GAZETTED_RE.finditer(text, 0, limit) if "宪" in window else iter(()):
        if "草案" in window or _future(_clause_before(text, m.start())) or is_historical(text, m.start(), ref_year):
            continue
        cue = f"gazetted by the Hong Kong government: {m.group(0)}"
        named = GAZETTED_TITLE_AFTER_RE.match(text, m.end())
        if named:
            title = "《" + named.group("title") + "》"
            docs.append(_released(title, HONG_KONG_GOVERNMENT, doc_type(title), field_name, named.span("title"), cue))
            continue
        docs.append(_released(GAZETTED_TITLE, HONG_KONG_GOVERNMENT, None, field_name, m.span(), cue))
    return docs


# "1月8日中午12时起 郑州全市餐饮场所暂停堂食", "17日零时起…三条措施正式实施": a measure announced with the moment it
# takes effect is a policy instrument put in force, when the headline or lead names the government body behind it.
EFFECTIVE_RE = rx.compile(
    r"(?:(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日(?:[上中下]午|凌晨|晚上?)?(?:\d{1,2}(?:时|点)(?:\d{1,2}分)?|零时)?"
    r"|即日|今日|明日|今天|明天)起"
    r"(?P<rest>[^。；;！？!?\n]{0,40}?)"
    r"(?P<verb>暂停|停止|执行|实施|实行|施行|恢复|取消|解除|禁止|限制|调整|下调|上调|免征|减征|停征|关闭|封闭|放开|放宽)"
)
PLAN_RE = rx.compile(r"拟|计划|研究|有望|预计|或将|是否|如何|建议")
# "8月2日12时起将…洪水橙色预警调整为洪水黄色预警": a warning's level raised or lowered is a forecast's, no measure
WARNING_LEVEL_RE = rx.compile(r"预警|警报")
DENIED_RE = rx.compile(r"虚假|谣言|谣传|不实|传言|辟谣")


def _effective_docs(title: str, text: str, ref_year: int | None) -> list[PolicyDocument]:
    """Untitled measures put in force in the headline or lead paragraph (see :data:`EFFECTIVE_RE`)."""
    lead = text[: _lead_paragraph_end(text, title)]
    if "起" not in title and "起" not in lead:
        return []
    for field_name, window in (("title", title), ("text", lead)):
        for m in EFFECTIVE_RE.finditer(window):
            clause = _clause_before(window, m.start())
            subject = clause + m.group("rest")
            if COMPANY_SUBJECT_RE.search(subject) or PLAN_RE.search(subject):
                continue
            if WARNING_LEVEL_RE.search(m.group("rest")):
                continue
            if "》" in subject:
                continue  # "《X》今天起正式施行": a titled document entering into force, read by the title rules
            if m.group("verb") == "施行" and not m.group("rest").strip():
                continue  # "…，自2024年5月1日起施行": when the document the sentence is about takes effect, no measure
            if CITE_RE.search(clause) or is_historical(window, m.start(), ref_year):
                continue
            if DENIED_RE.search(window, m.end(), _sentence_end(window, m.end())):
                continue  # "证监会：“3月1日起创业板停止审核”为虚假传言": a rumoured measure, denied
            if _in_promulgation_note(window, m.start()):
                continue  # "（…令第17号公布 自2021年2月1日起施行）": when the document printed below takes effect
            # Who acts is named before the measure (北京市调整了…政策，11月17日零时起…), or, for a headline, in
            # the lead; a place named after it is the measure's scope (对湖北、重庆两地游客实行…).
            issuer = _first_named_issuer(window[: m.start()])
            if issuer is None and field_name == "title":
                issuer = _first_named_issuer(lead)
            if issuer is None:
                continue
            cue = f"measure in force: {m.group(0)[:30]}"
            return [_released("措施", issuer, None, field_name, m.span("verb"), cue)]
    return []


def _in_promulgation_note(text: str, at: int) -> bool:
    """``at`` is in the note under a printed document's heading that says who promulgated or adopted it."""
    line = _line_at(text, at)
    return bool(PROMULGATION_NOTE_RE.match(line) or ADOPTION_NOTE_RE.match(line))


def _first_named_issuer(text: str) -> str | None:
    named = _named_bodies([canonical_issuer(m.group(0)) for m in JOINT_RE.finditer(text)])
    return named[0] if named else None


def _released(
    title: str,
    issuer: str | None,
    kind: str | None,
    field_name: str,
    span: tuple[int, int],
    cue: str,
    doc_number: str | None = None,
) -> PolicyDocument:
    """A release a rule found (an untitled decision, a launch, an approval, a printed heading …), with the document
    number the rule read, if any."""
    return PolicyDocument(
        title=title,
        title_norm=normalise_title(title),
        issuer=issuer,
        doc_number=doc_number,
        doc_type=kind,
        is_release=True,
        field=field_name,
        start=span[0],
        end=span[1],
        cue=cue,
    )


HEADING_RE = rx.compile(rf"(?:^|\n)\s*({_ONE_ISSUER}(?:[、\s]*{_ONE_ISSUER})*)\s*关于")


# "深圳市福田区…指挥部通告 / （第50号）": a numbered announcement or order printed under its issuer's name.
NUMBERED_HEADING_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?P<title>[^\n。，；：:！？]{4,60}?(?:公告|通告|令))[ \t\u3000]*\n"
    r"[ \t\u3000]*[（(]?(?P<num>(?:(?:19|20)\d{2}年)?第\s*\d+\s*号|〔(?:19|20)\d{2}〕\s*\d+\s*号)[）)]?[ \t\u3000]*$"
)


# "关于组织开展2025年度国家绿色数据中心推荐工作的通知 / 工信厅联节函〔2025〕279号": a document's heading printed
# without its issuer (a news page reposting it under a lead), on its own line, with its number alone on the next line.
BARE_HEADING_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?P<title>关于[^\n。；《》]{4,100}?的(?:通知|意见|决定|公告|通告|批复|函|办法|规定))"
    r"[ \t\u3000]*\n"
    rf"[ \t\u3000]*[（(]?(?P<num>{DOC_NUMBER_RE.pattern})[）)]?[ \t\u3000]*$"
)


BARE_HEADING_CUE = "document heading without its issuer, with number: "


def _bracketed(title: str) -> str:
    """``title`` as a document's name is written: in 《》 (a heading read without them gets them)."""
    return title if title.startswith("《") else f"《{title}》"


def _bare_heading_docs(text: str, ref_year: int | None) -> list[PolicyDocument]:
    """Documents printed under a heading that starts with 关于 and names no issuer (see BARE_HEADING_RE): released,
    the issuer left to the page (the lead's untitled release, the signature, the number's code)."""
    docs: list[PolicyDocument] = []
    for m in BARE_HEADING_RE.finditer(text):
        heading = re.sub(r"\s+", "", m.group("title"))
        title = unwrap_notice(heading)  # a covering notice's heading names the document it issues
        title = _bracketed(title)
        number = normalise_doc_number(m.group("num"))
        doc = _released(title, None, doc_type(title), "text", m.span("title"), BARE_HEADING_CUE + heading, number)
        doc.is_release = not is_historical(text, m.start(), ref_year)
        docs.append(doc)
    return docs


def _header_docs(text: str, field_name: str, ref_year: int | None) -> list[PolicyDocument]:
    """An official document printed in the page: "X人民政府关于…的通告" (maybe over several lines) + its number."""
    docs: list[PolicyDocument] = [] if field_name != "text" else _bare_heading_docs(text, ref_year)
    for m in NUMBERED_HEADING_RE.finditer(text):
        heading = re.sub(r"\s+", "", m.group("title"))
        issuer_m = ISSUER_RE.match(heading)
        if issuer_m is None or len(issuer_m.group(0)) < 3:
            continue  # only a government body's own numbered announcement
        docs.append(
            PolicyDocument(
                title=heading,
                title_norm=normalise_title(heading),
                issuer=canonical_issuer(issuer_m.group(0)),
                doc_number=re.sub(r"\s+", "", m.group("num")),
                doc_type=doc_type(heading),
                is_release=not is_historical(text, m.start(), ref_year),
                field=field_name,
                start=m.start("title"),
                end=m.end("num"),
                cue="numbered heading " + heading + m.group("num"),
            )
        )
    for num in DOC_NUMBER_RE.finditer(text):
        head = text[max(0, num.start() - 160) : num.start()]
        if "》" in head[-3:] or "（" in head[-2:] or "(" in head[-2:]:
            continue  # a citation: 《…》（国发〔2021〕23号）
        # The heading is the last run of lines before the number that starts with an issuer and says 关于.
        headings = list(HEADING_RE.finditer(head))
        if not headings:
            continue
        m = headings[-1]
        heading = head[m.start(1) :].strip()
        lines = heading.splitlines()
        about_line = next((i for i, line in enumerate(lines) if "关于" in line), 0)
        if about_line > 0 and not lines[about_line].strip().startswith("关于"):
            # "山西省生态环境厅 / 山西省人民政府办公厅关于…": a heading that names its issuer on its own line does
            # not share it with the line above (the site's body); signers stacked alone above 关于 do sign it
            heading = "\n".join(lines[about_line:]).strip()
        compact = re.sub(r"\s+", "", heading)
        if "《" in compact or "。" in compact or doc_type(compact) is None:
            continue
        issuer, _ = split_issuer_prefix(compact)
        title = unwrap_notice(compact)
        start = max(0, num.start() - 160) + m.start(1)
        docs.append(
            PolicyDocument(
                title=_bracketed(title),
                title_norm=normalise_title(title),
                issuer=issuer,
                doc_number=normalise_doc_number(num.group(0)),
                doc_type=doc_type(title),
                is_release=not is_historical(text, start, ref_year),
                field=field_name,
                start=start,
                end=num.end(),
                cue="document heading with number " + num.group(0),
            )
        )
    return docs


def _addressed_headings(text: str, ref_year: int | None) -> list[PolicyDocument]:
    """Documents printed in the page after its opening, each under its heading and over its addressees."""
    docs: list[PolicyDocument] = []
    for m in ADDRESSED_HEADING_RE.finditer(text):
        # "深圳市发展改革委关于对未按时足额提交配额履约的 / 碳交易管控单位进行处罚有关事宜的公告 / 各管控单位：": a
        # second document the page prints in full, its heading (on one line or two) over its addressees
        if m.start() == 0:
            continue  # the page's own heading: the full-text reading's
        heading = re.sub(r"\s+", "", m.group("heading"))
        issuer, rest = split_issuer_prefix(heading)
        if issuer is None or not rest.startswith("关于") or doc_type(heading) is None:
            continue
        title = unwrap_notice(heading)  # a covering notice's heading names the document it issues
        title = _bracketed(title)
        doc = _released(
            title, issuer, doc_type(heading), "text", m.span("heading"), "document heading over its addressees"
        )
        doc.is_release = not is_historical(text, m.start(), ref_year) and not DRAFT_TITLE_RE.search(heading)
        docs.append(doc)
    return docs


# A heading line (or two) that names its issuer and says 关于, then an addressee line ending with its colon.
ADDRESSED_HEADING_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?!名称|标题|题名)"
    r"(?P<heading>[^\n。，,；：:《》]{4,60}关于[^\n。，,；：:《》]{2,80}(?:\n[^\n。，,；：:《》]{2,60})?)\n"
    r"[ \t\u3000]*各[^\n。：:]{1,120}[：:][ \t\u3000]*$"
)


def _different_issuers(a: str | None, b: str | None) -> bool:
    """Two named issuers that share no body and are not a province and one of its offices."""
    if a is None or b is None or MULTI_RE.fullmatch(a) or MULTI_RE.fullmatch(b):
        return False
    if set(a.split("、")) & set(b.split("、")):
        return False
    if a.endswith(b) or b.endswith(a):
        return False  # 奉贤区人民政府办公室 is 上海市奉贤区人民政府办公室 named without its city
    if _written_within(a, b) or _written_within(b, a):
        return False
    return not (_same_issuer(a, b) or _same_issuer(b, a))


# An autonomous region's or county's peoples and 自治 as a page drops them: 乐东黎族自治县 as 乐东县, 西藏自治区 as 西藏
AUTONOMY_RE = rx.compile(
    rf"{_PEOPLES}{{0,4}}自治(?=[县州旗])"
    r"|(?<=内蒙古)自治区|(?<=西藏)自治区|(?<=广西)壮族自治区|(?<=宁夏)回族自治区|(?<=新疆)维吾尔自治区"
)


def _written_within(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` as a page may write it: 政府 for 人民政府 (连云港市政府办公室), relative to its
    place (省政府办公厅 for 广东省人民政府办公厅, 渝北区政府 for 重庆市渝北区人民政府), without its peoples and
    autonomy (乐东县政府办公室 for 乐东黎族自治县人民政府办公室), or a place for its government (马兰屯镇 for
    马兰屯镇人民政府)."""
    plain_short, plain_full = (AUTONOMY_RE.sub("", n.replace("人民政府", "政府")) for n in (short, full))
    if "、" in short or "、" in full or len(plain_short) < 3:
        return False
    return plain_full.endswith(plain_short) or plain_full == plain_short + "政府"


# A place written before a body's name: a province, a city, or both (上海市, 浙江省杭州市), never a verb's tail
# glued to it (印发 → "发靖江市").
PLACE_QUALIFIER_RE = rx.compile(
    rf"(?:(?:{PROVINCES}){_PROVINCE_SUFFIX})?(?:(?![{_NOT_IN_CITY_NAME}发知布告])[\u4e00-\u9fff]{{2,6}}?(?:市|州|盟))?"
)


def same_document_key(title_norm: str) -> str:
    """The key under which two normalised titles name one document: the same title with or without a structural 的
    (扎实稳住经济(的)一揽子政策措施, 加快建立健全绿色低碳循环发展经济体系(的)实施方案), and with or without the
    quotation marks around a term in it (“十四五”民航绿色发展专项规划)."""
    return QUOTE_MARKS_RE.sub("", title_norm.replace("的", ""))


QUOTE_MARKS_RE = rx.compile(r"[“”‘’\"']")


def _merge(docs: list[PolicyDocument]) -> list[PolicyDocument]:
    """One entry per normalised title: release if any occurrence is one; first issuer/number found wins."""
    merged: dict[str, PolicyDocument] = {}
    for d in docs:
        key = same_document_key(d.title_norm)
        if d.doc_type in DOC_TYPES and d.title_norm == d.doc_type:
            # A bare "通知" is one untitled document per issuer.
            key = f"{d.issuer or ''}:{d.doc_type}"
        elif _untitled_decision(d):
            key = f"{d.issuer or ''}:决定"  # one body's untitled decisions are one, however each sentence words it
        elif d.cue.startswith(SIGNED_ORDER_CUE):
            key = f"{key}:{d.doc_number}"  # the orders signed together are as many documents as their numbers
        old = merged.get(key)
        if old is not None and _untitled_decision(d) and d.title != "决定":
            if old.title == "决定" or (old.field == "title" and d.field == "text" and _untitled_decision(old)):
                # the measure decided, as the text words it, over the headline's shorthand or a bare 决定
                old.title, old.title_norm, old.field = d.title, d.title_norm, d.field
                old.start, old.end = d.start, d.end
        if old is not None and _different_issuers(old.issuer, d.issuer):
            # The same title from another body is another document: the national office's 《关于开展根治欠薪
            # 冬季专项行动的通知》 and each province's notice of that title.
            key = f"{key}@{d.issuer}"
            old = merged.get(key)
        if old is None:
            merged[key] = replace(d)
            continue
        # Prefer the form with 《》 (as the article writes it) over a headline paraphrase.
        derived = old.cue.startswith(FULL_TEXT_CUE) and not d.cue.startswith(FULL_TEXT_CUE)
        if d.title.startswith("《") and (not old.title.startswith("《") or derived):
            old.title, old.title_norm, old.field, old.start, old.end = d.title, d.title_norm, d.field, d.start, d.end
        # A named body beats a bare count ("14部门印发" in the headline, "国家发改委等14部门" in the text).
        if old.issuer is None or (MULTI_RE.fullmatch(old.issuer) and d.issuer and not MULTI_RE.fullmatch(d.issuer)):
            old.issuer = d.issuer
        elif d.issuer and set(old.issuer.split("、")) < set(d.issuer.split("、")):
            old.issuer = d.issuer  # "生态环境部等17部门" in the headline, all seventeen in the text: the full list
        elif d.issuer and d.issuer != old.issuer and d.issuer.endswith(old.issuer):
            if PLACE_QUALIFIER_RE.fullmatch(d.issuer[: -len(old.issuer)]):
                old.issuer = d.issuer  # the name with its city (上海市奉贤区人民政府) over the bare district's
        elif d.issuer and len(d.issuer) > len(old.issuer) and _written_within(old.issuer, d.issuer):
            old.issuer = d.issuer  # the full name (广东省人民政府办公厅) over the page's short one (省政府办公厅)
        elif d.issuer and d.issuer != old.issuer and old.field == "title" and d.field == "text":
            # "浙江省发布《X》" over "浙江省生态环境厅、发改委等9部门联合印发《X》": the body names who signed
            if _same_issuer(old.issuer, d.issuer):
                old.issuer = d.issuer
        old.doc_number = old.doc_number or d.doc_number
        if d.is_release and not old.is_release:
            old.is_release, old.cue = True, d.cue
    return list(merged.values())


UNTITLED_DECISION_CUES = ("untitled decision: ", "policy setting changed: ")


def _untitled_decision(d: PolicyDocument) -> bool:
    """Whether ``d`` is a decision no title names, titled by the measure it decides (see decided_measure)."""
    return d.doc_type == "决定" and d.cue.startswith(UNTITLED_DECISION_CUES)


def _link_untitled(docs: list[PolicyDocument], texts: dict[str, str]) -> list[PolicyDocument]:
    """An untitled release ("印发通知", "批复同意") takes the title of the one document it carries: the one document
    of that kind and issuer the article names elsewhere ("根据国务院关于同意…的批复"), or the one document the same
    sentence goes on to name ("联合发布公告，10月1日起施行统一的《…裁量基准》"). A headline that only says a body
    issued something ("山东最新发文，举报最高奖50万元") takes the one document its lead names ("日前，省生态环境厅
    制定《…实施方案》"). ``texts`` maps a field to its text."""
    out: list[PolicyDocument] = []
    for d in docs:
        named: list[PolicyDocument] = []
        if d.is_release and d.doc_type is not None and (d.title_norm == d.doc_type or _untitled_decision(d)):
            # "两部门印发通知" names no body: any one titled document of that kind is the one meant ("国务院决定，
            # 取消…" the 《国务院关于取消…的决定》 the article names).
            vague = d.issuer is None or MULTI_RE.fullmatch(d.issuer) is not None
            named = [
                o
                for o in docs
                if o is not d
                # (a kind names its compounds: "印发方案" the 《…实施方案》, "印发意见" the 《…指导意见》)
                and (o.doc_type or "").endswith(d.doc_type)
                and o.title_norm != o.doc_type
                and not _untitled_decision(o)
                # ... or a heading printed without its issuer ("联合印发通知" over "关于…的通知 / 工信厅联节函…号")
                and (o.issuer == d.issuer or vague or (o.issuer is None and o.cue.startswith(BARE_HEADING_CUE)))
            ]
            if len(named) != 1:
                named = _carried_in_sentence(d, docs, texts.get(d.field, ""))
            if not named and _untitled_decision(d) and _carried_in_sentence(d, docs, texts.get(d.field, ""), True):
                continue  # "宣布推出《X》，即日起受理申请": the decision is the titled release its sentence names
            if not named and _covering_notice_of_release(d, docs, texts.get(d.field, "")):
                continue
        elif d.is_release and d.field == "title" and d.doc_type is None and d.title == UNTITLED:
            named = _named_in_lead(docs, texts.get("text", ""), texts.get("title", ""))
            if not named and d.issuer and not MULTI_RE.fullmatch(d.issuer):
                # "最高法首次发文…" over "《最高人民法院关于…的意见》正式发布": the one titled document of that body
                mine = {
                    o.title_norm: o for o in docs if o is not d and o.issuer == d.issuer and o.title.startswith("《")
                }
                named = list(mine.values())
        if len(named) == 1:
            # a document the headline reports stays news wherever the text names it (see _chronology_is_history)
            lead = HEADLINE_LINK if d.field == "title" else ""
            named[0].is_release, named[0].cue = True, f"{lead}{d.cue} → {named[0].title}"
            named[0].issuer = named[0].issuer or d.issuer
            continue
        out.append(d)
    return out


UNTITLED = "文件"  # the title of a release whose document the article does not name ("山东最新发文")
GAZETTED_TITLE = "刊宪"  # ... of Hong Kong's orders gazetted, where the news names none of them
DISPATCH_TITLE = "行政长官批示"  # ... of a Macau Chief Executive's dispatch the news does not number
# Titles that name only the kind of act, no document's own name (besides a bare kind, 通知 or 措施, which DOC_TYPES
# holds). Many acts of one body share them, so the registry keeps each under its article's headline.
PLACEHOLDER_TITLES = frozenset({UNTITLED, GAZETTED_TITLE, DISPATCH_TITLE})
# A Taiwan order's form and what it did ("令修正发布第1、3条条文", "令会衔订定发布全文九条"): how a rule's history names
# each entry, and so a title that names no rule of its own.
_ROC_ORDER_FORM = r"令|函|公告"
_ROC_ORDER_ACT = r"(?:会衔)?(?:订定|修正|增订|制定|公布|发布|废止|删除)"
ORDER_ACT_TITLE_RE = rx.compile(rf"^(?:{_ROC_ORDER_FORM}){_ROC_ORDER_ACT}")


def names_only_its_kind(title_norm: str, kind: str | None) -> bool:
    """The title names no document of its own, only its kind or form: a bare kind (通知, 意见, 措施), a placeholder
    (``PLACEHOLDER_TITLES``) or an order's form and act (``ORDER_ACT_TITLE_RE``). Many acts of one body share such a
    title, so a registry must tell them apart by something else (the article's headline)."""
    return (
        title_norm == kind
        or title_norm in PLACEHOLDER_TITLES
        or title_norm in DOC_TYPES
        or bool(ORDER_ACT_TITLE_RE.match(title_norm))
    )


HEADLINE_LINK = "headline: "


def _named_in_lead(docs: list[PolicyDocument], text: str, title: str) -> list[PolicyDocument]:
    """The one document in 《》 of a known kind that the lead paragraph names, not cited or planned there."""
    lead_end = _lead_paragraph_end(text, title)
    found = {
        o.title_norm: o
        for o in docs
        if o.field == "text"
        and not o.is_release
        and o.title.startswith("《")
        and o.doc_type is not None
        and o.start < lead_end
        and not CITE_RE.search(_clause_before(text, o.start))
        and not _future(_clause_before(text, o.start))
    }
    return list(found.values())


# "中共中央、国务院印发了《X》，并发出通知，要求各地区各部门…": the notice sent with a document is its covering notice,
# the same release (Xinhua's standard report of one)
COVERING_NOTICE_AFTER_RE = rx.compile(
    r"《(?P<title>[^《》\n]{2,120})》(?:[（(][^（）()]{0,24}[）)])?[^。！？；\n《》]{0,12}?[，,]?\s*(?:并|同时)(?:发出|下发|印发)了?\s*$"
)


def _covering_notice_of_release(d: PolicyDocument, docs: list[PolicyDocument], text: str) -> bool:
    """``d`` is an untitled notice sent with a document its sentence names just before it (see
    :data:`COVERING_NOTICE_AFTER_RE`) which is released, in whichever field a rule read it."""
    if d.title_norm != "通知":
        return False
    m = COVERING_NOTICE_AFTER_RE.search(text, max(0, d.start - 200), d.start)
    sent = normalise_title(m.group("title")) if m else None
    return any(o is not d and o.is_release and o.title_norm == sent for o in docs)


def _carried_in_sentence(
    d: PolicyDocument, docs: list[PolicyDocument], text: str, released: bool = False
) -> list[PolicyDocument]:
    """The documents in 《》 (or in double quotes, a scheme's name) named after the untitled release ``d`` in its own
    sentence, not cited or planned there: those no rule released, or with ``released`` those a rule did."""
    return [
        o
        for o in docs
        if o is not d
        and o.field == d.field
        and o.is_release is released
        and o.title.startswith(("《", "“") if released else "《")
        and o.start >= d.end
        and not SENTENCE_END_RE.search(text[d.end : o.start])
        and not CITE_RE.search(text[d.end : o.start])
        and not _future(text[d.end : o.start])
    ]


# -- the article IS the document -------------------------------------------------------------------------------
# Conventions of an official document's printed form (GB/T 9704) that a republished full text keeps.
ADDRESSEE_RE = rx.compile(
    # a joint notice names every kind of office it goes to, in one long line (各省、自治区、直辖市…财政厅(局)…：)
    r"(?m)^\s*(?:各[^\n：:。]{1,200}|[^\n：:。]{2,80}(?:人民政府|各部委|直属机构|有关单位|有关部门|分行|营业管理部|监管局|各单位)"
    # ... or, in a public notice (通告), the public it goes to: "广大市民朋友："
    r"|广大(?:市民|居民|村民|群众|人民群众|车主|驾驶员)(?:朋友们?)?)"
    r"[：:]\s*$"
)
# ... or decimal outline numbers, as emergency plans print them (1 总则 / 1.1 编制目的 / 1.2 工作原则).
# ... or articles numbered in digits, spaced, as Taiwan's law database prints them (第 1 条 / 第 2 条)
SECTION_ONE_RE = rx.compile(r"(?m)^\s*(?:一、|（一）|第一条|第一章|1\.1\s*[\u4e00-\u9fff]|第\s*1\s*条\s*$)")
SECTION_TWO_RE = rx.compile(r"(?m)^\s*(?:二、|（二）|第二条|第二章|1\.2\s*[\u4e00-\u9fff]|第\s*2\s*条\s*$)")
# An order's heading line over its promulgating formula: "中华人民共和国国务院令 / 第660号 / 《X》已经…通过，现予公布".
ORDER_PROMULGATES_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?P<issuer>[^\n。，]{2,30})令[ \t\u3000]*\n(?:[^\n]{0,20}\n)?[^\n]{0,120}现予(?:以)?公布"
)
PROMULGATE_RE = rx.compile(
    r"现予(?:以)?(?:印发|发布|公布|公告)|印发给你们|特此(?:通知|公告|通告|批复)|现提出(?:如下|以下)(?:实施)?意见"
    r"|现就.{0,40}(?:通知|意见|公告|通告)如下|现将.{0,20}(?:通知|通报|公告|通告)如下|自.{2,16}起施行"
    r"|(?:现|特)(?:通知|公告|通告|批复)如下"  # "现通告如下", "特通告如下", "现批复如下"
    r"|将有关[^，。]{0,12}?(?:通知|通报|公告|通告)如下"  # "上海教育委员会将有关事项通知如下"
    r"|请认真(?:贯彻执行|遵照执行|组织实施|贯彻落实)"
    # a document's own text names itself: "根据…，制定本办法" (its first article), "编制本规划"
    # (... or its kind with 工作 or 管理 before it: "制定本工作方案", "制定本管理办法"; 本地区工作方案 is the plan a
    # notice asks each addressee to draw up)
    r"|(?:制定|编制|制订|特制定)本(?:工作|管理)?(?:规划|方案|办法|条例|规定|意见|细则|计划|纲要|指南|措施|实施方案"
    r"|行动方案)"
)
DATE_LINE_RE = rx.compile(r"(?m)^\s*[（(]?((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[）)]?\s*$")
FULLTEXT_RE = rx.compile(r"全文如下|以下为全文|全文发布|全文公布|[（(]全文[）)]")
# A plan's cover: its title, then the month it was issued, often in Chinese numerals (二〇二一年十二月).
COVER_DATE_RE = rx.compile(
    r"^\s*(?:[〇○零一二三四五六七八九]{4}|(?:19|20)\d{2})\s*年\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*月\s*$"
)
ORDER_HEAD_RE = rx.compile(rf"^\s*((?:{_ONE_ISSUER}\s*\n\s*)+)令\s*\n\s*(第\s*\d+\s*号)")
# An order's number on one line names who issues it: "邯郸市人民政府令第121号", "中华人民共和国商务部令 2021年第1号".
_ORDER_NUMBER = r"(?:(?:19|20)\d{2}年)?第\s*[0-9一二三四五六七八九十百零〇]+\s*号"  # 第121号, 2024年第11号
ORDER_NUMBER_LINE_RE = rx.compile(
    rf"(?m)^[ \t\u3000]*(?P<issuer>{_ONE_ISSUER})\s*令\s*"
    # the number ends its line, or the order's text follows after a space ("…令2024年第11号　《…》已于…通过"); a
    # number in brackets on the line below ("深圳市人民政府令 / （第362号）")
    rf"[（(]?(?P<num>{_ORDER_NUMBER})[）)]?"
    r"(?:[ \t\u3000]*$|[ \t\u3000]+(?=\S))"
)
# ... or in brackets after the title it promulgates, on the heading's own line: "中华人民共和国引航员管理办法（中华人民
# 共和国交通运输部令2024年第13号）" (not a number cited in running text: "根据《条例》（国务院令第643号）").
ORDER_NUMBER_BRACKET_RE = rx.compile(
    r"(?m)^[ \t\u3000]*[^\n（()《》，。；：:]{4,60}"
    rf"(?P<bracket>[（(]\s*(?P<issuer>{_ONE_ISSUER})\s*令\s*(?P<num>{_ORDER_NUMBER})\s*[）)])[ \t\u3000]*$"
)
ANNOUNCEMENT_NUMBER_LINE_RE = rx.compile(
    rf"(?m)^[ \t\u3000]*(?P<issuer>{_ONE_ISSUER}(?:[、 \t\u3000]+{_ONE_ISSUER})*)[ \t\u3000]*(?:联合)?公告[ \t\u3000]*"
    r"(?P<num>(?:19|20)\d{2}[ \t\u3000]*年[ \t\u3000]*第[ \t\u3000]*\d{1,4}[ \t\u3000]*号)[ \t\u3000]*$"
)
FULL_TEXT_CUE = "the article is the document"
EARLIER_YEAR_CUE = "earlier year: "
EARLIER_IN_YEAR_CUE = "earlier in the year: "
RECALLED_CUES = (EARLIER_YEAR_CUE, EARLIER_IN_YEAR_CUE)
ATTACHED_CUE = "attached to a released document: "
ATTACHED_BEFORE_RE = rx.compile(r"》\s*所附的?\s*$")
COVERING_CUE = "covering notice: "
FORWARDED_CUE = "forwarded by a covering notice: "
LEAD_CUE = "document named in the lead: "
# A news agency's dateline before a reprinted text: 新华社北京10月24日电, 人民网北京2月22日电（记者 …）.
DATELINE_RE = rx.compile(r"^[^\n。]{0,16}?\d{1,2}月\d{1,2}日电\s*(?:[（(][^）)\n]{0,30}[）)])?\s*")
# A Hong Kong wire's or paper's dateline in title brackets: 《经济通通讯社17日专讯》, 《明报专讯》.
WIRE_TAG_RE = rx.compile(r"^\s*《[^《》\n]{1,16}?(?:专讯|讯)》")


# A page's "posted on" stamp ("…方案发布于：财经2021-03-07", "发布于 2021-03-07"): when the page went up, no release.
POSTED_ON_RE = rx.compile(r"发布于(?=\s*[：:]|\s*(?:19|20)\d{2}[-/年.])")


# A title a page's layout broke over lines ("國務院關于《浙江省國土空間規劃 / (2021—2035年)》的批復", "印发《加快构建 /
# 碳排放双控制度体系工作 / 方案》"): a line ends inside 《 and the next or the one after closes it.
# What a broken title's newlines become: a blank to every pattern (``\s``), no newline, and gone from the title shown
# (a plain space would stay in it, indistinguishable from the space an official title sets between joint issuers or
# clauses: 《中共中央 国务院关于…的意见》).
LINE_JOIN = "\u200a"
BROKEN_TITLE_RE = rx.compile(r"(?<=《)[^《》\n]{2,60}\n[^《》\n]{1,40}(?:\n(?=[^《》\n]{1,40}》)|(?=》))")


def _without_page_stamps(text: str) -> str:
    """``text`` with a leading wire tag (:data:`WIRE_TAG_RE`) and any posted-on stamp (:data:`POSTED_ON_RE`)
    blanked out, and a title broken over two or three lines (:data:`BROKEN_TITLE_RE`) on one, so every offset still
    points into it."""
    tag = WIRE_TAG_RE.match(text)
    text = " " * tag.end() + text[tag.end() :] if tag else text
    text = BROKEN_TITLE_RE.sub(lambda m: m.group(0).replace("\n", LINE_JOIN), text)
    return POSTED_ON_RE.sub("   ", text)


# A document number printed beside its title: 京政办发〔2016〕26号.
_PRINTED_NUMBER = rf"[\u4e00-\u9fff]{{1,12}}{_YEAR_OPEN}\s*(?:19|20)\d{{2}}\s*{_YEAR_CLOSE}\s*\d{{1,5}}\s*号"
LEADING_NUMBER_RE = rx.compile(rf"^{_PRINTED_NUMBER}\s*")
# ... after the title, spaced or in brackets: "…的通知 (国疾控卫免发〔2024〕17号)"
BRACKETED_NUMBER_RE = rx.compile(rf"\s*[（(]\s*{_PRINTED_NUMBER}\s*[)）]$")
TRAILING_NUMBER_RE = rx.compile(rf"\s+{_PRINTED_NUMBER}$|{BRACKETED_NUMBER_RE.pattern}")
WHOLE_BRACKET_RE = rx.compile(r"《([^《》]+)》")
# "…的通知(内含堂戏戏魁毛公碑)", "(附解读)", "…条例最新全文", "…条例全文(养犬证在哪办)", "…条例最新版本": a site's
# note on what the page holds follows the title
HEADLINE_TAIL_RE = rx.compile(
    r"[（(]全文[）)]$|(?:最新)?全文(?:[（(][^（）()]{1,30}[）)])?$|[（(](?:附|内含|内附|含)[^（）()]{1,30}[）)]$"
    r"|最新版本?$"
    r"|[（(][一二三四五六七八九十上中下]{1,2}[）)]$"
)
# ... or comes before it, in the headline or on a line over it: "条例全文 / 天津市碳达峰碳中和促进条例"
HEADLINE_FULL_TEXT_HEAD_RE = rx.compile(r"^(?:条例|法规|法律|规章|办法)?全文[：:\s]*")


def _heading_line_over_document(text: str, start: int, end: int) -> bool:
    """The title at ``start:end`` fills its line, and the text under it shows a document's printed form (an outline,
    numbered sections or a promulgating formula; a date line alone is any article's)."""
    if text[start - 1 : start] not in ("\n", "") or text[end : end + 1] not in ("\n", ""):
        return False
    under = _structure_signals(text[end : end + 2500])
    return any(s in under for s in ("nested outline numbering", "numbered sections", "promulgation formula"))


def _structure_signals(text: str) -> list[str]:
    """Which conventions of an official document's printed form the text shows."""
    head = text[:400]
    signals = []
    if DOC_NUMBER_RE.search(head) or ORDER_HEAD_RE.match(text):
        signals.append("document number in the opening lines")
    if ADDRESSEE_RE.search(text[:1200]):
        signals.append("addressee line")
    if SECTION_ONE_RE.search(text) and SECTION_TWO_RE.search(text):
        signals.append("numbered sections")
    if PROMULGATE_RE.search(text):
        signals.append("promulgation formula")
    if DATE_LINE_RE.search(text):
        signals.append("date line")
    if FULLTEXT_RE.search(text[:600]):
        signals.append("full text follows")
    if OUTLINE_RE.search(text[:1500]):
        signals.append("nested outline numbering")
    if ADOPTION_NOTE_RE.search(text[:400]) or DASH_ADOPTION_RE.search(head.replace("\n", "")):
        signals.append("adoption note")
    if any(COVER_DATE_RE.match(line) for line in [ln for ln in text.strip().splitlines() if ln.strip()][:3]):
        signals.append("dated cover")
    return signals


# An official document's outline nests its numbering: a first-level heading (一、 or 第一章) and under it the next
# level (第一节, （一）, 1.): news writes 一是…二是…, not an outline.
OUTLINE_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?:一、|第一章)[^\n]{2,60}\n(?:[^\n]*\n){0,2}?"
    r"[ \t\u3000]*(?:第一节|[（(]一[）)]|1[.．、]\s*[\u4e00-\u9fff])"
)
# A plan approved by a congress, its note under the title: "——2021年12月11日日喀则市第二届人民代表大会第二次会议通过".
_ADOPTION_DATE = r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)?"
_ADOPTED_AT_MEETING = r"第[一二三四五六七八九十百\d]+次(?:全体)?会议(?:审议)?(?:通过|批准)"
DASH_ADOPTION_RE = rx.compile(rf"——\s*{_ADOPTION_DATE}[^—（）()]{{2,40}}?{_ADOPTED_AT_MEETING}")
_DOC_KINDS_FOR_NOTE = r"条例|法|规定|办法|规则|决定|细则"
# A regulation printed with its adoption note: "（2025年7月30日陕西省第十四届人民代表大会常务委员会第十七次会议通过）".
ADOPTION_NOTE_RE = rx.compile(
    # (the note may run over two printed lines: "（2022年7月29日安徽省第十三届人民代表大会 / 常务委员会第三十五次
    # 会议通过）")
    # (... or after the heading on its line: "福建省气候资源保护和利用条例 (2023年3月31日福建省…会议通过)")
    rf"(?m)^[ \t\u3000]*(?:[^\n（()。，；]{{4,60}}?(?:{_DOC_KINDS_FOR_NOTE})[ \t\u3000]*)?"
    rf"[（(]\s*{_ADOPTION_DATE}\s*(?P<body>[^（）()\n]{{4,40}}?(?:\n[^（）()\n]{{1,20}}?)?)"
    rf"{_ADOPTED_AT_MEETING}"
)
NUMBER_ONLY_LINE_RE = rx.compile(r"[^\n，。]{0,8}?(?:(?:19|20)\d{2}年)?第\s*[0-9一二三四五六七八九十百零〇]+\s*号")


LETTERHEAD_RE = rx.compile(r"[\u4e00-\u9fff]{0,24}文件")
# The note under a heading that says who promulgated it, maybe after the meeting that adopted it:
# "（2022年6月22日中共中央办公厅发布）", "（…常务会议审议通过2011年3月26日甘肃省人民政府令第79号公布…）".
# (... by joint bodies, "生态环境部、工业和信息化部…令第28号公布"; or by the number alone, an announcement's with no
# verb: "（2017年5月26日 中国证券监督管理委员会公告〔2017〕9号）")
PROMULGATION_NOTE_RE = rx.compile(
    r"(?m)^[ \t\u3000]*[（(][^（）()\n]{0,80}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*"
    r"(?P<body>[\u4e00-\u9fff]{2,30}?(?:、[\u4e00-\u9fff]{2,30}?)*)\s*"
    r"(?:(?P<order>令\s*第?\s*[0-9一二三四五六七八九十百零〇]+\s*号|公告\s*[〔\[]\s*(?:19|20)\d{2}\s*[〕\]]\s*\d{1,4}\s*号)"
    r"\s*(?:发布|公布|印发|(?=[）)，,；;]))|发布|公布|印发)"
)

REVISING_ORDER_RE = rx.compile(
    r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*([\u4e00-\u9fff]{2,30}?)令第[0-9一二三四五六七八九十百零〇]+号(?:第[一二三四五六七八九十\d]+次)?(?:修订|修正|修改)"
)


# ... or a body's name over the kind of what it sends, on a line of its own ("湖州市教育局通知" over "关于开展…的通知")
KIND_LETTERHEAD_RE = rx.compile(r"(?P<body>[\u4e00-\u9fff]{2,24}?)(?:通知|通告|公告)")


def _letterhead_issuer(text: str) -> str | None:
    """The body a red letterhead names on the first lines ("武汉市人民政府文件" over the number and heading, "湖州市
    教育局通知" over it), or None where the line is no letterhead of a body the issuer patterns know."""
    for line in text.strip().splitlines()[:4]:
        line = line.strip()
        if LETTERHEAD_RE.fullmatch(line) and (body := canonical_issuer(line[: -len("文件")])):
            return body
        kind = KIND_LETTERHEAD_RE.fullmatch(line)
        if kind and ISSUER_RE.fullmatch(kind.group("body")) and (body := canonical_issuer(kind.group("body"))):
            return body
    return None


def _issuer_line_over_heading(text: str) -> str | None:
    """The body named alone on the line right over the document's 关于 heading in the first lines ("焦作市城乡一体化
    示范区管委会 / 关于印发《…》的通知 / 各乡（镇）人民政府…："), as a government site prints a document under the
    metadata lines; None where no such line is."""
    lines = [line.strip() for line in text[:1500].splitlines() if line.strip()]
    for above, heading in itertools.pairwise(lines):
        if heading.startswith("关于") and ISSUER_RE.fullmatch(above.replace(" ", "")):
            return canonical_issuer(above)
    return None


# A heading line that says the full text follows ("化妆品注册备案管理办法全文——", "…全文如下："): the title is before it
FULL_TEXT_LINE_TAIL_RE = rx.compile(r"(?<=[\u4e00-\u9fff》）)])\s*全文(?:如下)?\s*[—－-]*\s*[:：]?$")


def prints_document(doc: PolicyDocument, text: str, *, announced: bool = False) -> bool:
    """The page prints ``doc`` itself: its title is a heading line of the text's first 1,500 characters (a headline
    "《国家标准管理办法》正式公布" over the text of 国家标准管理办法), maybe saying its full text follows
    ("化妆品注册备案管理办法全文——"); with ``announced``, only a line that says so."""
    want = doc.title_norm
    lines = [line.strip() for line in text[:1500].splitlines() if 2 <= len(line.strip()) <= 80]
    if announced:
        lines = [line for line in lines if FULL_TEXT_LINE_TAIL_RE.search(line)]
    return bool(want) and any(normalise_title(FULL_TEXT_LINE_TAIL_RE.sub("", line)) == want for line in lines)


def printed_issuer(text: str, *, own_body: bool = False) -> str | None:
    """Who issued the document a page prints, as the page prints it: the metadata lines (发文机关), with ``own_body``
    the body the text calls 本部 (本会, 本署 …), the note under the heading (…令第N号公布), the signature over the
    closing date. None where it prints none of them."""
    return (
        _metadata_issuer(text)
        or (_self_named_body(text) if own_body else None)
        or _promulgation_note_issuer(text)
        or _closing_issuer(text)
    )


def _promulgation_note(text: str) -> tuple[re.Match[str] | None, list[str]]:
    """The note under the heading that says who promulgated the document (see :data:`PROMULGATION_NOTE_RE`), or None,
    and the bodies whose later orders it says revised the text, in order (…国家质检总局令第116号公布 根据2023年…国家
    市场监督管理总局令第61号修订: 国家市场监督管理总局)."""
    note = PROMULGATION_NOTE_RE.search(text[:600])
    if note is None:
        return None, []
    close = text.find("）", note.end(), 600)
    return note, REVISING_ORDER_RE.findall(text, note.start(), close if close >= 0 else note.end())


def _promulgation_note_number(text: str) -> str | None:
    """The number of the order or announcement the note under the heading says promulgated the document, as printed
    ("…甘肃省人民政府令第79号公布…": 甘肃省人民政府令第79号), or None: no note, a note with no number, or a text revised
    by a later order (which number it carries, the note does not say)."""
    note, revisions = _promulgation_note(text)
    if note is None or not note.group("order") or revisions:
        return None
    return re.sub(r"\s+", "", note.group("body") + note.group("order"))


def _promulgation_note_issuer(text: str) -> str | None:
    """Who the note under the heading says promulgated the document (see :data:`PROMULGATION_NOTE_RE`), or None."""
    note, revisions = _promulgation_note(text)
    if note is None:
        return None
    # a revised text names the body whose later order amended it after the first one: the text printed is the reviser's
    return canonical_issuer(revisions[-1] if revisions else note.group("body"))


CLOCK_RE = rx.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def _heading_block(text: str) -> str:
    """The document heading printed at the top of the text (maybe over several lines, after a news dateline)."""
    if ORDER_HEAD_RE.match(text):
        return ""  # an order's heading names who promulgates, the document follows in the text
    lines: list[str] = []
    for line in DATELINE_RE.sub("", text.strip(), count=1).splitlines()[:5]:
        line = line.strip()
        if META_LINE_RE.fullmatch(line) and (not lines or CLOCK_RE.search(line)):
            # the page's own dateline above the heading; under a line or two, a stamp with its time of day
            # ("海关总署网站2023-08-24 13:35", "社会热点2022-10-12 06:32:26未知") closes the page's headline, which
            # the heading below repeats in its own words (a document dates itself by day, never by the minute)
            lines = []
            continue
        if not lines and LETTERHEAD_RE.fullmatch(line):
            continue  # the red letterhead (兴安盟行政公署文件) above the heading names the issuer, not the title
        if not lines and NUMBER_LINE_RE.fullmatch(line):
            continue  # a judicial interpretation prints its number first (法释〔2023〕6号 / 最高人民法院 / 关于…)
        if lines and line.startswith(("（", "(")):
            break  # the adoption note under the heading: "（2023年4月17日…会议通过，自…起施行）"
        if not line or DOC_NUMBER_RE.search(line) or DATE_LINE_RE.match(line) or ADDRESSEE_RE.match(line):
            break
        if NUMBER_ONLY_LINE_RE.fullmatch(line):
            break  # "公告2024年第2号" under the heading
        if line.endswith(("：", ":")):
            break  # a short addressee line ("致广大游客：") or running text that opens a list ("…通告如下：")
        if SENTENCE_END_RE.search(line):
            # running text: it ends a heading printed over several lines above it (易县…指挥部 / 关于…的 / 通告),
            # and there is no heading when it comes first
            break
        lines.append(line)
        if len("".join(lines)) > 120:
            return ""  # running text, not a heading
    inline = next((i for i, line in enumerate(lines) if i > 0 and ISSUER_PREFIX_RE.match(line)), None)
    if inline is not None:
        # "山西省人民政府办公厅关于印发…的通知" under a line naming the site's body (山西省生态环境厅): the heading
        # names its own issuer, the line above is not a co-signer
        return "".join(lines[inline:])
    about = next((i for i, line in enumerate(lines) if i > 0 and line.startswith("关于")), None)
    if about is not None and BODY_LINE_RE.fullmatch("".join(lines[:about])):
        # the issuer's own line above the 关于… title (GB/T 9704), a body the issuer patterns may not know
        # (莆田市公安局交通管理支队涵江大队): who issued it, not part of its title (see _heading_issuers)
        return "".join(lines[about:])
    return "".join(lines)


# A line that names a body: it ends in the word for an office, a bureau or a unit and says nothing else (a
# ministry's department, 国家发展改革委环资司, not a company, …有限公司; a party group, 中共…厅党组).
BODY_LINE_RE = rx.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?"
    r"(?:人民政府|政府|办公厅|办公室|委员会|委|厅|局|署|院|会|中心|总队|支队|大队|分局|所|处|办|(?<!公)司|党组)"
)


def _body_named(line: str) -> str | None:
    """The body ``line`` names and nothing else (:data:`BODY_LINE_RE`): its canonical name, or the name as printed
    where the issuer patterns do not know it (莆田市公安局交通管理支队涵江大队); None for any other line."""
    return (canonical_issuer(line) or line) if BODY_LINE_RE.fullmatch(line) else None


def _heading_issuer(text: str, within: int = 0) -> tuple[str | None, str | None]:
    """Issuers and number printed at the top of an order (国家发展和改革委员会 / 商务部 / 令 / 第47号), or on its first
    line (湖北省人民政府令第430号); with ``within``, an order line anywhere in that many first characters. Failing
    those, the issuer of an order heading over its promulgating formula in the first 600 characters (中华人民共和国
    国务院令 / 《X》已经…通过，现予公布), with no number."""
    m = ORDER_HEAD_RE.match(text)
    if m:
        return canonical_issuer(m.group(1)), re.sub(r"\s+", "", m.group(2))
    line = ORDER_NUMBER_LINE_RE.search(text[:within]) if within else ORDER_NUMBER_LINE_RE.match(text.strip())
    # ... or an announcement's number line under its heading ("国家环境保护总局公告 2007年 第45号"), or an order's
    # number in brackets after its title
    line = line or (ANNOUNCEMENT_NUMBER_LINE_RE.search(text[:within]) if within else None)
    bracketed = ORDER_NUMBER_BRACKET_RE.search(text[:within]) if within and not line else None
    if bracketed:
        number = bracketed.group("bracket")[1:-1]  # the number as printed, without its brackets
        return canonical_issuer(bracketed.group("issuer")), re.sub(r"\s+", "", number)
    if line:
        return canonical_issuer(line.group("issuer")), re.sub(r"\s+", "", line.group(0))
    order = ORDER_PROMULGATES_RE.search(text[:600])  # "中华人民共和国国务院令 / 《X》已经…通过，现予公布"
    return (canonical_issuer(order.group("issuer")), None) if order else (None, None)


def _issuer_lines_above(lines: list[str], i: int) -> str | None:
    """The issuers printed one a line right above line ``i`` (a joint document lists each signer on its own line),
    joined in their printed order."""
    names: list[str] = []
    j = i - 1
    unknown = j >= 0 and BODY_LINE_RE.fullmatch(lines[j]) and not _signer_line(lines[j])
    if unknown and j >= 1 and not ISSUER_RE.match(lines[j]) and SIGNER_HEAD_LINE_RE.fullmatch(lines[j - 1]):
        # one signer's long name the page broke over two lines ("彭水自治县新冠肺炎疫情防控 / 工作领导小组办公室"):
        # its place opens the first line, its office ends the second
        joined = lines[j - 1] + lines[j]
        whole = ISSUER_RE.fullmatch(joined)
        if BODY_LINE_RE.fullmatch(joined) and (whole or ISSUER_RE.match(joined)):
            return canonical_issuer(joined) if whole else joined
    if unknown and j >= 1 and _signer_line(lines[j - 1]):
        # the last signer, a body the patterns do not know (中国科学院成都分院), under known ones
        names.append(lines[j])
        j -= 1
    elif unknown and (ISSUER_RE.match(lines[j]) or canonical_issuer(lines[j])):
        # a known body's unit signs alone (广元市公安局交通警察支队), or its party group (中共安徽省交通运输厅党组)
        return canonical_issuer(lines[j])
    while j >= 0 and 0 < len(lines[j]) <= 40 and (signers := _signer_line(SIGNATORY_RE.sub("", lines[j]))):
        names[:0] = signers
        j -= 1
    return canonical_issuer("、".join(names)) if names else None


# The first line of a signer's name broken over two: a few characters of a name, no sentence.
SIGNER_HEAD_LINE_RE = rx.compile(r"[\u4e00-\u9fff（）()]{4,30}")
# A seal's note after the signer ("领导小组办公室（代章）"); the marks a page left for its blanks are stripped too
# ("? ? 长治市数据局").
SEAL_NOTE_RE = rx.compile(r"[（(](?:代章|印章|盖章|章)[）)]$")


# A joint order signed by the heads of its bodies, one a line: "国家发展改革委主任：张平", "科技部部长 万钢".
SIGNATORY_RE = rx.compile(
    r"(?:主任|部长|局长|署长|行长|主席|总理|省长|市长|县长|区长|委员长)[：:\s\u3000]*[\u4e00-\u9fff·]{2,5}$"
)
# A closing date in Chinese numerals, as orders print it: "二〇一一年八月三日".
HAN_DATE_LINE_RE = rx.compile(
    r"^[（(]?[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[）)]?$"
)
SIGNER_COMPANY_RE = rx.compile(r"[\u4e00-\u9fff]{2,20}?(?:集团有限公司|有限责任公司|股份有限公司|有限公司|集团)")


def _signer_line(line: str) -> list[str]:
    """The bodies a signature line names, one or two a line ("生态环境部中央文明办"); a company co-signing with them
    (中国国家铁路集团有限公司) is skipped; [] when the line is anything else."""
    tokens = line.split()
    if len(tokens) > 1 and all(canonical_issuer(t) or t in CENTRAL_SHORT_FORMS for t in tokens):
        # bodies spaced apart, each a name the table knows by its short form ("生态环境部 最高法院")
        return tokens
    rest = line.replace(" ", "").replace("\u3000", "")
    names: list[str] = []
    while rest:
        m = ISSUER_RE.match(rest)
        if m:
            names.append(m.group(0))
            rest = rest[m.end() :]
            continue
        company = SIGNER_COMPANY_RE.match(rest)
        if company and names:
            rest = rest[company.end() :]
            continue
        return []
    return names


INLINE_SIGNATURE_RE = rx.compile(
    # (joint signers a space apart: "特此通告。 / 定远县公安局 定远县交通运输局 2020年3月1日")
    r"(?:^|[ \t\u3000\n。；）)])"
    r"(?P<signer>[^ \t\u3000\n。，；：:]{4,40}(?:[ \t\u3000][^ \t\u3000\n。，；：:\d]{4,40})*)"
    r"[ \t\u3000]+(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"
)
# A table's closing bar, or the blanks a page leaves after its last line ("… 2020年3月1日 |").
TRAILING_BAR_RE = rx.compile(r"[\s|｜]+$")


def _closing_issuer(text: str) -> str | None:
    """The issuer lines printed above the closing date of a document: at its end, or at the end of the covering
    notice when the document it issues follows (关于印发…的通知 / signers / date / the plan's own text)."""
    all_lines = [SEAL_NOTE_RE.sub("", ln.strip(" \t\u3000?？")) for ln in text.strip().splitlines()]
    tail = range(max(0, len(all_lines) - 8), len(all_lines))
    for i in [*tail, *range(min(40, len(all_lines)))]:  # the signers above a date line may run past either window
        if i > 0 and (DATE_LINE_RE.match(all_lines[i]) or HAN_DATE_LINE_RE.match(all_lines[i])):
            issuer = _issuer_lines_above(all_lines, i)
            if issuer:
                return issuer
            if i > 1 and PROMULGATE_RE.search(all_lines[i - 2]) and (body := _body_named(all_lines[i - 1])):
                # "…现印发给你们，请认真贯彻执行。 / 金华经济技术开发区管理委员会党政综合办公室 / 2024年2月29日":
                # the one line between the covering formula and its date signs it, a body the patterns do not know
                return body
    last = [ln for ln in all_lines if ln][-2:]
    if len(last) == 2 and (DATE_LINE_RE.match(last[0]) or HAN_DATE_LINE_RE.match(last[0])):
        # ... or with its date over its signer ("2024年5月15日 / 榕江县林长制办公室")
        if signed := _signer_line(last[1]):
            return canonical_issuer("、".join(signed))
        if ISSUER_RE.match(last[1]) and (body := _body_named(last[1])):
            return body
    # A page that ran the lines together still ends with its signer and date ("…附件：某名单 乐清市经济和信息化局
    # 2023年5月13日").
    inline = INLINE_SIGNATURE_RE.search(TRAILING_BAR_RE.sub("", text)[-80:])
    signers: list[str] = []
    for word in reversed(inline.group("signer").split() if inline else []):
        # the signers are the words before the date that each name bodies (not the words of a sentence before them)
        if not (named := _signer_line(word)):
            break
        signers[:0] = named
    if signers:
        return canonical_issuer("、".join(signers))
    # A covering notice signs right under its formula ("…现印发给你们，请认真贯彻执行。" / 张家港市人民政府), even
    # where the stored page lost the date line's characters.
    head = all_lines[:40]
    for i, line in enumerate(head[:-1]):
        if PROMULGATE_RE.search(line):
            j = i + 1
            while j < len(head) and 0 < len(head[j]) <= 40 and _signer_line(head[j]):
                j += 1
            if j > i + 1:
                return _issuer_lines_above(head, j)
    return None


def _heading_issuers(text: str) -> str | None:
    """Issuers printed one a line above a document's 关于… heading at the top of the text; a single line naming a
    body the issuer patterns do not know (莆田市公安局交通管理支队涵江大队) as printed."""
    lines = [ln.strip() for ln in text.strip().splitlines()[:12]]
    for i, line in enumerate(lines):
        if line.startswith("关于") and i > 0:
            known = _issuer_lines_above(lines, i)
            if known is None and (i == 1 or not lines[i - 2]) and (body := _body_named(lines[i - 1])):
                return body
            return known
    return None


NUMBER_LINE_RE = rx.compile(
    rf"(?m)^[ \t\u3000]*[（(]?([^\n]{{0,12}}?{_YEAR_OPEN}\s*(?:19|20)\d{{2}}\s*{_YEAR_CLOSE}[^\n]{{0,8}}?号)"
    r"[）)]?[ \t\u3000]*$"
)


# A policy library's or a government site's metadata prints the number after its label, in a table row or among other
# fields: "文号 | 汉政办发〔2021〕88号 | 成文日期", "索引号 113325…/2023-13166 文号 丽政发〔2023〕4号", "发文字号：…",
# "文件编号: 长政办发〔2023〕7号"; or a red-headed document's masthead run into one line, its number right after it
# ("山西省人民政府文件 晋政发〔2022〕29号 山西省人民政府 印发…")
NUMBER_FIELD_RE = rx.compile(
    r"(?:发文字号|发文文号|文件编号|发文编号|(?<![索编])文\s*号|字\s*号|(?<=[\u4e00-\u9fff]{2})文件(?=[ \t\u3000]))"
    r"[ \t\u3000|｜:：】\]]*"
    rf"(?P<number>[\u4e00-\u9fff]{{1,12}}\s*{_YEAR_OPEN}\s*(?:19|20)\d{{2}}\s*{_YEAR_CLOSE}\s*\d{{1,5}}\s*号)"
)


CITED_NUMBER_BEFORE_RE = rx.compile(r"》\s*[（(]\s*$")


# ... or at the end of the status line under a heading, after when it was adopted and takes effect ("(2022年4月25日
# 最高人民法院审判委员会第1869次会议通过,自2022年6月15日起施行 法释〔2022〕16号)", as judicial interpretations print it)
STATUS_LINE_NUMBER_RE = rx.compile(
    r"(?m)^[ \t\u3000]*[（(][^\n（）()]{4,80}?(?:通过|施行|公布|发布|修正|修订)[^\n（）()]{0,30}?[\s，,；;]\s*"
    rf"(?P<number>{_PRINTED_NUMBER})\s*[）)][ \t\u3000]*$"
)
STATUS_LINE_CHARS = 600


def _printed_number(text: str) -> str | None:
    """The document number printed on its own line under the heading (GB/T 9704) or closing the status line under
    it, or written in the first line."""
    m = NUMBER_LINE_RE.search(text[:400])
    if m:
        return normalise_doc_number(m.group(1))
    status = STATUS_LINE_NUMBER_RE.search(text[:STATUS_LINE_CHARS])
    if status:
        return normalise_doc_number(status.group("number"))
    first = DOC_NUMBER_RE.search(text[:40])
    if first and (CITED_NUMBER_BEFORE_RE.search(text[: first.start()]) or CITE_RE.search(text[: first.start()])):
        # "根据《…的意见》（国发〔2024〕9号），…", "参照某政发〔2021〕3号，": a number the first line cites
        return None
    return find_doc_number_near(text, 0, 0)


HEADLINE_NUMBER_RE = rx.compile(rf"^\s*[\[［【（(]\s*{_PRINTED_NUMBER}\s*[\]］】）)]|{BRACKETED_NUMBER_RE.pattern}")


# Taiwan numbers its documents by the issuer's code, 字第, the serial and 号 (经能字第11104600440号, (89)环署空字第…号),
# printed by its law database as a field ("发文字号: 府授法规字第1000103464号 令"), the issuing body's name maybe
# before the code ("发文字号:高雄市政府高市府环气字第11302418200号令")
_TW_NUMBER = r"(?:[（(]\d{2,3}[)）])?[\u4e00-\u9fff\d]{1,8}?字第\s*[0-9A-Za-z一二三四五六七八九十〇零]+\s*号"
_TW_NUMBER_BODY = r"(?:[\u4e00-\u9fff]{2,12}?(?:部|院|署|委员会|政府|局))?"
TW_NUMBER_FIELD_RE = rx.compile(rf"发文字号\s*[:：]\s*{_TW_NUMBER_BODY}(?P<number>{_TW_NUMBER})")


def _opening_number(text: str) -> str | None:
    """The number of the document a page prints: on its own line under the heading, in the page's metadata fields
    (文号 …, Taiwan's 发文字号 too), or the number line of an order or announcement (湖北省人民政府令第430号,
    …公告2022年第1号); None when the opening lines print none of these (a number in brackets after a cited title is
    the cited one's)."""
    m = NUMBER_LINE_RE.search(text[:400])
    if m:
        return normalise_doc_number(m.group(1))
    field = NUMBER_FIELD_RE.search(text[:800])
    if field:
        return normalise_doc_number(field.group("number"))  # (NFKC reads ﹝2014﹞ as 〔2014〕)
    taiwan = TW_NUMBER_FIELD_RE.search(text[:800])
    if taiwan:
        return re.sub(r"\s+", "", taiwan.group("number"))
    return _heading_issuer(text, within=600)[1]


# A page title cut to fit ("…关于组织开展2025年度国家绿色数据中心推荐..."): the document's matter (事由) is restated
# in its first lines ("现组织开展2025年度国家绿色数据中心推荐工作。有关事项通知如下："), which completes it.
TRUNCATED_RE = rx.compile(r"\s*(?:\.{2,}|…+|⋯+)\s*$")
AS_FOLLOWS_RE = rx.compile(r"(?:有关|相关)?(?:事项|事宜|要求)?(通知|通告|公告|意见|决定)如下")


def complete_truncated(headline: str, text: str) -> str | None:
    """A truncated headline completed from the document's restatement of its matter in the first lines, or None."""
    m = TRUNCATED_RE.search(headline)
    if not m:
        return None
    head = headline[: m.start()]
    opening = text[:1500]
    kind = AS_FOLLOWS_RE.search(opening)
    if "关于" not in head or not kind:
        return None
    for size in range(min(12, len(head)), 3, -1):
        at = opening.find(head[-size:])
        if at != -1:
            rest = re.match(r"[^，。；：！？\n《》“”]{0,20}", opening[at + size :])
            return f"{head}{rest.group(0) if rest else ''}的{kind.group(1)}"
    return None


# "江苏省教育厅(省委教育工委)2024年工作要点", "长沙市生态环境局雨花分局 2022年重点工作计划": a body's own yearly
# or five-year document is titled by the body's name, then the year or period.
TITLE_OWNER_RE = rx.compile(
    # (... or the bodies' names, a joint document's: "中共安徽省委教育工委 安徽省教育厅2024年工作要点")
    rf"^(?P<issuer>{_ONE_ISSUER}(?:\s*[、 ]\s*{_ONE_ISSUER})*)(?:[（(][^（）()]{{1,12}}[）)])?\s*"
    r"(?:(?:19|20)\d{2}\s*年|“?十[一二三四五六]五”?)"
)


# "《营口市人民政府办理人大代表建议和政协提案工作规则》": a title that opens with a body's full name (a government or
# one of its offices, not a bare place) is that body's document.
# (... or several bodies' names set off by spaces, a joint document's: "交通运输部 国家铁路局 中国民用航空局 国家邮政局
# 贯彻落实…的实施意见")
TITLE_BODY_RE = rx.compile(
    rf"^(?P<issuer>{_ONE_ISSUER}(?:[ \u3000]+{_ONE_ISSUER})*)(?!关于|[、和与及])(?=[\u4e00-\u9fff]{{4}})"
)
# 国家民委科研项目管理办法; a county's government by its short name too (金门县政府发放三节慰问金作业要点: Taiwan's
# counties write no 人民政府), as a bare place is not
BODY_NAME_ENDS = ("人民政府", "县政府", "办公厅", "办公室", "厅", "局", "委员会", "委", "部", "署")


def _title_body(title: str) -> str | None:
    """The body whose full name opens ``title`` (see :data:`TITLE_BODY_RE`), or None."""
    m = TITLE_BODY_RE.match(title.strip("《》"))
    return canonical_issuer(m.group("issuer")) if m and m.group("issuer").endswith(BODY_NAME_ENDS) else None


# A county's or district's body that heads a title without its city ("青浦区应急管理局关于…的通知", "延平区人民政府
# 森林防火禁火令"): the opening's place, and the city the page writes right before the same name elsewhere (its
# letterhead "上海市青浦区应急管理局", its source line "来源：南平市延平区人民政府").
LOCAL_BODY_OPENING_RE = rx.compile(
    rf"^(?![{_NOT_NAME_START}该本全我各])[\u4e00-\u9fff]{{2,3}}?(?:区|县|旗){_NOT_DISTRICT}"
)
CITY_BEFORE_RE = rx.compile(rf"(?:{CITY_NAME_RE.pattern})$")
LOCAL_BODY_MAX_CHARS = 16


def _local_body_on_page(title: str, page: str) -> str | None:
    """The body of a county or district that opens ``title`` without its city, by the whole name the page gives it
    elsewhere (its city right before the same name), canonical; None where the title opens with no such body or the
    page never names its city. The longest opening that is a body's name is the body."""
    head = title.strip().strip("《》")
    if LOCAL_BODY_OPENING_RE.match(head) is None:
        return None
    for size in range(min(LOCAL_BODY_MAX_CHARS, len(head)), 3, -1):
        short = head[:size]
        if not OFFICE_END_RE.search(short):
            continue
        for at in (m.start() for m in re.finditer(re.escape(short), page)):
            city = CITY_BEFORE_RE.search(page, max(0, at - 8), at)
            if city is None:
                continue
            whole = canonical_issuer(city.group(0) + short)
            if whole and "、" not in whole and whole.startswith(city.group(0)):
                return whole
    return None


def _title_owner(title: str) -> str | None:
    """The body whose name opens a document title right before its year or period, or None."""
    m = TITLE_OWNER_RE.match(title)
    return canonical_issuer(m.group("issuer")) if m else None


def title_issuer(title: str) -> str | None:
    """The issuer a document's title names by itself: the body that opens it (before its year, or by its full name:
    《内政部警政署办理主管法律及法规命令草案预告作业要点》), else the legislature a law or a local regulation is
    made by (《中华人民共和国节约能源法》); None where the title names none."""
    bare = title.strip().strip("《》「」")
    return _title_owner(bare) or _title_body(bare) or legislature_of_law(re.sub(r"[《》「」\s]", "", title))


# A Macau act's title opens with its serial over its year (第101/2024号行政长官批示, 第51/94/M号法令): its number.
TITLE_SERIAL_RE = rx.compile(r"^[《「]?\s*第\s*(?P<serial>\d{1,4}\s*/\s*\d{2,4}(?:\s*/\s*M)?)\s*号")


def title_number(title: str) -> str | None:
    """The number a document's title gives by itself (see :data:`TITLE_SERIAL_RE`), as the rules number such an act
    (第101/2024号), or None."""
    m = TITLE_SERIAL_RE.match(title.strip())
    return "第" + re.sub(r"\s+", "", m.group("serial")) + "号" if m else None


def _without_repeated_head(title: str) -> str:
    """A page title that prints a cut copy of itself first (国务院办公厅关于发展银发经济国务院办公厅关于发展银发经济
    增进老年人福祉的意见) is the full copy."""
    at = title.find(title[:8], 1) if len(title) >= 16 else -1
    return title[at:] if at > 0 and title[at:].startswith(title[:at]) else title


# Every place publishes its five-year plan outline under one fixed title: a page headed so is the outline.
FIVE_YEAR_OUTLINE_RE = rx.compile(
    r"[\u4e00-\u9fff]{2,12}?国民经济和社会发展第[一二三四五六七八九十]{1,3}个五年规划"
    rf"(?:{_OUTLINE_YEARS})?纲要"
)


def _owned_title(title: str) -> bool:
    """ "全国人大常委会2024年度立法工作计划": a headline that is a body's name, its year and a strong kind, and
    nothing else (no verb, no punctuation), is the title the body gave the document the page prints."""
    compact = re.sub(r"\s+", "", title)
    owner = ISSUER_RE.match(compact)
    if owner is None or not OWNED_YEAR_RE.match(compact, owner.end()) or re.search(r"[，,。！？!?：:]", compact):
        return False
    kind = doc_type(compact)
    return kind is not None and kind not in WEAK_KINDS and not VERB_IN_TITLE_RE.search(compact)


# ... and one such field standing in for a page's headline ("时间：2019-12-04 13:21", "更新时间：…")
PAGE_META_LINE_RE = rx.compile(rf"(?:更新|成文)?(?:{_META_LABELS})[ \t\u3000]*[：:]")
OWNED_YEAR_RE = rx.compile(r"(?:19|20)\d{2}年度?")
NEWS_ENUMERATION_RE = rx.compile(r"一是[^。]{0,120}二是")


def _issuer_in_lead(d: PolicyDocument, text: str) -> str | None:
    """The issuer of a headline's release the lead names where it writes the same title ("天津市第一批“零碳”工厂
    名单公布" over "日前，市工业和信息化局确定了天津市第一批“零碳”工厂名单，并予以公布")."""
    name = d.title.strip("《》")
    if len(name) < 6:
        return None
    for m in re.finditer(re.escape(name), text[:LEAD_WINDOW]):
        if _inside_brackets(text, m.start()) or CITE_RE.search(_clause_before(text, m.start())):
            continue
        issuer = find_issuer_before(text, m.start())
        if issuer is not None:
            return issuer
    return None


LEAD_WINDOW = 600  # the opening of the text: the lead and the paragraph that tells the news

# A clause whose release verb leaves its object out, the document named before it, the clause all issuer and verb:
# "《关于进一步加强塑料污染治理的意见》19日发布。…经国务院同意，国家发展改革委、生态环境部近日印发。", "…并于近日由
# 生态环境部联合印发实施。" (not a covering formula, "现予以公布。", nor "并已于近期公布。")
ELIDED_OBJECT_CLAUSE_RE = rx.compile(
    r"(?:^|(?<=[，,。；\n]))\s*(?:经[^，,。；《》]{2,24}?(?:同意|批准)[，,]\s*)?(?:并?(?:于?近日|日前)?由)?"
    r"(?P<body>[^，,。；《》\s]{2,60}?)(?:近日|日前|今天|今日|昨天|昨日|正式)*(?:联合|共同)?"
    r"(?:印发|发布|公布|出台)(?:实施|施行)?(?=[。；！])"
)


def _elided_object_issuer(d: PolicyDocument, text: str) -> str | None:
    """Who the lead says issued the document, in a clause after its name made of the issuer and a release verb with
    no object of its own (:data:`ELIDED_OBJECT_CLAUSE_RE`), or None."""
    start = d.end if d.field == "text" else 0
    for m in ELIDED_OBJECT_CLAUSE_RE.finditer(text, start, LEAD_WINDOW):
        if m.group("body").startswith(("省", "市", "县", "区", "自治区")):
            continue  # a name relative to a place (自治区环境保护厅和发展改革委) the name alone does not resolve
        if (issuer := canonical_issuer(m.group("body"))) and not MULTI_RE.fullmatch(issuer):
            return issuer
    return None


# "省六届人大常委会第六次会议", "十四届全国人大常委会第三次会议": the session whose votes an article reports.
SESSION_RE = rx.compile(
    # (a city by its own name, no function word in it: "23日经市十五届人大常委会…" is the city's 市, not a city 日经市)
    rf"(?P<place>全国|(?:{PROVINCES})(?:省|市|自治区)?|省|{_BARE_CITY_NAME})?"
    r"(?:第?[一二三四五六七八九十]{1,3}届)?(?P<national>全国)?人大常委会第[一二三四五六七八九十百\d]+次会议"
)


CONGRESS_SESSION_RE = rx.compile(
    r"(?P<body>(?:[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|自治州|州|县|区))(?:第?[一二三四五六七八九十]{1,3}届)?人民代表大会)"
    r"第[一二三四五六七八九十\d]+次会议"
)


# The formula that promulgates a law or local regulation names the legislature that adopted it: "《中华人民共和国节约
# 能源法》已由中华人民共和国第十届全国人民代表大会常务委员会第三十次会议于2007年10月28日修订通过", "《深圳经济特区
# 碳排放管理若干规定》经深圳市第五届人民代表大会常务委员会第十八次会议于2012年10月30日通过".
ADOPTED_BY_RE = rx.compile(
    r"《(?P<title>[^《》\n]{2,80})》\s*(?:已|业已)?(?:由|经)\s*"
    r"(?P<body>[^，。；《》\n]{2,40}?(?:人民代表大会常务委员会|人民代表大会|人大常委会))"
    r"第[一二三四五六七八九十百\d]+次(?:全体)?会议\s*(?:于\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?"
    r"\s*(?:修订|审议)?(?:通过|批准)"
)


def adopting_legislature(d: PolicyDocument, text: str) -> str | None:
    """The legislature whose session the text says adopted the document (:data:`ADOPTED_BY_RE`), or None."""
    for m in ADOPTED_BY_RE.finditer(text):
        if normalise_title(m.group("title")) == d.title_norm:
            return canonical_issuer(m.group("body"))
    return None


# "《关于市城区禁止燃放烟花爆竹的通告》是由湘潭市城市管理和综合执法局制定的": the body the sentence right after a title
# says drew it up or issued it.
DRAWN_UP_BY_RE = rx.compile(
    rf"\s*》?\s*(?:是|系|已|已经)?由(?P<body>(?:{JOINT_RE.pattern})(?:[、和与及](?:{JOINT_RE.pattern}))*)\s*(?:联合|共同)?"
    r"(?:负责)?(?:研究)?(?:制定|起草|编制|修订|发布|印发|出台)"
)
# A page's own formula passing a document on: "现将2021年度绿色制造名单予以公布", "现将…印发给你们".
OWN_FORMULA_BEFORE_RE = rx.compile(r"现将\s*$")


def drawn_up_by(d: PolicyDocument, title: str, text: str) -> str | None:
    """The body a page says drew ``d`` up or issued it, right after its title (:data:`DRAWN_UP_BY_RE`), or, where
    ``d`` is what the page's own formula passes on (``现将X予以公布``), the page's printed issuer (its signature);
    None when the page says neither."""
    page = title if d.field == "title" else text
    m = DRAWN_UP_BY_RE.match(page, d.end)
    if m is not None and (body := canonical_issuer(m.group("body"))):
        return body
    if d.field == "text" and OWN_FORMULA_BEFORE_RE.search(text, max(0, d.start - 8), d.start):
        return printed_issuer(text)
    return None


# The head of a body by office: "局长", "副署长", "主席".
_HEAD_OF_BODY = r"(?:常务)?副?(?:主任|部长|局长|署长|处长|司长|厅长|行长|主席|主委|院长|省长|市长|县长|区长)"
# A news lead's own subject announcing the measure, at a sentence's start in the first lines: "康乐及文化事务署
# （康文署）今日（三月十二日）宣布，由今年四月三日起…", "(中央社记者…台北20日电)环境部今日公告…", "12月6日，贵州省能源局
# 发布消息，…": the body that opens the lead, with its short name and the day in brackets, then the verb.
LEAD_ANNOUNCER_RE = rx.compile(
    r"(?:^|(?<=[\n。！]))\s*(?:[（(][^（）()\n]{2,40}?[电讯][）)]\s*)?"
    r"(?:(?:\d{1,2}月)?\d{1,2}日(?:电|讯)?|日前|近日|今天|今日|昨天|昨日)?[，,]?\s*"
    rf"(?P<body>{JOINT_RE.pattern})"
    r"\s*(?:[（(][^（）()\n]{1,12}[）)])?"
    # ... its head by office and name, speaking for it: "环境局局长黄锦星昨日公布", "证监会主席易会满宣布"
    rf"(?:{_HEAD_OF_BODY}[\u4e00-\u9fff·]{{2,4}}?)?"
    r"(?:今日|今天|昨日|昨天|日前|近日|今|昨|(?:\d{1,2}月)?\d{1,2}日)?\s*(?:[（(][^（）()\n]{1,12}[）)])?"
    r"(?:正式|宣布)?(?:宣布|公布|公告|决定|推出|发布|印发)"
)
LEAD_ANNOUNCER_CHARS = 400


def lead_announcer(text: str) -> str | None:
    """The government body a news lead opens with announcing the measure (:data:`LEAD_ANNOUNCER_RE`), canonical, in the
    first :data:`LEAD_ANNOUNCER_CHARS` characters; None when no sentence there opens so."""
    for m in LEAD_ANNOUNCER_RE.finditer(text[:LEAD_ANNOUNCER_CHARS]):
        body = canonical_issuer(m.group("body"))
        if body is not None:
            return body
    return None


def _session_legislature(title: str, text: str) -> str | None:
    """The standing committee whose session the headline or the first lines report, its place resolved (省 is
    the province the text names)."""
    m = SESSION_RE.search(title) or SESSION_RE.search(text[:300])
    if m is None:
        # "天津市第十七届人民代表大会第三次会议…表决通过": the congress itself, in its plenary session
        congress = CONGRESS_SESSION_RE.search(title) or CONGRESS_SESSION_RE.search(text[:300])
        return canonical_issuer(congress.group("body")) if congress else None
    place = "全国" if m.group("national") else (m.group("place") or "")
    if place in ("", "省"):
        province = PROVINCE_NAME_RE.search(title + text)
        if province is None:
            return None
        place = province.group(0)
    return canonical_issuer(place + "人大常委会")


PRESS_CONFERENCE_RE = rx.compile(r"新闻发布会|例行发布会|发布会|吹风会|记者会")


def _press_conference_host(title: str) -> str | None:
    """The one body a press conference's headline opens with (国家卫生健康委员会2024年4月18日新闻发布会文字实录)."""
    compact = re.sub(r"\s+", "", title)
    host = ISSUER_RE.match(compact)
    if host is None or not PRESS_CONFERENCE_RE.search(compact) or MULTI_RE.fullmatch(host.group(0)):
        return None
    return canonical_issuer(host.group(0))


# The full title of a statement two states make: "中华人民共和国和法兰西共和国关于…的联合声明".
BILATERAL_TITLE_RE = rx.compile(
    r"中华人民共和国(?:政府)?(?:和|与)[\u4e00-\u9fff]{2,20}?(?:共和国|王国|联邦|合众国|国)(?:政府)?"
    r"关于[^，。！？]{4,60}的(?:联合)?(?:声明|宣言|公报)"
)


NUMBERED_PAGE_CUE = "a document printed under its number: "
ADDRESSEE_LINE_RE = rx.compile(r"[^。！？：:\n]{2,120}?(?:厅|局|委|委员会|办|办公室|政府|部门|单位|公司)[：:]")


def _numbered_page_document(headline: str, text: str) -> PolicyDocument | None:
    """A page headed by a document number alone whose text opens with the addressees ("池政秘〔2023〕38号 / 各县、区
    人民政府，…：") prints that document in full: a release, untitled where the page leaves its heading out, issued
    by the body its number's code names or that signs it at the end; None for any other page."""
    number = re.sub(r"\s+", "", headline)
    if not DOC_NUMBER_RE.fullmatch(number):
        return None
    lines = [re.sub(r"\s+", "", ln) for ln in text.strip().splitlines() if ln.strip()][:2]
    if lines and lines[0] == number:
        lines = lines[1:]  # the page repeats its number as the text's first line
    # its addressees (各…：, or named: "湖南、广东、江苏省住房和城乡建设厅："), or, with none, its numbered sections or
    # formula (a ministry's notice to all: "一、各地工业和信息化主管部门要…")
    if not lines:
        return None
    addressed = ADDRESSEE_OPENING_RE.match(lines[0]) or ADDRESSEE_LINE_RE.fullmatch(lines[0])
    if not addressed and not {"numbered sections", "promulgation formula"} & set(_structure_signals(text)):
        return None
    issuer = issuer_of_number(number) or _closing_issuer(text)
    name = _self_named_title(text) or UNTITLED
    return _released(
        name, issuer, doc_type(name), "text", (0, 0), NUMBERED_PAGE_CUE + number, normalise_doc_number(number)
    )


ADDRESSED_PAGE_CUE = "a document printed under its addressees: "
# What a page headed by its addressees hands them ("现将试点园区名单及…编制指南印发你们", "现将目标分解下达各县",
# "现将…各项目标任务分解下达。"), or the document it prints naming itself ("结合我市实际，制定本制度", an opinion's
# "…，提出如下意见。").
HANDED_DOWN_RE = rx.compile(
    r"现将[^。]{2,80}?(?:印发|下达|转发|公布)给?(?:你们|各|[。，])|(?:制定|制订)本(?:制度|办法|规定|细则)"
    r"|(?:编制|制定|修订)(?:完成)?了?[^。]{2,120}?[，,]\s*(?:[^。，]{0,30}[，,]\s*)?现予以?(?:印发|发布|公布)"
    r"|[，,]\s*(?:现就[^。]{2,60}|现)?提出(?:如下|以下)(?:实施)?意见"
    # "确定宜宾高新技术产业园区…纳入2025年度四川省零碳工业园区试点建设名单，现予以公布": a list it makes public
    r"|(?:确定|认定|遴选出?)[^。]{2,300}?(?:纳入|列入|为)(?P<list>[^，,。、]{4,40}?名单)[，,]\s*现予以?公布"
    # ... or the notice itself, its matter told in its formula: "现就有关事项通知如下：", "现将2025年度工作安排通知
    # 如下：" (a 通告 or 公告 so too)
    r"|现(?:就|将)[^。：:]{0,80}?(?P<notice>通知|通告|公告)如下"
    # ... or the document the notice puts out, named in its formula: "现发布…项目申报指南，有关事项通知如下："
    r"|现(?:予以?)?(?:发布|印发|公布)(?P<published>[^，,。：:《》]{4,80}?)[，,]\s*(?:有关|相关)?事项通知如下"
)
# ... not a notice that asks them for reports, its first point what to send up ("现将有关事项通知如下：一、报送材料。")
REPORTS_ASKED_RE = rx.compile(r"[：:。.\s]*一\s*[、.．]\s*[^。\n]{0,12}?(?:报送|填报|上报)")
ATTACHMENT_NUMBER_RE = rx.compile(r"^\d{1,2}\s*[.、．]\s*")  # "附件：1.道路运输标准体系（2024年）"
# "附件：2016年县政府重点工作任务分解表", "附件2：…编制指南 下载": what a notice hands down, by its title.
ATTACHMENT_LINE_RE = rx.compile(
    r"(?m)^[ \t\u3000]*附件\s*\d{0,2}\s*[：:]\s*(?P<title>[^\n：:。]{4,80}?)[ \t\u3000]*(?:下载)?[ \t\u3000]*$"
)


# "中评社北京10月31日电／据商务部网站消息，各省、自治区…：": a wire's dateline, and the site it copied from, over the
# addressees of the document it prints
WIRE_BEFORE_ADDRESSEES_RE = rx.compile(
    r"^[^。\n]{0,30}?\d{1,2}日电\s*[／/]?\s*(?:据(?P<source>[^，,。\n]{2,20}?)(?:网站|官网|官方网站)?消息[，,]\s*)?(?=各)"
)
# (a long list: "各省、自治区、直辖市人民政府，外交部、国家发展改革委、…，中国出口信用保险公司：")
ADDRESSEE_HEADING_RE = rx.compile(r"各[^。：:\n]{1,300}[：:]")
OPINION_FORMULA_TAIL_RE = rx.compile(r"[，,]\s*(?:现)?提出(?:以下|如下)(?P<kind>(?:实施)?意见)[。.]?$")
# "…，现提出以下意见。", "现就…提出如下实施意见": an opinion that names itself by its kind
SELF_NAMED_OPINION_RE = rx.compile(r"提出(?:如下|以下)(?P<kind>(?:实施)?意见)")


# The name a document printed without its heading gives itself in its opening formula: an opinion on its subject
# ("现就进一步加强钢铁工业节能减排工作，提出如下意见": 进一步加强钢铁工业节能减排工作的意见), or what a notice makes
# public or hands down ("现将2021年度绿色制造名单予以公布", "现将各乡镇人民政府（街道办事处）权责清单予以公布"), a
# name of eight characters or more (现将试点园区名单印发你们 names a list by what it is, not by its name).
SELF_NAMED_TITLE_RE = rx.compile(
    r"现就(?P<subject>[^。；：，,《》\n]{4,60}?)[，,]?\s*提出(?:如下|以下|本)(?P<kind>(?:实施)?意见)"
    r"|现将各?(?P<object>[^。；：，,《》\n]{8,60}?)(?:予以公布|公布如下|印发给你们|印发你们|下达给你们)"
)


def _self_named_title(text: str) -> str | None:
    """The title a document printed without its heading names itself by (see :data:`SELF_NAMED_TITLE_RE`) in its
    first 1,500 characters, or None."""
    m = SELF_NAMED_TITLE_RE.search(text[:1500])
    if m is None:
        return None
    if m.group("subject"):
        return f"{m.group('subject')}的{m.group('kind')}"
    name = m.group("object")
    return name if not GENERIC_TITLE_RE.search(name) and not name.startswith(("有关", "相关", "上述")) else None


def _addressee_parts(headline: str) -> tuple[str | None, str | None]:
    """The addressee line a page carries as its headline, without a wire's dateline before it, and the site the wire
    copied it from (据商务部网站消息: 商务部); (None, None) for any other headline."""
    head = re.sub(r"\s+", "", headline)
    wire = WIRE_BEFORE_ADDRESSEES_RE.match(head)
    if wire:
        head = head[wire.end() :]
    if not (ADDRESSEE_HEADING_RE.fullmatch(head) or ADDRESSEE_LINE_RE.fullmatch(head)):
        return None, None
    return head, (wire.group("source") if wire else None)


def addressee_heading(headline: str) -> str | None:
    """The addressee line a page carries as its headline ("各市、县（市、区）人民政府，省政府直属各单位：", maybe
    after a wire's dateline), without the dateline; None for any other headline. An addressee line is never a
    title."""
    return _addressee_parts(headline)[0]


def _addressed_page_documents(headline: str, text: str) -> list[PolicyDocument]:
    """A page headed by its addressees ("各县、市、区人民政府，市级各部门：") whose text hands them what it issues
    ("现将…分解下达各县", "现将…印发你们") or names itself ("制定本制度", "提出如下意见") prints that document:
    released, as the attachments it lists (附件：…分解表) where it lists them, else by the kind it names itself
    (意见) or untitled; signed at its end, or issued by the site a wire copied it from."""
    head, source = _addressee_parts(headline)
    if head is None:
        # ... or whose text opens with them, under a headline the page took from its sentence ("我部组织…编制完成了
        # …标准体系" over "各省、自治区、直辖市交通运输厅（局、委），…：")
        first = re.sub(r"\s+", "", text.lstrip().split("\n", 1)[0])
        if not ADDRESSEE_OPENING_RE.fullmatch(first):
            return []
    handed = HANDED_DOWN_RE.search(text[:1500])
    if handed is None or (handed.group("notice") and REPORTS_ASKED_RE.match(text, handed.end())):
        return []
    issuer = _closing_issuer(text) or (canonical_issuer(source) if source else None)
    cue = ADDRESSED_PAGE_CUE + handed.group(0)
    attachments = list(ATTACHMENT_LINE_RE.finditer(text))
    if not attachments:
        if handed.group("list"):
            return [_released(handed.group("list"), issuer, "名单", "text", handed.span("list"), cue)]
        published = handed.group("published")
        if published and (kind := doc_type(published)) and title_is_document(published)[0]:
            return [_released(published, issuer, kind, "text", handed.span("published"), cue)]
        named = SELF_NAMED_OPINION_RE.search(handed.group(0))
        kind = named.group("kind") if named else handed.group("notice")
        name = _self_named_title(text) or kind or UNTITLED
        return [_released(name, issuer, doc_type(name) or kind, "text", handed.span(), cue)]
    titles = [(ATTACHMENT_NUMBER_RE.sub("", m.group("title")), m.span("title")) for m in attachments]
    return [_released(title, issuer, doc_type(title), "text", span, cue) for title, span in titles]


OPENING_SENTENCE_CUE = "a document printed under its opening sentence: "
# The formula that ends a document's opening paragraph and names what it is: "…，结合我省实际，现提出如下意见。",
# "…，特制定如下政策措施。", "现就加强公益性公墓建设管理提出本意见。", "…，制定本行动计划。"
OPENING_FORMULA_RE = rx.compile(
    r"(?:现|特)?(?:就[^。；]{2,60}?)?(?:提出|制定|制订)(?:如下|以下|本)"
    r"(?P<kind>(?:实施|指导)?意见|(?:若干)?(?:政策)?措施|(?:实施|工作|行动)?方案|行动计划|(?:实施)?办法|(?:实施)?细则"
    r"|规定|规则|制度|预案)[。：:]?\s*$"
)
# ... and the purpose it serves, the last clause before "结合…实际" or the formula (…，加力支持民营经济振兴发展，
# 结合我省实际，现提出如下意见): an opinion is named by it, as its heading would (加力支持民营经济振兴发展的意见).
PURPOSE_CLAUSE_RE = rx.compile(
    r"(?:^|[，,])(?:为)?(?!结合|根据|依据|按照)(?P<purpose>[^，,。；《》()（）]{4,40})[，,]\s*"
    r"(?:结合[^，,。]{1,20}实际[，,]\s*)?$"
)


def _opening_sentence_document(headline: str, text: str) -> PolicyDocument | None:
    """A page headed by its own opening sentence (the headline is how the text's first paragraph begins, "为深入贯彻
    …精神"), whose first paragraph ends with the formula that names the document ("…，现提出如下意见。") and whose
    numbered sections follow (or which calls itself 本意见, 本方案), prints that document without its heading: a
    release, named by the formula (an opinion by its purpose, else by its kind), issued by whoever signs it at its end;
    None for any other page (a draft too)."""
    head = re.sub(r"\s+", "", headline)
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if len(head) < 10 or not lines or not re.sub(r"\s+", "", lines[0]).startswith(head[:30]):
        return None
    first = lines[0].strip()
    formula = OPENING_FORMULA_RE.search(first)
    if formula is None or DRAFT_TITLE_RE.search(text[:300]):
        return None
    if "本" not in formula.group(0) and not SECTION_ONE_RE.search(text, len(lines[0])):
        return None  # "如下意见" promises what follows; "本意见" is the document speaking of itself
    kind = formula.group("kind")
    name = _self_named_title(first)
    if name is None:
        purpose = PURPOSE_CLAUSE_RE.search(first[: formula.start()])
        name = f"{purpose.group('purpose')}的{kind}" if purpose and kind.endswith("意见") else kind
    span = (formula.start(), formula.end())
    return _released(
        name, _closing_issuer(text), doc_type(name) or kind, "text", span, OPENING_SENTENCE_CUE + formula.group(0)
    )


BARE_KIND_HEADINGS = frozenset({"通知", "通告", "公告", "紧急通知", "决定", "命令"})


# A headline's last clause, after a comma, reporting a release: who, maybe when, the verb, what it released (quoted
# or not); not a covering notice's 关于印发, which is the title's own
LEAD_RELEASE_RE = rx.compile(
    r"^.*?[，,]\s*(?P<who>[^，,“”\"《》\s]{2,30}?)(?:近日|日前|今日|今天)?(?<!关于)(?P<verb>发布|下发|印发|发出)了?"
    r"[“\"]?(?P<name>[^“”\"，,。]{4,120}?)[”\"]?[。.]?$"
)
PLACE_END_RE = rx.compile(r"[省市县区]$")
ISSUED_WITH_NOTICE_RE = rx.compile(r"的(?:通知|通告)$")


def _document_text(title: str, text: str) -> PolicyDocument | None:
    """The article is a document's full text: its headline (or first line) is a document title and its body
    shows the document's printed form (number, addressee, numbered sections, formula, date line)."""
    signals = _structure_signals(text)
    # "关于…的通知 沪教委后〔2024〕13号": the number the page's title prints is the document's
    titled_number = LEADING_NUMBER_RE.search(title.strip()) or TRAILING_NUMBER_RE.search(title.strip())
    if not signals and FIVE_YEAR_OUTLINE_RE.fullmatch(re.sub(r"\s+", "", title)):
        signals = ["a place's five-year plan outline by its own title"]
    if not signals and BILATERAL_TITLE_RE.fullmatch(re.sub(r"\s+", "", title)):
        signals = ["a bilateral instrument's own title"]  # news says "中法发表联合声明", the page of it is titled so
    if not signals and _owned_title(title) and not NEWS_ENUMERATION_RE.search(text[:600]):
        # ... unless the body reads as news that sums the document up point by point (一是…二是…)
        signals = ["a government body's own titled document"]
    if not signals:
        return None
    shown = complete_truncated(title.strip(), text) or title.strip()
    # the headline came through strip_site_suffix; the printed heading may carry the site's column glued to it
    # "【行业动态】海关总署：…公告", "三部门：关于…的通知": the news lead, then the title
    colon = HEADLINE_COLON_LEAD_RE.match(shown)
    if colon:
        shown = shown[colon.end() :]
    colon_issuer = canonical_issuer(colon.group("issuer")) if colon else None
    # "【海南】海口市生态环境保护“十四五”规划": a region or column tag; "青岛市高新区高新技术企业奖励政策：青岛高新区
    # 关于…的试行意见": the site's topic, then the document's own heading (its issuer and 关于); "政策解读：X": a column
    shown = LEADING_TAG_RE.sub("", shown)
    topic = TOPIC_COLON_RE.match(shown)
    if topic and title_is_document(shown[topic.end() :])[0]:
        column = COLUMN_WORD_RE.fullmatch(shown[: topic.end()].rstrip("：: "))
        if column or 0 <= shown.find("关于", topic.end()) - topic.end() <= 16:
            shown = shown[topic.end() :]
    headline_candidate = HEADLINE_TAIL_RE.sub("", shown)
    candidates = [headline_candidate, _strip_leading_column(_heading_block(text))]
    heading = split_issuer_prefix(candidates[1])[1]
    if "关于" not in candidates[0] and heading.startswith("关于") and not CARRIER_HEAD_RE.match(heading):
        # "南宁：邕江大桥封闭施工期间交通组织通告" over "关于邕江大桥…实施交通管制的通告": the site's paraphrase of the
        # document whose own heading the page prints, which is its title (not a covering notice of another document)
        if doc_type(candidates[0]) == doc_type(heading):
            candidates.reverse()
    first_line, block = (re.sub(r"\s+", "", c) for c in candidates)
    on_its_line = re.sub(r"\s+", "", text.strip().split("\n", 1)[0]) == first_line
    continued = block.startswith(first_line) and len(block) > len(first_line)
    if on_its_line and continued and doc_type(block) and not doc_type(first_line):
        # "国务院关于落实《政府工作报告》" over the heading it is the first line of ("…《政府工作报告》 / 重点工作
        # 部门分工的意见"): the headline is the heading cut at its line's end
        candidates.reverse()
    for candidate in candidates:
        compact = re.sub(r"\s+", " ", candidate).strip()
        # A government site prints the number first and the notice's title in 《》: "京政办发〔2016〕26号《…的通知》".
        compact = LEADING_NUMBER_RE.sub("", compact)
        compact = TRAILING_NUMBER_RE.sub("", compact)  # ... or after it: "厦门市…管理办法 厦环委办〔2025〕36号"
        compact = compact.lstrip("：:，,、 ")
        if head := HEADLINE_FULL_TEXT_HEAD_RE.match(compact):  # (全文 always: the match is never empty)
            rest = compact[head.end() :]
            if not VERB_IN_TITLE_RE.match(rest) and title_is_document(rest)[0]:
                compact = rest  # "条例全文" over the law's own title, or before it in the headline (not 全文公布…)
        titled = TITLED_ANNOUNCEMENT_RE.fullmatch(compact)
        announced = announcers = None
        if titled:
            # "海关总署 农业农村部公告2019年第117号（关于防止老挝非洲猪瘟传入我国的公告）": its issuers and its title,
            # and the announcement's number as its issuers print it
            if titled.group("title"):
                compact = titled.group("issuer").strip() + titled.group("title")
            announced = re.sub(r"\s+", " ", titled.group("number")).strip()
            announcers = canonical_issuer(titled.group("issuer"))
        whole = WHOLE_BRACKET_RE.fullmatch(compact)
        if whole and ("关于" in whole.group(1) or title_is_document(whole.group(1))[0]):
            # 《X关于印发〈Y〉的通知》 is the heading, and so is a page title in 《》 (《某某市碳达峰实施方案》)
            compact = whole.group(1).replace("〈", "《").replace("〉", "》")
        headline = candidate is headline_candidate
        reported = LEAD_RELEASE_RE.match(compact) if headline else None
        if reported and title_is_document(reported.group("name"))[0]:
            # "高温持续火险高，合江县发布森林禁火令", "…消息，工业和信息化部办公厅发布关于…的通知": a headline (or a
            # lead standing in for one) whose last clause reports the release: what its verb released, by whom
            compact = reported.group("name")
            if reported.group("verb") in ("印发", "下发") and not compact.startswith("关于"):
                compact = ISSUED_WITH_NOTICE_RE.sub("", compact)  # "印发X的通知": the notice issues X
            who = reported.group("who")
            colon_issuer = colon_issuer or canonical_issuer(who) or (who if PLACE_END_RE.search(who) else None)
        source_body = _source_line_body(text) if headline else None
        # "《长江流域生态环境司法保护状况》白皮书" over "来源：最高人民法院" and the paper's outline: the page prints
        # the paper its source published (a bracketed headline is otherwise the bracket rules' case)
        sourced_paper = bool(source_body and KIND_AFTER_TITLE_RE.fullmatch(compact))
        if headline and CUT_COVER_RE.fullmatch(compact):
            # "《新乡市…三年行动计划(2023—2025年)》的通知": the headline of 关于印发《X》的通知 cut before 关于印发
            compact = "关于印发" + compact
        elif headline and CUT_ABOUT_RE.fullmatch(compact):
            compact = "关于" + compact  # "发改委：印发《X》的通知": the same covering notice, cut before 关于
        if (compact.startswith("《") and not sourced_paper) or not compact:
            continue
        if MINUTES_RE.search(compact):
            continue  # "县政府第十六次常务会议纪要": the record of a meeting, which reports what the meeting did
        if addressee_heading(compact) is not None:
            continue  # "各市、县（市、区）人民政府，省政府直属各单位：": the addressees, never the title
        if PAGE_META_LINE_RE.match(compact):
            continue  # "时间：2019-12-04 13:21": a page's metadata line standing in for its headline, no title
        if ISSUER_VERB_RE.search(compact) and "关于" not in compact:
            continue  # "国务院印发…方案" reports a release; the document's own title follows in the text
        verb = VERB_IN_TITLE_RE.search(compact) or HEADLINE_TW_ENACT_RE.search(compact)
        if verb and 0 < verb.start() <= 8 and "关于" not in compact[: verb.start()]:
            continue  # "深圳市发布碳普惠管理办法", "环部公告订定 …原则": someone releases it, so this headline is news
        if any(ISSUER_RE.match(compact, i + 1) for i, ch in enumerate(compact) if ch == "被"):
            continue  # "10家医院被国家医保局通报": a passive news headline, no document's title
        prefix_issuer, _ = split_issuer_prefix(compact)
        government = headline and (prefix_issuer is not None or source_body is not None)
        ok, why = title_is_document(compact, government_issuer=government)
        bare_kind = re.sub(r"\s+", "", compact) in BARE_KIND_HEADINGS
        if not ok and bare_kind and len(signals) >= 2 and _closing_issuer(text):
            # "通 知 / 各驻村分中心、行政村（社区）： … / 诸暨市安华镇人民政府 / 2022年9月9日": a notice headed by its
            # kind alone, its addressees above and a government body's signature and date below
            ok, why = True, "a heading of its kind alone, signed by a government body"
        if not ok and headline and prefix_issuer and len(signals) >= 2 and "关于" in compact:
            # "中国银保监会浙江监管局 浙江省生态环境厅…关于金融支持浙江经济": a page title cut before the kind; its
            # issuers and 关于 say it is the heading of the document the body prints
            ok, why = True, "issuer + 关于 heading, cut before its kind"
        if not ok:
            continue
        # One convention alone is enough only for a bare document title with a strong kind (a joint declaration
        # printed as numbered paragraphs); otherwise two conventions must agree.
        kind = doc_type(compact)
        strong = kind is not None and kind not in WEAK_KINDS and headline
        # a government body named as the page's source is a second convention (its site prints its own papers)
        sourced = [f"source line: {source_body}"] if source_body else []
        if len(signals + sourced) < 2 and "full text follows" not in signals and not strong:
            continue
        number = _printed_number(text) or (normalise_doc_number(titled_number.group(0)) if titled_number else None)
        order_issuer, order_number = _heading_issuer(text, within=600)
        adopted = ADOPTION_NOTE_RE.search(text[:400])
        adopted_by = canonical_issuer(re.sub(r"\s+", "", adopted.group("body"))) if adopted else None
        signed = _closing_issuer(text)
        issuer = prefix_issuer or announcers or order_issuer or _heading_issuers(text) or signed or adopted_by
        if prefix_issuer and signed and "、" in signed and prefix_issuer in signed.split("、"):
            issuer = signed  # "深圳市发展和改革委员会关于…的通知" signed by 深圳市生态环境局 and that commission
        # ... or the note under the heading that says who promulgated it ("（2022年4月14日国家市场监督管理总局令
        # 第56号公布…）"; not the office whose site reposts the text, 信息来源：灌云县市场监督管理局), or the
        # letterhead above it
        issuer = issuer or _title_owner(compact) or _promulgation_note_issuer(text) or source_body
        issuer = issuer or _letterhead_issuer(text) or _issuer_line_over_heading(text)
        issuer = issuer or (colon_issuer if headline else None)
        # "宜昌市关于…的通告" / "…宜昌市农业农村局、市公安局联合发布本通告" (or its signature, 宁波市人民政府办公厅): a
        # heading that names only its place leaves who issued it to the text, which says so in its own words
        place = BARE_PLACE_HEAD_RE.match(compact)
        own = _self_reference_issuer(text[:1500]) if place or prefix_issuer is None else None
        own = own or (signed if place else None)
        if own and (place is None or place.group("place") in own.split("、")[0]):
            issuer = own
        if (issuer is None or place) and headline:
            # "深圳市人民政府关于印发新一代人工智能发展行动计划（2019-2023年）的通知。" in the body's first lines
            # (... also under a headline naming only its place, "广东省关于…的实施意见" over "广东省工业和信息化厅
            # 关于印发《关于…的实施意见》的通知": the covering line says which of the place's bodies issued it)
            for line in text.strip().split("\n")[:4]:
                if CITE_RE.match(line.strip()):
                    continue  # "根据《潮州市工业和信息化局 潮州市财政局关于印发…的通知》": a document it cites
                heading_issuer, rest = split_issuer_prefix(line.strip())
                if heading_issuer and rest.startswith("关于印发"):
                    if place is None or place.group("place") in heading_issuer:
                        issuer = heading_issuer
                    break
        # "推进国家碳计量中心建设，提出以下意见": an opinion's formula taken for its headline names 推进…建设的意见
        title_text = OPINION_FORMULA_TAIL_RE.sub(r"的\g<kind>", unwrap_notice(compact))
        return PolicyDocument(
            title=title_text if title_text.startswith("《") else re.sub(r"\s+", "", title_text),
            title_norm=normalise_title(title_text),
            issuer=issuer,
            doc_number=number or order_number or announced or _promulgation_note_number(text),
            doc_type=kind,
            is_release=True,
            field="title" if headline else "text",
            start=0,
            end=len(candidate),
            cue=f"{FULL_TEXT_CUE} ({why}; {', '.join(signals)})",
        )
    return None


# Some sites (and stored copies of pages) write ASCII punctuation in Chinese text ("五部门近日发布了关于…的若干意见,
# 明确…"); the patterns here follow Chinese typesetting, so ASCII marks next to a Chinese character are read as their
# full-width forms. One character for one, so every offset still points into the text as given.
_ASCII_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})
ASCII_PUNCT_RE = rx.compile(r"(?<=[\u4e00-\u9fff])[,;:!?()]|[,;:!?()](?=[\u4e00-\u9fff])")


LEADING_COLUMN_RE = rx.compile(r"(?:今日要闻|要闻|头条|快讯|最新消息|最新)[：:\s]*")
REPOST_TAG_RE = rx.compile(r"\s*【[^【】]{0,12}(?:转发|转载|来源|转自)[^【】]{0,6}】\s*$")
COLUMN_LABEL_RE = rx.compile(r"^[^|｜丨《》\n]{1,6}[|｜丨]\s*")
# A page's <title> ends with its site or column: "…有关事项的通知-热资讯", "… - 新华网", "…｜中国政府网".
SITE_SUFFIX_RE = rx.compile(
    r"\s*(?:\s-\s|[-－|｜])\s*[^-－|｜《》（）()“”\d\s]{0,10}"
    r"(?:网|报|新闻|资讯|频道|门户|网站|在线|财经|客户端|政府|官网)\s*$"
)


# ... or its matter after it, unbracketed, the whole line its title ("商务部 海关总署公告2025年第18号 公布对部分中重稀土
# 相关物项实施出口管制的决定"): its issuers are the bodies its number names, whatever office the site says posted it
TITLED_ANNOUNCEMENT_RE = rx.compile(
    r"(?P<number>(?P<issuer>[^（()）\s]{2,20}(?:\s[^（()）\s]{2,20}){0,3}?)(?:联合)?公告\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,4}\s*号)"
    r"(?:\s*[（(](?P<title>关于[^（()）]{2,100}?的(?:公告|通告))[）)]|\s+(?P<matter>\S[^（()）]{3,100}))"
)
CUT_ABOUT_RE = rx.compile(r"(?:印发|转发|发布)《[^《》]{4,80}》的通知")
CUT_COVER_RE = rx.compile(r"《[^《》]{4,80}》的(?:通知|决定)")
# A site named after its body: the name after the bar repeats the title's opening, or is a government body.
OWN_NAME_SUFFIX_RE = rx.compile(r"\s*[-－|｜_]\s*([^-－|｜_\s《》（）()]{4,20})\s*$")


def _strip_leading_column(heading: str) -> str:
    """ "今日要闻文化和旅游部关于…的通知": the site's column name glued to a heading that starts with its issuer."""
    column = LEADING_COLUMN_RE.match(heading)
    return heading[column.end() :] if column and ISSUER_RE.match(heading, column.end()) else heading


# "国务院印发划转部分国有资本充实社保基金实施方案(4)": the page of a story split over several pages.
PAGE_MARK_RE = rx.compile(r"\s*[（(]\s*[2-9]\s*[)）]\s*$")


def _without_bracketed_number(title: str) -> str:
    """ "…关于印发X的通知(鄂政发[2016]62号)" -> "…关于印发X的通知" (a title of at least 8 characters stays)."""
    number = BRACKETED_NUMBER_RE.search(title)
    return title[: number.start()] if number and number.start() >= 8 else title


# A document-sharing site names the page after the file: "【政策】闵行区碳达峰实施方案.docx".
FILE_SUFFIX_RE = rx.compile(r"(?<=[\u4e00-\u9fff）)》])\.(?:docx?|pdf|wps|ofd|txt)\s*$", re.IGNORECASE)


# A headline Taiwan's law databases print: the field's label ("法規名稱: 氣候變遷因應法 EN", the English version's link
# after it) and the mark of a rule repealed or suspended ("廢/停縣市共推住商節電行動作業要點"), read simplified.
LAW_DATABASE_HEADLINE_RE = rx.compile(
    r"^\s*(?:法规名称[：:]\s*(?P<name>[^\n]+?)(?:\s+EN)?|废/停\s*(?P<rule>[^\n]+?))\s*$"
)


def strip_site_suffix(title: str) -> str:
    """``title`` without a trailing site or column name (see :data:`SITE_SUFFIX_RE`), a file's extension
    ("…实施方案.docx"), a reposting tag ("…名单公布【智为铭略转发】"), a leading column label before a bar
    ("全文|江西…规划发布", "每经22点丨…") or a law database's field label and marks (法规名称: X EN, 废/停X)."""
    law = LAW_DATABASE_HEADLINE_RE.match(title)
    title = (law.group("name") or law.group("rule")) if law else title
    title = _strip_leading_column(REPOST_TAG_RE.sub("", FILE_SUFFIX_RE.sub("", title)))
    page = PAGE_MARK_RE.search(title)
    title = title[: page.start()] if page and page.start() >= 8 else title
    m = SITE_SUFFIX_RE.search(title)
    title = title[: m.start()] if m and m.start() >= 8 else title
    own = OWN_NAME_SUFFIX_RE.search(title)
    if own and own.start() >= 8 and (title.startswith(own.group(1)) or ISSUER_RE.fullmatch(own.group(1))):
        title = title[: own.start()]  # "湘西高新技术产业开发区…应急预案-湘西高新技术产业开发区": the body's own site
    label = COLUMN_LABEL_RE.match(title)
    return title[label.end() :] if label and len(title) - label.end() >= 8 else title


# Hong Kong, Macau and Taiwan writing puts a document's title in corner brackets (「中华人民共和国对外关系法」,
# 关于「深入打好污染防治攻坚战的意见」), which also quote words (「台独」): a quote that ends with a document's kind or
# is a law's name is read as a title in 《》. One character for one, so offsets hold.
CORNER_VERB_BEFORE_RE = rx.compile(
    rf"(?:(?:{_VERB_ALT})(?:实施|施行)?了?|{_ANNOUNCE_VERB}|{_TW_ENACT_VERB}|{_THIRD_READING}|{_BARE_THIRD_READING})"
    r"(?:第[0-9一二三四五六七八九十]{1,3}(?:批|阶段|期|轮)|新一[轮期])?\s*$"
)
# (a quote may hold one nested in 『』, as Hong Kong writes a pun inside a name: "「製造及生產線『升』級支援先導計劃」")
CORNER_QUOTE_RE = rx.compile(
    r"[「『](?P<inner>[^「」『』《》\n]{2,80}|(?:[^「」『』《》\n]|『[^「」『』《》\n]{1,20}』){2,80})[」』]"
)


# The year of Taiwan's calendar a yearly programme is named by, right before its quoted name: "115年度「农业作物类
# 生产设备设施改善补助计划」", "公告本市105年「…补助金额及注意事项」".
ROC_YEAR_BEFORE_RE = rx.compile(r"(?<![\d０-９])\d{2,3}年度?$")


def corner_titles(text: str, *, named_only: bool = False) -> str:
    """``text`` with corner-bracket quotes that name a document (its kind or a law's name ends them) as 《》, with the
    year of Taiwan's calendar written right before the quote inside (《115年度…补助计划》); unless ``named_only``, also
    those a release verb right before issues. The text keeps its length."""
    if "「" not in text and "『" not in text:
        return text
    yeared: list[tuple[int, int]] = []  # (where the year starts, where its quote opened)

    def one(m: re.Match[str]) -> str:
        inner = m.group("inner")
        named = doc_type(inner) is not None or LAW_NAME_RE.fullmatch(inner) is not None
        # ... or, unless ``named_only``, a name with its kind after the quote ("「保就业」计划": the bracket rules take
        # the kind into the title)
        named = named or (not named_only and QUOTED_NAME_KIND_RE.match(text, m.end()) is not None)
        # ... or what a release verb right before it issues: "正式公告「碳费征收对象…审核原则」" (open vocabulary, as a
        # title in 《》 a body is said to issue), or a third reading passes ("三读通过「…特别预算案」")
        issued = not named_only and CORNER_VERB_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()) is not None
        if not (named or issued):
            return m.group(0)
        if year := ROC_YEAR_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            yeared.append((year.start(), m.start()))
        return f"《{inner}》"

    out = CORNER_QUOTE_RE.sub(one, text)
    for start, opened in yeared:  # (the bracket moves before the year: the same length)
        out = out[:start] + "《" + out[start:opened] + out[opened + 1 :]
    return out


def _qa_transcript(text: str) -> bool:
    """Whether ``text`` is an official's Q&A on a document: its opening names who answers the questions and the first
    question follows on a line of its own. (A lead reporting a release that quotes an answer in prose, "…有关负责人回答
    记者提问时表示", is news of the release, not a transcript.)"""
    lead = QA_LEAD_RE.search(text, 0, QA_LEAD_CHARS)
    return lead is not None and QA_QUESTION_RE.search(text, lead.end(), lead.end() + QA_QUESTION_GAP) is not None


def fullwidth_punctuation(text: str) -> str:
    """``text`` with ASCII punctuation beside Chinese characters in full width (same length)."""
    return ASCII_PUNCT_RE.sub(lambda m: m.group(0).translate(_ASCII_PUNCT), text)


INTERPRETATION_RE = rx.compile(r"解读|读懂|看懂|图解|详解|答记者问|问答|" + COMMENTARY)
# A headline's note of what the page appends: "（附热点问答）", "【附政策解读】", "(内附图解)".
ATTACHED_NOTE_RE = rx.compile(r"[（(【\[]\s*(?:附|含|内附)[^（）()【】\[\]\n]{0,16}[）)】\]]")
RELEASED_WITH_INTERPRETATION_RE = rx.compile(r"(?:同时|同步|一并)[^。]{0,30}解读")
# An interpretation's section heading on a line of its own: why and how the document it explains was made.
INTERPRETATION_HEADING_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十][)）]|\d[.、．])?[ \t\u3000]*"
    r"(?:《[^》\n]{1,40}》)?的?(?:出台|制定|起草|编制|修订)的?背景[：:]?[ \t\u3000]*$"
)
# An official's Q&A on a document, set out as a transcript: a lead naming who answers ("国家发展改革委有关负责同志就
# 《方案》接受采访，回答了记者提问。"), then the first question on a line of its own ("问：", "1.问：", "記者問：")
QA_LEAD_RE = rx.compile(
    r"(?:负责(?:人|同志)|發言人|发言人)[^。！？]{0,60}?"
    r"(?:回答了?(?:记者|記者)?的?提问|回答了?(?:记者|記者)?的?提問|答(?:记者|記者)问|答(?:记者|記者)問"
    r"|接受[^。！？]{0,10}(?:采访|採訪)|(?:进行|作)了?解读|(?:进行|作)了?解讀)"
)
QA_QUESTION_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?:[0-9一二三四五六七八九十]{1,2}[.、．]?[ \t\u3000]*)?(?:记者|記者)?(?:问|問)[ \t\u3000]*[：:]"
)
QA_LEAD_CHARS = 400  # the lead that names who answers opens the page ...
QA_QUESTION_GAP = 300  # ... and the first question follows it at once
SUGGESTION_REPLY_RE = rx.compile(
    r"(?:建议|提案|议案)[》」”]?\s*(?:[（(][^（）()\n]{1,16}[）)])?\s*(?:已)?收悉"
    r"|(?:建议|提案|议案)的(?:答复|回复|复函|办理情况|办理结果)|答复摘要|现(?:将有关情况)?(?:汇总)?(?:答复|回复)如下"
    # "您提出的“关于健全瓦斯排放约束机制的建议”，由我部会同国家能源局…办理": the letter's opening to the deputy
    r"|(?:^|\n)\s*(?:您|你们?)(?:所)?提出的[^。\n]{2,80}?(?:建议|提案|议案)[》」”]?\s*[，,]?\s*(?:已)?由[^。\n]{2,40}?办理"
)
REPLY_OPENING_CHARS = 400
ADDRESSEE_OPENING_RE = rx.compile(r"^各[^。：:\n]{1,120}?[：:]")
COVER_ADDRESSEE_LINES = 4  # how far down a covering notice's addressees may open their line
COVER_FORMULA_RE = rx.compile(
    r"现将《[^》]{2,80}》(?:印发|转发|发)给?你们|《[^》]{2,80}》[^。]{0,30}现(?:予)?印发给你们"
)
MONTHLY_RULES_RE = rx.compile(
    r"^[^，。！!？?]{0,6}(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}日)?(?:起|份)?[^。！!？?]{0,10}新规"
)
# ... and one inside a 关于 title that goes on to its own kind (关于…政策解读工作检查情况通报), unlike 关于《X》的解读
ABOUT_INTERPRETATION_RE = rx.compile(rf"关于.*(?:{INTERPRETATION_RE.pattern})(?!.*(?:{INTERPRETATION_RE.pattern})$).+$")
# A draft published for comment is not yet issued: its title says so (（征求意见稿）, （草案）, 送审稿) or the sentence
# reporting it does ("就《…办法》公开征求意见"); "在广泛征求意见的基础上" describes how an issued document was made.
# 关于征求《X》公众意见的通告, 关于公开征集…建议的公告 (a call for comments), 关于提请印发《X》的请示 (a request
# that a superior issue X): nothing is issued yet. (A rule on how drafts are pre-announced, Taiwan's
# 法规命令草案预告作业要点, is no draft.)
# (a draft put out for comment by its own title, 《…（征求意见稿）》, 送审稿, 讨论稿: never a bill, which a legislature
# passes under its drafting name, 《…条例草案》)
_COMMENT_DRAFT = r"征求意见稿|征求意见[）)]?》?$|送审稿|讨论稿"
COMMENT_DRAFT_TITLE_RE = rx.compile(_COMMENT_DRAFT)
# (a quoted draft put out for comment: "征求《X》意见", "征求《X》（征求意见稿）的意见")
_QUOTED_DRAFT_PUT_OUT = r"征求《[^《》]{2,80}》\s*(?:（征求意见稿）)?\s*的?"
# A hearing called on a price or a decision still to be made (…价格调整方案听证会公告, 关于召开…调整听证公告,
# 关于公开征集…听证会参加人的公告): the decision comes after it; not a legislature's 听证条例
_HEARING = (
    r"(?:召开|举行|举办)[^。；《》]{2,80}听证会?|听证会?(?:参加人|代表|旁听人)|听证会?(?:的)?(?:公告|通告|通知)》?$"
)
DRAFT_TITLE_RE = rx.compile(
    _COMMENT_DRAFT + r"|草案(?!预告[\u4e00-\u9fff]{0,6}(?:要点|办法|规定|须知|程序))"
    r"|^关于(?:公开)?(?:征求|征集).{2,80}(?:意见|建议)|的请示$"
    # (... its body's name first, the draft quoted: "广西壮族自治区发展和改革委员会关于公开征求《…》意见的公告"; or
    # what is consulted on named otherwise: "…人力资源和社会保障局关于公开征求《A》《B》执行情况意见建议的公告"; a
    # call for proposals, 关于公开征集…建议的函, is labelled either way and stays a release)
    r"|(?<=[会局厅部委府办室署])关于(?:公开)?" + _QUOTED_DRAFT_PUT_OUT + "意见"
    r"|(?<=[会局厅部委府办室署])关于(?:公开)?征求[^。；]{2,120}?(?:意见|建议)的(?:公告|通告|通知|函)$"
    # ... and the account of how a consultation went (…决策事项征求意见建议情况公告, 关于《X》征求意见情况的反馈)
    r"|征求意见(?:建议)?(?:情况|结果)的?(?:公告|通告|反馈|通报|说明)$"
    # ... and the result of consulting on one (关于《X规划》公开征集意见的结果): the plan is still a draft
    r"|^《?关于《[^《》]{2,80}》(?:草案)?(?:公开|向社会)?(?:征求|征集)(?:社会|公众)?(?:意见|建议)"
    # a public notice of what is only proposed (关于对拟发布…职业信息进行公示的公告, …拟推荐名单的公示)
    r"|拟[^，。；]{1,40}公示"
    # ... as any 关于…的公示 is: a list, a decision or a report posted for objections before it is made final
    # (关于2021年上海市“全国绿色商场示范创建”单位的公示, …关于注销…古树档案的公示（2025.10.28）)
    r"|^《?[^《》]{0,40}关于[^。；]{2,120}的公示(?:\s*[（(][^（）()]{0,16}[）)])?》?$"
    r"|" + _HEARING
)
# (a headline calling such a hearing on a document it names puts that document up as a draft: "《包头市便民市场和便民
# 摊点管理指导意见》听证会公告")
HEARING_HEADLINE_RE = rx.compile(_HEARING)
# A headline putting a quoted draft out for comment: "…关于公开征求《广西壮族自治区政府投资管理办法》意见的公告"
HEADLINE_COMMENT_RE = rx.compile(rf"(?:公开|向社会)?{_QUOTED_DRAFT_PUT_OUT}(?:意见|建议)")
BRACKETED_TITLE_RE = rx.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》")
# ("公开征求意见四个月后，…正式发布《…》": the comment period over, the document issued, as with 意见后)
DRAFT_SENTENCE_RE = rx.compile(
    r"(?:公开|向社会|广泛)?征求(?:社会各界|公众|各方)?意见"
    r"(?!的基础上|(?:[\d一二三四五六七八九十两半多]{1,3}个?(?:多个?)?(?:月|天|日|周|星期|年))?之?后|建议)|征求意见稿"
)
DRAFT_NAME_RE = rx.compile(r"草案|征求意见稿")
# ... or opens a trade-remedy investigation (the procedure begun, its ruling still to come)
INVESTIGATION_SENTENCE_RE = rx.compile(INVESTIGATION + r"[。；;]?$")
RULING_RE = rx.compile(r"初裁|终裁|裁定|裁决|保证金|征收[^，。；]{0,6}税")
# What a provision allows or requires of others ("涉群众利益的司法解释可公开征求意见"), the document's content, not its
# state
PROVISION_MODAL_BEFORE_RE = rx.compile(r"(?:[可须需]|应当?)(?:公开|向社会|广泛)?$")
DRAFT_STATUS_LINE_RE = rx.compile(
    r"(?m)^[ \t\u3000]*[（(][ \t\u3000]*(?:修订)?(?:草案|征求意见稿|送审稿|讨论稿)[^（）()\n]{0,12}[）)][ \t\u3000]*$"
)


DRAFT_AFTER_TITLE_RE = rx.compile(r"[（(]?(?:修正|修订|修改)?(?:草案|征求意见稿|送审稿|讨论稿)")


DRAFT_PAREN_RE = rx.compile(r"[（(]草案[）)](?=》?$)")
# A draft put out for comment named in brackets (not a 草案 alone: the draft a legislature reviews is what it passes)
DRAFT_MARK_RE = rx.compile(r"[（(](?:草案)?(?:征求意见稿|送审稿|讨论稿)[）)]")
# Taiwan's rule-making pre-announces a regulation's draft for comment (法规预告): "环境部预告「…办法」草案",
# "预告修正「…细则」", "今天预告攸关国内碳权交易的「…办法」": the document named right after 预告 is not issued yet.
PRE_ANNOUNCED_RE = rx.compile(r"预告(?:修正|订定|增订|修订|废止|增修)?[^，,。；;！？\n「」《》]{0,16}[「《]?$")
PRE_ANNOUNCED_REACH = 24  # how far before the document's title the pattern looks


def _pre_announced(d: PolicyDocument, texts: dict[str, str]) -> bool:
    """``d`` is named right after 预告 in its field (:data:`PRE_ANNOUNCED_RE`): a draft pre-announced for comment."""
    text = texts.get(d.field, "")
    return PRE_ANNOUNCED_RE.search(text, max(0, d.start - PRE_ANNOUNCED_REACH), d.start) is not None


_LEGISLATURE_PASSED = rf"{_LEGISLATURE}[^，。；：《》\n]{{0,24}}?通过"  # "香港立法会今日三读通过"
LEGISLATURE_PASSED_RE = rx.compile(_LEGISLATURE_PASSED + r"了?\s*$")
# A release the rules read from a legislature's vote: a third reading, Macau's final detailed vote, a legislature
# passing it ("立法会今日三读通过", "立法会全体会议细则性表决通过", "香港立法会通过")
VOTED_CUE_RE = rx.compile(rf"三读|细则性(?:表决)?通过|{_LEGISLATURE_PASSED}")


def voted_release(policy: PolicyResult) -> bool:
    """Whether a release the rules found is a legislature's vote (:data:`VOTED_CUE_RE`): an event the page states,
    whatever a draft's words around it weigh (the bill passed is named 条例草案)."""
    return any(d.is_release and VOTED_CUE_RE.search(d.cue) for d in policy.documents)


VOTED_AFTER_DRAFT_RE = rx.compile(
    r"\s*(?:已|今天|昨天|\d{1,2}日)?经[^。，；！？\n]{0,24}?表决[^。，；！？\n]{0,8}?通过"
)


# A legislature passing a bill makes it law: "立法会今日三读通过《…条例草案》", "立法会早前通过《…条例草案》",
# "立法院院会三读通过…修正草案" (not a committee's first review, 初审通过, nor a second reading)
BILL_PASSED_BEFORE_RE = rx.compile(
    r"(?:三读(?:修正|增订|修订)?|立法会(?:(?!委员会|[一二首]读|初审|审议)[^，。；！？《「]){0,12}?)(?:表决)?通过了?"
    r"[^，。；！？]{0,30}$"
)


# ... or right after it: "《汽车引擎空转(定额罚款)条例草案》，5日获立法会三读通过", "《X条例草案》今日（10日）在立法会
# 三读通过" (not a second reading: "获大比数二读通过")
# (... or the bill named after the law's title, the day after 已于: "《菸害防制法》修正草案已于1月12日经立法院三读通过")
BILL_PASSED_AFTER_RE = rx.compile(
    r"\s*(?:[（(][^（）()\n]{1,12}[）)])?[，,]?\s*(?:(?:修正|修订|修改)?草案\s*)?(?:已经?于?|于)?\s*"
    r"(?:今日|今天|昨日|昨天|昨晚|(?:\d{1,2}月)?\d{1,2}日)?"
    r"(?:[（(][^（）()\n]{1,8}[）)])?\s*(?:获|经|在|已)?\s*(?:立法会|立法院|立院)[^，。；！？《「\n]{0,12}?三读(?:修正|增订|修订)?通过"
)


def _passed_bill(d: PolicyDocument, texts: dict[str, str]) -> bool:
    """``d`` is a bill (…条例草案) the sentence before or right after it says a legislature passed."""
    if not BILL_RE.search(re.sub(r"[《》「」\s]", "", d.title)):
        return False
    if THIRD_READING_ANAPHOR_RE.fullmatch(d.cue):
        return True  # (the bill named again where it is passed, after it was quoted)
    text = texts.get(d.field, "")
    if BILL_PASSED_AFTER_RE.match(text, d.end):
        return True
    return BILL_PASSED_BEFORE_RE.search(text, max(0, d.start - 60), d.start) is not None


def _draft(d: PolicyDocument, texts: dict[str, str]) -> bool:
    """``d`` is a draft for comment, by its title or by the sentence that reports it."""
    if _passed_bill(d, texts):
        return False
    if DRAFT_TITLE_RE.search(d.title):
        return True
    if d.cue.startswith(FULL_TEXT_CUE):
        # "沈阳市人民代表大会常务委员会办公室公告（第7号） / …现将《条例（草案）》全文公布，广泛征求意见": the
        # announcement the article prints opens by putting a draft out for comment
        head = texts.get("text", "")[:400]
        if any(DRAFT_NAME_RE.search(s) and DRAFT_SENTENCE_RE.search(s) for s in re.split(r"[。！？\n]", head)):
            return True
        # "深圳经济特区生态环境保护条例 / （草案） / 第一章 总则": the heading's status line says the text is a draft
        if DRAFT_STATUS_LINE_RE.search(head):
            return True
    text = texts.get(d.field, "")
    if DRAFT_AFTER_TITLE_RE.match(text, d.end) and not BILL_PASSED_AFTER_RE.match(text, d.end):
        return True  # "开始审议全国人大常委会关于积极应对气候变化的决议草案": the title a draft's name is built on
    if _pre_announced(d, texts):
        return True  # "环境部今天预告修正「温室气体减量及管理法施行细则」": Taiwan's pre-announcement of a draft
    start = max(text.rfind(mark, 0, d.start) for mark in "。！？\n") + 1
    sentence = text[start : _sentence_end(text, d.end)]
    after = d.end - start
    # "会议发布了《甲》，讨论了《乙》的征求意见稿": a draft phrase inside or right after another title is that one's;
    # one inside the document's own title is its matter, not its state ("《政府立法公开征求意见反馈办法》"), where
    # the title is one (no clause of a sentence read as a title)
    own = d.start - start
    titled = not re.search(r"[，,。；;]", d.title)
    return any(
        (m.start() < after or not _owned_by_later_title(sentence, after, m.start()))
        and not (titled and own <= m.start() and m.end() <= after)
        and not _comment_period_behind(sentence, m)
        and not PROVISION_MODAL_BEFORE_RE.search(sentence, 0, m.start())
        for m in DRAFT_SENTENCE_RE.finditer(sentence)
    )


# "在经历了5个多月的社会公开征求意见，并接受…修改意见后，央行…联合发布了《X》": the comment period is behind the
# document, told in an 经过/经历…后 clause: the document is the final one
COMMENT_BEHIND_BEFORE_RE = rx.compile(r"(?:经过|经历|历经|通过)了?[^。！？，,]{0,30}$")
COMMENT_BEHIND_AFTER_RE = rx.compile(r"[^。！？；]{0,50}?(?:后|之后|以后)[，,]")


def _comment_period_behind(sentence: str, m: re.Match[str]) -> bool:
    """The draft phrase ``m`` is the comment period a final document went through (经过…征求意见…后，…发布)."""
    return bool(
        COMMENT_BEHIND_BEFORE_RE.search(sentence, 0, m.start()) and COMMENT_BEHIND_AFTER_RE.match(sentence, m.end())
    )


def _owned_by_later_title(sentence: str, after: int, pos: int) -> bool:
    """The phrase at ``pos`` lies inside a title in 《》 that opens after ``after``, or right behind one (》的)."""
    opened = sentence.rfind("《", after, pos)
    if opened < 0:
        return False
    closed = sentence.find("》", opened)
    return closed < 0 or closed > pos or bool(re.fullmatch(r"》的?\s*", sentence[closed:pos]))


# "重庆市农村人居环境整治成效与提升机制研究", "中国土壤污染防治地方立法思路与探索——以广东省为例", "…：国际经验与政策
# 建议": a research paper's title; the documents it names are its matter (not "中共X市委关于制定…规划的建议", a
# party document's own title, which 关于 opens)
RESEARCH_HEADLINE_RE = rx.compile(
    r"^(?!.*关于).*(?:研究|探析|浅析|浅谈|初探|探讨|启示|思考|——以[^—\n]{2,16}为例|国际经验|(?:政策|应对|对策)建议)"
    r"[」』”’]?$"
)
# "【中信证券：央行上缴结存利润既不是…】…中信证券认为，3月8日央行发布公告称…": a broker's or institute's view of a
# release, whatever verbs its flash repeats.
BROKER_VIEW_RE = rx.compile(r"^【?[\u4e00-\u9fff]{2,8}(?:证券|研究所|研究院|期货|基金|资管)[：:]")
# "【来论】应对气候变化必须言出必行", "观潮 | 历史总是惊人的相似", "大成研究 | 市值管理新纪元": an opinion or research
# column's tag; the documents it names are its matter, not its news (a 政策解读 column is INTERPRETATION_RE's). So
# are a paper's editorial ("旺報社評》…", "社評/…"), a forum, column, dialogue or interview tag ("【綠色論壇】",
# "【對話】") and an op-ed, reported or printed ("…投書美媒…", "【投書】…").
OPINION_COLUMN_RE = rx.compile(
    r"^(?:【[^】]{0,6}(?:来论|评论|时评|社评|社论|热评|快评|锐评|短评|述评|论坛|专栏|投书|对话|专访|访谈)】"
    r"|[\u4e00-\u9fff]{0,6}(?:观潮|研究|评论|时评|来论)\s*[|｜]"
    r"|[\u4e00-\u9fff]{0,4}(?:社评|社论)\s*[》/／:：|｜\s]"
    r"|.*投书)"
)
# "2021年中国互联网治理十大事件", "2021年度十大检察新闻", "中国应对气候变化十大新闻发布": a year's top ten recalls the
# releases it lists; none of them is the news.
YEAR_REVIEW_RE = rx.compile(r"十大[\u4e00-\u9fff]{0,4}?(?:新闻|事件)")
# Headlines that are a document: "《深圳市金融业高质量发展“十四五”规划》：推动数字人民币…" (the document, then a point
# it makes) and "中央网信办关于加快推动区块链技术应用和产业发展的指导意见" (a full official title, issuer first, no
# verb): news of a release reads so even when the feed kept only a line of the body.
HEADLINE_DOC_COLON_RE = rx.compile(r"^《(?P<title>[^《》]{4,80})》\s*[：:]")


# A full text's headline as sites print it: a region or column tag (【海南】), a column word (政策解读：) or the site's
# topic (惠企政策：) before a colon.
LEADING_TAG_RE = rx.compile(r"^【[^【】]{1,10}】\s*")
COLUMN_WORD_RE = rx.compile(r"(?:政策)?解读|全文|原文|政策文件|文件|通知公告|公告|公示|政策")
TOPIC_COLON_RE = rx.compile(r"^[^：:《》“”关]{2,30}[：:]\s*")
# "网信办：关于国家区块链创新应用试点入选名单的公示": the issuer, a colon, then the document's own title.
HEADLINE_COLON_LEAD_RE = rx.compile(rf"^(?:【[^【】]{{1,10}}】\s*)?(?P<issuer>{_ONE_ISSUER}|{_MULTI})[：:]\s*")
COLON_AFTER_ISSUER_RE = rx.compile(rf"^({_ONE_ISSUER})[：:]\s*(?=关于)")


def _headline_document(title: str) -> PolicyDocument | None:
    """The document a headline consists of (see :data:`HEADLINE_DOC_COLON_RE`), as a release."""
    headline = HEXO_QUOTE_RE.sub('"', title.strip())  # archive file names write quotes as _
    m = HEADLINE_DOC_COLON_RE.match(unify_quotes(title.strip()))
    if m:
        name = m.group("title")
        kind = document_kind(name)
        if kind is None or kind in WEAK_KINDS or not title_is_document(name)[0]:
            return None
        issuer, _ = split_issuer_prefix(name)
        cue = "headline: the document, then what it says"
        return _released(f"《{name}》", issuer, kind, "title", m.span("title"), cue)
    issuer, rest = split_issuer_prefix(COLON_AFTER_ISSUER_RE.sub(r"\1", headline, count=1))
    kind = document_kind(rest)
    if issuer is None or not rest.startswith("关于") or kind is None or kind in WEAK_KINDS:
        return None
    if VERB_IN_TITLE_RE.search(headline[: len(headline) - len(rest)]) or not title_is_document(rest)[0]:
        return None
    if _inside_brackets(headline, headline.find("关于")):
        return None  # "《中共中央国务院关于…的意见》从全局…明确了…": the bracketed title is the document, found as one
    span = (len(headline) - len(rest), len(headline))
    return _released(rest, issuer, kind, "title", span, "headline: issuer + 关于…")


# "11省份上调2021年最低工资标准", "36地出台保交楼政策", "多地发布限跌令": a roundup headline reports releases by a
# count of local governments; the labels count it as a release even when no document is named.
ROUNDUP_RE = rx.compile(
    r"(?P<who>(?:\d{1,3}余?|多|数|十余|近\d{1,3}|全国\d{1,3})个?(?:地|省份|省区市|省市|省|城市|城|市))"
    r"(?:已|相继|陆续|密集|纷纷|先后|集中)?"
    r"(?P<verb>出台|发布|印发|公布|推出|上调|下调|调整|出手|发文|宣布)"
    r"(?P<what>[^，。；：:！？!?\s]{0,24})"
)


ROUNDUP_NOT_POLICY_RE = rx.compile(r"GDP|数据|成绩单|统计|增速|排名|榜单|名单|预警|天气|高温|疫情|病例|招聘|考试")


def _roundup_document(title: str) -> PolicyDocument | None:
    """The releases a roundup headline reports (see :data:`ROUNDUP_RE`), as one entry issued by the count."""
    m = ROUNDUP_RE.search(title)
    if m is None or _future(title[: m.start("verb")]) or PLAN_RE.search(title[: m.start("verb")]):
        return None
    what = m.group("what").strip('_"“”') or "政策"
    if ROUNDUP_NOT_POLICY_RE.search(what):
        return None  # "31省份发布一季度GDP": figures, not policies
    return _released(what, m.group("who"), None, "title", m.span("what"), f"roundup of local releases: {m.group(0)}")


# "晋城两地入选!全国试点!", "河北1市、2家产业园区入选 国家首批减污降碳协同创新试点公布", "德州经济技术开发区入选
# 全国首批碳达峰试点": places chosen for a national or provincial pilot, batch or list report that a body published
# the list that names them. The chosen must be places (a place's suffix or a count of places), never a company
# ("华能入选", "中集入选…坐标点") or a product ("9项技术入选…"), and the programme a government's (国家, 全国, 省级,
# a numbered batch) ending in what such lists are: pilots, demonstration areas, lists.
SELECTION_RE = rx.compile(
    r"(?P<who>(?:\d+|[两二三四五六七八九十]{1,3})个?(?:地|市|县|区|城市|市[（(]区[）)])"
    rf"|(?:{PROVINCES})(?:省|市|自治区)?"
    r"|[\u4e00-\u9fff]{2,8}?(?:市|县|州|盟|旗|开发区|园区|新区|高新区|示范区))"
    r"(?:等\d*个?[^\s，。！!？?]{0,6})?(?:成功|正式|再次)?(?:入选|获批|当选|列入|纳入)[!！\s]*"
    r"(?P<what>(?:国家级?|全国|省级|首批|第[一二三四五六七八九十\d]{1,3}批)[^\s，。！!？?；]{0,24}?"
    r"(?:(?:试点(?:城市|县|地区|单位)?|示范(?:区|市|县|城市|基地)|先行区)(?:(?:创建|建设)?(?:名单|名录))?|名单|名录))"
)


def _selection_document(title: str) -> PolicyDocument | None:
    """The list a headline reports places were chosen for (see :data:`SELECTION_RE`), as a release: the list."""
    m = SELECTION_RE.search(unify_quotes(title))
    if m is None or _future(title[: m.start()]):
        return None
    what = m.group("what")
    name = what if what.endswith(("名单", "名录")) else what + "名单"
    cue = f"places chosen for a government's pilot or list: {m.group(0)}"
    return _released(name, None, "名单", "title", m.span("what"), cue)


# A day the text reports something happened on: "2023年5月10日", "于2022年6月印发" (not one it looks ahead to: 自…起,
# 将于, 到…, 截至, …前).
_NOT_AHEAD_BEFORE = (
    r"(?<!自)(?<!从)(?<!到)(?<!至)(?<!截至)(?<!截止)(?<!将于)(?<!将在)(?<!预计)(?<!计划)(?<!力争)(?<!将)"
)
_NOT_AHEAD_AFTER = r"(?![^，。；\n]{0,12}?(?:起|前|止|以后|之后|开始|到期|截止|施行|实施|生效))"
REPORTED_DATE_RE = rx.compile(_NOT_AHEAD_BEFORE + r"((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日)?" + _NOT_AHEAD_AFTER)
# ... and a day Taiwan dates by its 民国 era (114年3月30日)
ROC_REPORTED_DATE_RE = rx.compile(
    _NOT_AHEAD_BEFORE + r"(?<![\d０-９])(?P<roc>9\d|1[0-2]\d)年\d{1,2}月\d{1,2}日" + _NOT_AHEAD_AFTER
)


def _reported_year(text: str) -> int | None:
    """An undated article's year at the earliest: the latest year of a day it reports something happened on (an
    article is not written before the events it reports), or None."""
    years = [int(m.group(1)) for m in REPORTED_DATE_RE.finditer(text)]
    years += [int(m.group("roc")) + ROC_ERA for m in ROC_REPORTED_DATE_RE.finditer(text)]
    return max(years) if years else None


# A party's climate commitment under the Paris Agreement is issued by submitting it to the convention's secretariat:
# "中方已向《联合国气候变化框架公约》秘书处提交了2035年国家自主贡献（NDC）目标", "根据中国提交的《强化应对气候变化
# 行动——中国国家自主贡献》". Not one to be submitted (将, 拟, 尽快: a plan or a call), nor another country's.
SUBMITTED_COMMITMENT_RE = rx.compile(
    r"(?<![将拟要应需])(?:向[^。；《》\n]{0,4}《?联合国气候变化框架公约》?秘书处(?:正式)?(?:提交|递交)了?"
    r"(?P<plain>[^，。；：《》\n]{2,16}?国家自主贡献(?:[（(]NDC[）)])?)"
    r"|(?:提交|递交)的(?P<titled>《[^《》\n]{0,60}?国家自主贡献[^《》\n]{0,12}》))"
)
SUBMITTING_PARTY_RE = rx.compile(r"(?:中方|中国政府|中国)(?:已|正式|日前|近日|今天|昨天|\d{1,2}日)*$")


def _submitted_commitments(text: str, field_name: str) -> list[PolicyDocument]:
    """China's nationally determined contributions the text reports submitted (:data:`SUBMITTED_COMMITMENT_RE`): each
    a release, its title as the text writes it; the party, 中方 or 中国, names no issuing body."""
    found = []
    for m in SUBMITTED_COMMITMENT_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if not SUBMITTING_PARTY_RE.search(re.sub(r"[^\u4e00-\u9fff\d]", "", before)):
            continue  # a commitment another country submitted, or no party named
        name = m.group("plain") or m.group("titled")
        span = m.span("plain") if m.group("plain") else m.span("titled")
        cue = f"a climate commitment submitted: {m.group(0)[:30]}"
        found.append(_released(name, None, None, field_name, span, cue))
    return found


ENGLISH_CUE = "in English: "


def _english_document(r: EnglishRelease) -> PolicyDocument:
    """A release read from an English page (see :mod:`carbonwatch.classify.english`)."""
    return PolicyDocument(
        title=r.title,
        title_norm=normalise_title(r.title),
        issuer=r.issuer,
        doc_number=r.number,
        doc_type=r.kind,
        is_release=True,
        field=r.field,
        start=r.start,
        end=r.end,
        cue=ENGLISH_CUE + r.cue,
    )


def recognise(
    title: str,
    text: str,
    meta: dict[str, str] | None = None,
    source: str = "",
    *,
    published_at: datetime | None = None,
    carbon_terms: re.Pattern[str] | None = None,
) -> PolicyResult:
    """Find the policy documents an article names and whether it reports their release.

    ``published_at`` dates the article (events in earlier years are history, not news); ``carbon_terms`` marks
    documents whose title names a carbon term (see ``PolicyDocument.carbon``).
    """
    ref_year = published_at.year if published_at else _reported_year(text)
    column = OPINION_COLUMN_RE.match(title.strip())  # (the column tag before "|" goes with the site suffix below)
    column = column or RESEARCH_HEADLINE_RE.search(title.strip())
    title, text = fullwidth_punctuation(_without_repeated_head(strip_site_suffix(title))), fullwidth_punctuation(text)
    title, text = corner_titles(title), corner_titles(text)  # 「反外国制裁法」 as Hong Kong and Taiwan write 《…》
    title, text = _without_page_stamps(title), _without_page_stamps(text)
    # the document number a page prints after its title is no part of it: the full-text reading takes it as the
    # number (``TRAILING_NUMBER_RE``), every other reading of the headline goes without it
    numbered_title, title = title, _without_bracketed_number(title)
    docs: list[PolicyDocument] = []
    page_doc = (
        government_page_document(title, meta or {}, source)
        or _printed_metadata_document(title, text)
        or _printed_standard_record(title, text)
    )
    if page_doc is not None:
        docs.append(page_doc)
    docs += _bracket_docs(title, "title", ref_year) + _plain_docs(title, "title", ref_year)
    docs += _bracket_docs(text, "text", ref_year) + _plain_docs(text, "text", ref_year, title)
    docs += _implementing_docs(title, "title", ref_year) + _implementing_docs(text, "text", ref_year)
    docs += _header_docs(text, "text", ref_year)
    docs += _submitted_commitments(title, "title") + _submitted_commitments(text, "text")
    docs += _decision_docs(title, "title", ref_year, page_text=text) + _decision_docs(text, "text", ref_year, title)
    docs += _signed_orders(title, "title") + _signed_orders(text, "text")
    docs += _subject_line_docs(text)
    if not any(d.is_release for d in docs):
        docs += _effective_docs(title, text, ref_year)  # the fallback for an untitled measure, never a second entry
    items = _digest_items(title, text)
    docs += _digest_docs(title, text, items, ref_year)
    full_text = _document_text(numbered_title, text)
    if full_text is None:
        full_text = _printed_numbered_heading(text)
    if full_text is not None:
        docs.insert(0, full_text)
    elif not any(d.is_release and d.field == "title" for d in docs):
        headline_doc = _headline_document(title) or _roundup_document(title)
        if headline_doc is None and not any(d.is_release for d in docs):
            headline_doc = _selection_document(title)  # the list itself, where the body names no release
        if headline_doc is not None:
            docs.insert(0, headline_doc)
    if not any(d.is_release for d in docs):
        numbered_page = _numbered_page_document(numbered_title, text)
        if numbered_page is not None:
            docs.insert(0, numbered_page)
        else:
            addressed = _addressed_page_documents(title, text)
            headless = None if addressed else _opening_sentence_document(title, text)
            docs[:0] = addressed or ([headless] if headless else [])
    if not any(d.is_release for d in docs):
        # an English page (an official translation, the English-language press), read by its own conventions
        docs[:0] = [_english_document(r) for r in english_releases(title, text)]
    for d in docs:
        voted = VOTED_AFTER_DRAFT_RE.match(text, d.end) if d.field == "text" else None
        if voted and not d.is_release and DRAFT_PAREN_RE.search(d.title):
            # "《天津市…防治条例（草案）》经全体参会代表表决顺利通过": a legislature's vote makes the draft the law
            d.title = DRAFT_PAREN_RE.sub("", d.title)
            d.title_norm, d.is_release, d.cue = normalise_title(d.title), True, "表决通过: " + voted.group(0).strip()
    order_issuer, _ = _heading_issuer(text)
    merged = _link_untitled(_merge(docs), {"title": title, "text": text})
    legislature = _session_legislature(title, text) if "表决" in text else None
    host = _press_conference_host(title)
    page = title + "\n" + text
    for d in merged:
        if d.is_release and d.issuer is None:
            # who issued a release no rule named, in this order: the order's printed heading names who issues what
            # it promulgates; the number's code (粤府〔2007〕57号); the lead, where it writes a headline's title;
            # the standing committee of the session that voted it through (会议表决通过《…》); the press
            # conference's host ("国家卫生健康委…新闻发布会文字实录": "一是印发《…》")
            d.issuer = (
                order_issuer
                or (issuer_of_number(d.doc_number) if d.doc_number else None)
                or _title_owner(d.title.strip("《》"))  # 《四川省应急管理厅2024年度安全生产监督检查计划》
                or _title_body(d.title)
                or _local_body_on_page(d.title, page)
                or (_issuer_in_lead(d, text) if d.field == "title" else None)
                or (legislature if "表决" in d.cue else None)
                or adopting_legislature(d, text)
                or host
                or _self_signed_issuer(d, text)
                or (_we_issuer(d, text, title) if d.field == "text" else None)
                # a heading printed without its issuer is signed at the document's end
                or (_closing_issuer(text) if d.cue.startswith(BARE_HEADING_CUE) else None)
                # a page that prints the document, by the government body its header names as the source or
                # publisher (来源：勐腊县关累镇人民政府, 发布机构 内蒙古自治区工业和信息化厅), or, in Taiwan's law
                # database, by the ministry its category path names (法规类别: 行政 > 环境部)
                or (
                    (_source_line_body(text, SOURCE_HEADER_LINES) or _law_database_ministry(d.title, text))
                    if d.cue.startswith(FULL_TEXT_CUE)
                    else None
                )
                # ... and last, a later sentence of the lead whose release verb leaves its object out
                or _elided_object_issuer(d, text)
            )
    for d in merged:
        if d.is_release and d.issuer and MULTI_RE.fullmatch(d.issuer):
            d.issuer = _counted_members(d.issuer, text) or d.issuer
        elif d.is_release and d.issuer and "、" not in d.issuer:
            d.issuer = _led_members(d, text) or d.issuer
            # "《交通运输部 国家铁路局 中国民用航空局 国家邮政局贯彻落实…的实施意见》" found under 交通运输部: the
            # bodies its own title opens with, which it leads
            opened_by = _title_body(d.title)
            if opened_by and opened_by.startswith(d.issuer + "、"):
                d.issuer = opened_by
        if d.is_release and d.issuer:
            # "沅江市发展和改革局转发《国家发展改革委 国家能源局关于…的通知》": a title that opens with its issuers'
            # names and 关于 is theirs, whoever passes it on
            # (not a heading naming only its place, "十堰市关于…的通告": which of its bodies issued it is the text's)
            place_only = BARE_PLACE_HEAD_RE.match(d.title.strip("《》"))
            headed_by = None if place_only else split_issuer_prefix(d.title)[0]
            if headed_by and not set(headed_by.split("、")) & set(d.issuer.split("、")):
                d.issuer = headed_by
        if d.is_release and d.issuer and "、" not in d.issuer and canonical_issuer(d.issuer) is None:
            # "延平区人民政府关于…的通告" read by its heading alone: by its whole name if the page gives it
            d.issuer = _local_body_on_page(d.issuer, page) or d.issuer
        if d.is_release and d.issuer and d.doc_number:
            d.issuer = office_of_number(d.issuer, d.doc_number)
    merged = _without_repeats(merged)
    merged, folded = _fold_headline_paraphrases(merged)
    merged = _without_title_fragments(merged)
    # (a press conference's name is no release verb: "举行新闻发布会解读人工智能产业新政" is an explainer)
    # (a verb inside a title the headline quotes is the title's: "…就《关于印发〈X〉的通知》答记者问" releases nothing)
    release_verb = VERB_IN_TITLE_RE.search(BRACKETED_TITLE_RE.sub("", PRESS_EVENT_RE.sub("", title)))
    # (an interpretation the headline says is attached, "…最新通知（附热点问答）", is the page's appendix: the page is
    # the document's, as with "（附全文）")
    explainer = INTERPRETATION_RE.search(ATTACHED_NOTE_RE.sub("", title)) and not release_verb and "全文" not in title
    # ... or whose text is set out under an interpretation's headings ("一、出台背景", "（一）制定背景"), its headline
    # no release (or only the lead's first sentence standing in for a missing headline: "X印发了《Y》（以下简称…）"),
    # unless the lead is news of the release its interpretation came with ("…正式发布，同时，CFDA对管理办法进行了解读")
    opening = text.lstrip().startswith(title.strip()[:15]) or INTERPRETATION_HEADING_RE.fullmatch(title.strip())
    # ... or that is an official's Q&A transcript (a transcript's headline may be its lead's first sentence under a
    # date line: "发布时间：… / 近日，X印发了《Y》")
    interpreted = (INTERPRETATION_HEADING_RE.search(text) and (not release_verb or opening)) or (
        _qa_transcript(text) and (not release_verb or title.strip()[:15] in text[:QA_LEAD_CHARS])
    )
    explainer = explainer or (interpreted and not RELEASED_WITH_INTERPRETATION_RE.search(text[:300]))
    # ... unless the explainer word is the matter of the document the article prints ("关于…政策解读工作检查情况的通报")
    explainer = explainer and not (full_text is not None and ABOUT_INTERPRETATION_RE.search(full_text.title_norm))
    # ... unless the article prints the document itself (its heading and number): "政策及解读汇编"
    explainer = explainer and not any(
        d.is_release and d.field == "text" and _printed_heading_at(text, d.start) for d in merged
    )
    # ... or the covering notice that issues it, under a column named 政策解读 ("各县（区）安委会…：现将《X》印发
    # 你们，请…贯彻落实"): the page opens with the notice's addressees and its formula, not with an explanation
    # (its heading and a source line may come first: "马鞍山市“十四五”残疾人保障和发展规划 / 来源：马鞍山市人民政府 /
    # 各县、区人民政府，…：")
    head_lines = text.lstrip()[:400].splitlines()[:COVER_ADDRESSEE_LINES]
    addressed_page = any(ADDRESSEE_OPENING_RE.match(line.strip()) for line in head_lines)
    explainer = explainer and not (addressed_page and COVER_FORMULA_RE.search(text[:400]))
    # ... or the order that promulgates it ("中华人民共和国国务院令 / 《存款保险条例》已经…通过，现予公布"): the page
    # prints the law as promulgated, whatever its headline calls it
    explainer = explainer and not ORDER_PROMULGATES_RE.search(text[:600])
    fields = {"title": title, "text": text}
    _chronology_is_history(merged, text, title)
    publisher = _source_line_issuer(text)
    draft_headline = bool(DRAFT_TITLE_RE.search(title))
    # the titles a draft's headline names: every one where it calls a hearing, else those it puts out for comment
    put_out = HEADLINE_COMMENT_RE.search(title)
    drafts_span = title if HEARING_HEADLINE_RE.search(title) else put_out.group(0) if put_out else ""
    headline_drafts = {same_document_key(normalise_title(b.group(0))) for b in BRACKETED_TITLE_RE.finditer(drafts_span)}
    # ... and a headline's title the text names only as a draft ("网信办发布互联网信息服务算法推荐管理规定" over "发布了
    # 关于《互联网信息服务算法推荐管理规定（征求意见稿）》公开征求意见的通知"): the headline's release is the draft
    named_in_text = [d for d in merged if d.field == "text"]
    text_drafts = {
        same_document_key(normalise_title(DRAFT_MARK_RE.sub("", d.title)))
        for d in named_in_text
        if DRAFT_MARK_RE.search(d.title)
    }
    text_drafts -= {same_document_key(d.title_norm) for d in named_in_text if not DRAFT_MARK_RE.search(d.title)}
    lead = text[: _lead_paragraph_end(text, title)]
    lead_draft_only = bool(DRAFT_SENTENCE_RE.search(lead)) and not any(
        d.is_release and d.field == "text" and d.start < len(lead) for d in merged
    )
    for d in merged:
        # 晋中市碳达峰实施方案 on a page whose source line is 晋中市人民政府, or any page that is the document: the
        # body its source line names published it
        if d.is_release and d.issuer is None and publisher:
            if d.title_norm.startswith(publisher[1]) or d.cue.startswith(FULL_TEXT_CUE):
                d.issuer = publisher[0]
        whole_page = d.cue.startswith(FULL_TEXT_CUE)
        # (a release the text names: where a line says its full text follows, "化妆品注册备案管理办法全文——")
        if d.is_release and d.issuer is None and (whole_page or prints_document(d, text, announced=d.field != "title")):
            # the page prints the document ("《国家标准管理办法》正式公布" over its text and note): the issuer it
            # prints; a page that is the document may call its body 本部 ("本办法之补助业务，由经济部（以下简称本部）…")
            d.issuer = printed_issuer(text, own_body=whole_page)
        if d.is_release and d.issuer is None:
            d.issuer = legislature_of_law(re.sub(r"[《》\s]", "", d.title))
        # an untitled decision on a page whose headline is a draft's ("《关于禁止燃放烟花爆竹的通告》(征求意见稿)的反馈
        # 情况": "县人民政府决定在县城区禁止燃放烟花爆竹") is what the draft would decide
        drafted = draft_headline and (d.title in ("决定", UNTITLED) or _untitled_decision(d))
        # ... and an untitled headline release ("银保监会发文规范…") whose lead names only a draft put out for
        # comment ("起草《…办法（征求意见稿）》，并向社会公开征求意见"): the headline's 发文 is the draft
        drafted = drafted or (d.field == "title" and d.title == UNTITLED and lead_draft_only)
        # ... and the document a draft's headline puts out for comment ("…关于公开征求《广西壮族自治区政府投资管理办法》
        # 意见的公告"), wherever the page names it ("我委研究制定了《…办法》"): the draft itself
        drafted = drafted or same_document_key(d.title_norm) in headline_drafts
        drafted = drafted or (d.field == "title" and same_document_key(d.title_norm) in text_drafts)
        if d.is_release and (drafted or _draft(d, fields)):
            d.is_release, d.cue = False, "a draft for comment, not yet issued: " + d.cue[:40]
        elif not d.is_release and _pre_announced(d, fields):
            # (a document no rule released, pre-announced: the rules' verdict, which a statistical reader respects)
            d.cue = "a draft for comment, not yet issued: " + d.cue[:40]
        elif d.is_release and d.field in fields and _adopted_at_meeting(fields[d.field], d.start, d.cue, title):
            # "国务院常务会议审议通过“十四五”推进国家政务信息化规划", whichever rule found the title (the bracket
            # rules check it themselves, before a coordinated title takes the release)
            d.is_release, d.cue = False, "adopted at an executive meeting, not yet issued: " + d.cue[:30]
        elif d.is_release and (tally := _running_tally(text, d.title)):
            d.is_release, d.cue = False, "a running scheme's tally: " + tally
        elif d.is_release and d.field in fields and _standards_count(fields[d.field], d):
            d.is_release, d.cue = False, "a count of standards published, not a batch released: " + d.title
    _enumerated_with_release(merged, text)
    _covered_issuer(merged)
    _hong_kong_short_names(merged, page)
    _cities_named_short(merged, fields)
    _defined_short_names(merged, text)
    _covered_number(merged, text, numbered_title)
    _signed_order_number(merged, text)
    _coordinated_issuer(merged, fields)
    _issued_by_short_name(merged, text)
    _attached(merged)
    merged = _outer_headings(merged)
    for printed in _addressed_headings(text, ref_year):
        key = same_document_key(printed.title_norm)
        # (the same title under another body's name is another document: "湖南省人民政府办公厅关于加强…的通知" printed
        # over its addressees, "根据《国务院办公厅关于加强…的通知》" cited in its first line)
        named = [
            d
            for d in merged
            if same_document_key(d.title_norm) == key and not _different_issuers(d.issuer, printed.issuer)
        ]
        if not named:
            merged.append(printed)
        elif printed.is_release and not any(d.is_release or d.cue.startswith(VERDICT_CUES) for d in named):
            _named_before_is(named[0], printed)  # named before (原标题：…) and printed here in full
    if not any(d.is_release for d in merged) and (announced := _announcing_headline(title, text)):
        merged.append(announced)
    if not any(d.is_release for d in merged) and (announced := _formula_announcement(title, text)):
        merged.append(announced)
    if MACAU_ACT_HEADING_RE.match(title.strip()) and any(d.cue.startswith(FULL_TEXT_CUE) for d in merged):
        # "第9/2020号行政法规 二零二零年度医疗补贴计划" over the act's text: the act under its heading, named by its
        # title and known by its number, is what the page prints (not the headline read whole as a title)
        if printed_acts := _macau_printed_acts(title, text):
            merged = [d for d in merged if not (d.is_release and d.cue.startswith(FULL_TEXT_CUE))]
            merged += printed_acts + _approved_by_macau_act(printed_acts, title, text)
    if not any(d.is_release for d in merged):
        acts = _macau_printed_acts(title, text)
        merged += acts + _approved_by_macau_act(acts, title, text)
    # (each act a gazette digest lists, each instrument gazetted under a Legal Notice number: a release named before
    # without its verb is this one)
    gazetted = _gazette_digest_acts(text) + _legal_notices(title, text)
    for act in gazetted:
        same = [d for d in merged if same_document_key(d.title_norm) == same_document_key(act.title_norm)]
        if not same:
            merged.append(act)
        elif not any(d.is_release for d in same):
            _named_before_is(same[0], act, with_number=True)
    if not any(d.is_release for d in merged):
        for act in _roc_order_printed(title, text):
            # (the rule named in the headline before, 「X」 read as a title with no verb, is this one)
            same = [d for d in merged if d.title_norm == act.title_norm]
            if same:
                _named_before_is(same[0], act, with_number=True)
            else:
                merged.append(act)
    if _non_government_letterhead(text):
        # "中国证券业协会通知 / 中证协发〔2012〕213号": an association's or exchange's own notice, whatever it issues
        for d in merged:
            if d.is_release and d.issuer is None:
                d.is_release, d.cue = False, "issued by a non-government body (its letterhead): " + d.cue[:30]
    lapsed_page = LAPSED_META_RE.search(text[:600])
    for d in merged:
        # "有效性：已失效" in the page's metadata, "…的通知　常政发〔2017〕60号　已废止" in a list: a document
        # repealed or lapsed, listed as such, is no news of its release
        line = _line_at(text, d.start) if d.field == "text" else ""
        if d.is_release and (lapsed_page or LAPSED_STATUS_RE.search(line)):
            d.is_release, d.cue = False, "listed as repealed or lapsed: " + d.cue[:30]
        elif d.is_release and d.field == "text" and _listed_as_source(text, d.start):
            d.is_release, d.cue = False, "listed as the policy source: " + d.cue[:30]
    own_body = _non_government_author(title, text)
    if own_body:
        # "国网浙江省电力有限公司关于印发《…》的通知", "各会员单位：… / 成都市餐饮同业公会 / 2024年6月3日": a
        # company's or an association's own document in official layout (a place inside its name is no government)
        for d in merged:
            if d.is_release and (d.field == "title" or d.cue.startswith((FULL_TEXT_CUE, COVERING_CUE, "关于印发"))):
                d.is_release, d.cue, d.issuer = False, f"issued by a non-government body: {own_body}", None
    if MONTHLY_RULES_RE.search(title):
        # "12月起，这些新规将影响你我生活", "10月新规公布！": the month's roundup of rules taking effect, each issued
        # weeks or months before (entry into force is not a new release)
        for d in merged:
            if d.is_release:
                d.is_release, d.cue = False, "a roundup of rules taking effect: " + title[:20]
    # "专家解读…", "一图读懂《…》": an explainer of a document, not the news of its release (one that carries the full
    # text, "读懂《…》（附全文）", republishes the document and stays a release); a year's top ten recalls releases
    # "《关于…的建议》（第0124号）收悉……现答复如下": a reply to a deputy's suggestion or a CPPCC proposal answers with
    # what was issued before and what is planned; it issues nothing itself
    reply = SUGGESTION_REPLY_RE.search(title) or SUGGESTION_REPLY_RE.search(text[:REPLY_OPENING_CHARS])
    headline_verdict = (
        "an interpretation: "
        if explainer or BROKER_VIEW_RE.match(title)
        else "an opinion or research column: "
        if column
        else "a reply to a deputy's suggestion or a proposal: "
        if reply
        else "a chronology of releases (a year's top ten): "
        if YEAR_REVIEW_RE.search(title)
        else "a draft the Executive Council has discussed: "
        if COUNCIL_DRAFT_RE.search(title)
        else "a writing template (its day and place left blank): "
        if writing_template(title, text)
        else None
    )
    if headline_verdict:
        for d in merged:
            if d.is_release:
                d.is_release, d.cue = False, headline_verdict + title[:30]
    releases = [d for d in merged if d.is_release]
    if len(releases) == 1 and releases[0].issuer is None:
        # "(中央社…20日电)环境部今日公告2项子法，包括《X》…": the one release an article reports, where nothing else
        # names who issued it, was announced by the body its lead opens with
        releases[0].issuer = lead_announcer(text)
    headline_norms = {d.title_norm for d in merged if d.field == "title"} | folded
    headline_norms |= {normalise_title(d.title) for d in docs if d.field == "title"}
    # The one release an article reports is what the article is about: on a carbon article it is a carbon release
    # even when its title says 绿色发展 rather than 碳 (the article's relevance decides the flag). One document
    # reported twice, 《中国的能源转型》 by 国务院 in the lead and by 国务院新闻办公室 below, is one.
    one_document = len({r.title_norm for r in releases}) == 1
    for d in merged:
        named_carbon = bool(carbon_terms and carbon_terms.search(d.title))
        d.carbon = named_carbon or d.title_norm in headline_norms or (d.is_release and one_document)
    digest = len(items) >= DIGEST_MIN_ITEMS
    for d in merged:
        d.title, d.cue = d.title.replace(LINE_JOIN, ""), d.cue.replace(LINE_JOIN, "")
    return PolicyResult(is_release=any(d.is_release for d in merged), documents=merged, digest=digest)


def _named_before_is(named: PolicyDocument, release: PolicyDocument, *, with_number: bool = False) -> None:
    """The entry a page named before without a verb is the release a later reading found of the same title: it is
    released under that reading's cue, keeping its own issuer where it has one (and, ``with_number``, its own number,
    else the reading's: a gazette's act or a rule's order is known by its number)."""
    named.is_release, named.cue = True, release.cue
    named.issuer = named.issuer or release.issuer
    if with_number:
        named.doc_number = named.doc_number or release.doc_number


# "行政会完成讨论《二零二一年度医疗补贴计划》行政法规草案": Macau's Executive Council has discussed a draft the Chief
# Executive is yet to make; the page describes what the draft provides (特区政府推出《…》), nothing issued yet
COUNCIL_DRAFT_RE = rx.compile(r"行政会(?:已经?|今日|今天|日前)?完成讨论[^，。！？]{0,80}?草案")
# A writing template's blanks, its year, place and body left for the user to fill in ("xx市人民政府于20xx年12月27日
# 发布", "XX县公共机构节能降耗宣传月"): a model-essay site's sample notice is nobody's release. Two blanks at least
# (one "20xx年" may stand for a year a table could not print); read in the page's first part, where its documents are.
# (Not 某某 nor a company's or unit's: a penalty decision names the parties it anonymises so, "上海某某公司", "XX公司")
TEMPLATE_PLACEHOLDER_RE = rx.compile(
    r"(?:19|20)[xX×＊*]{2}年"
    r"|(?<![A-Za-z])[xX×＊]{2,3}(?:省|市|县|区|镇|乡|街道|局|委|厅|村)"
)
TEMPLATE_MIN_BLANKS = 2
TEMPLATE_CHARS = 3000


def writing_template(title: str, text: str) -> bool:
    """The page is a writing template: its first part leaves two blanks or more for a year, place or body."""
    return len(TEMPLATE_PLACEHOLDER_RE.findall(title + "\n" + text, 0, TEMPLATE_CHARS)) >= TEMPLATE_MIN_BLANKS


# "…根据《X》，现将有关事项通告如下。/ 一、…": the preamble of an announcement printed in full closes with its
# formula; the page is that announcement, whatever its headline says ("生态环境部：2025年存量CCER不可用于碳市场履约").
# (… or with the matter it announces on: "现就个人所得税综合所得汇算清缴有关政策公告如下")
ANNOUNCE_FORMULA_RE = rx.compile(
    r"现(?:将|就(?P<matter>(?!有关|相关)[^，。；：:\n]{2,40}?(?:有关|相关)?(?:政策|事项|事宜|问题))?)?"
    r"(?:有关|相关)?(?:事项|事宜)?"
    r"(?P<kind>公告|通告)如下"
)
FORMULA_PREAMBLE_CHARS = 400
ANNOUNCED_RESULTS_RE = rx.compile(r"结果|考核|评价|评估|排名|得分")


# A numbered announcement's printed heading, its title in brackets on the next line: "海关总署公告2023年第103号 /
# （关于全面暂停进口日本水产品的公告）".
PRINTED_NUMBERED_HEADING_RE = rx.compile(
    r"(?P<number>[\u4e00-\u9fff ]{2,40}?公告\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,4}\s*号)[ \t\u3000]*\n[ \t\u3000]*"
    r"(?P<title>[（(]关于[^\n（）()]{2,80}的公告[）)])"
)
# Taiwan's government bulletins head each item with its announcement, 公告 as the verb: "公告本市林森北路路边停车格，
# 自108年12月16日起调整收费费率", "公告修正「…应遵行事项」，并自即日生效"; the page is that announcement, issued by the
# body its publisher line names ("发布机关：台北市停车管理工程处", "发文机关：卫生福利部"). Not 公告栏, 公告称 or a
# notice's own parts (公告事项, 公告日期).


def _printed_numbered_heading(text: str) -> PolicyDocument | None:
    """The document a page is the text of, under a news headline ("海关总署：全面暂停进口日本水产品"), where the text
    opens with its printed numbered heading (:data:`PRINTED_NUMBERED_HEADING_RE`): the heading is read as if it were
    the headline, and found where the text prints it; None otherwise."""
    at = len(text) - len(text.lstrip())
    m = PRINTED_NUMBERED_HEADING_RE.match(text, at)
    if m is None:
        return None
    doc = _document_text(m.group("number") + m.group("title"), text)
    if doc is not None:
        doc.field, doc.start, doc.end = "text", m.start(), m.end()
    return doc


ANNOUNCING_HEADLINE_RE = rx.compile(r"^公告(?![：:\s称指表]|栏|牌|编号|日期|事项|期间|期满)(?P<object>\S.{3,})")
PUBLISHER_LINE_RE = rx.compile(r"(?:发布机关|发文机关|发布单位)\s*[：:]\s*(?P<body>[^\s|，。：:]{2,30})")
ANNOUNCED_LATER_RE = rx.compile(r"拟|将|即将|预告|预计")  # "公告将于…", "公告预告…": not yet announced
ANNOUNCED_RULE_RE = rx.compile(r"[「《]([^「」《》]{4,80})[」》]")


def _announcing_headline(title: str, text: str) -> PolicyDocument | None:
    """The announcement a page headed "公告…" prints (see :data:`ANNOUNCING_HEADLINE_RE`), or None."""
    m = ANNOUNCING_HEADLINE_RE.match(title.strip())
    if m is None or ANNOUNCED_LATER_RE.match(m.group("object")) or DRAFT_TITLE_RE.search(title):
        return None
    if DRAFT_SENTENCE_RE.search(title):  # "公告…公开征求意见": a draft put out for comment
        return None
    # the issuing body's line first (发文机关：卫生福利部), then the publishing unit's (发布单位：食品组)
    bodies = sorted(PUBLISHER_LINE_RE.finditer(text, 0, 600), key=lambda b: not b.group(0).startswith("发文机关"))
    named = [canonical_issuer(b.group("body")) or _body_named(b.group("body")) for b in bodies]
    issuer = next((body for body in named if body), None)
    cue = "the headline announces: " + title.strip()[:24]
    # named as the headline names it: the one rule it quotes ("公告修正「…应遵行事项」，并自即日生效"), else its
    # subject line to the end of its first sentence ("公告本市中山区林森北路路边停车格，自…起调整收费费率。")
    headline = title.strip()
    quoted = ANNOUNCED_RULE_RE.findall(m.group("object"))
    sentence = re.split(r"[。！!？?]", headline, maxsplit=1)[0]
    if len(quoted) == 1:
        name = quoted[0]
        at = headline.find(name)
        return _released(name, issuer, "公告", "title", (at, at + len(name)), cue)
    return _released(sentence, issuer, "公告", "title", (0, len(sentence)), cue)


# Macau's law database (LegisMac) records each act it holds: its kind and number under 类别及编号 ("行政长官批示
# (DESCE) 258/2018", "行政法规 16/2020"), the day the gazette published it under 公布日期. A record is of an act
# published: the act is released (its 摘要 says what it does; the record is no news of it, the act is the matter).
LEGISMAC_RECORD_RE = rx.compile(
    # (a kind named by itself too: 行政法规 (REGA), 法律 (LEI), as well as 行政长官批示 and a secretary's 司长批示)
    r"类别及编号\s*[•·]?\s*(?P<kind>[\u4e00-\u9fff]{0,12}?(?:批示|行政法规|法律|决议|行政命令|规章|通告))"
    r"\s*(?:[(（][A-Z]{2,8}[)）])?\s*(?P<num>\d{1,4}/\d{4})\s*[•·]?\s*公布日期"
)


LEGISMAC_SUMMARY_RE = rx.compile(r"[•·]?\s*摘要\s*\n(?P<summary>[^\n•·]{4,200})")
LEGISMAC_SUMMARY_CHARS = 1500


def _legismac_record(text: str) -> list[PolicyDocument]:
    """The act a LegisMac record page records (``LEGISMAC_RECORD_RE``), released by the body its kind names."""
    m = LEGISMAC_RECORD_RE.search(text, 0, MACAU_ACT_HEAD_CHARS)
    if m is None:
        return []
    kind, number = m.group("kind"), "第" + m.group("num") + "号"
    cue = f"a Macau law-database record of an act published: {kind} {m.group('num')}"
    # named by what its summary says it does ("摘要 / 修改《交通事务局费用及价金表》第二十四条。"), as the record's
    # readers name it; by its kind and number where it has none
    summary = LEGISMAC_SUMMARY_RE.search(text, m.end(), m.end() + LEGISMAC_SUMMARY_CHARS)
    if summary is not None:
        name = summary.group("summary").strip()
        return [_released(name, _macau_act_issuer(kind), kind, "text", summary.span("summary"), cue, number)]
    return [_released(number + kind, _macau_act_issuer(kind), kind, "text", m.span("kind"), cue, number)]


def _macau_printed_acts(title: str, text: str) -> list[PolicyDocument]:
    """The Macau acts a page prints: the first under its heading in the headline or at the top of the text, with its
    author's enacting formula below it (``MACAU_ACT_HEADING_RE``, ``MACAU_ENACTING_RE``), then each further act the
    gazette page prints the same way, its heading on a line of its own and its formula before the next heading
    ("第32/2020号行政长官批示 … 作出本批示。/ 第33/2020号行政长官批示 … 作出本批示。"); none otherwise."""
    if record := _legismac_record(text):
        return record
    head = MACAU_ACT_HEADING_RE.match(title.strip())
    field_name, at = "title", 0
    if head is None:
        head = MACAU_ACT_HEADING_RE.search(text, 0, MACAU_ACT_HEAD_CHARS)
        field_name = "text"
        on_own_line = head is not None and _line_at(text, head.start()).strip() == head.group(0)
        if not on_own_line and (opening := MACAU_DISPATCH_OPENING_RE.match(text.lstrip())):
            # a dispatch printed without its heading opens with its author's enacting sentence
            start = len(text) - len(text.lstrip())
            kind = opening.group("author") + "批示"
            cue = f"the page prints a Macau dispatch, its enacting sentence first: …{opening.group(0)[-12:]}"
            issuer = _macau_act_issuer(kind)
            return [_released(kind, issuer, "批示", "text", (start, start + len(opening.group(0))), cue)]
        if head is None or _line_at(text, head.start()).strip() != head.group(0):
            # a heading prints on a line of its own; cited in a sentence it names another act (the page may still
            # print an act under its name alone)
            named = _macau_act_by_opening(title, text)
            return [named] if named else []
        at = head.end()
    formula = MACAU_ENACTING_RE.search(text, at, at + MACAU_ENACTING_CHARS)
    if formula is None:
        # an act whose page holds only the gazette's record of it, under the same heading
        records = (
            MACAU_GAZETTE_RECORD_RE.match(text, _line_start(text, h.start()))
            for h in _macau_heading_lines(text, _macau_heading(head), MACAU_ACT_HEAD_CHARS)
        )
        formula = next((r for r in records if r is not None), None)
    if formula is None:
        return []
    acts = [_macau_act(head, field_name, formula, text)]
    seen = {acts[0].title_norm}
    headings = [
        h for h in MACAU_ACT_HEADING_RE.finditer(text, formula.end()) if _line_at(text, h.start()).strip() == h.group(0)
    ]
    for h, after in itertools.zip_longest(headings, headings[1:]):
        stop = min(after.start() if after else len(text), h.end() + MACAU_ENACTING_CHARS)
        more = MACAU_ENACTING_RE.search(text, h.end(), stop)
        act = _macau_act(h, "text", more, text) if more else None
        if act is None and (gazette := MACAU_GAZETTE_RECORD_RE.match(text, _line_start(text, h.start()))):
            act = _macau_act(h, "text", gazette, text)  # its gazette record, the act's text left unprinted
        if act is not None and act.title_norm not in seen:
            seen.add(act.title_norm)
            acts.append(act)
    return acts


# A Macau act approves or sets the document it is about, as its headline or the gazette's summary of it says:
# "行政长官批示 订定《动物疫病名录》", "核准《登记局及公证署人员职程的入职实习及晋升培训课程规章》。" That document is
# released with it, by the same body, under the act's number. Not a part of it the act approves ("核准《市区房屋税章程》
# 第十八条所指的新M/10格式印件", "订定《…津贴计划》的年度…金额上限"): the title ends the phrase.
MACAU_APPROVED_RE = rx.compile(
    r"(?:^|\s)(?:核准|订定|订立|制定)《(?P<title>[^《》\n]{2,80})》(?=\s*(?:[。；;]|$))", re.M
)
MACAU_APPROVED_CHARS = 800


def _approved_by_macau_act(acts: list[PolicyDocument], title: str, text: str) -> list[PolicyDocument]:
    """The document the first of ``acts`` approves or sets (:data:`MACAU_APPROVED_RE`), named in the headline or the
    text's first lines; none where it names none, or where the act is already known by that title."""
    if not acts:
        return []
    for field_name, where in (("title", title), ("text", text[:MACAU_APPROVED_CHARS])):
        m = MACAU_APPROVED_RE.search(where)
        if m is None:
            continue
        approved = "《" + m.group("title") + "》"
        if any(same_document_key(normalise_title(approved)) == same_document_key(a.title_norm) for a in acts):
            return []
        cue = f"approved by the Macau act {acts[0].title}: {m.group(0).strip()}"
        span, number = m.span("title"), acts[0].doc_number
        return [_released(approved, acts[0].issuer, doc_type(approved), field_name, span, cue, number)]
    return []


# Taiwan's law database prints a rule under its name with the order that issued or amended it: "道路交通安全规则 /
# 第 86 次修法(100.12.12) / 中华民国一百年十二月十三日交通部交路字第 1000011026 号令、内政部台内警字第 1000872670 号令
# 会衔修正发布第 3、16…条条文". The order (a ministry's 字第…号令, one or several) and its verb (订定 / 修正 / 增订
# 发布, 会衔发布) issue the rule the page is headed by; the page is the rule's text and its release.
# An order's code is short (经能, 院台规, 内授中办地: at most five characters, maybe after its year in brackets and
# before a series, 交路(一), 劳动条4), so a longer run before 字第 still names its body:
# "行政院环境保护署环署空字第…号令" is the agency's order, not 行政院's (numbered 环境保护署环署空), as
# "内政部警政署警署法字第…" is the police agency's.
_ROC_ORDER_CODE = r"(?:[（(]\d{2,3}[)）])?[\u4e00-\u9fff]{0,5}?(?:[（(][一二三四五六七八九十]{1,2}[)）]|\d)?"
ROC_ORDER_RE = rx.compile(
    rf"(?P<body>[\u4e00-\u9fff]{{2,14}}?(?:部|院|署|委员会|局))(?P<number>{_ROC_ORDER_CODE}字第\s*\d+\s*号)令"
    rf"(?:[、，,]\s*(?P<body2>[\u4e00-\u9fff]{{2,14}}?(?:部|院|署|委员会|局))"
    rf"(?P<number2>{_ROC_ORDER_CODE}字第\s*\d+\s*号)令)?"
    r"\s*(?:会衔)?(?:修正|订定|增订|修订)?发布"
)
ROC_ORDER_HEAD_CHARS = 400
# The word a body's own text calls itself by: 本部, 本会, 本署 … (see SELF_NAMED_BODY_RE).
_OWN_BODY_WORD = "本[部会署院局府厅委处]"
OWN_BODY_WORD_RE = rx.compile(_OWN_BODY_WORD)
# ... or names it first and says which order issued it: "「温室气体减量及管理法」业奉总统104年7月1日华总一义字第
# 10400077011号令公布", "「育婴留职停薪实施办法」第2条、第9条，业经劳动部114年11月21日劳动条4字第1140149019号令
# 修正发布"
ROC_ORDER_NAMED_RE = rx.compile(
    r"(?P<title>「[^」\n]{2,40}」|《[^》\n]{2,40}》)[^。\n「」《》]{0,16}?(?:业经|业奉|经|奉)"
    r"(?P<body>[\u4e00-\u9fff]{2,14}?)(?:于)?\s*(?:民国)?\s*\d{2,3}\s*年[^。\n]{0,30}?字第\s*\d+\s*[A-Z]?\s*号令"
    r"(?:会衔)?(?:修正|订定|增订|修订)?(?:公布|发布)"
)
ROC_ORDER_NUMBER_RE = rx.compile(r"(?:日|以|\s)(?P<number>[^\s日以]{1,10}?字第\s*\d+\s*[A-Z]?\s*号)令")
# (a page headed by the rule's name, maybe with the amendment's count and date: "…规则 第 86 次修法(100.12.12)")
ROC_RULE_HEADLINE_RE = rx.compile(r"(?P<name>[\u4e00-\u9fff（）()、]{3,40}?)(?:\s*第\s*\d+\s*次修法.*)?")


# ... or its history (法规沿革) lists the orders that issued or amended it, each dated in the ROC calendar (one that
# only repeals it, 令废止, issues nothing):
# "1.中华民国 91 年 2 月 15 日行政院农业委员会(91)农授水保字第 0911845599 号令订定发布全文 23 点",
# "中华民国108年11月13日内政部台内营字第1080817184号、劳动部劳动发特字第10830017992号令会衔订定发布全文九条"
ROC_ORDER_HISTORY_RE = rx.compile(
    r"(?:中华)?民国\s*[\d一二三四五六七八九十百零〇]{2,6}\s*年[^。，,\n]{0,14}?日\s*(?P<bodies>[^。]{2,90}?)号\s*令\s*"
    r"(?:会衔)?\s*(?:订定|修正|增订|制定|公布|发布)"
)


def _roc_order_printed(title: str, text: str) -> list[PolicyDocument]:
    """The rule a Taiwan law-database page prints: its headline is the rule's name (a kind of rule or law) and its
    first lines give the ministry's order that issued or amended it (``ROC_ORDER_RE``); none otherwise. Its issuers
    are canonical, as every rule's are (交通部 reads as 交通运输部 here as in any other Taiwan page)."""
    for field_name, value in (("title", title), ("text", text[:ROC_ORDER_HEAD_CHARS])):
        if named := ROC_ORDER_NAMED_RE.search(value):
            # (a body the page calls 本会 or 本部 is the one its text defines so, else unnamed: 本会 is no one's name)
            said = named.group("body")
            body = canonical_issuer(said) or (_self_named_body(text) if OWN_BODY_WORD_RE.fullmatch(said) else said)
            rule = named.group("title")
            cue = f"a rule issued by order: …{named.group(0)[-24:]}"
            # (the order's number, its code after the date or 以: "…114年11月21日劳动条4字第1140149019号令")
            number = ROC_ORDER_NUMBER_RE.search(named.group(0))
            numbered = re.sub(r"\s+", "", number.group("number")) if number else None
            return [_released(rule, body, doc_type(rule), field_name, named.span(), cue, numbered)]
    order = ROC_ORDER_RE.search(text, 0, ROC_ORDER_HEAD_CHARS)
    head = ROC_RULE_HEADLINE_RE.fullmatch(title.strip())
    if order is None or head is None or doc_type(head.group("name")) is None:
        return _roc_order_history(title, text)
    # (the order's date runs into the first body's name: "…十二月十三日交通部交路字第…号令")
    bodies = [re.sub(r"^.*日", "", b) for b in (order.group("body"), order.group("body2")) if b]
    issuers = "、".join(canonical_issuer(b) or b for b in bodies)
    cue = f"the page prints a rule with the order that issued it: …{order.group(0)[-24:]}"
    # ... numbered by its order, or by both of the orders that issued it jointly ("交路字第…号、台内警字第…号")
    numbers = "、".join(re.sub(r"\s+", "", n) for n in (order.group("number"), order.group("number2")) if n)
    name = head.group("name")
    return [_released(name, issuers, doc_type(name), "title", head.span("name"), cue, numbers)]


def _roc_order_history(title: str, text: str) -> list[PolicyDocument]:
    """A page opening with a rule's history (``ROC_ORDER_HISTORY_RE``) reports the orders that made it: each a release
    named as the history writes it, with its signers and number (``_roc_history_entries``), or, where no entry reads
    so, one untitled release by the ministries that signed the first; not an order a sentence cites as its basis
    (依据…号令订定之…), nor a history that only repeals."""
    # (an entry that opens in the page's head, whatever length of order and verb it runs to)
    for field_name, value in (("title", title), ("text", text[:ROC_HISTORY_CHARS])):
        m = ROC_ORDER_HISTORY_RE.search(value)
        if m is None or m.start() >= ROC_ORDER_HEAD_CHARS or CITE_RE.search(_clause_before(value, m.start())):
            continue
        issuers = canonical_issuer(re.sub(r"\s+", "", m.group("bodies")))
        cue = f"a rule's history lists the orders that made it: …{re.sub(chr(10), '', m.group(0))[-24:]}"
        # (every entry from the text's history; the headline's own entry where the text holds none)
        entries = _roc_history_entries(text[:ROC_HISTORY_CHARS])
        if not entries and field_name == "title":
            entries = _roc_history_entries(value)
        if not entries:
            # ... named by the page's headline where that is a rule's name ("桃园市发展低碳绿色城市自治条例" over its
            # history), as the database prints it
            headline = re.sub(r"\s+", "", title)
            named = field_name == "text" and doc_type(headline) is not None and title_is_document(headline)[0]
            return [_released(headline if named else UNTITLED, issuers, "令", field_name, m.span(), cue)]
        return [_released(name, body, "令", field_name, m.span(), cue, number) for name, body, number in entries]
    return []


ROC_HISTORY_CHARS = 3000  # a rule's history: a dozen entries at most before its articles
# Each entry of a rule's history, its line breaks and spaces taken out (the database breaks lines at a fixed width,
# inside numbers and words): the order's bodies and numbers, its form (令, 函, 公告) and what it did, to the end of
# its clause or the next entry ("令修正发布第1、3、9、10条条文", "令会衔订定发布全文九条", "令发布自即日废止")
ROC_HISTORY_ENTRY_RE = rx.compile(
    r"(?:中华)?民国[\d一二三四五六七八九十百零〇]{2,6}年[^。，,|]{0,14}?日(?P<bodies>[^。|]{2,90}?)号"
    rf"(?P<form>{_ROC_ORDER_FORM})(?P<action>{_ROC_ORDER_ACT}[^；;。，,|]{{0,40}}?)"
    r"(?=[；;。，,|]|\d{1,2}\.(?:中华)?民国|(?:中华)?民国|$)"
)
# ... each signer's name and its order's number: "行政院环境保护署(90)环署空字第0083562", "总统华总一经字第10900056501"
ROC_SIGNER_NUMBER_RE = rx.compile(
    rf"^(?P<body>.+?(?:委员会|署|部|院|局|府|处|所|统))(?P<num>{_ROC_ORDER_CODE}字第[\dA-Za-z]+)$"
)


def _roc_history_entries(value: str) -> list[tuple[str, str | None, str | None]]:
    """Each order of a rule's history as (what it did, who signed it, its number): labels and registries name the
    entries as the history writes them ("令订定发布全文10条" by 金融监督管理委员会, 金管法字第10000707321号)."""
    out: list[tuple[str, str | None, str | None]] = []
    for e in ROC_HISTORY_ENTRY_RE.finditer(re.sub(r"\s+", "", value)):
        parts = [re.sub(r"号令?$", "", part) for part in e.group("bodies").split("、")]
        signers = [ROC_SIGNER_NUMBER_RE.match(part) for part in parts]
        bodies = "、".join(s.group("body") if s else part for s, part in zip(signers, parts, strict=True))
        numbers = "、".join(s.group("num") + "号" for s in signers if s)
        out.append((e.group("form") + e.group("action"), canonical_issuer(bodies), numbers or None))
    return out


# The Macau printing office's record of an act, under the page's first (法规: / 第10/2017号行政长官批示 / 公报编号:
# 3/2017 / 刊登日期: …): the act was published in the gazette, whether or not the page goes on to print its text.
MACAU_GAZETTE_RECORD_RE = rx.compile(r"[^\n]*\n\s*公报编号\s*[:：]\s*(?P<issue>\d{1,3}/\d{4})")


def _line_start(text: str, at: int) -> int:
    """Where the line of ``text`` that holds ``at`` starts."""
    return text.rfind("\n", 0, at) + 1


# Macau's laws, administrative regulations and the legislature's resolutions carry a title under their number
# (第19/2023号法律 / 修改第5/2020号法律《雇员的最低工资》); dispatches and executive orders go by their number. The
# gazette's record gives it as its first bullet line ("版数: / 106-127 / • 修改第6/1999号行政法规《…》。"); the printed
# act on the line under its heading, before the enacting formula; a headline after the number ("第3/2017号决议 修改…").
MACAU_TITLED_KINDS = ("法律", "行政法规", "决议")
MACAU_NEWS_TITLE_RE = rx.compile(r"\s*(?P<title>《[^《》\n]{2,100}》)")
MACAU_RECORD_TITLE_RE = rx.compile(r"(?m)^[ \t]*[•·][ \t]*(?P<title>[^\n•·]{4,120}?)[。.]?[ \t]*$")
MACAU_RECORD_TITLE_CHARS = 300
MACAU_TITLE_LINE_RE = rx.compile(r"[ \t]*\n[ \t]*(?P<title>[^\n]{4,120}?)[ \t]*(?:\n|$)")
# (a title names something in words: not a version's date in brackets, "第3/1999号法律 (2022年)")
MACAU_HEADLINE_TITLE_RE = rx.compile(r"\s+(?P<title>(?![（(])\S.{3,119}?)\s*$")
MACAU_TITLE_WORDS_RE = rx.compile(r"[\u4e00-\u9fff]{4}")
# ... or, on a legislation database's line, the title and the day it was published after the heading: "第8/2014号法律
# 预防和控制环境噪音 2014年8月25日 |"
MACAU_DATED_TITLE_RE = rx.compile(
    r"[ \t]+(?P<title>[^\n|｜]{4,120}?)[ \t]+(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[ \t]*[|｜]?[ \t]*(?:\n|$)"
)
MACAU_DATED_TITLE_CHARS = 600


def _macau_heading(head: re.Match[str]) -> str:
    """A Macau act's heading as one string, its spaces read away (第 9/2019 号法律: 第9/2019号法律)."""
    return "".join(head.group(0).split())


def _macau_heading_lines(text: str, heading: str, end: int | None = None) -> list[re.Match[str]]:
    """Where ``text`` (up to ``end``) prints the act heading ``heading`` on a line of its own."""
    found = MACAU_ACT_HEADING_RE.finditer(text, 0, len(text) if end is None else end)
    return [h for h in found if _macau_heading(h) == heading and _line_at(text, h.start()).strip() == h.group(0)]


# The line a library site prints under each page's heading (Wikisource's), no title of what the page holds.
SITE_TAGLINE_RE = rx.compile(r"维基文库|自由的图书馆")


def _macau_act_title(head: re.Match[str], text: str) -> tuple[str, str, tuple[int, int]] | None:
    """The title of the titled act (``MACAU_TITLED_KINDS``) headed by ``head`` (in the headline or the text): the
    headline's words after the number, else the gazette record's first bullet line or the line under the printed
    heading, wherever ``text`` prints the heading on a line of its own. Its field, the title and its span; None for
    an act of another kind, or none printed."""
    if head.group("kind") not in MACAU_TITLED_KINDS:
        return None
    in_text = head.string is text
    after = None if in_text else MACAU_HEADLINE_TITLE_RE.match(head.string, head.end())
    if after is not None and MACAU_TITLE_WORDS_RE.search(after.group("title")):
        return "title", after.group("title"), after.span("title")
    own_line = in_text and _line_at(text, head.start()).strip() == head.group(0)
    for h in ([head] if own_line else []) + _macau_heading_lines(text, _macau_heading(head)):
        if record := MACAU_GAZETTE_RECORD_RE.match(text, _line_start(text, h.start())):
            found = MACAU_RECORD_TITLE_RE.search(text, record.end(), record.end() + MACAU_RECORD_TITLE_CHARS)
        else:
            found = MACAU_TITLE_LINE_RE.match(text, h.end())
        if found is None:
            continue
        name = found.group("title")
        if not MACAU_TITLE_WORDS_RE.search(name) or name.startswith(("公报编号", "（", "(")):
            continue
        if SITE_TAGLINE_RE.search(name):
            # "第8/2023号法律 / 维基文库，自由的图书馆 / 第8/2023号法律 / 修改…": the site's line, then the act's
            continue
        if not (MACAU_ENACTING_RE.search(name) or MACAU_ACT_HEADING_RE.match(name)):
            return "text", name, found.span("title")
    for h in MACAU_ACT_HEADING_RE.finditer(text, 0, MACAU_DATED_TITLE_CHARS):
        if _macau_heading(h) != _macau_heading(head) or text[_line_start(text, h.start()) : h.start()].strip():
            continue
        dated = MACAU_DATED_TITLE_RE.match(text, h.end())
        if dated and MACAU_TITLE_WORDS_RE.search(dated.group("title")):
            return "text", dated.group("title"), dated.span("title")
    return None


# The Macau Legal Affairs Bureau's digest of a gazette issue ("今期特区公报还刊登了多项批示，第95/2011号至第97/2011号
# 行政长官批示，分别核准…" / "第98/2011号行政长官批示，修改…"): each paragraph that opens with an act's number and kind
# reports that act published in the issue; a range of numbers is each act in it.
DIGEST_ACT_LINE_RE = rx.compile(
    rf"(?m)(?:^[ \t\u3000]*|刊登了?[^，,。\n]{{0,10}}[，,：:]\s*)第(?P<first>\d{{1,4}})/(?P<year>(?:19|20)\d{{2}})号"
    rf"(?:至第(?P<last>\d{{1,4}})/(?P=year)号)?(?P<kind>行政长官批示|{_MACAU_ACT_KINDS})[，,]"
)
DIGEST_ACTS_MIN, DIGEST_RANGE_MAX = 2, 20


def _gazette_digest_acts(text: str) -> list[PolicyDocument]:
    """The acts a digest of the Macau gazette reports, one per act number (see :data:`DIGEST_ACT_LINE_RE`), on a page
    that names the gazette and opens at least :data:`DIGEST_ACTS_MIN` paragraphs so; none otherwise."""
    if "公报" not in text:
        return []
    lines = list(DIGEST_ACT_LINE_RE.finditer(text))
    if len(lines) < DIGEST_ACTS_MIN:
        return []
    acts = []
    for m in lines:
        first, last = int(m.group("first")), int(m.group("last") or m.group("first"))
        if not 0 <= last - first <= DIGEST_RANGE_MAX:
            continue
        kind = m.group("kind")
        doc_kind = "批示" if kind.endswith("批示") else kind
        cue = f"a digest of the Macau gazette lists the act: {m.group(0).strip()[:30]}"
        for n in range(first, last + 1):
            number = f"第{n}/{m.group('year')}号"
            acts.append(_released(number + kind, _macau_act_issuer(kind), doc_kind, "text", m.span(), cue, number))
    return acts


# Hong Kong's subsidiary legislation is gazetted under a Legal Notice number: "《1998年进出口(登记)(修订)(第2号)规例》
# (第334号法律公告)", "《空气污染管制(船用燃料)规例》2018年第135号法律公告". On a page about what was gazetted (the
# Legislative Council's legal service reports "1998年10月23日在宪报刊登的附属法例", or a headline giving the notice's
# number) each title under its number is an instrument made.
LEGAL_NOTICE_AFTER_RE = rx.compile(
    r"\s*[（(]?\s*(?P<number>(?:(?:19|20)\d{2}\s*年\s*)?第\s*\d{1,4}\s*号法律公告)\s*[）)]?"
)
LEGAL_NOTICE_PAGE_RE = rx.compile(r"宪报刊登的附属法例|法律公告")


def _legal_notices(title: str, text: str) -> list[PolicyDocument]:
    """The Hong Kong instruments a page about gazetted subsidiary legislation names with their Legal Notice numbers
    (see :data:`LEGAL_NOTICE_AFTER_RE`), released by the government; none on any other page (a meeting's agenda that
    recalls one gazetted before)."""
    if not LEGAL_NOTICE_PAGE_RE.search(title):
        return []
    found: list[PolicyDocument] = []
    for field_name, body in (("title", title), ("text", text)):
        for m in DOC_RE.finditer(body):
            number = LEGAL_NOTICE_AFTER_RE.match(body, m.end())
            if number is None or "草案" in m.group(0):
                continue
            cue = f"gazetted in Hong Kong as subsidiary legislation: {number.group('number')}"
            doc_number = re.sub(r"\s+", "", number.group("number"))
            found.append(
                _released(m.group(0), HONG_KONG_GOVERNMENT, doc_type(m.group(0)), field_name, m.span(), cue, doc_number)
            )
    return found


_OPENING_KINDS = {"regulation": "行政法规", "law": "法律", "resolution": "决议", "order": "行政命令"}
# (before 1999 each formula enacts one kind: the legislature's a law, the governor's a decree-law)
_STATUTE_OPENING_KINDS = {MACAU_STATUTE_LAW_RE: "法律", MACAU_GOVERNOR_DECREE_RE: "法令"}


def _macau_act_by_opening(title: str, text: str) -> PolicyDocument | None:
    """The regulation, law or resolution a page prints under its name, the headline, where its author's enacting
    sentence opens the text (``MACAU_ACT_OPENING_RE``; before 1999 a law's, ``MACAU_STATUTE_LAW_RE``, or the governor's
    decree-law's, ``MACAU_GOVERNOR_DECREE_RE``); None where none does, or where the headline is that sentence."""
    searched = (p.search(text, 0, MACAU_ACT_HEAD_CHARS) for p in (MACAU_ACT_OPENING_RE, *_STATUTE_OPENING_KINDS))
    opening = next((m for m in searched if m is not None), None)
    # (without the kind a headline may set after the name: "二零二四年度医疗补贴计划 行政法规")
    name = re.sub(r"\s+(?:独立|补充性)?(?:行政法规|法律|决议|行政命令)$", "", title.strip())
    if opening is None or not 4 <= len(name) <= 80 or re.search(r"根据|行使|按照", name):
        return None
    # (a formula before 1999 enacts its one kind; the others name the kind they enact)
    kind = _STATUTE_OPENING_KINDS.get(opening.re) or next(
        name for group, name in _OPENING_KINDS.items() if opening.group(group)
    )
    # (the legislature is no body of the issuers' table: its acts stay without an issuer rather than take another's)
    issuer = MACAU_GOVERNMENT if opening.group("author") == "行政长官" else None
    cue = f"the page prints a Macau {kind} under its name, its enacting sentence first: …{opening.group('formula')}"
    return _released(name, issuer, kind, "title", (0, len(name)), cue)


def _macau_act(head: re.Match[str], field_name: str, formula: re.Match[str], text: str) -> PolicyDocument:
    """The act printed under ``head``, enacted by ``formula`` (or recorded by the gazette's record of it): named by its
    title where it has one (see ``_macau_act_title``), else by its heading."""
    number = "第" + re.sub(r"\s+", "", head.group("num")) + "号"
    heading = _macau_heading(head)
    if formula.re is MACAU_GAZETTE_RECORD_RE:
        cue = f"the page prints the Macau gazette's record of an act: {heading}, 公报编号 {formula.group('issue')}"
    else:
        cue = f"the page prints a Macau act under its heading: {heading} … {formula.group(0)}"
    kind = head.group("kind")
    titled = _macau_act_title(head, text)
    if titled is not None:
        field_name, name, span = titled
        return _released(name, _macau_act_issuer(kind), kind, field_name, span, cue, number)
    return _released(heading, _macau_act_issuer(kind), kind, field_name, head.span(), cue, number)


def _formula_announcement(title: str, text: str) -> PolicyDocument | None:
    """The untitled 公告/通告 a page prints when its preamble closes with the announcing formula, issued by the body
    that signs it or that the headline names before its colon; None without either, or for a draft put out for
    comment."""
    m = ANNOUNCE_FORMULA_RE.search(text, 0, FORMULA_PREAMBLE_CHARS)
    # (not a draft put out for comment, attached as one or not; nor results announced: "考核结果已经省政府审定同意，
    # 现公告如下" publishes an assessment's outcome, not a policy document)
    if (
        m is None
        or DRAFT_SENTENCE_RE.search(title + text)
        or ANNOUNCED_RESULTS_RE.search(_sentence_before(text, m.start()))
    ):
        return None
    head = HEADLINE_COLON_LEAD_RE.match(title.strip())
    issuer = _closing_issuer(text) or (canonical_issuer(head.group("issuer")) if head else None)
    if issuer is None:
        return None
    kind = m.group("kind")
    # (named by the matter it announces on, where the formula names one: 个人所得税综合所得汇算清缴有关政策公告)
    name = (m.group("matter") or "") + kind
    # ... and numbered by a headline that is its number ("财政部 税务总局公告2023年第32号")
    numbered = ANNOUNCEMENT_NUMBER_LINE_RE.fullmatch(title.strip())
    number = re.sub(r"\s+", "", numbered.group(0)) if numbered else None
    cue = "the page prints the announcement its formula opens: " + m.group(0)
    return _released(name, issuer, kind, "text", m.span(), cue, number)


# How a document printed in the article says who issued it, when no rule above named its issuer:
# - its heading block prints the issuing body on a line of its own next to the title ("河北省人工影响天气管理规定 /
#   河北省人民政府 / 河北省人工影响天气管理规定 / 政府令〔2010〕第15号");
# - a page that ran the lines together signs the covering formula in the same paragraph ("…现印发给你们，请认真组织
#   实施。 微山县人民政府办公室 2019年9月22日");
# - the text names itself and its issuers ("拉萨市公安局、市应急管理局、市消防救援局联合发布本通告");
# - the covering notice that issues it, printed in the article (关于印发《X》的通知 … 生态环境部办公厅 / 2023年11月4日).
SELF_REFERENCE_RE = rx.compile(
    r"(?P<issuers>[^，,。；：:！？\n]{2,120}?)(?:共同|联合)?(?:发布|制定|印发|公布)本"
    r"(?:通告|公告|通知|规定|办法|决定|意见|方案|细则|命令)"
)
FORMULA_SIGNATURE_RE = rx.compile(
    r"(?:印发给你们|现予(?:以)?(?:印发|发布|公布)|特此(?:通知|公告|通告))[^。]{0,20}。\s*"
    r"(?P<signer>[^\s。，；：:]{4,40})\s+(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)
HEADING_BLOCK_LINES = 6
MINUTES_RE = rx.compile(r"会议纪要(?:[（(][^（）()]{0,16}[）)])?$")
CARRIER_HEAD_RE = rx.compile(r"关于(?:印发|发布|转发|公布|颁布)")
BARE_PLACE_HEAD_RE = rx.compile(r"^(?P<place>[\u4e00-\u9fff]{2,8}?[省市县区旗州盟])\s*关于")


def _self_signed_issuer(d: PolicyDocument, text: str) -> str | None:
    """The issuer a document printed in the article gives itself (see above), or None."""
    covered = _covering_notice_printed(d, text)
    if not (d.cue.startswith(FULL_TEXT_CUE) or d.cue.startswith(COVERING_CUE) or covered):
        return None
    name = normalise_title(d.title)
    lines = [ln.strip() for ln in text.strip().splitlines()[:HEADING_BLOCK_LINES]]
    for i, line in enumerate(lines):
        signers = _signer_line(line) if 0 < len(line) <= 40 else []
        near = lines[max(0, i - 1) : i] + lines[i + 1 : i + 2]
        if signers and any(normalise_title(other) == name for other in near if other):
            return canonical_issuer("、".join(signers))
    head = text[:1500]
    signed = FORMULA_SIGNATURE_RE.search(head)
    if signed and _signer_line(signed.group("signer")):
        return canonical_issuer("、".join(_signer_line(signed.group("signer"))))
    return _self_reference_issuer(head) or (_closing_issuer(text) if covered else None)


# "我部根据《…》，组织制定了《X》": a body writing of itself (我部, 我委, 我局, 我厅, 我署, 我行), in the sentence that
# releases X, under a headline led by that body ("生态环境部印发…规则").
WE_RE = rx.compile(r"(?:我|本)(?P<kind>部|委|局|厅|署|行|办)(?!门|分|级|位|国|们)")
# ... or as 我们 / 本部门 (a covering notice's "我们制定了《X》，现印发给你们")
WE_ACTOR_RE = rx.compile(rf"{WE_RE.pattern}|我们|本(?:部门|机关|单位)")
# A headline opening with the day of the news: "12月30日，", "1月5日 ".
LEAD_DATE_RE = rx.compile(r"^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日\s*[，,：:]?\s*")


def _we_issuer(d: PolicyDocument, text: str, title: str) -> str | None:
    """The headline's issuer, or else the notice's own signature (农业农村部办公厅 / date), where the sentence that
    releases ``d`` names its body as 我部 / 我委 … and that issuer is one body of the same kind (a 部 for 我部), or
    None. "我们" names no kind: the headline must be the signature line of the bodies themselves ("国家机关事务管理局
    国家发展和改革委员会 财政部 生态环境部")."""
    sentence = _sentence_before(text, d.start)
    we = WE_RE.search(sentence)
    headline = LEAD_DATE_RE.sub("", title.strip())  # "12月30日，生态环境部正式出台…": the day is no part of who
    if we is None:
        signers = _signer_line(headline) if WE_ACTOR_RE.search(sentence) else []
        return canonical_issuer("、".join(signers)) if signers else None
    lead = ISSUER_RE.match(headline)

    def of_its_kind(issuer: str | None) -> bool:  # one body, of the kind it calls itself (我行: 中国人民银行)
        return bool(issuer and "、" not in issuer and issuer.endswith(we.group("kind")))

    issuer = canonical_issuer(lead.group(0)) if lead else None
    if of_its_kind(issuer):
        return issuer
    # ... or the notice's own signature ("我部制定了《X》。现印发你们" / 农业农村部办公厅 / date)
    signed = _closing_issuer(text)
    return signed if of_its_kind(signed) else None


def _self_reference_issuer(head: str) -> str | None:
    """The issuers a document's text names as its own ("X市公安局、市应急管理局联合发布本通告"), or None."""
    own = SELF_REFERENCE_RE.search(head)
    clause = own.group("issuers").replace(" ", "") if own else ""
    parts = [x for x in JOINT_SPLIT_RE.split(clause) if x]
    if clause and _signer_line(parts[0]) and all(_signer_line(x) or BODY_LINE_RE.fullmatch(x) for x in parts[1:]):
        return canonical_issuer(clause)  # its members after the first may name only their level (市应急管理局)
    return None


def _covering_notice_printed(d: PolicyDocument, text: str) -> bool:
    """Whether the article prints the covering notice that issues ``d`` (关于印发《X》的通知 as a line of its own)."""
    title = d.title if d.title.startswith("《") else f"《{d.title}》"
    return bool(re.search(rf"(?m)^\s*(?:[^\n]{{0,40}})?关于(?:印发|发布){re.escape(title)}的通知\s*$", text))


CARRIER_CUE_RE = rx.compile(r"关于(?:印发|发布|转发|批转|公布)$")


# Hong Kong and Taiwan both call an environmental protection department 环保署; the short name is read as Taiwan's
# (行政院环境保护署, as most pages that write it are), unless the page is Hong Kong's: it names Hong Kong and nothing of
# Taiwan's (行政院 itself, or its places).
# (... or one of its departments no other place has by that name, or 本港 as its papers write it: "运输署", "本港")
HONG_KONG_PAGE_RE = rx.compile(
    r"香港|港府|特区政府|港元|立法会|本港|运输署|入境事务处|屋宇署|地政总署|渠务署|水务署|机电工程署|房屋署|金管局"
)
TAIWAN_PAGE_RE = rx.compile(r"台湾|臺灣|行政院|立法院|台北|新北|桃园|台中|台南|高雄|县政府|新台币|民国")
TAIWAN_FOR_HONG_KONG = {"行政院环境保护署": "香港特别行政区环境保护署"}
# ... and Hong Kong's news calls its own Securities and Futures Commission 证监会 (the issuers' table reads the short
# name as the mainland's): on a Hong Kong page that does not name the mainland's commission, it is Hong Kong's
MAINLAND_CSRC_RE = rx.compile(r"中国证监会|中国证券监督管理委员会|内地证监会|中证监")
MAINLAND_FOR_HONG_KONG = {"中国证监会": "香港特别行政区证券及期货事务监察委员会"}


def _hong_kong_page(page: str) -> bool:
    """The page is Hong Kong's: it names Hong Kong and nothing of Taiwan's."""
    return bool(HONG_KONG_PAGE_RE.search(page)) and not TAIWAN_PAGE_RE.search(page)


# Taiwan's ministries keep names the mainland's bore before its reorganisations (农业部, 交通部), which the issuers'
# table reads as the mainland's current ones: on a Taiwan page (one that names Taiwan's places or bodies and nothing of
# the mainland's government), the name as the page writes it is Taiwan's ministry.
MAINLAND_GOVERNMENT_RE = rx.compile(r"国务院|人民政府|国台办|中共中央|人大常委会")
MAINLAND_FOR_TAIWAN = {"农业农村部": "农业部", "交通运输部": "交通部"}


def _taiwan_page(page: str) -> bool:
    """The page is Taiwan's: it names Taiwan and nothing of the mainland's government."""
    return bool(TAIWAN_PAGE_RE.search(page)) and not MAINLAND_GOVERNMENT_RE.search(page)


def _taiwan_body(page: str) -> Callable[[str], str]:
    """On a Taiwan page, a mainland ministry the text names by Taiwan's ministry's name (农业部) is Taiwan's."""

    def rename(body: str) -> str:
        own = MAINLAND_FOR_TAIWAN.get(body)
        return own if own and own in page and body not in page else body

    return rename


def issuer_on_page(issuer: str, page: str) -> str:
    """``issuer`` (canonical) as the page means it: on a Hong Kong page, a short name read as Taiwan's body (环保署) is
    Hong Kong's department of that name; on a Taiwan page, 农业部 is Taiwan's ministry; on any other page, as given."""
    if _hong_kong_page(page):
        return _renamed(issuer, _hong_kong_body(page))
    return _renamed(issuer, _taiwan_body(page)) if _taiwan_page(page) else issuer


def _hong_kong_body(page: str) -> Callable[[str], str]:
    """How a Hong Kong page means a body's name: 环保署 is its department, and so is 证监会 unless the page names the
    mainland's commission."""
    names = TAIWAN_FOR_HONG_KONG if MAINLAND_CSRC_RE.search(page) else TAIWAN_FOR_HONG_KONG | MAINLAND_FOR_HONG_KONG
    return lambda body: names.get(body, body)


def _renamed(issuer: str, rename: Callable[[str], str]) -> str:
    """``issuer`` (each of joint ones) as ``rename`` gives it."""
    return "、".join(rename(b) for b in issuer.split("、"))


def _rename_issuers(docs: list[PolicyDocument], rename: Callable[[str], str]) -> None:
    """Every issuer of every document as ``rename`` gives it (see :func:`_renamed`)."""
    for d in docs:
        if d.issuer:
            d.issuer = _renamed(d.issuer, rename)


# The bodies a notice printed under its addressees says decided what it announces: "各省、自治区…：\n为贯彻落实…，
# 工业和信息化部、发展改革委决定联合组织开展国家低碳工业园区试点" (not a decision it rests on: "根据国务院决定…")
DECIDING_BODIES_RE = rx.compile(rf"(?P<issuer>{JOINT_RE.pattern})\s*(?:近日|日前)?(?:联合|共同)?决定")
DECIDING_BODIES_CHARS = 600  # the notice's opening paragraphs
# (a long list of addressees, each kind of office with its brackets: "各省、自治区、直辖市及新疆生产建设兵团生态环境厅
# （局）、发展改革委、…；中国人民银行上海总部，各分行…：")
LONG_ADDRESSEE_OPENING_RE = rx.compile(r"^各[^。：:\n]{1,400}?[：:]")


def issuers_from_headline(policy: PolicyResult, title: str, text: str) -> None:
    """Each release still without an issuer, once every rule and the model have read the page, takes the body the
    headline opens with (:func:`_body_opening`), else the bodies the lead opens with past its byline and a wire's
    dateline, a joint list whole (:func:`_bodies_opening`): a news headline or lead opens with the body acting
    ("国务院办公厅印发…", "住建部：…"). A digest's headline names no one item's issuer, so its releases keep none from
    it; a notice printed under its addressees, the bodies its text says decided (:func:`_deciding_bodies`). One that
    still has none takes the government of the place its own title opens with (:func:`_place_opening`:
    "宿迁市2022年度水污染防治工作方案" 宿迁市人民政府), the jurisdiction that issued it where the page names no body."""
    missing = [d for d in policy.documents if d.is_release and d.issuer is None]
    if not missing:
        return
    actor = None
    if not policy.digest:
        # (past a wire's dateline: "本报北京6月27日电 (记者林丽鹂)国家市场监督管理总局日前发布…")
        lead = DATELINE_RE.sub("", text[_lead_start(text, title) :].lstrip(), count=1)
        # (not a notice's addressees: "各县市区人民政府办公室，市直各单位：", but the bodies its text says decided)
        # (... the addressees printed as the page's headline, the notice's text under them)
        addressed = LONG_ADDRESSEE_OPENING_RE.match(lead) or ADDRESSEE_OPENING_RE.match(title.strip())
        actor = _body_opening(title.strip()) or (_deciding_bodies(lead) if addressed else _bodies_opening(lead))
    for d in missing:
        d.issuer = actor or _place_opening(d.title_norm)
        if d.issuer and d.doc_number:
            # ... through its general office where the number's code is the office's ("义马市气象灾害应急预案" under
            # 义政办〔2008〕47号: 义马市人民政府办公室)
            d.issuer = office_of_number(d.issuer, d.doc_number)


def _deciding_bodies(text: str) -> str | None:
    """The bodies a notice printed under its addressees says decided (see :data:`DECIDING_BODIES_RE`), as
    :func:`canonical_issuer` names them; None where its opening paragraphs name none."""
    for m in DECIDING_BODIES_RE.finditer(text, 0, DECIDING_BODIES_CHARS):
        clause = _clause_before(text, m.start("issuer"))
        if CITE_RE.search(clause) or clause.endswith(("经", "根据", "按照", "依据")):
            continue
        issuer = canonical_issuer(m.group("issuer"))
        if issuer is not None and not MULTI_RE.fullmatch(issuer):
            return issuer
    return None


# The place a title opens with: a province, a city, county, banner or league (under its province or not): "宿迁市…",
# "江苏省南京市…", "新疆维吾尔自治区…"; not a word that ends in 市 (城市, 上市, 楼市) nor a title's opening words (关于,
# 低碳, 省级)
TITLE_PLACE_RE = rx.compile(
    rf"(?P<province>(?:{PROVINCES}){_PROVINCE_SUFFIX})?"
    rf"(?P<city>(?!关于|低碳|省级|市级|县级)(?:{_LONG_PLACE}|{_SHORT_PLACE_NAME})"
    r"(?:(?<![城都超上门股楼车债汇期])市(?!场|级)|县(?!级|域)|盟)"
    # (a banner's name may run longer: 苏尼特右旗, 鄂托克前旗; not a flag, 红旗, 国旗)
    rf"|(?:(?![{_NOT_IN_CITY_NAME}])[\u4e00-\u9fff]){{2,6}}?(?<![红国])旗)?"
)


def _place_opening(title_norm: str) -> str | None:
    """The government of the place a document's title opens with (宿迁市 -> 宿迁市人民政府, 江苏省南京市 ->
    南京市人民政府, 台中市 -> 台中市政府, a county's or a banner's by its government's name: 阳信县人民政府, Taiwan's
    彰化县政府), as :func:`canonical_issuer` names governments; None where the title opens with no place, or is no more
    than the place."""
    m = TITLE_PLACE_RE.match(title_norm)
    if m is None or not m.group(0) or m.end() >= len(title_norm):
        return None
    government = canonical_issuer(m.group(0))
    if government is None and m.group("city") and m.group("city")[-1] in "县旗":
        # a county or banner is named by its government's name (_canonical_city: 阳信县人民政府, 苏尼特右旗人民政府,
        # Taiwan's 彰化县政府)
        government = canonical_issuer((m.group("province") or "") + _canonical_city(m.group("city"), ""))
    return government if government and government.endswith("政府") else None


def issuers_on_page(docs: list[PolicyDocument], page: str) -> None:
    """Every document's issuer as the page means it (:func:`issuer_on_page`): the last reading of the issuers, after
    every rule and the model have named them."""
    if _taiwan_page(page):
        _rename_issuers(docs, _taiwan_body(page))


def _hong_kong_short_names(docs: list[PolicyDocument], page: str) -> None:
    """Every document's issuer as a Hong Kong page means it (:func:`issuer_on_page`), the page's place read once."""
    if _hong_kong_page(page):
        _rename_issuers(docs, _hong_kong_body(page))


# A body's short name as the text defines it: "环境及生态局（下称环境局）", "证券及期货事务监察委员会（简称证监会）".
# Where the short name alone would read as another body (环境局, Hong Kong's bureau before 2022), it is the full one.
# ... or in brackets alone, as news abbreviates a body at its first mention: "香港证券及期货事务监察委员会(证监会)" (the
# short name's characters all in the full one's, in order, so the bracket holds no other word)
SHORT_NAME_DEFINED_RE = rx.compile(
    r"(?P<full>[\u4e00-\u9fff]{3,30}?)[（(]\s*(?P<said>(?:以下)?(?:简称|下称|称))?\s*[“\"「]?"
    r"(?P<short>[\u4e00-\u9fff]{2,12})[”\"」]?\s*[）)]"
)


def _abbreviates(short: str, full: str) -> bool:
    """Every character of ``short`` is in ``full``, in order (证监会 of 证券及期货事务监察委员会)."""
    rest = iter(full)
    return all(ch in rest for ch in short)


def _defined_short_names(docs: list[PolicyDocument], text: str) -> None:
    """Issuers read from a short name the text defines as another body's (see :data:`SHORT_NAME_DEFINED_RE`) are that
    body."""
    defined: dict[str, str] = {}
    for m in SHORT_NAME_DEFINED_RE.finditer(text[:3000]):
        if not m.group("said") and not _abbreviates(m.group("short"), m.group("full")):
            continue
        short, full = canonical_issuer(m.group("short")), canonical_issuer(m.group("full"))
        if short and full and short != full and "、" not in full and "、" not in short:
            defined.setdefault(short, full)
    if defined:
        _rename_issuers(docs, lambda body: defined.get(body, body))


def _covered_issuer(docs: list[PolicyDocument]) -> None:
    """ "海东市人民政府办公室关于印发…的通知 / 各县区人民政府…：《X》已经市政府研究同意，现印发给你们": a document the
    covering notice's formula issues, with no signature of its own under it, is issued by the body whose covering
    notice it is (the notice's printed heading or the headline names that body; one body, or none is taken)."""
    covering = {
        d.issuer
        for d in docs
        if d.is_release and d.issuer and (d.cue.startswith(FULL_TEXT_CUE) or d.cue.startswith("关于印发"))
    }
    if len(covering) != 1:
        return
    issuer = covering.pop()
    for d in docs:
        # ... also over the government its own title names (海东市关于… in a notice of 海东市人民政府办公室): its office
        more_specific = d.issuer is not None and issuer != d.issuer and issuer.startswith(d.issuer)
        # ... and the documents the notice's own title names ("关于发布《A》《B》和《C》的公告": A, B and C are its)
        named = d.field == "title" and CARRIER_CUE_RE.match(d.cue) is not None
        # ... and, unsigned, what the text says it issues ("现将《A》、《B》…印发给你们") or its preface says its body
        # drew up ("结合本区实际，制定《X》")
        issued = d.field == "text" and d.issuer is None and ("印发" in d.cue or d.cue.startswith(PREFACE_CUE))
        if d.is_release and (d.issuer is None or more_specific) and (d.cue.startswith(COVERING_CUE) or named or issued):
            d.issuer = issuer


# "国务院总理李强日前签署第775号国务院令，公布《碳排放权交易管理暂行条例》": the order signed to promulgate a
# regulation or a law numbers it ("签署第三十一号主席令，公布《…法》" too); so does a body's order published with the
# title right after it ("深圳市6月20日发布深圳市人民政府令第361号，《…办法》正式发布")
SIGNED_ORDER_PROMULGATES_RE = rx.compile(
    rf"签署了?(?P<order>{_ORDER_NUMBER}(?:国务院|主席)令)[，,]?\s*(?:予以)?公布了?\s*$"
    rf"|(?:发布|公布|颁布)了?(?P<body_order>{_ONE_ISSUER}令\s*{_ORDER_NUMBER})[，,]\s*$"
)


def _signed_order_number(docs: list[PolicyDocument], text: str) -> None:
    """A release in ``text`` without a number, right after the order signed to promulgate it
    (:data:`SIGNED_ORDER_PROMULGATES_RE`), takes the order's number as printed (第775号国务院令)."""
    for d in docs:
        if d.is_release and d.doc_number is None and d.field == "text":
            m = SIGNED_ORDER_PROMULGATES_RE.search(text, max(0, d.start - 40), d.start)
            if m:
                d.doc_number = re.sub(r"\s+", "", m.group("order") or m.group("body_order"))


def _covered_number(docs: list[PolicyDocument], text: str, headline: str) -> None:
    """ "鹤政发〔2025〕4号 / …关于印发《X》《Y》的通知 / …现印发给你们": the number printed under the heading of the
    document a page prints (or beside its headline: "[天政发〔2021〕18号]天水市人民政府关于印发…") is its number, and a
    covering notice's number is the number of what it issues (its own title or its covering formula named them),
    where no number was read beside them."""
    issued = [
        d
        for d in docs
        if d.is_release
        and d.doc_number is None
        and (
            d.field == "title"
            or d.cue.startswith((FULL_TEXT_CUE, COVERING_CUE, LEAD_CUE, SUBJECT_LINE_CUE))
            or "印发" in d.cue
        )
    ]
    if not issued:
        return
    printed = next((d.doc_number for d in docs if d.cue.startswith(FULL_TEXT_CUE) and d.doc_number), None)
    beside = HEADLINE_NUMBER_RE.search(headline)
    number = printed or _opening_number(text) or (normalise_doc_number(beside.group(0)) if beside else None)
    if number is None:
        return
    for d in issued:
        d.doc_number = number


def _coordinated_issuer(docs: list[PolicyDocument], fields: dict[str, str]) -> None:
    """ "生态环境部制定了《A》《B》和《C》，现予公布": titles listed one after another (nothing but 、, 和, 及
    between them: :data:`COORD_BEFORE_RE`) share the issuer the first was read with; the formula after the list
    (现予公布) found the others without it."""
    for field_name, text in fields.items():
        listed = sorted((d for d in docs if d.field == field_name and d.is_release), key=lambda d: d.start)
        for before, d in itertools.pairwise(listed):
            # (... and a title released by the verb of the one listed before it, whose issuer a later reading found:
            # "会议表决通过了《A》《B（修订案）》")
            shared = d.cue == before.cue and d.issuer is None
            if not ((d.cue.startswith(COVERING_CUE) or shared) and before.end <= d.start):
                continue
            if COORD_BEFORE_RE.search(text[before.end : d.start]):
                # (either way: "我部组织编制了《A》《B》，现印发给你们" signs both with the notice's issuer)
                if d.issuer is None and before.issuer:
                    d.issuer = before.issuer
                elif before.issuer is None and d.issuer:
                    before.issuer = d.issuer


def _issued_by_short_name(docs: list[PolicyDocument], text: str) -> None:
    """ "国务院办公厅日前印发《关于…的通知》（以下简称《通知》）…《通知》要求，…。公布《X》": a document published in
    a paragraph that speaks of a release named before by its short name is issued by that release's issuer."""
    for d in docs:
        if not (d.is_release and d.issuer is None and d.field == "text"):
            continue
        paragraph = text[max(text.rfind("\n", 0, d.start) + 1, d.start - 300) : d.start]
        kinds = [normalise_title(m.group(0)) for m in DOC_RE.finditer(paragraph)]
        kinds = [k.lstrip("该本上述这此") for k in kinds if BACKREF_RE.match(k)]
        earlier = [
            e
            for e in docs
            if e.is_release and e.issuer and (e.field == "title" or e.start < d.start) and e.doc_type in kinds
        ]
        if kinds and earlier:
            d.issuer = earlier[-1].issuer


def _outer_headings(docs: list[PolicyDocument]) -> list[PolicyDocument]:
    """ "福州市森林防灭火指挥部关于发布2025年第5号…预警信号的通知": a release found inside a longer heading that names
    a document (发布X的通知 read as a verb and its object) is that heading's release; the slice is dropped."""
    dropped: list[PolicyDocument] = []
    for d in docs:
        if not d.is_release or d.field != "text":
            continue
        for outer in docs:
            inside = outer.start <= d.start and d.end <= outer.end and (outer.start, outer.end) != (d.start, d.end)
            if outer is not d and outer.field == d.field and not outer.is_release and inside:
                outer.is_release, outer.cue = True, d.cue
                outer.issuer = outer.issuer or d.issuer
                dropped.append(d)
                break
    return [d for d in docs if all(d is not x for x in dropped)]


# A list that spells out what a release consists of: the documents in 《》 after 即, 包括, 分别是 …, one after another
# (only 、 and, or and a bracketed note between them): "印发了…等三个文件。…即《A》、《B》和《C》", "首次发布温室
# 气体管理国家标准，包括《工业企业温室气体排放核算和报告通则》以及…", "现公布…系列配套实施办法，即：《A》（登记
# 编号：…）、《B》".
ENUMERATION_RE = rx.compile(
    r"(?:即|其中包括|包括|分别是|分别为|具体为|具体包括)[：:，,]?\s*"
    r"(?P<items>《[^《》\n]{2,80}》(?:\s*[（(][^（()）\n]{0,30}[）)])?"
    r"(?:\s*(?:、|，|,|和|及|与|以及)\s*《[^《》\n]{2,80}》(?:\s*[（(][^（()）\n]{0,30}[）)])?)*)"
)
ENUMERATED_CUE = "listed as part of a release: "


def _leads_to(text: str, d: PolicyDocument, sentence_start: int, pos: int) -> bool:
    """The release ``d`` runs in the sentence up to ``pos``, with nothing cited or planned between them."""
    between = text[d.end : pos]
    return sentence_start <= d.start and d.end <= pos and not CITE_RE.search(between) and not _future(between)


def _enumerated_with_release(docs: list[PolicyDocument], text: str) -> None:
    """The documents of a list that spells out a release (:data:`ENUMERATION_RE`) are released with it: a list one of
    whose members is released, or one that follows a release in its own sentence (with nothing cited or planned
    between them: "印发立法工作计划，拟制定的行政法规包括《…》" lists plans). By the release's issuer, or, where the
    page is the document that publishes them, by the page's ("大理白族自治州人民政府公告第14号 / 现公布《…条例》
    系列配套实施办法，即：《A》、《B》")."""
    released = [d for d in docs if d.is_release and d.field == "text"]
    if not released:
        return
    page_issuer = next((d.issuer for d in docs if d.is_release and d.cue.startswith(FULL_TEXT_CUE)), None)
    for m in ENUMERATION_RE.finditer(text):
        keys = [same_document_key(normalise_title(t)) for t in re.findall(r"《[^《》]+》", m.group("items"))]
        partner = next((d for d in released if same_document_key(d.title_norm) in keys), None)
        if partner is None:
            sentence_start = m.start() - len(_sentence_before(text, m.start(), limit=200))
            partner = next((d for d in reversed(released) if _leads_to(text, d, sentence_start, m.start())), None)
        if partner is None or _future(_clause_before(text, m.start())):
            continue
        for d in docs:
            if d.field == "text" and not d.is_release and same_document_key(d.title_norm) in keys:
                d.is_release, d.cue = True, ENUMERATED_CUE + text[m.start() : m.start() + 16]
                d.issuer = d.issuer or partner.issuer or page_issuer


def _attached(docs: list[PolicyDocument]) -> None:
    """A document attached to another (《意见》所附《X》) is released with the release named before it, by its issuer;
    with no release before it, it is only named."""
    for d in docs:
        if not (d.is_release and d.cue.startswith(ATTACHED_CUE)):
            continue
        parents = [p for p in docs if p is not d and p.is_release and not p.cue.startswith(ATTACHED_CUE)]
        parents = [p for p in parents if p.field == "title" or (p.field == d.field and p.start < d.start)]
        if parents:
            d.issuer = d.issuer or parents[-1].issuer
        else:
            d.is_release = False


YEAR_MONTH_RE = rx.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
CHRONOLOGY_MIN = 3


def _chronology_is_history(docs: list[PolicyDocument], text: str, title: str) -> None:
    """ "2020年4月，中共中央、国务院印发《甲》…2022年12月…印发《乙》…2023年2月…印发《丙》": releases each dated by
    year and month, over more than one year, make a chronology; past the lead they are the background of a review,
    not news (the headline or lead says what is new)."""
    lead_end = _lead_paragraph_end(text, title)
    dated: list[tuple[PolicyDocument, str]] = []
    for d in docs:
        # (a release already withdrawn as recalled, from an earlier year or earlier in this one, is still an entry of
        # the chronology)
        if (d.is_release or d.cue.startswith(RECALLED_CUES)) and d.field == "text" and d.start > lead_end:
            years = YEAR_MONTH_RE.findall(_sentence_before(text, d.start, 80))
            if years:
                dated.append((d, years[-1]))
    if len(dated) >= CHRONOLOGY_MIN and len({year for _, year in dated}) >= 2:
        for d, year in dated:
            if d.is_release and not d.cue.startswith(HEADLINE_LINK):  # the headline's is the news reviewed
                d.is_release, d.cue = False, f"a chronology of releases ({year}…): " + d.cue[:30]


SOURCE_COUNTY_HEAD_RE = rx.compile(r"^([\u4e00-\u9fff]{1,3}?县)(.*)$")  # (a source line's 沛县, 安吉县)
SOURCE_LINE_RE = rx.compile(
    r"(?:来源|发布机构|发布单位|信息来源)(?:[ \t\u3000]*[：:]|[ \t\u3000]+)\s*(?P<body>[^\s|｜]{4,30})"
)


LETTERHEAD_LINE_RE = rx.compile(r"(?P<body>[\u4e00-\u9fff（）()]{2,30}?)(?:文件|通知|公告|通告)")


# (an exchange's rules are counted as the labels count them, as instruments it issues: 北京绿色交易所有限公司)
# (a listed company goes by its short name, 福能股份, in its announcements' headings: "福能股份关于…项目获得核准的公告")
NON_GOVERNMENT_NAME_RE = rx.compile(
    r"^(?!.*交易所).*(?:有限责任公司|股份有限公司|有限公司|集团|公司|股份|同业公会|公会|协会|商会|学会|联合会|研究院)$"
)
OWN_HEADING_RE = rx.compile(r"^(?P<body>[^\s关《》，。：:]{4,30}?)关于")
LISTED_HEADER_RE = rx.compile(r"证券代码\s*[：:]\s*\d{6}\s*证券简称\s*[：:]\s*(?P<name>[^\s]{2,12})\s*公告编号")


def _non_government_author(title: str, text: str) -> str | None:
    """The company or association whose own document the page is: its name opens the heading before 关于 (in the
    headline or the first lines), or it alone signs above the closing date; None otherwise."""
    lines = [ln.strip() for ln in text.strip().splitlines()]
    for line in lines[:3]:
        # "证券代码：600483 证券简称：福能股份 公告编号：2023-040": a listed company's announcement, under its header
        listed = LISTED_HEADER_RE.search(line)
        if listed:
            return listed.group("name")
    for line in [title.strip(), *lines[:3]]:
        m = OWN_HEADING_RE.match(line)
        if m and NON_GOVERNMENT_NAME_RE.search(m.group("body")) and not _signer_line(m.group("body")):
            return m.group("body")
    for i in range(len(lines) - 1, max(0, len(lines) - 4), -1):
        if DATE_LINE_RE.match(lines[i]) and i > 0:
            signer = lines[i - 1]
            # "工业和信息化部 / 中国工业经济联合会 / 2017年1月17日": a government body signing first makes it a joint
            # document of that body's (the federation co-signs), not the association's own
            above = lines[max(0, i - 4) : i - 1]
            co_signers = [ln for ln in above if len(ln) <= 30 and not re.search(r"[。，；：]", ln)]
            led = any(canonical_issuer(ln) and not NON_GOVERNMENT_NAME_RE.search(ln) for ln in co_signers)
            if NON_GOVERNMENT_NAME_RE.search(signer) and len(signer) <= 30 and not _signer_line(signer) and not led:
                return signer
            break
    return None


LAPSED_META_RE = rx.compile(r"(?m)^\s*(?:有效性|时效性|效力状态|效力|状态)\s*[：:]\s*(?:已)?(?:失效|废止)")
LAPSED_STATUS_RE = rx.compile(r"(?:已|被)?(?:失效|废止)\s*$|（(?:已)?(?:失效|废止)）")


# "政策原文：/ 重庆市人民政府关于印发…的通知", "相关文件：《…》": a page (a Q&A item, an explainer) lists the document
# it rests on under a label; the document was issued before, and the page is not the news of it.
SOURCE_LABEL_RE = rx.compile(
    r"[ \t\u3000]*(?:政策原文|政策依据|文件依据|政策来源|相关政策|相关文件|政策文件"
    r"|原文链接|政策链接|相关链接|延伸阅读|相关阅读)"
    r"[ \t\u3000]*[：:]?"
)


def _listed_as_source(text: str, pos: int) -> bool:
    """The document at ``pos`` stands under a source label: on its line before the heading that names it, or alone
    on the line above."""
    start = text.rfind("\n", 0, pos) + 1
    label = SOURCE_LABEL_RE.match(text, start)
    if (
        label
        and label.group(0).rstrip().endswith(("：", ":"))
        and not re.search(r"[。，,；;！？]", text[label.end() : pos])
        and pos - label.end() <= 40
    ):
        return True  # the label, then the heading (its issuer, 关于印发) up to the document
    above = text.rfind("\n", 0, max(0, start - 1)) + 1
    previous = text[above : max(above, start - 1)]
    whole = SOURCE_LABEL_RE.match(previous)
    return bool(whole and not previous[whole.end() :].strip())


# "《淘汰老旧柴油车资助计划》…至今已收到47宗申请", "《X》推出至今共收到307宗申请": a scheme whose applications are
# counted is already running; the article reports its progress, not its launch.
RUNNING_TALLY_RE = rx.compile(
    r"(?:至今|迄今|截至[^，。；]{0,14}?)[，,]?(?:已|共|累计|合共|总共)*(?:收到|接获|接收|受理|批出)"
    r"[^，。；]{0,6}?[\d,，万千百余多约近]+[宗份个件笔]"
)


def _running_tally(text: str, title: str) -> str | None:
    """The tally of applications in a sentence that names ``title`` (a scheme already running), or None."""
    at = text.find(title) if title.startswith("《") else -1
    while at != -1:
        start = max(text.rfind(c, 0, at) for c in "。！？\n") + 1
        tally = RUNNING_TALLY_RE.search(text, start, _sentence_end(text, at))
        if tally:
            return tally.group(0)
        at = text.find(title, at + 1)
    return None


def _line_at(text: str, pos: int) -> str:
    """The line of ``text`` that holds ``pos``."""
    start = _line_start(text, pos)
    end = text.find("\n", pos)
    return text[start : end if end != -1 else len(text)]


def _non_government_letterhead(text: str) -> bool:
    """The text opens with a letterhead line of a body that is not a government one (中国证券业协会通知)."""
    for line in text.lstrip().splitlines()[:4]:
        m = LETTERHEAD_LINE_RE.fullmatch(line.strip())
        if m and NON_GOVERNMENT_RE.search(m.group("body")) and not ISSUER_RE.match(m.group("body")):
            return True
    return False


SOURCE_HEADER_LINES = 6  # a government page's header: column, title, 来源 / 发布机构, date lines


# Taiwan's national law database files each rule under the branch and the ministry in charge of it: "法規類別: 行政 >
# 環境部 > 氣候變遷目" (read simplified).
LAW_DATABASE_CATEGORY_RE = rx.compile(r"(?m)^[ \t\u3000]*法规类别[：:]\s*行政\s*>\s*(?P<body>[^>\n]{2,20}?)\s*>")


# Taiwan's laws are named 法, 律, 条例 or 通则 (中央法规标准法 第2条): the legislature passes them, whichever ministry
# is in charge; the ministries issue the rest (办法, 要点, 规则, 准则 …).
TAIWAN_LAW_NAME_RE = rx.compile(r"(?:(?<![办方做])法|律|条例|通则)》?$")


def _law_database_ministry(title: str, text: str) -> str | None:
    """The ministry a Taiwan law-database page files the rule ``title`` it prints under, canonical, or None (a law's
    maker is the legislature, not the ministry in charge)."""
    if TAIWAN_LAW_NAME_RE.search(title.strip()):
        return None
    m = LAW_DATABASE_CATEGORY_RE.search(text, 0, 1500)
    body = ISSUER_RE.fullmatch(m.group("body")) if m else None
    return canonical_issuer(body.group(0)) if body else None


def _source_line_body(text: str, lines: int = 3) -> str | None:
    """The government body a page's source line in its first ``lines`` lines names ("来源：最高人民法院"), canonical."""
    for line in text.lstrip().splitlines()[:lines]:
        named = SOURCE_LINE_RE.search(line)
        if named is None:
            continue
        body = ISSUER_RE.match(named.group("body"))
        if body and not NON_GOVERNMENT_RE.search(named.group("body")):
            return canonical_issuer(body.group(0))
    return None


# Who makes a law by its name alone (立法法): a 中华人民共和国…法 is the national legislature's (its standing committee
# passes most; a basic law passed at a full session is read from its adoption note, see ADOPTED_BY_RE), and a
# mainland province's or city's 条例 is a local regulation, which only its people's congress or that congress's
# standing committee makes (a government's rules are 规定 or 办法, never 条例); not a 自治条例 (Taiwan's councils, or
# an autonomous area's congress), nor Taiwan's, Hong Kong's or Macau's ordinances.
NATIONAL_LAW_RE = rx.compile(r"中华人民共和国[\u4e00-\u9fff]{2,30}法")
NATIONAL_LEGISLATURE = canonical_issuer("全国人大常委会")
LOCAL_REGULATION_RE = rx.compile(
    r"(?P<place>(?:北京|天津|上海|重庆)市?|(?!台湾|香港|澳门)(?:"
    + PROVINCES
    + r")(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区)|(?!"
    + TAIWAN_PLACES
    + r")[\u4e00-\u9fff]{2,4}?(?:市|经济特区))(?!.*自治条例)[\u4e00-\u9fff（）()“”\"]{2,40}条例"
)


def legislature_of_law(name: str) -> str | None:
    """The legislature a law or a local regulation is made by, from its name alone as printed (see
    LOCAL_REGULATION_RE)."""
    if NATIONAL_LAW_RE.fullmatch(name):
        return NATIONAL_LEGISLATURE
    m = LOCAL_REGULATION_RE.fullmatch(name)
    if m is None:
        return None
    place = m.group("place").replace("经济特区", "市")
    place = place if place.endswith(("省", "市", "自治区")) else place + "市"
    return canonical_issuer(place + "人大常委会")


SELF_NAMED_BODY_RE = rx.compile(
    rf"(?P<body>[\u4e00-\u9fff]{{2,20}}?)\s*[（(]\s*(?:以下)?简?称\s*[「“\"]?{_OWN_BODY_WORD}[」”\"]?\s*[）)]"
)
SELF_NAMED_CHARS = 3000


def _self_named_body(text: str) -> str | None:
    """The government body a rule's own text defines as 本部 (本会, 本署 …), or None."""
    for m in SELF_NAMED_BODY_RE.finditer(text, 0, SELF_NAMED_CHARS):
        lead = ISSUER_RE.search(m.group("body"))
        if lead is not None and lead.end() == len(m.group("body")) and (body := canonical_issuer(lead.group(0))):
            return body
    return None


def _source_line_issuer(text: str) -> tuple[str, str] | None:
    """The local government body a page names as its source or publisher in its first lines ("2025/4/17 17:18:11
    晋中市人民政府 人气:922", "来源：晋中市人民政府"), with its place (晋中市): a document titled after that place
    and released with no issuer named is that body's."""
    for line in text.lstrip().splitlines()[:3]:
        named = SOURCE_LINE_RE.search(line)
        if not named and not META_LINE_RE.match(line):
            continue
        for m in ISSUER_RE.finditer(named.group("body") if named else line):
            issuer = canonical_issuer(m.group(0))
            city = CITY_HEAD_RE.match(issuer or "") or SOURCE_COUNTY_HEAD_RE.match(issuer or "")
            province = PROVINCE_HEAD_RE.match(issuer or "")
            place = (
                city.group(1)
                if city
                else (issuer[: len(issuer) - len(province.group(2))] if province and issuer else "")
            )
            if issuer and len(place) >= 2:
                return issuer, place
    return None


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


def _same_issuer(headline: str | None, body: str | None) -> bool:
    """Issuers that may name the same signer: equal, one unknown, a headline's count of bodies (三部委) over a body
    naming that many (工业和信息化部、农业农村部、商务部), or a headline's bare province (河南发布…, read as
    河南省人民政府) over a body naming one of that province's offices (河南省生态环境厅等7部门)."""
    if headline is None or body is None or headline == body:
        return True
    if MULTI_RE.fullmatch(headline):
        return _count_of(headline) == len(body.split("、"))
    provincial = headline.endswith("人民政府") and PROVINCE_HEAD_RE.match(headline) is not None
    return provincial and body.startswith(headline[: -len("人民政府")])


def numbered_apart(a: PolicyDocument, b: PolicyDocument) -> bool:
    """Two entries of one title told apart by their numbers (第九十八号 and 第九十九号主席令): two documents."""
    return bool(a.doc_number and b.doc_number and a.doc_number != b.doc_number)


def _without_repeats(docs: list[PolicyDocument]) -> list[PolicyDocument]:
    """The documents, each once: two entries the merge kept apart while their issuers were written differently (a
    page's metadata field "怀远县人民政府(办公室)", the heading's 怀远县人民政府办公室) are one once the issuers are
    read alike; the first entry stays, a release if either was, with the number either gave. Orders told apart by
    their numbers stay apart."""
    out: list[PolicyDocument] = []
    for d in docs:
        same = next(
            (
                o
                for o in out
                if same_document_key(o.title_norm) == same_document_key(d.title_norm)
                and (o.issuer == d.issuer or _government_and_its_office(o.issuer, d.issuer) is not None)
                and not numbered_apart(o, d)
            ),
            None,
        )
        if same is None:
            out.append(d)
            continue
        same.doc_number = same.doc_number or d.doc_number
        pair = _government_and_its_office(same.issuer, d.issuer)
        if pair and same.doc_number:
            # a government and its general office: the number's code says which (湖政办发 the office's, 青政字 the
            # government's)
            government, office = pair
            same.issuer = office if OFFICE_CODE_RE.match(same.doc_number) else government
        if d.is_release and not same.is_release:
            same.is_release, same.cue = True, d.cue
    return out


# A government (国务院, a place's 人民政府 or 政府, a prefecture's 行政公署) and its general office (办公厅, 办公室)
GOVERNMENT_OFFICE_RE = rx.compile(
    r"(?P<head>国务院|[\u4e00-\u9fff]{2,12}?(?:人民政府|政府|行政公署))(?P<office>办公厅|办公室)?"
)


def _government_and_its_office(a: str | None, b: str | None) -> tuple[str, str] | None:
    """(government, office) where ``a`` and ``b`` are one government and its general office (国务院 and 国务院办公厅,
    青岛市人民政府 and 青岛市政府办公厅): a title both list is one document the office issued for the government, or
    the government through its office. None otherwise."""
    ma = GOVERNMENT_OFFICE_RE.fullmatch(a or "")
    mb = GOVERNMENT_OFFICE_RE.fullmatch(b or "")
    if not (ma and mb) or bool(ma.group("office")) == bool(mb.group("office")):
        return None
    if ma.group("head").replace("人民政府", "政府") != mb.group("head").replace("人民政府", "政府"):
        return None
    return (ma.group(0), mb.group(0)) if mb.group("office") else (mb.group(0), ma.group(0))


FRAGMENT_KIND_RE = rx.compile(r"的(?:通知|通告|公告|决定|批复|函|意见)$")
# ... or a kind alone, what the verb ending a heading's matter leaves ("泉州市人民检察院检务公开信息发布实施办法
# （试行）" read again as 发布 + 实施办法（试行）)
BARE_KIND_FRAGMENT_RE = rx.compile(
    r"(?:实施)?(?:办法|细则|规定|规则|方案|意见|通知|制度|规范|指引|标准)(?:[（(](?:试行|暂行|修订|征求意见稿)[）)])?"
)


def _without_title_fragments(docs: list[PolicyDocument]) -> list[PolicyDocument]:
    """The documents, less a release read off the verb inside another release's heading: "公布中华老字号复核结果的
    通知" inside "商务部等5部门关于公布中华老字号复核结果的通知" is that notice's own words (its matter), not a
    second document; stored, it would be a second policy, and a second alert, for one notice."""
    return [d for d in docs if not any(_fragment_of(d, heading) for heading in docs)]


def _fragment_of(d: PolicyDocument, heading: PolicyDocument) -> bool:
    """``d`` is the tail of the release ``heading``'s own title, the object of the verb inside it: no 关于 of its own
    (a heading's other reading, its issuer first, has one), a kind after 的, and in the same place."""
    words, whole = d.title.strip("《》"), heading.title.strip("《》")
    return (
        d.is_release
        and heading.is_release
        and heading is not d
        and "关于" not in words
        and "关於" not in words
        and heading.field == d.field
        and heading.start <= d.start
        and d.end <= heading.end
        and len(whole) > len(words)
        and whole.endswith(words)
        and ((bool(FRAGMENT_KIND_RE.search(words)) and "关于" in whole) or bool(BARE_KIND_FRAGMENT_RE.fullmatch(words)))
    )


# The headline's act and edition before the measure it names ("实施新一版市场准入负面清单", "首份青年发展蓝图"): no
# part of the body's title
HEADLINE_ACT_WORDS_RE = rx.compile(r"^(?:实施|推出|发布|公布|出台|印发)?(?:新一版|新版|首份|首个|首批|新一轮)")


def _acted_on(headline: str, body: str) -> bool:
    """A headline's words that say what was done to the body's titled document and nothing more (延长X3年, 实施新一版X,
    上海市X over the body's X): X whole in the headline, no 关于 before it and no kind of document after it (关于印发X的
    通知 is the notice that issues X, another document)."""
    at = headline.find(body)
    return len(body) >= 6 and at >= 0 and "关于" not in headline[:at] and doc_type(headline[at + len(body) :]) is None


def _fold_headline_paraphrases(docs: list[PolicyDocument]) -> tuple[list[PolicyDocument], set[str]]:
    """A headline shortens the title the body writes out (碳市场 for 碳排放权交易市场, 上海发布碳达峰实施方案 for
    《上海市碳达峰实施方案》): a headline title without 《》 whose characters appear in order in exactly one body
    title of the same kind and a compatible issuer is that document, not a second one. Returns the documents left
    and the normalised titles the headline named."""
    folded: set[str] = set()
    out: list[PolicyDocument] = []
    for d in docs:
        if d.field == "title" and not d.title.startswith("《") and len(d.title_norm) >= 4:
            same = [
                o
                for o in docs
                if o.field == "text"
                and _same_issuer(d.issuer, o.issuer)
                and o.title_norm != d.title_norm
                and (
                    (
                        o.doc_type == d.doc_type
                        and _is_subsequence(HEADLINE_ACT_WORDS_RE.sub("", d.title_norm), o.title_norm)
                    )
                    # "金管局延长绿色和可持续金融资助计划3年" over 「绿色和可持续金融资助计划」: the headline's act
                    # on the scheme the body names in brackets, whatever kind the headline's words end in (not the
                    # page's own heading, where the page is the document: 河南省X over the body's 《X》)
                    or (
                        o.title.startswith("《")
                        and not d.cue.startswith(FULL_TEXT_CUE)
                        and _acted_on(d.title_norm, o.title_norm)
                    )
                )
                # the body's 《…（草案）》 is the draft a congress approved, not the headline's final document
                and not (DRAFT_TITLE_RE.search(o.title) and not DRAFT_TITLE_RE.search(d.title))
            ]
            if len(same) == 1:
                body = same[0]
                body.issuer = body.issuer or d.issuer
                if d.is_release and not body.is_release:
                    body.is_release, body.cue = True, d.cue
                folded.add(body.title_norm)
                continue
        out.append(d)
    return out, folded


# A document republished with the policy library's metadata lines ("发文机关：人民银行 网信办 …", "发文字号：…"), or
# a regulations database's bracketed ones ("【颁布单位】国家环境保护总局、国家发展和改革委员会…", "【发文文号】…"), or a
# disclosure block's fields set off by spaces alone ("制发机关  无锡市人民政府", "文号 锡政发〔2022〕15号": only a
# 机关 or a number's label, which no sentence opens with); a field may follow another on its line, after a space
# (主题分类: 政务公开 发文单位: 通山县人民政府), and a bracketed one anywhere on it
# (【发布日期】112.12.29【发布机关】环境部)
_ISSUER_META = "发文机关|发布机关|发文单位|发布机构|发布部门|发文部门|颁布单位|颁布机关|发布单位|制定机关|制发机关"
TEXT_META_RE = rx.compile(
    rf"(?m)(?:^|(?<=[ \t\u3000])|(?=【))[ \t\u3000]*【?[ \t\u3000]*({_ISSUER_META}|发文字号|发文文号|文号)[ \t\u3000]*"
    r"(?:[：:]|】|(?<=[关号])[ \t\u3000])[ \t\u3000]*([^\n]{2,120})$"
)
META_NEXT_LABEL_RE = rx.compile(
    r"\s*(?:生成日期|发布日期|发布时间|发文日期|成文日期|发文字号|文\s*号|索\s*引\s*号|信息分类|是否有效|有效性|名\s*称"
    r"|主题分类|关键词|网站发布)\s*[：:]"
    # ... or, with no colon, a date's label before the date ("发布时间 2015年04月29日"), a keyword's, or a table's next
    # cell ("| 市政府 | 发文日期： | 2021-07-08 |")
    r"|\s*(?:发布时间|发布日期|发文日期|成文日期|关键词)(?=\s|$)|\s*\|"
)
# What a page's metadata prints where it names no body: a placeholder ("信息补充中"), or a body named relative to a
# place the field does not give ("市政府办公室", "市生态环境局", "政府办"): left to the rules that read the issuer
# from the document itself
META_NO_BODY_RE = rx.compile(r"^(?:信息补充中|暂无|无|待定|[-—－]+)$|^(?:[省市县区](?!委)|政府办)")
TOWN_ALONE_RE = rx.compile(r"[\u4e00-\u9fff]{2,12}[镇乡]")
HEADLINE_LABEL_RE = rx.compile(
    r"^(?:[^：:《》]{1,6}[：:]|【[^【】《》]{1,14}】)\s*"
)  # "官方：", "全文：", "【政策文件】"


def _metadata_fields(text: str) -> tuple[dict[str, str], str]:
    """The metadata lines a page prints in its first lines (TEXT_META_RE), by label, and the issuer they name as
    written ("" where none does)."""
    # a library page prints several fields a line; an empty one is followed by the next label (发布机构: 生成日期: …);
    # a table's cells are set off by bars ("发布机构: | 市政府 | 发文日期: | …")
    found = {
        k: META_NEXT_LABEL_RE.split(v.strip(" |\t\u3000"))[0].strip(" ，,") for k, v in TEXT_META_RE.findall(text[:600])
    }
    return found, next((found[k] for k in _ISSUER_META.split("|") if found.get(k)), "")


def _metadata_issuer(text: str) -> str | None:
    """The issuer a page's metadata lines name (发文机关：…, 【发布机关】…), canonical; None where none does."""
    raw = _metadata_fields(text)[1]
    return canonical_issuer(raw) if raw else None


def _printed_metadata_document(title: str, text: str) -> PolicyDocument | None:
    """The headline is a document's title and the text prints its 发文机关 (and maybe 发文字号) lines."""
    found, issuer_raw = _metadata_fields(text)
    if not issuer_raw:
        return None
    headline = HEADLINE_LABEL_RE.sub("", title.strip(), count=1)
    if not title_is_document(headline, government_issuer=True)[0] or doc_type(headline) is None:
        return None
    number_raw = found.get("发文字号") or found.get("发文文号") or found.get("文号") or ""
    number = normalise_doc_number(number_raw) if number_raw else None
    cue = f"the text prints the document's metadata: 发文机关 {issuer_raw[:30]}"
    # a body the issuer patterns do not know (金华经济技术开发区) is still the one the page's metadata names; an
    # announcement's number names its issuers, whatever office the metadata says posted it
    announced = TITLED_ANNOUNCEMENT_RE.fullmatch(headline)
    issuer = (canonical_issuer(announced.group("issuer")) if announced else None) or canonical_issuer(issuer_raw)
    # (a town or township the metadata names by its place alone, "发布机构: 安义县石鼻镇", is its government, as a
    # county named alone is)
    town = TOWN_ALONE_RE.fullmatch(issuer_raw)
    issuer = issuer or (canonical_issuer(issuer_raw + "人民政府") if town else None)
    issuer = issuer or (issuer_raw if len(issuer_raw) <= 30 and not META_NO_BODY_RE.search(issuer_raw) else None)
    return _titled_page_document(title, unwrap_notice(headline), issuer, number, doc_type(headline), cue)


# A standard's record as standards sites print it, one field a line: "标准编号:JR/T 0244-2022", "标准名称:碳金融产品",
# "发布部门:中国人民银行" (or 批准发布部门). A national, sector or local standard's code: GB/T 32151.5-2015,
# JR/T 0227-2021, HJ 2.2-2018, DB11/T 1784-2020 (an association's T/… code is no government body's).
STANDARD_CODE_RE = rx.compile(
    r"(?:GB(?:/[TZ])?|[A-Z]{2}(?:/[TZ])?|DB\d{2}(?:/T)?)\s*\d+(?:\.\d+)*\s*[-—]\s*(?:19|20)\d{2}"
)
STANDARD_FIELD_RE = rx.compile(
    r"(?m)^[ \t\u3000]*(?P<label>标准编号|标准号|标准名称|(?:批准)?发布(?:部门|单位|机构))[ \t\u3000]*[：:][ \t\u3000]*"
    r"(?P<value>[^\n]{2,80}?)[ \t\u3000]*$"
)


def _printed_standard_record(title: str, text: str) -> PolicyDocument | None:
    """The page is a standard's record (:data:`STANDARD_FIELD_RE`): its code, its name and the government body that
    published it. The standard, named by its record, is what the page releases; None without all three."""
    fields: dict[str, str] = {}
    for m in STANDARD_FIELD_RE.finditer(text, 0, 1200):
        label = "number" if "号" in m.group("label") else "name" if "名称" in m.group("label") else "issuer"
        fields.setdefault(label, m.group("value").strip())
    code = STANDARD_CODE_RE.fullmatch(fields.get("number", ""))
    issuer = canonical_issuer(fields.get("issuer", ""))
    name = fields.get("name", "")
    if code is None or issuer is None or not name or not title_is_document(name + "标准")[0]:
        return None
    number = re.sub(r"\s+", " ", code.group(0))
    cue = f"the text prints a standard's record: 标准编号 {number}, 发布部门 {fields['issuer'][:20]}"
    return _titled_page_document(title, name, issuer, number, "标准", cue)


def _titled_page_document(
    title: str, doc_title: str, issuer: str | None, number: str | None, kind: str | None, cue: str
) -> PolicyDocument:
    """The document a page is (its headline the document's title), as a release named in 《》."""
    shown = doc_title if doc_title.startswith("《") else f"《{doc_title}》"
    return _released(shown, issuer, kind, "title", (0, len(title)), cue, number)


def government_page_document(title: str, meta: dict[str, str], source: str) -> PolicyDocument | None:
    """The document a government page publishes (the page IS the release), from its title and metadata."""
    issuer_raw = meta.get("issuer") or meta.get("发文机关") or ""
    number_raw = meta.get("doc_number") or meta.get("发文字号") or ""
    if source not in GOV_SOURCES and not (issuer_raw and number_raw):
        return None
    doc_title = unwrap_notice(title.strip())
    prefix_issuer, _ = split_issuer_prefix(doc_title)
    dtype = doc_type(doc_title)
    number = normalise_doc_number(number_raw) if number_raw else None
    if dtype is None and number is None:
        return None  # a news page on a government site, not a document
    issuer = canonical_issuer(issuer_raw) if issuer_raw else prefix_issuer
    return _titled_page_document(title, doc_title, issuer, number, dtype, f"government page ({source})")


# -- the document an article is about, where no rule spoke ------------------------------------------------------

# A headline's verb before what it reports: a release verb, or 发 again ("陕西深夜再发紧急通知").
HEADLINE_VERB_RE = rx.compile(rf"{_VERB_ALT}|(?:再|又|连|急|重磅)发")
# "…通知 厦环委办〔2025〕36号-高新技术企业服务网", "能源管理 | 关于…的通知": a headline's site, column or number
# around the document's title.
HEADLINE_PARTS_RE = rx.compile(r"\s*[|｜_]\s*|\s+-\s*|-(?=[^-]{2,16}$)|\s+(?=[\u4e00-\u9fff]{1,8}〔)")


# What ends a headline's clause; a clause that ends with the 的 of a title's matter and the title's kind (…消费的通知).
CLAUSE_BREAK_RE = rx.compile(r"[，,！!？?：:\s]+")
OBJECT_KIND_END_RE = rx.compile(r"的(?:通知|意见|指导意见|实施意见|通告|公告|决定|批复)$")


def _headline_as_document(title: str) -> PolicyDocument | None:
    """The headline, or one of its parts, when it is a document's title (关于…的通知, …管理办法, …令); after a
    release verb, its object ("自然资源部发布蓝碳系列技术规程": 蓝碳系列技术规程, 自然资源部)."""
    start = 0
    for part in HEADLINE_PARTS_RE.split(title):
        at = title.find(part, start)
        start = max(start, at)
        prefix_issuer, rest = split_issuer_prefix(part.strip())
        if prefix_issuer and rest.startswith("关于") and not MULTI_RE.fullmatch(prefix_issuer):
            # "财政部 中国人民银行 国家金融监督管理总局关于印发《X》的通知": a heading whose issuers are set off by
            # spaces (so its last clause names only the last of them)
            name = unwrap_notice(rest)
            kind = doc_type(name)
            at_name = title.find(name, start)
            if kind is not None and at_name >= 0 and title_is_document(name.strip("《》"))[0]:
                return _released(name, prefix_issuer, kind, "title", (at_name, at_name + len(name)), "")
        stripped = part.strip().rstrip("。")
        clause = CLAUSE_BREAK_RE.split(stripped)[-1]
        if CITE_RE.search(clause):
            continue  # "党支部集中学习2024年中央一号文件": a document studied, not the headline's title
        verb = HEADLINE_VERB_RE.search(clause)
        if verb is None and OBJECT_KIND_END_RE.search(clause):
            # "…国家能源局发布做好绿证全覆盖工作，促进可再生能源电力消费的通知": a 关于-less title the verb of an
            # earlier clause issues runs over the comma to its kind
            earlier = [m for m in HEADLINE_VERB_RE.finditer(stripped) if m.end() <= len(stripped) - len(clause)]
            if earlier:
                clause = CLAUSE_BREAK_RE.split(stripped[: earlier[-1].start()])[-1] + stripped[earlier[-1].start() :]
                verb = HEADLINE_VERB_RE.search(clause)
        name = clause[verb.end() :] if verb else clause
        kind = document_kind(name) if len(name) >= 6 else None
        if kind is None or kind in WEAK_KINDS or not title_is_document(name)[0]:
            continue
        issuer = canonical_issuer(clause[: verb.start()]) if verb else split_issuer_prefix(name)[0]
        offset = at + part.find(name)
        return _released(name, issuer, kind, "title", (offset, offset + len(name)), "")
    return None


# The rules' verdicts against a release that speak for the whole article (not a citation's 根据 or 按照, which only
# says that one cited document is not the news): a statistical reader never overrides them.
VERDICT_CUES = (
    "a draft for comment",
    "adopted at an executive meeting",
    "issued by a non-government body",
    "a roundup of rules",
    "an interpretation",
    "a chronology of releases",
    "a foreign body's document",
    "an international body's document",
    "not a government body's document",
    "entered into force",
    "a report on the document's progress",
    "a planned task",
    "recalled in a press conference",
    "a writing template",
)


def _rules_decided(title: str, text: str, policy: PolicyResult) -> bool:
    """Whether the rules have their say on the whole article, which a statistical reader leaves alone: a release
    found, a digest, an explainer's headline, a monthly roundup of rules, a verdict cue on one of its documents
    (``VERDICT_CUES``), or a writing template (``writing_template``: a verdict on the page, found documents or not)."""
    if policy.is_release or policy.digest or writing_template(title, text):
        return True
    explainer = INTERPRETATION_RE.search(ATTACHED_NOTE_RE.sub("", title)) and not ABOUT_INTERPRETATION_RE.search(title)
    return bool(
        explainer or MONTHLY_RULES_RE.search(title) or any(d.cue.startswith(VERDICT_CUES) for d in policy.documents)
    )


def silent_subject(title: str, text: str, policy: PolicyResult) -> PolicyDocument | None:
    """The document the article would be about, if it reports a release, where the rules are silent on it: no
    release found, not a digest, not an explainer's headline, no verdict of the rules against the article (a draft,
    an interpretation, a planned task …: ``VERDICT_CUES``), not a writing template (``_rules_decided``). The
    headline's document without a cue, else the headline as a document title (when no document of the headline has a
    cue), else the lead's first document that is not the ground it cites (``_lead_subject``); None where there is
    none. A statistical reader may promote it."""
    return None if _rules_decided(title, text, policy) else _named_subject(title, text, policy)


def _named_subject(title: str, text: str, policy: PolicyResult) -> PolicyDocument | None:
    """The document of :func:`silent_subject`, where the rules have not decided on the article."""
    in_headline = [d for d in policy.documents if d.field == "title"]
    if in_headline:
        return None if in_headline[0].cue else in_headline[0]
    from_headline = _headline_as_document(title)
    if from_headline is not None:
        return from_headline
    # "近日，工信部组织开展2024年度工业节能监察工作…" over "根据工信部印发的《关于组织开展2024年度工业节能监察工作的
    # 通知》": the one document of the text whose matter the headline states word for word is what it reports (a
    # headline that opens with a body and its verb or colon reports its own measure, see _headline_parts)
    headline = normalise_title(title, carriers=False)
    stated = {
        d.title_norm: d
        for d in policy.documents
        if d.field == "text" and len(matter := _matter(d)) >= HEADLINE_MATTER_MIN_CHARS and matter in headline
    }
    if stated and _headline_parts(title.strip()) is not None:
        stated = {}
    if len(stated) == 1:
        return next(iter(stated.values()))
    return _lead_subject(title, text, policy)


def _lead_subject(title: str, text: str, policy: PolicyResult) -> PolicyDocument | None:
    """The lead's first document that may be what the article reports. Not one the lead cites as its ground (根据,
    按照 … before it or in the rules' cue: ``CITE_RE``), nor a law, treaty or standing rule
    (``GROUND_TYPES``) unless the headline speaks of it (shares two characters running with its title):
    "违反《传染病防治法》" under "北市重启防疫措施" is the ground of the measure reported,
    "《生物多样性策略及行动计划》" under "政府1.5亿推五年生物保育" is the measure."""
    headline = _han_pairs(normalise_title(title, carriers=False))
    lead = [
        d
        for d in policy.documents
        if d.field == "text"
        and d.start < LEAD_MAX_CHARS
        and not CITE_RE.search(d.cue)
        and not CITE_RE.search(_clause_before(text, d.start))
        and (d.doc_type not in GROUND_TYPES or _han_pairs(d.title_norm) & headline)
    ]
    return min(lead, key=lambda d: d.start) if lead else None


# Kinds of document a news lead names as the ground a measure rests on rather than as the measure itself.
GROUND_TYPES = frozenset({"法", "法典", "基本法", "协定", "公约", "条约", "规定"})
HAN_PAIR_RE = rx.compile(r"(?=([\u4e00-\u9fff]{2}))")


def _han_pairs(s: str) -> set[str]:
    """Every two Chinese characters running in ``s`` (overlapping): 生物保育 -> 生物, 物保, 保育."""
    return {m.group(1) for m in HAN_PAIR_RE.finditer(s)}


HEADLINE_MATTER_MIN_CHARS = 8


def _matter(d: PolicyDocument) -> str:
    """What a 关于…的通知 is about (组织开展2024年度工业节能监察工作); "" for a title of another form."""
    m = re.fullmatch(r"关于(.+?)的?(?:通知|意见|通告|公告|决定|批复|函)", d.title_norm)
    return m.group(1) if m else ""


COUNT_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)} | {"两": 2}
# "生态环境部等三部门就…发布通知": the body that leads a release the headline credits to a count ("三部门：…")
LED_COUNT_RE = rx.compile(rf"(?P<lead>{_ONE_ISSUER}(?:[、 ]{_ONE_ISSUER})*)等(?P<count>{_COUNT})个?(?:部门|部委|单位)")


# A city named by its short name right before the verb that releases a title opening with its full name: "湖州发布
# 《湖州市转型金融支持活动目录》", "深圳出台《深圳市碳普惠管理办法》" (the city acting is its government).
SHORT_CITY_ACTOR_RE = rx.compile(
    rf"(?:^|[，,。；;：:\s）)】])(?P<place>[\u4e00-\u9fff]{{2}}){_ACTOR_ADVERBS}"
    r"(?:发布|印发|出台|公布|推出|发文|发出|制定)了?\s*$"
)


def _cities_named_short(docs: list[PolicyDocument], fields: dict[str, str]) -> None:
    """A release without an issuer whose clause opens with a city's short name acting, where the title opens with
    that city's name (:data:`SHORT_CITY_ACTOR_RE`), takes the city's government."""
    for d in docs:
        if not d.is_release or d.issuer is not None or d.field not in fields:
            continue
        actor = SHORT_CITY_ACTOR_RE.search(fields[d.field], max(0, d.start - 24), d.start)
        if actor and d.title.lstrip("《").startswith(actor.group("place") + "市"):
            d.issuer = canonical_issuer(actor.group("place") + "市")


SIGNERS_LIST_CHARS = 1500  # where a notice's text names its signers in a list: its opening paragraphs


def _led_members(d: PolicyDocument, text: str) -> str | None:
    """The bodies a document headed "商务部等5部门关于…的通知" is signed by, where its issuer is the leading body: the
    list the text names of that many bodies, led by it ("商务部、文化和旅游部、市场监管总局、国家知识产权局、
    国家文物局"); None where its title counts no bodies or the text lists none of that count."""
    led = LED_COUNT_RE.match(d.title.lstrip("《"))
    if led is None or canonical_issuer(led.group("lead")) != d.issuer:
        return None
    n = _count_of(led.group("count"))
    for m in JOINT_RE.finditer(text, 0, SIGNERS_LIST_CHARS):
        members = canonical_issuer(m.group(0))
        if members and len(members.split("、")) == n and members.split("、")[0] == d.issuer:
            return members
    return None


def _count_of(words: str) -> int | None:
    """3, 三, 十二 -> the number; None for words that are no count (多部门)."""
    digits = re.match(r"[0-9０-９一二三四五六七八九十两]{1,3}", words)
    if digits is None:
        return None
    given = unicodedata.normalize("NFKC", digits.group(0))
    if given.isdigit():
        return int(given)
    if "十" in given:
        tens, _, ones = given.partition("十")
        return COUNT_DIGITS.get(tens, 1) * 10 + COUNT_DIGITS.get(ones, 0)
    return COUNT_DIGITS.get(given) if len(given) == 1 else None


def _counted_members(count: str, text: str) -> str | None:
    """The bodies behind an issuer given as a count ("六部门联合印发…"): the document's closing signature when it
    lists that many bodies, else the leading body the text names for the same count ("生态环境部等三部门"); None
    where the text says neither."""
    n = _count_of(count)
    if n is None:
        return None
    signed = _closing_issuer(text)
    if signed and len(signed.split("、")) == n:
        return signed
    for m in LED_COUNT_RE.finditer(text[:LEAD_MAX_CHARS]):
        if _count_of(m.group("count")) == n:
            return canonical_issuer(m.group("lead"))
    return None


def model_subject(title: str, text: str, policy: PolicyResult, namer: Namer | None = None) -> PolicyDocument | None:
    """The document a statistical reader may make a release (see ``_model_subject``; ``namer`` names the measure
    where no document is named and no rule reads the headline's parts), its issuer, where the headline opens with a
    county's or district's body without its city, the body by the whole name the page gives it."""
    subject = _model_subject(title, text, policy, namer)
    if subject is not None and COMMENT_DRAFT_TITLE_RE.search(subject.title):
        return None  # "《关于…的通知（征求意见稿）》": put out for comment, by its own title, whatever the page's words
    if subject is not None and subject.issuer is None and subject.field == "title":
        subject.issuer = _local_body_on_page(title[subject.start : subject.end], title + "\n" + text)
        # ... or, as for the rules' headline releases, the body the lead names where it writes the measure's name
        # ("消费券计划…" over "劳工处于「防疫抗疫基金」下推出的职业介绍所资助计划")
        subject.issuer = subject.issuer or _issuer_in_lead(subject, text)
    return subject


def _model_subject(title: str, text: str, policy: PolicyResult, namer: Namer | None) -> PolicyDocument | None:
    """The document a statistical reader may make a release: the rules' silent subject (``silent_subject``), else,
    where the rules named no document to be the subject but gave no verdict against the article either (no release,
    digest, explainer's headline, ``VERDICT_CUES`` or writing template: ``_rules_decided``), the headline itself as
    an untitled measure ("香港楼市即日起全面撤辣", "两部门宣布：减半征收证券交易印花税"): news of a measure announced
    often names no document at all. Its title is the headline as written, with no issuer or type the text would have
    to give."""
    if _rules_decided(title, text, policy):
        return None
    # (a column's tag before it and a file's extension after it are the site's: "【政策】贵州省碳达峰实施方案.docx")
    headline = FILE_EXTENSION_RE.sub("", LEADING_TAG_RE.sub("", title.strip()))
    named = _headline_parts(headline)
    subject = _named_subject(title, text, policy)
    if subject is not None:
        if subject.issuer is None and subject.field == "title" and named is not None:
            # "6月24日 咸宁市人民政府办公室 发布 咸宁市…若干措施": the body its headline opens with issued it
            span = named[1]
            if normalise_title(unwrap_notice(headline[span[0] : span[1]])) == subject.title_norm:
                subject.issuer = named[0]
        if subject.issuer is None and subject.field == "title" and subject.title_norm == normalise_title(headline):
            # "【…】经济部疫后振兴各项措施": the whole headline is the measure, headed by its body's name
            acted = _headline_act(headline)
            if acted is None:
                subject.issuer = _body_opening(headline)
            else:  # ... or headed by its body and the body's act: "湖南省煤炭管理局发紧急通知"
                subject.issuer, (first, last) = acted
                shift = title.find(headline)
                subject.title, subject.start, subject.end = headline[first:last], shift + first, shift + last
                subject.title_norm = normalise_title(subject.title)
        return subject
    if not headline:
        return None
    start = title.find(headline)
    if named is not None:
        # "山西省工业和信息化厅发布了关于…的公告", "国务院关税税则委员会：对原产于美国的进口商品加征关税…": the body
        # the headline opens with issued what follows its verb or colon
        issuer, span = named
        letter = ROC_LETTER_HEADLINE_RE.match(headline[span[0] : span[1]])
        if letter is not None and letter.group("name"):
            # "行政院环境保护署令:修正「X」,自即日生效": the rule its order amends, as Taiwan's rule notices put it
            first, last = letter.span("renamed" if letter.group("renamed") else "name")
            span = (span[0] + first, span[0] + last)
        name = unwrap_notice(headline[span[0] : span[1]])
        return _released(name, issuer, doc_type(name), "title", (start + span[0], start + span[1]), "")
    # (a title in corner brackets as Taiwan and Hong Kong write it, 制定「新北市气候变迁因应行动自治条例」, as in 《》;
    # not a quoted name the measure's word follows, 推出「支持生育加码补助」政策)
    quoted = corner_titles(headline, named_only=True)
    titled = list(HEADLINE_TITLE_RE.finditer(quoted))
    if len(titled) == 1 and HEADLINE_TITLE_ITS_RE.search(quoted) and not HEADLINE_TITLE_NOT_ITS_RE.search(quoted):
        # "懒人包|港府订立《禁止蒙面规例》 10月5日起实施", "新北市议会昨日三读通过《…自治条例》": the measure a headline
        # reports under the one title it names in book marks is that document (the rules' reading of it, if any, is
        # replaced by the model's reason), issued by the body the headline opens with
        m = titled[0]
        norm = normalise_title(m.group(0))
        for d in policy.documents:
            if d.field == "title" and d.title_norm == norm:
                return d
        opener = _body_opening(re.sub(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?[，,\s]*", "", headline))
        span = (start + m.start(), start + m.end())
        return _released(m.group(0), opener, doc_type(m.group(0)), "title", span, "")
    letter = ROC_LETTER_HEADLINE_RE.match(headline)
    if letter is not None:
        # "函 有关…查核案", "行政规则-修正「X」,并自114年7月1日生效", "转知环境部检送「A」及「B」": Taiwan's letters and
        # rule notices put their form and act before the rule they carry; "修正「A」为「B」" renames A as B
        group = "renamed" if letter.group("renamed") else "name" if letter.group("name") else "matter"
        first, last = letter.span(group)
        sender = _last_bodies(letter.group("lead") or "")
        return _released(headline[first:last], sender, None, "title", (start + first, start + last), "")
    reported = _clause_release(headline)
    if reported is not None:
        # "12月29日,…获悉,中共云南省委办公厅、云南省人民政府办公厅近日发电通报了云南省2021年度县域经济10强…。": a
        # headline written as a sentence reports the release in one clause: what its verb released, not the sentence
        reporter, (first, last) = reported
        name = headline[first:last]
        return _released(name, reporter, doc_type(name), "title", (start + first, start + last), "")
    clause = HEADLINE_FIRST_CLAUSE_RE.match(headline)
    if clause is not None and doc_type(clause.group("kind")) is not None:
        # "支持殘疾人士購置輔具計劃 成功申請者每項可獲資助50%": a headline's first clause, set off by a space or a bar,
        # that names a document by its kind is the measure; the rest is what the news says of it
        headline = clause.group("name")
    acted = _headline_act(headline)
    if acted is not None:
        # "国务院批准设立浙江舟山群岛新区", "三部门调整…": the body (or count of bodies) the headline opens with and its
        # act are not the measure's name; its first edition's word neither (首批, 新一轮)
        actor, (first, last) = acted
        span = (start + first, start + last)
        return _released(_measure_name(headline[first:last]), actor, None, "title", span, "")
    verbed = HEADLINE_VERB_OBJECT_RE.match(headline)
    if verbed is not None:
        # "广东明确生物质发电上网电价有关事项", "社署公布综援…金额下月一日起调高百分之二点八": whoever the headline
        # opens with (a place, a short name) and the verb that releases are not the measure's name; what follows is
        first, last = verbed.span("name")
        # (a body by its name; a bare place leaves the body to the lead if it names one, "北京明确…" over "北京市发展和
        # 改革委员会发布…", else the place's government)
        who = canonical_issuer(verbed.group("who"))
        if not OFFICE_END_RE.search(verbed.group("who")):
            who = lead_announcer(text) or who
        return _released(_measure_name(headline[first:last]), who, None, "title", (start + first, start + last), "")
    # "彰化縣政府114/115年度補助特定工廠屋頂設置太陽光電計畫": a measure headed by a government body's own name is its
    opener = _body_opening(headline)
    words = namer(title, text) if namer is not None else None
    if words is not None:
        # "2022年度医疗补贴计划启动", "巴士收费周六起加价" over a lead that names 巴士加价方案: the words of the
        # headline or the lead a statistical reader takes for the measure's name, not the whole sentence
        field_name, first, last = words
        name = title[first:last] if field_name == "title" else text[first:last]
        named_by = NAMED_ACTOR_RE.match(name)
        if named_by:
            # "农业部林业及自然保育署提出「造林碳汇专案」方法学", "新竹市祭出低碳家园补助金": who acts and the act are
            # no part of the measure's name; who is its issuer if the rules named none
            opener = opener or canonical_issuer(named_by.group("who"))
            first, name = first + named_by.end(), name[named_by.end() :]
        if field_name == "title":
            name = _measure_name(name)  # (without when it takes effect, as the headline's measure is named)
        return _released(name, opener, doc_type(name), field_name, (first, last), NAMED_CUE)
    span = (start, start + len(headline))
    return _released(_measure_name(headline), opener, None, "title", span, "")


# A government body (or place) and its act before the measure a statistical reader named: "…保育署提出", "新竹市祭出",
# "台北市政府产业发展局14日举办"
NAMED_ACTOR_RE = rx.compile(
    r"^(?P<who>[^，,。；;！!？?\s《》“”「」]{2,20}?(?:署|局|部|会|委|厅|府|市|县|处|院|所))(?:\d{1,2}日|今日|今天|近日|日前)?"
    r"(?:提出|举办|推出|祭出|公布|发布|宣布|公告|订定|修正)(?=[^，,。；;！!？?]{4})"
)


_DAY_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_MEASURE_WHEN = (
    rf"(?:{_DAY_NUMBER}月(?:{_DAY_NUMBER}日)?|明日|今日|即日|今天|明天|下月(?:{_DAY_NUMBER}日)?"
    rf"|明年(?:元旦|{_DAY_NUMBER}月(?:{_DAY_NUMBER}日)?)?|元旦|本月{_DAY_NUMBER}日)"
)
# ... and, right before the verb it comes into force by, a day alone ("10日起发放"), a date with its year (Taiwan's
# "115年7月1日生效"), or soon ("即将正式启动")
_COMING_WHEN = rf"(?:{_MEASURE_WHEN}|\d{{2,4}}年{_DAY_NUMBER}月(?:{_DAY_NUMBER}日)?|{_DAY_NUMBER}日|即将)"
# When an untitled measure takes effect, in its headline: the date right before its change ("九月起调整", "2月上调")
# or, ending the clause, the date it comes into force ("…补贴计划明日起实施", "…先导计划下月20日推行"). The news of its
# date, no part of its name.
MEASURE_WHEN_RE = rx.compile(
    rf"{_MEASURE_WHEN}起?(?=上调|下调|调整|调高|调低)"
    rf"|\s*(?:自|将于|于)?{_COMING_WHEN}起?(?:正式)?(?:实施|生效|施行|推行|上路|启动|发放)$"
)
# ... or what the headline says happens next to it, after its name: applications open, it goes live, starts or is
# set up, on a day or soon ("消费券计划将于7月4日开始接受登记", "…资助计划由六月二十二日至七月二十一日接受申请",
# "国家绿证核发交易系统上线运行", "基层医疗健康蓝图完成制订", "108年新北市清凉屋顶计划开跑啰", "…的士新收费将由今日
# (17日)起生效"): news of it, no part of its name. (A day opens after 由, 自 or 于 only by a number or a word of time.)
_NEXT_WHEN = (
    r"(?:(?:即将|将于|将由|将)[^，,。；;！!？?\s]{0,16}?"
    r"|(?:由|自|于)(?=[0-9一二三四五六七八九十今明本下即])[^，,。；;！!？?\s]{1,16}?"
    rf"|{_COMING_WHEN})"
)
MEASURE_NEXT_RE = rx.compile(
    rf"(?:{_NEXT_WHEN})?起?(?:正式|开始)*(?:接受(?:申请|登记|报名)|开跑|上线(?:运行)?|成立|出炉|完成(?:制订|制定)|启动)"
    r"[啰了喽！!~]*$"
    rf"|{_NEXT_WHEN}起(?:正式)?(?:生效|实施|施行|推行|上路)$"
)
# Where a headline's clause ends (for an untitled measure's name, a space too: "…先导计划下月20日推行 暂有…")
CLAUSE_MARK_RE = rx.compile(r"[，,。；;！!？?]")
MEASURE_CLAUSE_END_RE = rx.compile(rf"{CLAUSE_MARK_RE.pattern}|\s+")
# The place a local paper writes itself by ("我市餐饮消费券10日起发放"): no part of the measure's name
OWN_PLACE_OPENING_RE = rx.compile(r"^(?:我|本|全)(?:省|市|县|区)")


def _measure_name(headline: str) -> str:
    """An untitled measure named by the headline that reports it, without when it takes effect ("福利津贴2月上调3.3%"
    names 福利津贴上调3.3%); a headline whose first clause is the measure and its date ("公共交通费用补贴计划明日起
    实施，市民每月…") names it by that clause (公共交通费用补贴计划), without the paper's own place (我市). Any other
    headline, whole."""
    cut = MEASURE_CLAUSE_END_RE.search(headline)
    for clause in ([headline[: cut.start()]] if cut else []) + [headline]:
        name = MEASURE_WHEN_RE.sub("", clause).strip()
        name = MEASURE_NEXT_RE.sub("", name).strip() if name == clause else name
        if name != clause:
            name = OWN_PLACE_OPENING_RE.sub("", name)
            if len(name) >= 4:
                return name
    return headline


# A document's title in book marks within a headline (not one nested in a longer title it names, 关于落实《X》…的意见,
# not one cited, 根据《X》, nor one amended, 修改《X》: the news is of another act than X's release).
HEADLINE_TITLE_RE = rx.compile(r"《[^《》\n]{2,80}》")
HEADLINE_TITLE_NOT_ITS_RE = rx.compile(
    r"(?:关于|根据|依据|按照|依照|贯彻|落实|执行|推动|解读|读懂|修改|修订|修正|废止)[^《》，。\s]{0,8}《"
    r"|》的|》[^《》，。\s]{0,10}(?:的通知|的意见|的批复)"
    r"|》(?:规例|条例|法|办法|规定|细则)"  # (a name's part in book marks, 立法会通过《受管制电器》规例: not its title)
)
# ... and the headline says the document came out or took effect: a verb of release before it, or of effect after it
# ("港府订立《X》", "三读通过《X》", "新版《X》明年施行", "《X》今日生效").
HEADLINE_TITLE_ITS_RE = rx.compile(
    r"(?:通过|订立|发表|发布|公布|公示|印发|出台|推出|颁布|颁发|制定|实施|启动|新版|新一份|新修订的?)[^《》，。\s]{0,12}《"
    r"|》[^《》，。]{0,12}?(?:生效|施行|实施|出台|发布|公布|印发|出炉|落地|上路)"
    # ... or approved for issue: "省人力资源社会保障厅《X》已经省人民政府同意"
    r"|》已?经[^《》，。]{2,12}?同意$"
)
# A headline's first clause, set off from the rest by a space or a bar, and the same without a year or edition after
# its kind ("香港清新空氣藍圖2035 …" names a 藍圖).
HEADLINE_FIRST_CLAUSE_RE = rx.compile(r"^(?P<name>(?P<kind>[^\s|｜]{4,40}?)(?:\d{4}(?:年版?)?)?)(?:\s+|\s*[|｜]\s*)\S")


# A headline that opens with a government body, then its release verb or a colon, then what it issued up to the end of
# its clause: "日前，省发改委印发…的通知，我市考评等级为优秀" ("日前，" and "，我市…" are not the document's).
HEADLINE_PARTS_OPENING_RE = rx.compile(
    rf"^(?:(?:{_HEADLINE_WHEN})[，,\s]*)?(?P<issuer>[^\s，,：:《》“”]{{2,40}}?)"
    rf"(?:\s*(?:近日|日前|今天|今日|正式|联合)*(?P<verb>{_VERB_ALT})了?\s*|\s*[：:]\s*)"
    r"(?P<name>[^，,。；;！!？?\s][^，,。；;！!？?]{3,79})(?=$|[，,。；;！!？?])"
)


# Taiwan's letter and rule-notice headlines: the form (函, 行政规则-, 转知-), maybe who sent it and the act (检送,
# 修正, 订定), then the rule in 「」 (or, after 函, the matter itself, 有关…案).
ROC_LETTER_HEADLINE_RE = rx.compile(
    r"^(?:函\s+(?P<matter>(?=有关|关于)[^，,。；;\s]{4,60})$"
    r"|(?:函\s*|行政规则\s*[-－]\s*|法规命令\s*[-－]\s*|转知\s*[-－]?\s*)?"
    r"(?P<lead>[^「」，,。]{0,16}?)(?:检送|修正|订定|增订)「(?P<name>[^「」]{4,80})」"
    r"(?:为「(?P<renamed>[^「」]{2,40})」)?)"
)
# A clause of a headline written as a sentence that reports a release: who (maybe) and the verb, then what it released
# up to the clause's end ("…近日发电通报了云南省2021年度县域经济10强…", "7日正式公布2035年国家自定贡献(NDC3.0)");
# not a verb that names an event or qualifies a noun (新闻发布会, 今日公布的…显示), nor one inside a title it cites
# (根据《关于印发〈X〉的通知》).
CLAUSE_RELEASE_RE = rx.compile(
    rf"(?P<before>[^，,。；;！!？?]*?)(?:{_VERB_ALT}|通报|订定|核定)了?(?![会的者稿]|新闻)\s*"
    r"(?P<name>[^，,。；;！!？?\s的》〉」”][^，,。；;！!？?]{3,79})(?=$|[，,。；;！!？?])"
)
_MARK_PAIRS = (("《", "》"), ("〈", "〉"), ("「", "」"), ("“", "”"))


def _clause_release(headline: str) -> tuple[str | None, tuple[int, int]] | None:
    """In a headline written as a sentence (a clause mark in it), the first clause that reports a release: the bodies
    its clause names last before the verb (if any) and the span of what the verb released."""
    if not CLAUSE_MARK_RE.search(headline):
        return None
    start = 0
    for mark in [*CLAUSE_MARK_RE.finditer(headline), None]:
        end = mark.start() if mark else len(headline)
        m = CLAUSE_RELEASE_RE.match(headline, start, end)
        before = m.group("before") if m else ""
        if m is not None and all(before.count(a) == before.count(b) for a, b in _MARK_PAIRS):
            return _last_bodies(before), m.span("name")
        start = end + 1
    return None


def _last_bodies(text: str) -> str | None:
    """The last government body ``text`` names, with those listed right before it (one JOINT_RE list), canonical;
    None where it names none."""
    lists = list(JOINT_RE.finditer(text))
    return canonical_issuer(lists[-1].group(0)) if lists else None


# A headline that opens with a body, or a count of bodies, and an act other than a release verb's (发 a notice, 决定,
# 批准, 制定 …, or a measure's own verb after a count: 三部门调整…), then the measure; an edition's word before it.
HEADLINE_ACT_RE = rx.compile(
    rf"^(?P<who>{_ONE_ISSUER}|{_MULTI})(?:将|已|正式|近日|日前|今日|再|首次)*"
    r"(?:(?:发(?![布表出文展生现])|决定|批准|制定|开展|启动|宣布)了?[：:]?|(?<=门)(?=调整|上调|下调|延长|实施|取消))"
    # (… then, maybe, what it is for after a comma: "…决定进一步优化外汇管理政策措施，便利市场主体合规办理外汇业务")
    r"(?:新一轮|首批|第一批|首份|第一份的?|新版)?(?P<name>[^，,。；;！!？?\s]{4,60})(?:[，,][^，,。；;！!？?]{2,40})?$"
)


# A headline that opens with who (a place, a short name the issuers' table may not know) and a verb of release, then the
# measure: the measure is what follows the verb (its edition's word neither: 首个, 首批).
HEADLINE_VERB_OBJECT_RE = rx.compile(
    r"^(?P<who>[^，,。；;！!？?\s《》“”「」]{2,10}?)(?:近日|日前|今日|今天|正式|再|首次)*"
    r"(?:发布|公布|出台|印发|推出|明确|颁布)了?(?:新一轮|首批|第一批|首个|首份|新版)?"
    r"(?P<name>[^，,。；;！!？?\s]{4,60})$"
)


def _headline_act(headline: str) -> tuple[str | None, tuple[int, int]] | None:
    """The body a headline opens with (None for a count of bodies) and the span of the measure its act names (see
    HEADLINE_ACT_RE), or None where the opening is neither a body the issuers' table knows nor a count."""
    m = HEADLINE_ACT_RE.match(headline)
    if m is None:
        return None
    if MULTI_RE.fullmatch(m.group("who")):
        return None, m.span("name")
    issuer = canonical_issuer(m.group("who"))
    return (issuer, m.span("name")) if issuer else None


def _headline_parts(headline: str) -> tuple[str, tuple[int, int]] | None:
    """The issuer a headline opens with and the span of what it issued (see HEADLINE_PARTS_OPENING_RE), or None
    where the opening is no government body the issuers' table knows."""
    m = HEADLINE_PARTS_OPENING_RE.match(headline)
    if m is None:
        return None
    issuer = canonical_issuer(m.group("issuer"))
    if issuer is None or MULTI_RE.fullmatch(issuer):
        return None
    return issuer, m.span("name")


# Every pattern above is built: keep the compiled programs for the next process (see recache).
rx.save()
