"""Carbon relevance: term weights, title boost, negatives, density normalisation, evidence spans."""

from __future__ import annotations

import pytest

from carbonwatch.classify.relevance import score_relevance
from carbonwatch.classify.rules import Rules, load_rules, parse_rules

RULES_TEXT = """
version = "test"
threshold = 6.0
title_boost = 2.0
density_chars = 1000
density_power = 1.0
repeat_bonus = 1.0
body_only_threshold = 10.0
[terms]
"碳达峰" = 4.0
"碳中和" = 4.0
"碳排放" = 3.0
[negatives]
phrases = ["碳中和概念股"]
"""


@pytest.fixture(scope="module")
def rules() -> Rules:
    return parse_rules(RULES_TEXT)


def test_term_hit_is_evidence_with_span(rules: Rules) -> None:
    text = "今年推进碳达峰工作。"
    result = score_relevance("", text, rules)
    [ev] = result.evidence
    assert (ev.term, ev.field, ev.rule, ev.weight) == ("碳达峰", "text", "term", 4.0)
    assert text[ev.start : ev.end] == "碳达峰"


def test_title_boost_multiplies_title_hits(rules: Rules) -> None:
    result = score_relevance("碳达峰行动", "", rules)
    assert result.title_score == 8.0
    assert result.evidence[0].rule == "title_boost"


def test_title_hit_makes_relevant(rules: Rules) -> None:
    assert score_relevance("碳达峰行动", "", rules).relevant


def test_single_body_term_below_threshold(rules: Rules) -> None:
    assert not score_relevance("经济新闻", "提到碳达峰。", rules).relevant


def test_negative_phrase_masks_term(rules: Rules) -> None:
    result = score_relevance("碳中和概念股大涨", "", rules)
    assert result.score == 0.0
    assert [e.rule for e in result.evidence] == ["negative"]


def test_negative_does_not_mask_other_mentions(rules: Rules) -> None:
    result = score_relevance("碳中和概念股与碳中和", "", rules)
    assert [e.rule for e in result.evidence] == ["title_boost", "negative"]


def test_density_lowers_passing_mention_in_long_text(rules: Rules) -> None:
    short = score_relevance("新闻", "碳达峰碳中和碳排放。", rules)
    long = score_relevance("新闻", "碳达峰碳中和碳排放。" + "无关内容。" * 1000, rules)
    assert short.body_score > long.body_score * 4
    assert not long.relevant


def test_body_only_needs_strong_body(rules: Rules) -> None:
    weak = score_relevance("新闻", "碳达峰碳中和。" + "其他。" * 100, rules)
    strong = score_relevance("新闻", "碳达峰碳中和碳排放。" * 5, rules)
    assert (weak.relevant, strong.relevant) == (False, True)


def test_lead_naming_several_terms_is_the_main_subject(rules: Rules) -> None:
    # A story about carbon under a headline that does not say so: three distinct terms in the lead decide.
    # The body (8.3) clears the threshold (6) but not body_only_threshold (10): the lead is what decides.
    lead = "会议指出，要推进碳达峰、碳中和，控制碳排放。" + "其他内容。" * 260
    result = score_relevance("国家能源委员会召开会议", lead, rules)
    assert rules.threshold <= result.body_score < rules.body_only_threshold
    assert result.relevant


def test_lead_with_two_terms_or_terms_after_the_lead_does_not_decide(rules: Rules) -> None:
    filler = "其他内容。" * 260
    two_in_lead = "在碳达峰、碳中和目标下，" + filler
    three_late = filler + "碳达峰、碳中和、碳排放。"
    assert not score_relevance("经济年会召开", two_in_lead, rules).relevant
    assert not score_relevance("经济年会召开", three_late, rules).relevant


def test_repeats_add_diminishing_weight(rules: Rules) -> None:
    once = score_relevance("", "碳达峰", rules).body_score
    ten = score_relevance("", "碳达峰" * 10, rules).body_score
    assert once < ten < once * 10


@pytest.mark.parametrize(
    "text",
    ["碳酸锂价格上涨", "碳化硅衬底扩产", "碳纤维材料", "碳中和概念股集体走强", "低碳水饮食流行"],
)
def test_shipped_negatives(text: str) -> None:
    assert not score_relevance(text, text, load_rules()).relevant


@pytest.mark.parametrize(
    "title",
    ["国务院印发2030年前碳达峰行动方案", "全国碳市场累计成交额突破20亿元", "央行推出碳减排支持工具"],
)
def test_shipped_rules_find_carbon_headlines(title: str) -> None:
    assert score_relevance(title, "碳达峰碳中和工作。", load_rules()).relevant


def test_latin_terms_match_case_insensitively() -> None:
    result = score_relevance("ccer重启", "", load_rules())
    assert [e.term for e in result.evidence] == ["ccer"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("冬奥会场馆全部使用绿色电力", "所有场馆都将采用绿电，预计减排二氧化碳32万吨，相当于植树造林。"),
        ("三峡能源：已开展碳普惠方面的合作", "公司已与某环境科技公司开展碳普惠方面的合作。"),
        ("Analysis of an International Carbon Price Floor", "Pricing carbon could spur greater emissions reduction."),
        ("世界气象组织：过去8年全球平均温度创历史新高", "报告指出，温室气体浓度达到创纪录水平。"),
        ("多部门联合发布气候投融资试点名单 全国试点共有23个", "生态环境部等九部门公布试点名单。"),
        ("国家适应气候变化战略2035印发", "提升气候风险防范能力。"),
        ("省政府考核组考核节能“双控”目标责任制完成情况", "考核组听取了汇报。"),
        ("联合国环境署发布2020年《排放差距报告》", "报告指出各国承诺远远不够。"),
        ("法国议会通过新的气候法案", "法案涉及交通、住房等领域。"),
        ("全省首批低(零)碳镇(街道)、村(社区)试点名单出炉", "省生态环境厅确定了试点创建单位。"),
        ("11部门印发《甲烷排放控制行动方案》", "方案提出提升甲烷排放监测能力。"),
        ("集美生态环境局积极开展2020年全国低碳日宣传活动", "活动倡导绿色低碳生活方式。"),
        ("Deploying Sustainable Aviation Fuels at Scale in India", "A roadmap for the aviation sector."),
        ("发改委印发《完善能源消费强度和总量双控制度方案》", "方案对能源消费实行弹性管理。"),
        ("全市能耗总量和强度“双控”评价出炉", "市政府对各县区目标责任完成情况进行了评价。"),
        ("省政府办公厅关于节能目标责任考核结果的通报", "各市完成了节能减排年度任务。"),
        ("某市召开《低碳城市规划》新闻发布会", "规划提出降低二氧化碳排放强度。"),
        ("某市低碳试点工作初步实施方案", "一、控制温室气体排放。"),
        ("损失损害基金设立，并非应对气候危机的最终方案", "大会决定设立基金。"),
        ("环境部：严格控制部分HFCs化工生产建设项目", "各地不得新建、扩建相关生产设施。"),
        ("三部门：关于严格控制氢氟碳化物化工生产建设项目的通知", "各省级生态环境部门："),
        ("我国正式接受基加利修正案", "修正案将于明年对我国生效。"),
        ("COP25: 谁在为中国谈判?", "本届气候大会中国代表团成员超60人。"),
        ("“十二五”末全国启动1000家低碳社区试点", "试点旨在控制居民生活领域碳排放水平。"),
        ("清洁发展机制项目运行管理办法（修订）", "为促进清洁发展机制项目有序开展，制定本办法。"),
        ("浙江省用能权有偿使用和交易试点工作实施方案", "各市、县（市、区）人民政府：现印发给你们。"),
        ("《黑龙江省生态系统增汇规划（2021—2030年）》日前印发", "规划提出对森林、耕地、湿地等生态系统开展增汇。"),
        ("两部门印发《农业农村减排固碳实施方案》", "方案提出推进种植业节能减排。"),
    ],
)
def test_carbon_vocabulary_beyond_tan_da_feng(title: str, text: str) -> None:
    assert score_relevance(title, text, load_rules()).relevant


def test_the_biodiversity_cop_is_not_a_climate_conference() -> None:
    assert not score_relevance("COP15第二阶段会议在蒙特利尔开幕", "大会聚焦生物多样性保护。", load_rules()).relevant


def test_ozone_depleting_substances_alone_are_not_a_climate_subject() -> None:
    text = "我国已累计淘汰消耗臭氧层物质，履行《蒙特利尔议定书》。"
    assert not score_relevance("我国已累计淘汰消耗臭氧层物质超过27万吨", text, load_rules()).relevant


def test_energy_saving_and_emission_reduction_alone_is_no_carbon_subject() -> None:
    # 节能减排 is energy intensity and pollutants unless the text frames it as carbon: it supports, it does not decide
    shipped = load_rules()
    text = "会议要求，确保完成“十一五”节能减排目标，单位GDP能耗降低20%，主要污染物排放总量减少10%。"
    assert not score_relevance("国务院召开全国节能减排工作电视电话会议", text, shipped).relevant
    framed = text + "要把节能减排与控制温室气体排放结合起来。"
    assert score_relevance("国务院召开全国节能减排工作电视电话会议", framed, shipped).relevant


def test_emission_reduction_alone_frames_no_energy_saving_plan_as_carbon() -> None:
    shipped = load_rules()
    text = "国务院印发节能减排综合工作方案，提出单位GDP能耗下降，化学需氧量、二氧化硫排放总量减排10%。"
    assert score_relevance("国务院印发《“十三五”节能减排综合工作方案》", text, shipped).score >= shipped.threshold
    assert not score_relevance("国务院印发《“十三五”节能减排综合工作方案》", text, shipped).relevant
    framed = text + "方案同时提出控制温室气体排放。"
    assert score_relevance("国务院印发《“十三五”节能减排综合工作方案》", framed, shipped).relevant


@pytest.mark.parametrize(
    ("headline", "text", "frame"),
    [
        # green power and its certificates are an energy market unless the text frames them as carbon
        (
            "绿电交易试点规则出台 绿色电力消费扩围",
            "安徽省能源局印发绿色电力交易试点规则，明确绿电交易的组织方式。",
            "绿电交易将助力实现碳达峰碳中和目标。",
        ),
        # 绿色低碳 is the stock phrase of any green development programme
        (
            "青海海西：绿色低碳循环构建产业新发展格局",
            "海西州坚持绿色低碳发展，推动盐湖化工、新能源产业集聚，绿色低碳循环产业体系加快形成。",
            "全州单位GDP二氧化碳排放持续下降，助力实现碳达峰。",
        ),
    ],
)
def test_a_supporting_term_alone_is_no_carbon_subject(headline: str, text: str, frame: str) -> None:
    # a supporting term makes an item carbon only where the text frames it as carbon
    shipped = load_rules()
    assert score_relevance(headline, text, shipped).score >= shipped.threshold  # enough weight, but no carbon frame
    assert not score_relevance(headline, text, shipped).relevant
    assert score_relevance(headline, text + frame, shipped).relevant


def test_carbonate_and_carbon_fibre_are_not_carbon() -> None:
    shipped = load_rules()
    assert not score_relevance("Lithium carbonate prices", "Carbon fiber and carbonate demand rose.", shipped).relevant


@pytest.mark.parametrize(
    "title",
    [
        "国内首单碳中和绿色金融债成功发行",
        "国内首单“碳中和”绿色金融债成功发行",
        "桂冠电力成功发行全国央企首单碳资产债券",
        "成都市新都区发行全国首单区县级碳中和绿色中期票据",
    ],
)
def test_a_bond_labelled_after_carbon_is_financing_news(title: str) -> None:
    text = "募集资金用于清洁能源项目，认购倍数高达8倍。"
    result = score_relevance(title, text, load_rules())
    assert not result.relevant
    assert any(e.rule == "negative" for e in result.evidence)  # the label is shown as the reason
    # the policy that frames such bonds is carbon news
    assert score_relevance("人民银行推出碳减排支持工具", text, load_rules()).relevant
    # ... and the lead's background phrases do not make a carbon product the subject, as they would for a headline
    # without any carbon word
    lead = "三峡集团发行债券，落实碳达峰、碳中和决策部署，助力绿色低碳发展，支持碳减排项目。"
    assert not score_relevance("三峡集团成功发行首批碳中和绿色公司债券", lead, load_rules()).relevant
    assert score_relevance("三峡集团推进能源转型", lead, load_rules()).relevant


@pytest.mark.parametrize(
    "title",
    [
        "碳交易市场启动在即，碳交易板块掀涨停潮",
        "碳中和下一个爆发点来了，这家公司股价还在地板",
        "券商：碳中和背景下继续看好钢铁股",
        "创业板指跌超4% “碳中和”人气爆棚",
        # a fund's headline: the carbon word names the product
        "朱雀基金旗下新基金朱雀碳中和三年持有混合发起延长募集期",
        "碳中和投资成全球风口 贝莱德碳中和ETF筹资规模再创纪录",
        "成都首个“双碳”领域国资科创投资基金近期设立",
    ],
)
def test_stock_market_headline_hits_weigh_nothing(title: str) -> None:
    result = score_relevance(title, "板块午后拉升，多股涨停。", load_rules())
    assert result.title_score == 0.0 and not result.relevant
    rules = {e.rule for e in result.evidence if e.field == "title"}
    assert "market_frame" in rules and rules <= {"market_frame", "negative"}  # 碳中和ETF is a negative phrase too


def test_a_fund_managers_view_is_no_fund_product() -> None:
    result = score_relevance("基金经理：碳中和首要任务是电力系统低碳化", "", load_rules())
    assert result.title_score > 0 and "market_frame" not in {e.rule for e in result.evidence}


def test_a_market_headline_over_a_carbon_story_is_still_relevant() -> None:
    body = "生态环境部印发通知，推进碳达峰、碳中和，全国碳排放权交易市场扩大覆盖范围，控制碳排放。"
    assert score_relevance("碳交易板块走强", body, load_rules()).relevant  # the lead carries it


def test_a_carbon_document_released_in_the_lead_is_the_subject() -> None:
    title = "湖南：到2025年非化石能源消费比重达22%"
    text = "湖南省人民政府近日印发《湖南省碳达峰实施方案》，提出到2025年非化石能源消费比重达到22%。" + "其他。" * 300
    shipped = load_rules()
    assert not score_relevance(title, text, shipped).relevant
    result = score_relevance(title, text, shipped, released=["《湖南省碳达峰实施方案》"])
    assert result.relevant
    assert [(e.term, e.field, e.rule) for e in result.evidence][:1] == [("碳达峰", "document", "released_document")]


def test_target_is_no_stock_market_frame_and_energy_intensity_is_carbon() -> None:
    title = "市政府办公室关于分解下达2019年度能源消耗强度目标的通知"  # 目标的 is not 投资标的
    result = score_relevance(title, "为贯彻落实节能减排工作部署，现将能源消耗强度目标分解下达。", load_rules())
    assert result.relevant and result.title_score > 0


def test_a_quote_inside_a_term_still_matches_it_as_the_rules_spell_it() -> None:
    rules = load_rules()
    result = score_relevance("能耗“双控”工作调度会", "", rules)
    [hit] = [e for e in result.evidence if e.rule == "title_boost"]
    assert (hit.term, hit.start, hit.end) == ("能耗双控", 0, 5)  # the span keeps the quote; the term does not
    assert rules.weight("能耗“双控") == rules.weight("能耗双控") > 0
    assert rules.term_pattern.search("碳“酸") is None  # only terms, never a new word


@pytest.mark.parametrize(("title", "term"), [("竹林碳计量规程", "碳计量"), ("企业碳核算指南", "碳核算")])
def test_carbon_measurement_is_read_as_carbon_accounting_is(title: str, term: str) -> None:
    # the shipped rules: 碳计量 (carbon measurement) weighs what 碳核算 and 碳核查 weigh
    [ev] = score_relevance(title, "", load_rules()).evidence
    assert (ev.term, ev.weight) == (term, 5.0)  # 2.5, doubled in a title
