"""The release the n-gram model promotes where the rules are silent: which document, when, and its reason."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.classify.evaluate import default_reader
from carbonwatch.classify.ngram import load_model, parse_model, promote_release
from carbonwatch.classify.policydocs import (
    PolicyDocument,
    PolicyResult,
    _clause_release,
    model_subject,
    normalise_title,
    recognise,
    silent_subject,
)
from carbonwatch.classify.rules import load_rules
from carbonwatch.classify.verdict import classify
from tests.classify.ngram_models import RELEASE_SPEAKS, hand_made, names_part

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"


def tiny(release_threshold: float | None = 0.5) -> dict[str, Any]:
    """A hand-made model: 印发 speaks for a release (and nothing is sure of carbon)."""
    if release_threshold is None:
        return hand_made(carbon=RELEASE_SPEAKS, carbon_threshold=0.99)
    return hand_made(
        carbon=RELEASE_SPEAKS, carbon_threshold=0.99, release=RELEASE_SPEAKS, release_threshold=release_threshold
    )


def doc(title: str, field: str = "text", start: int = 0, cue: str = "", release: bool = False) -> PolicyDocument:
    return PolicyDocument(title, normalise_title(title), field=field, start=start, cue=cue, is_release=release)


def _check_subject(
    find: Callable[[str, str, PolicyResult], PolicyDocument | None],
    headline: str,
    documents: list[PolicyDocument],
    digest: bool,
    expected: str | None,
) -> None:
    """``find`` gives the expected subject of a text-less article; one read from the headline spans its title there."""
    policy = PolicyResult(is_release=any(d.is_release for d in documents), documents=documents, digest=digest)
    subject = find(headline, "", policy)
    assert (subject.title if subject else None) == expected
    if subject is not None and subject not in documents:  # read from the headline itself
        assert headline[subject.start : subject.end] == subject.title


@pytest.mark.parametrize(
    ("headline", "documents", "digest", "expected"),
    [
        # the headline's own document comes first, then the lead's first
        ("某市印发方案", [doc("《乙方案》", start=40), doc("《甲方案》", "title", 2)], False, "《甲方案》"),
        ("某市新闻", [doc("《乙方案》", start=90), doc("《丙方案》", start=10)], False, "《丙方案》"),
        # the headline as a document's title, or the object of its release verb
        ("乌海市“十四五”应对气候变化规划", [], False, "乌海市“十四五”应对气候变化规划"),
        ("自然资源部发布蓝碳系列技术规程", [], False, "蓝碳系列技术规程"),
        ("能源管理 | 关于推动高校绿色低碳发展的通知 沪教委后〔2024〕13号", [], False, "关于推动高校绿色低碳发展的通知"),
        # silent means silent: a reason given against a lead document, a release found, a digest, an explainer
        ("某市新闻", [doc("《乙方案》", start=10, cue="根据")], False, None),
        # ... but a citation is no verdict on the article: the headline is still its subject
        (
            "关于春节期间烟花爆竹禁放的通告",
            [doc("《大气污染防治法》", start=10, cue="根据")],
            False,
            "关于春节期间烟花爆竹禁放的通告",
        ),
        ("某市印发《甲方案》", [doc("《甲方案》", "title", 4, cue="按照")], False, None),
        (
            "某市新闻",
            [doc("《甲方案》", start=5), doc("《乙方案》", start=900, cue="a draft for comment: 乙")],
            False,
            None,
        ),
        ("某市新闻", [doc("《乙方案》", start=10, release=True)], False, None),
        ("某市新闻", [doc("《乙方案》", start=10)], True, None),
        ("一图读懂《乙方案》", [doc("《乙方案》", "title", 4)], False, None),
        # a document past the lead is not what the article is about; a news headline is no title
        ("某市新闻", [doc("《乙方案》", start=400)], False, None),
        ("A股三大指数收涨 券商板块走强", [], False, None),
        ("生态产业规划一处党支部集中学习2024年中央一号文件", [], False, None),  # a document studied
        ("陕西深夜再发紧急通知", [], False, None),  # the object of 再发 is too short to be a title
    ],
)
def test_the_subject_the_rules_were_silent_on(
    headline: str, documents: list[PolicyDocument], digest: bool, expected: str | None
) -> None:
    _check_subject(silent_subject, headline, documents, digest, expected)


def test_a_headlines_column_tag_and_file_extension_are_not_the_measures() -> None:
    headline = "【政策】贵州省碳达峰实施方案.docx"
    subject = model_subject(headline, "", PolicyResult())
    assert subject is not None and subject.title == "贵州省碳达峰实施方案"
    assert headline[subject.start : subject.end] == subject.title
    assert normalise_title("《贵州省碳达峰实施方案》.PDF") == "贵州省碳达峰实施方案"


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("福利津贴2月上调3.3%", "福利津贴上调3.3%"),
        ("康乐场地举行婚礼租用收费九月起调整", "康乐场地举行婚礼租用收费调整"),
        ("公共交通费用补贴计划明日起实施，市民每月公共交通费若超出400元可获补贴", "公共交通费用补贴计划"),
        ("新界的士车费优惠计划六月八日起实施", "新界的士车费优惠计划"),
        # ... whatever the verb it comes into force by, a day alone, a year of Taiwan's calendar, or soon; the paper's
        # own place is no part of the name; a space ends a headline's first clause
        ("青少年护齿共同治理先导计划下月20日推行 暂有200名注册牙医参加", "青少年护齿共同治理先导计划"),
        ("南部科学园区台南园区及树谷园区空气品质维护区115年7月1日生效", "南部科学园区台南园区及树谷园区空气品质维护区"),
        ("我市餐饮消费券10日起发放", "餐饮消费券"),
        ("全面禁烟场所自112年3月22日生效", "全面禁烟场所"),
        # ... nor what the headline says happens next to it: applications open, it goes live, starts or is set up
        ("消费券计划将于7月4日开始接受登记", "消费券计划"),
        ("职业介绍所资助计划由六月二十二日至七月二十一日接受申请", "职业介绍所资助计划"),
        ("第三阶段“持续进修发展计划”本月11日起接受申请", "第三阶段“持续进修发展计划”"),
        ("国家绿证核发交易系统上线运行 信息化促进绿证核发全覆盖", "国家绿证核发交易系统"),
        ("基层医疗健康蓝图完成制订", "基层医疗健康蓝图"),
        ("108年新北市清凉屋顶计划开跑啰!", "108年新北市清凉屋顶计划"),
        ("巿区、新界及大屿山的士新收费将由今日(17日)起生效", "巿区、新界及大屿山的士新收费"),
        ("关于加强垃圾分类的通告于今起施行", "关于加强垃圾分类的通告"),
        # a headline with no date of effect stays whole, as does a name the next step would leave too short
        ("香港楼市即日起全面撤辣", "香港楼市即日起全面撤辣"),
        ("碳市场启动", "碳市场启动"),
    ],
)
def test_an_untitled_measure_is_named_without_when_it_takes_effect(headline: str, title: str) -> None:
    subject = model_subject(headline, "", PolicyResult())
    assert subject is not None and subject.title == title


def test_a_promoted_measure_is_issued_by_the_body_the_lead_names_where_it_writes_the_measure() -> None:
    text = "劳工处于「防疫抗疫基金」下推出的职业介绍所资助计划将在二○二○年六月二十二日至七月二十一日期间接受申请。"
    subject = model_subject("职业介绍所资助计划由六月二十二日至七月二十一日接受申请", text, PolicyResult())
    assert subject is not None and (subject.title, subject.issuer) == ("职业介绍所资助计划", "香港特别行政区劳工处")
    # a lead that does not write the measure's name names no issuer for it
    subject = model_subject(
        "职业介绍所资助计划由六月二十二日至七月二十一日接受申请", "劳工处表示，欢迎申请。", PolicyResult()
    )
    assert subject is not None and subject.issuer is None


def test_a_promoted_headline_whose_page_prints_the_document_takes_its_printed_signer() -> None:
    model = parse_model(tiny(), "test")
    text = (
        "延平区人民政府森林防火禁火令\n我区未来几天持续晴好天气，森林火险等级较高，区政府决定严禁一切野外用火。"
        "违令者依法追究责任。\n南平市延平区人民政府 2025年1月8日\n"
    )
    policy = PolicyResult()
    promote_release("延平区人民政府森林防火禁火令印发", text.replace("禁火令\n", "禁火令印发\n", 1), policy, model)
    assert [d.issuer for d in policy.releases] == ["南平市延平区人民政府"]
    # a page that only reports it, unsigned, leaves no issuer to read
    policy = PolicyResult()
    promote_release("森林防火禁火令印发", "记者获悉，森林防火禁火令印发，严禁一切野外用火。", policy, model)
    assert [d.issuer for d in policy.releases] == [None]


def test_a_headline_document_the_rules_left_undecided_is_issued_by_the_body_it_opens_with() -> None:
    headline = "【创新创业与产经政策】经济部疫后振兴各项措施"
    policy = PolicyResult(documents=[doc(headline, field="title")])
    subject = model_subject(headline, "", policy)
    assert subject is not None and subject.issuer == "经济部"
    # a document in the headline that is only part of it names no issuer from the headline's opening
    policy = PolicyResult(documents=[doc("《疫后振兴各项措施》", field="title", start=14)])
    subject = model_subject("【政策】经济部说明《疫后振兴各项措施》", "", policy)
    assert subject is not None and subject.issuer is None


def test_the_issuer_before_a_headlines_verb_issues_its_object() -> None:
    subject = silent_subject("自然资源部发布蓝碳系列技术规程", "", PolicyResult())
    assert subject is not None and subject.issuer == "自然资源部" and subject.doc_type == "规程"


def test_the_one_document_whose_matter_the_headline_states_is_its_subject() -> None:
    # a lead used as the headline states the matter of a notice the text cites (根据…印发的《关于X的通知》)
    headline = "近日，工信部组织开展2024年度工业节能监察工作，其中包括对大型数据中心全面开展能效专项监察"
    notice = doc("《关于组织开展2024年度工业节能监察工作的通知》", start=40, cue="根据工信部印发的")
    other = doc("《关于加强绿色数据中心建设的指导意见》", start=90, cue="依据")
    subject = silent_subject(headline, "", PolicyResult(documents=[notice, other]))
    assert subject is notice
    # ... not a headline that opens with a body and its colon: that reports its own measure
    headline = "国务院关税税则委员会：对原产于美国的进口商品加征关税税率提高至125%"
    earlier = doc("《国务院关税税则委员会关于对原产于美国的进口商品加征关税的公告》", start=60, cue="根据")
    subject = silent_subject(headline, "", PolicyResult(documents=[earlier]))
    assert subject is not earlier
    # ... nor a matter too short to tell one notice from another
    subject = silent_subject(
        "市里开展节能工作", "", PolicyResult(documents=[doc("《关于开展节能工作的通知》", cue="根据")])
    )
    assert subject is None or subject.title != "《关于开展节能工作的通知》"


def test_a_sure_model_promotes_the_subject_with_its_reason() -> None:
    model = parse_model(tiny(), "test")
    policy = PolicyResult()
    promote_release("某市印发乌海市应对气候变化规划", "", policy, model)
    assert policy.is_release and [d.title for d in policy.releases] == ["乌海市应对气候变化规划"]
    promoted = policy.releases[0]
    assert promoted.cue.startswith("n-gram model test: release p=") and promoted.cue.endswith("(印发)")
    assert promoted.carbon  # the one release the article reports is what it is about


def test_a_promoted_regulation_is_issued_by_the_legislature_whose_session_adopted_it() -> None:
    model = parse_model(tiny(), "test")
    text = "《深圳市供热条例》经深圳市第五届人民代表大会常务委员会第十八次会议于2012年10月30日通过，现予印发。"
    policy = PolicyResult(documents=[doc("《深圳市供热条例》", start=0)])
    promote_release("深圳市印发供热条例", text, policy, model)
    assert [(d.title, d.issuer) for d in policy.releases] == [("《深圳市供热条例》", "深圳市人民代表大会常务委员会")]


def test_a_promoted_act_whose_title_opens_with_its_serial_is_numbered_by_it() -> None:
    model = parse_model(tiny(), "test")
    policy = PolicyResult(documents=[doc("第101/2024号行政长官批示", start=0)])
    promote_release("第101/2024号行政长官批示印发", "第101/2024号行政长官批示\n行政长官行使…", policy, model)
    assert [d.doc_number for d in policy.releases] == ["第101/2024号"]
    # a title that gives no number leaves it empty
    policy = PolicyResult(documents=[doc("《深圳市供热条例》", start=0)])
    promote_release("深圳市印发供热条例", "《深圳市供热条例》现予印发。", policy, model)
    assert [d.doc_number for d in policy.releases] == [None]


def test_a_promoted_untitled_measure_is_issued_by_the_body_its_lead_opens_with_announcing_it() -> None:
    # a press release's lead: the body, its short name and the day in brackets, then its verb
    model = parse_model(tiny(), "test")
    text = "新闻公报\n收紧个人预订康体设施时数限额\n康乐及文化事务署（康文署）今日（三月十二日）宣布，由今年四月三日起…"
    policy = PolicyResult()
    promote_release("收紧个人预订康体设施时数限额印发", text, policy, model)
    assert [d.issuer for d in policy.releases] == ["香港特别行政区康乐及文化事务署"]
    # a lead whose first body only speaks (表示) announces nothing: no issuer rather than a guess
    policy = PolicyResult()
    promote_release("降准降息印发", "中国人民银行行长表示，今年降准降息有一定空间。", policy, model)
    assert [d.issuer for d in policy.releases] == [None]


def test_a_promoted_document_is_issued_by_the_body_the_page_says_drew_it_up_or_by_its_own_signature() -> None:
    model = parse_model(tiny(), "test")
    # "《X》是由Y制定的": the sentence right after the title names who drew it up
    headline = "《关于市城区禁止燃放烟花爆竹的通告》是由湘潭市城市管理和综合执法局制定的，旨在加强安全管理印发"
    policy = PolicyResult(documents=[doc("《关于市城区禁止燃放烟花爆竹的通告》", field="title")])
    policy.documents[0].end = len("《关于市城区禁止燃放烟花爆竹的通告》")
    promote_release(headline, "", policy, model)
    assert [d.issuer for d in policy.releases] == ["湘潭市城市管理和综合执法局"]
    # "现将X予以公布": the page's own formula passes X on, so the notice's signature over its date issued it
    text = (
        "工信厅节函〔2022〕7号\n为贯彻落实《“十四五”工业绿色发展规划》，现将2021年度绿色制造名单予以公布。"
        "有关事项通知如下：\n一、各地要加强衔接。\n工业和信息化部办公厅\n2022年1月15日"
    )
    at = text.index("2021年度")
    listed = doc("2021年度绿色制造名单", start=at)
    listed.end = at + len("2021年度绿色制造名单")
    policy = PolicyResult(documents=[listed])
    promote_release("2021年度绿色制造名单印发", text, policy, model)
    assert [d.issuer for d in policy.releases] == ["工业和信息化部"]
    # a name the news only mentions, with no formula before it and no 由 after it, is issued by no one the page says
    policy = PolicyResult(documents=[doc("2021年度绿色制造名单", start=2)])
    policy.documents[0].end = 2 + len("2021年度绿色制造名单")
    text = "据悉2021年度绿色制造名单引发关注。\n工业和信息化部办公厅\n2022年1月15日"
    promote_release("2021年度绿色制造名单印发", text, policy, model)
    assert [d.issuer for d in policy.releases] == [None]


def test_a_title_a_taiwan_letter_cites_with_yi_is_no_subject_of_its_headline() -> None:
    # "依「X」第12条…办理": the rule the letter acts under, not what its headline passes on
    headline = "转知环境部检送「温室气体自愿减量专案之减量方法」及「免确证减量方法」"
    text = "一、依「温室气体自愿减量专案管理办法」（下称管理办法）第12条规定办理。\n二、该部现完成减量方法之审定。"
    subject = model_subject(headline, text, recognise(headline, text))
    assert subject is not None and subject.title == "温室气体自愿减量专案之减量方法"
    # ... where the lead does not cite it, its title in the lead stays the subject
    text = text.replace("依「", "配合「")
    subject = model_subject(headline, text, recognise(headline, text))
    assert subject is not None and subject.title_norm == normalise_title("温室气体自愿减量专案管理办法")


def test_no_promotion_below_the_threshold_without_a_release_model_or_without_a_subject() -> None:
    for model, headline in (
        (parse_model(tiny(release_threshold=0.999), "test"), "某市印发乌海市应对气候变化规划"),
        (parse_model(tiny(release_threshold=None), "test"), "某市印发乌海市应对气候变化规划"),
        (None, "某市印发乌海市应对气候变化规划"),
    ):
        policy = PolicyResult()
        promote_release(headline, "", policy, model)
        assert not policy.is_release and policy.documents == []
    # a verdict of the rules against the article leaves the model no subject, however sure it is
    draft = doc("《某市供热管理办法（征求意见稿）》", start=5, cue="a draft for comment: 征求意见稿")
    policy = PolicyResult(documents=[draft])
    promote_release("某市印发供热管理办法征求意见稿", "", policy, parse_model(tiny(), "test"))
    assert not policy.is_release and policy.documents == [draft] and not draft.is_release
    assert parse_model(tiny(release_threshold=None), "test").release is None  # files before 2026.12 still load


def test_a_writing_template_is_no_subject_for_the_model() -> None:
    # a model-essay site's sample notice, its year and city left blank: nobody's release, however sure the model is
    headline = "某市印发交通管制通告"
    policy = PolicyResult()
    promote_release(headline, "xx市公安局于20xx年12月1日起实施交通管制。", policy, parse_model(tiny(), "test"))
    assert not policy.is_release and policy.documents == []
    # ... one blank is no template (a table that could not print a year)
    promote_release(headline, "某市公安局于20xx年12月1日起实施交通管制。", policy, parse_model(tiny(), "test"))
    assert policy.is_release


def test_the_shipped_model_promotes_a_real_release_the_rules_miss() -> None:
    # a tuning post: a provincial notice's full text run into one line under a scholarly site's <正> mark, its
    # formula (现将《…》予以发布) naming another title than the plan it completes; no release rule reads it
    post = default_reader()(CORPUS / "posts" / "453ecc0b9432.md")
    rules = load_rules()
    alone = classify(post.title, post.text, rules, model=None, published_at=post.published_at)
    assert not alone.policy.is_release
    verdict = classify(post.title, post.text, rules, model=load_model(), published_at=post.published_at)
    assert [d.title for d in verdict.policy.releases] == ["《湖北省生态保护红线划定方案》"]
    cue = verdict.policy.releases[0].cue
    assert "release p=" in cue and "印发" in cue and not re.search(r"[0-9]", cue.split("(", 1)[1])


# A page written in traditional script is read as simplified; the headline's 印发 gives p = 0.95 in the hand-made
# model, under the one cutoff (0.99) and over the traditional pages' own (0.9).
CARBON_TEXT = "规划提出，到2025年单位地区生产总值二氧化碳排放下降，推动碳达峰碳中和。"
TRADITIONAL = (
    "某市印發烏海市應對氣候變化規劃",
    "規劃提出，到2025年單位地區生產總值二氧化碳排放下降，推動碳達峰碳中和。",
)


def test_a_promoted_release_on_a_carbon_post_is_flagged() -> None:
    # the rules find the carbon subject and no release; the model's promotion completes the flag
    headline = "某市印发乌海市应对气候变化规划"
    rules = load_rules()
    alone = classify(headline, CARBON_TEXT, rules, model=None)
    assert alone.relevance.relevant and not alone.flag
    verdict = classify(headline, CARBON_TEXT, rules, model=parse_model(tiny(), "test"))
    assert verdict.policy.is_release and verdict.flag


def test_a_page_in_traditional_script_is_promoted_at_its_own_cutoff() -> None:
    model = parse_model(
        hand_made(
            carbon=RELEASE_SPEAKS,
            carbon_threshold=0.99,
            release=RELEASE_SPEAKS,
            release_threshold=0.99,
            release_threshold_traditional=0.9,
        ),
        "test",
    )
    rules = load_rules()
    simplified = classify("某市印发乌海市应对气候变化规划", CARBON_TEXT, rules, model=model)
    assert not simplified.policy.is_release
    verdict = classify(*TRADITIONAL, rules, model=model)
    assert verdict.traditional and verdict.policy.is_release and verdict.flag
    cue = verdict.policy.releases[0].cue
    assert cue.startswith("n-gram model test: release p=0.95 > 0.90, traditional script (")
    # a model file without the traditional cutoff: one cutoff for every page, as before 2026.12.2
    one = parse_model(
        hand_made(carbon=RELEASE_SPEAKS, carbon_threshold=0.99, release=RELEASE_SPEAKS, release_threshold=0.99), "test"
    )
    assert one.release is not None and one.release.promote_above(traditional=True) == 0.99
    assert not classify(*TRADITIONAL, rules, model=one).policy.is_release


def test_the_shipped_model_has_a_traditional_cutoff_no_stricter_than_the_one_cutoff() -> None:
    release = load_model().release
    assert release is not None and release.threshold_traditional is not None
    assert 0.5 <= release.threshold_traditional <= release.threshold


def test_the_shipped_release_model_reads_plain_cases() -> None:
    model = load_model()
    assert model.release is not None and 0.5 <= model.release.threshold < 1
    p_release, _ = model.probability(
        model.release, "国务院办公厅印发关于加快发展节水产业的指导意见", "国务院办公厅日前印发《意见》，提出…"
    )
    p_other, _ = model.probability(model.release, "A股三大指数收涨 券商板块走强", "沪指收涨0.5%，成交额放大。")
    assert p_release > model.release.threshold > p_other


def test_no_promotion_where_the_page_is_not_written_in_chinese() -> None:
    # the same headline over an English body: the model reads the headline with the lead, mostly English letters
    model = parse_model(tiny(), "test")
    body = "The municipal government has released the plan. " * 6
    policy = PolicyResult()
    promote_release("某市印发乌海市应对气候变化规划", body, policy, model)
    assert not policy.is_release and policy.documents == []
    promote_release("某市印发乌海市应对气候变化规划", "", policy, model)
    assert policy.is_release  # the headline alone is Chinese


@pytest.mark.parametrize(
    ("headline", "documents", "digest", "expected"),
    [
        # the rules' silent subject first, as silent_subject gives it
        ("自然资源部发布蓝碳系列技术规程", [], False, "蓝碳系列技术规程"),
        # no document to be the subject and no verdict: the headline itself, an untitled measure
        ("香港楼市即日起全面撤辣", [], False, "香港楼市即日起全面撤辣"),
        ("两部门宣布：减半征收证券交易印花税", [], False, "减半征收证券交易印花税"),  # (the count's act is not)
        ("  屏东三地门乡发振兴礼金 每人1000元 ", [], False, "屏东三地门乡发振兴礼金 每人1000元"),
        # a cited document (根据) is no verdict on the article: still the headline
        ("某市新闻", [doc("《乙方案》", start=10, cue="根据")], False, "某市新闻"),
        # verdicts against the article, a release already found, a digest, an explainer: nothing
        ("某市新闻", [doc("《乙方案》", start=900, cue="a draft for comment: 乙")], False, None),
        ("某市新闻", [doc("《乙方案》", start=10, cue="recalled in a press conference: 乙")], False, None),
        ("某市新闻", [doc("《乙方案》", start=10, release=True)], False, None),
        ("早报：某市新闻", [], True, None),
        ("一图读懂某市稳增长措施", [], False, None),
        ("", [], False, None),
    ],
)
def test_the_subject_a_model_may_promote(
    headline: str, documents: list[PolicyDocument], digest: bool, expected: str | None
) -> None:
    _check_subject(model_subject, headline, documents, digest, expected)


@pytest.mark.parametrize(
    ("headline", "lead", "expected"),
    [
        # the document the lead names, no verb of release read for it, is the measure the headline reports
        (
            "政府1.5亿推五年生物保育",
            "香港首份《生物多样性策略及行动计划》提出，未来五年投放1.5亿元推行生物保育。",
            "《生物多样性策略及行动计划》",
        ),
        # ... not the one the lead cites as its ground
        (
            "政府1.5亿推五年生物保育",
            "按照《生物多样性公约》，香港首份《生物多样性策略及行动计划》提出，未来五年投放1.5亿元推行生物保育。",
            "《生物多样性策略及行动计划》",
        ),
        # a law the lead names is the ground of the measure, the headline's untitled measure the subject ...
        ("北市重启防疫措施", "台北市今起于公有市场重启防疫措施，违反《传染病防治法》者可处罚锾。", "北市重启防疫措施"),
        # ... unless the headline speaks of the law
        (
            "北市重启防疫措施 传染病防治法罚则同步上路",
            "台北市今起于公有市场重启防疫措施，违反《传染病防治法》者可处罚锾。",
            "《传染病防治法》",
        ),
    ],
)
def test_the_measure_the_lead_names_not_its_ground_is_the_subject(headline: str, lead: str, expected: str) -> None:
    policy = recognise(headline, lead)
    assert not policy.is_release  # (the rules are silent: the subject is the model's to promote)
    subject = model_subject(headline, lead, policy)
    assert subject is not None and subject.title == expected


@pytest.mark.parametrize(
    ("headline", "title", "issuer"),
    [
        # a headline that opens with a body and its verb: the body issued what follows, to the end of its clause
        (
            "山西省工业和信息化厅发布了关于山西翔天钢铁有限公司产能置换出让方案的公告",
            "关于山西翔天钢铁有限公司产能置换出让方案的公告",
            "山西省工业和信息化厅",
        ),
        (
            "6月24日 咸宁市人民政府办公室 发布 咸宁市提振消费专项行动若干措施",
            "咸宁市提振消费专项行动若干措施",
            "咸宁市人民政府办公室",
        ),
        (
            "国务院关税税则委员会：对原产于美国的进口商品加征关税税率提高至125%，5日起实施",
            "对原产于美国的进口商品加征关税税率提高至125%",
            "国务院关税税则委员会",
        ),
        # ... not a count of bodies, nor a place or a company
        ("两部门宣布：减半征收证券交易印花税", "减半征收证券交易印花税", None),
        ("香港楼市即日起全面撤辣", "香港楼市即日起全面撤辣", None),
        ("某某科技公司：明年起全面停产燃油车型", "某某科技公司：明年起全面停产燃油车型", None),
        # a first clause, set off by a space or a bar, that names a document by its kind is the measure (with the
        # year after its kind); a first clause of no kind is not, and neither is a headline of one clause
        ("支持残疾人士购置辅具计划 成功申请者每项可获资助50%", "支持残疾人士购置辅具计划", None),
        ("香港清新空气蓝图2035 长远冀全部符世卫指标", "香港清新空气蓝图2035", None),
        ("二零二四年度医疗补贴计划｜今日起发放", "二零二四年度医疗补贴计划", None),
        ("楼市新招 下月起首置印花税减半", "楼市新招 下月起首置印花税减半", None),
        ("长者乘车优惠计划扩展至六十岁人士", "长者乘车优惠计划扩展至六十岁人士", None),
        # a measure headed by a government body's own name is that body's; a place's name names none of its bodies
        (
            "行政院环境保护署温室气体先期专案暨抵换专案推动原则",
            "行政院环境保护署温室气体先期专案暨抵换专案推动原则",
            "行政院环境保护署",
        ),
        ("花莲县农业发展经费补助要点", "花莲县农业发展经费补助要点", None),
        # the one title a headline names in book marks, released or taking effect, is the measure; the body the
        # headline opens with issued it
        ("懒人包|港府订立《禁止蒙面规例》 10月5日起实施", "《禁止蒙面规例》", None),
        ("新版《山西省大气污染防治条例》明年施行", "《山西省大气污染防治条例》", None),
        (
            "2022年2月24日，教育部官网公示《关于公布本科专业备案结果的通知》",
            "《关于公布本科专业备案结果的通知》",
            "教育部",
        ),
        # ... not a title the headline cites, amends, promotes or names inside a longer one, nor part of a name
        (
            "为扎实推动《国家标准化发展纲要》深入实施，明确重点工作",
            "为扎实推动《国家标准化发展纲要》深入实施，明确重点工作",
            None,
        ),
        # (... though an act amending a rule of a named kind, 规章, is that act: the headline's first clause)
        ("修改《学费援助发放规章》 新学年津贴调升", "修改《学费援助发放规章》", None),
        # a 关于-less title its verb issues runs over a comma to its kind, and a headline's closing full stop is no
        # part of it
        (
            "8月3日电，国家发展改革委、财政部、国家能源局发布做好绿证全覆盖工作，促进可再生能源电力消费的通知。",
            "做好绿证全覆盖工作，促进可再生能源电力消费的通知",
            "国家发展改革委、财政部、国家能源局",
        ),
        ("立法会通过《受管制电器》规例，四电一脑须缴费", "立法会通过《受管制电器》规例，四电一脑须缴费", None),
        (
            "国务院关于落实《政府工作报告》重点工作分工的意见发布",
            "国务院关于落实《政府工作报告》重点工作分工的意见发布",
            "国务院",
        ),
        ("根据《环境保护法》 某市调整排污费标准", "某市调整排污费标准", None),
    ],
)
def test_the_model_s_headline_subject_takes_the_body_it_opens_with(
    headline: str, title: str, issuer: str | None
) -> None:
    _check_promoted_headline(headline, title, issuer)


def test_a_sure_model_promotes_an_untitled_measure_under_its_headline() -> None:
    # news of a measure announced names no document: the headline stands for it, with the model's reason
    policy = PolicyResult()
    promote_release("某市印发新闻", "", policy, parse_model(tiny(), "test"))
    assert [d.title for d in policy.releases] == ["某市印发新闻"]
    promoted = policy.releases[0]
    assert promoted.field == "title" and (promoted.start, promoted.end) == (0, 6)
    assert promoted.issuer is None and promoted.doc_type is None and promoted.cue.endswith("(印发)")


def test_the_shipped_model_promotes_a_real_untitled_measure() -> None:
    # a tuning post of a law library's page in traditional script: four bodies' joint announcement on mooncakes, none
    # of it titled, its lead printed after a line of another site's spam the rules read as the lead; no rule names a
    # document, and nothing speaks against a release
    post = default_reader()(CORPUS / "posts" / "e39108c14a3e.md")
    rules = load_rules()
    alone = classify(post.title, post.text, rules, model=None, published_at=post.published_at)
    assert not alone.policy.is_release and not alone.policy.documents
    verdict = classify(post.title, post.text, rules, model=load_model(), published_at=post.published_at)
    [promoted] = verdict.policy.releases
    assert "release p=" in promoted.cue
    # the names part names it by the lead's words ("…聯合發布公告"), not by the headline's sentence; by its kind
    # alone, which the registry keeps apart by the headline (names_only_its_kind)
    assert promoted.field == "text" and post.text[promoted.start : promoted.end] == promoted.title == "公告"
    assert promoted.cue.endswith(", named from the lead")
    # the model file without its names part names the headline, as before it had one
    unnamed = replace(load_model(), names=None)
    verdict = classify(post.title, post.text, rules, model=unnamed, published_at=post.published_at)
    [promoted] = verdict.policy.releases
    assert promoted.field == "title" and post.title[promoted.start : promoted.end] == post.title.strip()


@pytest.mark.parametrize(
    ("headline", "title", "issuer"),
    [
        (
            "12月29日，记者从省发改委获悉，中共云南省委办公厅、云南省人民政府办公厅近日通报了云南省2021年度县域经济"
            "10强、县域跨越发展先进县。",
            "云南省2021年度县域经济10强、县域跨越发展先进县",
            "中共云南省委办公厅、云南省人民政府办公厅",
        ),
        (
            "联合国气候大会将于10日举行，我国与国际同步，7日正式公布2035年国家自定贡献(NDC3.0)，设定减量目标。",
            "2035年国家自定贡献(NDC3.0)",
            None,
        ),
        (
            "为提高辖区上市公司信息披露质量，上海证监局于近期下发了关于贯彻执行《上市公司信息披露管理办法》有关事项的通知",
            "关于贯彻执行《上市公司信息披露管理办法》有关事项的通知",
            "上海市证监局",
        ),
        # a press release is no document, the county's programme is
        ("金门县社会处今天发布新闻稿表示，县府再推出「支持生育加码补助」政策", "「支持生育加码补助」政策", None),
    ],
)
def test_a_headline_written_as_a_sentence_names_what_its_clause_released(
    headline: str, title: str, issuer: str | None
) -> None:
    _check_promoted_headline(headline, title, issuer)


@pytest.mark.parametrize(
    "headline",
    [
        "某中心支行今日公布的行政处罚信息公示显示，某银行存在违规行为。",  # a verb that qualifies a noun
        # a verb inside the title the sentence cites
        "根据《关于印发〈某市义务教育招生工作指导意见〉的通知》等文件精神，结合我区实际，制定本实施意见。",
        "国家旅游局召开新闻发布会宣布，每年5月19日为中国旅游日。",  # an event
        "公共交通费用补贴计划明日起实施，市民每月公共交通费若超出400元可获补贴",  # no verb of release
    ],
)
def test_a_sentence_whose_clauses_report_no_release_is_left_to_the_other_readings(headline: str) -> None:
    assert _clause_release(headline) is None


@pytest.mark.parametrize(
    ("headline", "title", "issuer"),
    [
        ("湖南省煤炭管理局发紧急通知", "紧急通知", "湖南省煤炭管理局"),
        ("国务院批准设立浙江舟山群岛新区", "设立浙江舟山群岛新区", "国务院"),
        ("人社部制定35个国家职业技能标准", "35个国家职业技能标准", "人力资源社会保障部"),
        ("国家外汇管理局决定进一步优化外汇管理政策措施", "进一步优化外汇管理政策措施", "国家外汇管理局"),
        # ... and what it is for, after a comma, is no part of it
        (
            "国家外汇管理局决定进一步优化外汇管理政策措施,便利市场主体合规办理外汇业务",
            "进一步优化外汇管理政策措施",
            "国家外汇管理局",
        ),
        ("三部门调整免购置税新能源汽车产品技术要求", "调整免购置税新能源汽车产品技术要求", None),  # a count
        ("芜湖市人民政府开展首批零碳社区试点", "零碳社区试点", "芜湖市人民政府"),  # the edition's word
        # 发展 is no act of sending: the headline, headed by its body, is the measure
        ("发展局发展新区规划纲要", "发展局发展新区规划纲要", "香港特别行政区发展局"),
    ],
)
def test_a_headline_opening_with_a_body_and_its_act_names_the_measure_after_them(
    headline: str, title: str, issuer: str | None
) -> None:
    _check_promoted_headline(headline, title, issuer)


@pytest.mark.parametrize(
    ("headline", "title", "issuer"),
    [
        ("函 有关行政院指示加强建筑物节约能源设计查核案", "有关行政院指示加强建筑物节约能源设计查核案", None),
        ("行政规则-修正「警政署法规命令草案预告作业要点」,并自114年7月1日生效", "警政署法规命令草案预告作业要点", None),
        (
            "转知环境部检送「温室气体自愿减量专案之减量方法」及「免确证减量方法」",
            "温室气体自愿减量专案之减量方法",
            "环境部",
        ),
        ("行政院农业委员会订定「停止邮寄输入猪肉」公告,并自5月20日生效", "停止邮寄输入猪肉", "行政院农业委员会"),
        ("总统公布修正「温室气体减量及管理法」为「气候变迁因应法」", "气候变迁因应法", None),  # the renamed act
    ],
)
def test_a_taiwan_letter_or_rule_notice_headline_names_the_rule_it_carries(
    headline: str, title: str, issuer: str | None
) -> None:
    _check_promoted_headline(headline, title, issuer)


def _check_promoted_headline(headline: str, title: str, issuer: str | None) -> None:
    """The model's subject of ``headline`` is ``title`` by ``issuer``, the span of the headline it names."""
    subject = model_subject(headline, "", PolicyResult())
    assert subject is not None and (subject.title, subject.issuer) == (title, issuer)
    assert headline[subject.start : subject.end] == title


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "来源：南平市延平区人民政府 责任编辑：某某\n我区未来几天将持续晴好天气，区政府决定严禁野外用火。",
            "南平市延平区人民政府",
        ),
        ("我区未来几天将持续晴好天气，区政府决定严禁野外用火。", None),  # its city unnamed: no city guessed
    ],
)
def test_a_promoted_headline_opening_with_a_district_body_is_issued_by_its_whole_name_on_the_page(
    text: str, issuer: str | None
) -> None:
    subject = model_subject("延平区人民政府森林防火禁火令", text, PolicyResult())
    assert subject is not None and (subject.title, subject.issuer) == ("延平区人民政府森林防火禁火令", issuer)


@pytest.mark.parametrize(
    ("headline", "text", "title", "issuer"),
    [
        # a bare place: the lead's body if it names one, else the place's government
        ("广东明确生物质发电上网电价有关事项", "", "生物质发电上网电价有关事项", "广东省人民政府"),
        (
            "北京明确2022可再生能源电力消纳责任权重及有关事项",
            "北京市发展和改革委员会近日发布通知，明确2022年可再生能源电力消纳责任权重。",
            "2022可再生能源电力消纳责任权重及有关事项",
            "北京市发展和改革委员会",
        ),
        # a short name the issuers' table does not know, and when the measure takes effect left out
        (
            "劳福局公布综援、高龄津贴金额下月一日起调高百分之二点八",
            "",
            "综援、高龄津贴金额调高百分之二点八",
            None,
        ),
    ],
)
def test_a_headline_opening_with_whoever_and_a_verb_of_release_names_the_measure_after_the_verb(
    headline: str, text: str, title: str, issuer: str | None
) -> None:
    subject = model_subject(headline, text, PolicyResult())
    assert subject is not None and (subject.title, subject.issuer) == (title, issuer)


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        # a title in corner brackets, as Taiwan and Hong Kong write it, is the measure as one in 《》 is
        (
            "新北市府为达成2050年净零排放，制定「新北市气候变迁因应行动自治条例」",
            "《新北市气候变迁因应行动自治条例》",
        ),
        # ... and one said to be approved for issue
        (
            "省人力资源社会保障厅《关于开展创业型城市创建活动的实施意见》已经省人民政府同意",
            "《关于开展创业型城市创建活动的实施意见》",
        ),
    ],
)
def test_a_promoted_headline_quoting_one_title_it_releases_names_that_title(headline: str, title: str) -> None:
    subject = model_subject(headline, "", PolicyResult())
    assert subject is not None and subject.title == title
    assert headline[subject.start : subject.end].strip("《》「」") == title.strip("《》")


def test_a_headline_putting_its_one_titled_document_in_force_names_it() -> None:
    # 实施 or 启动 before the one title a headline names says it came into force, as 订立 or 推出 say it came out; a
    # title in corner brackets, as Taiwan writes it, is read as one in book marks (its span is the headline's own)
    headline = "北市将由明日开始实施「市场人流管制计划」"
    subject = model_subject(headline, "", PolicyResult())
    assert subject is not None and subject.title == "《市场人流管制计划》"
    assert headline[subject.start : subject.end] == "「市场人流管制计划」"


def test_a_names_part_names_a_promoted_untitled_measure_by_the_words_it_picks() -> None:
    # the rules' last resort names the measure by the whole headline; a model with a names part by its words
    model = parse_model({**tiny(), "names": names_part()}, "test")
    text = "某市今日公布「长者乘车优惠计划」。"
    policy = PolicyResult()
    promote_release("某市印发新闻", text, policy, model)
    assert [d.title for d in policy.releases] == ["长者乘车优惠计划"]
    promoted = policy.releases[0]
    assert promoted.field == "text" and text[promoted.start : promoted.end] == "长者乘车优惠计划"
    assert promoted.doc_type == "计划" and promoted.cue.endswith("(印发), named from the lead")
    # ... from the headline, without when it takes effect
    policy = PolicyResult()
    promote_release("「长者乘车优惠计划明日起实施」印发", "", policy, model)
    assert [(d.title, d.field) for d in policy.releases] == [("长者乘车优惠计划", "title")]
    assert policy.releases[0].cue.endswith(", named from the headline")


def test_a_names_part_leaves_the_documents_the_rules_name_as_they_are() -> None:
    model = parse_model({**tiny(), "names": names_part()}, "test")
    for headline, text, title in (
        ("某市印发乌海市应对气候变化规划", "某市今日公布「长者乘车优惠计划」。", "乌海市应对气候变化规划"),
        ("某市印发新闻", "某市印发《甲方案》，「乙计划」同时公布。", "《甲方案》"),
    ):
        policy = PolicyResult(documents=[doc("《甲方案》", start=4)] if "甲" in text else [])
        promote_release(headline, text, policy, model)
        assert [d.title for d in policy.releases] == [title]
        assert "named from" not in policy.releases[0].cue


def test_a_promoted_document_without_an_issuer_takes_the_body_acting_before_it_in_its_sentence() -> None:
    model = parse_model({**tiny(), "names": names_part()}, "test")
    text = "为鼓励生育，北京市民政局近日再推出「生育加码补助计划」，每名新生儿补助三万元。"
    policy = PolicyResult()
    promote_release("某市印发新闻", text, policy, model)
    assert [(d.title, d.issuer) for d in policy.releases] == [("生育加码补助计划", "北京市民政局")]
    # ... none where its sentence names no body
    policy = PolicyResult()
    promote_release("某市印发新闻", "为鼓励生育，再推出「生育加码补助计划」。", policy, model)
    assert [(d.title, d.issuer) for d in policy.releases] == [("生育加码补助计划", None)]


def test_a_taiwan_order_heading_before_the_rule_it_amends_names_the_rule() -> None:
    # "行政院环境保护署令:修正「X」,自即日生效": the order's body, its act (修正), then the rule in corner brackets
    headline = "行政院环境保护署令:修正「行政院环境保护署审查开发行为空气污染物排放量增量抵换处理原则」,自即日生效"
    subject = model_subject(headline, "", PolicyResult())
    assert subject is not None
    assert (subject.title, subject.issuer) == (
        "行政院环境保护署审查开发行为空气污染物排放量增量抵换处理原则",
        "行政院环境保护署",
    )
    assert headline[subject.start : subject.end] == subject.title


@pytest.mark.parametrize(
    ("headline", "title", "issuer"),
    [
        # who acts and the act, where the names part's words begin with them, are no part of the measure's name
        (
            "台北市政府产业发展局14日举办112年台北市服务业汰换节能设备补助计划说明会",
            "112年台北市服务业汰换节能设备补助计划说明会",
            "台北市政府",
        ),
        ("新竹市祭出低碳家园补助金 每单位最高补助20万元", "低碳家园补助金", "新竹市政府"),
        # ... and words that open with no body are the name as the reader gave them
        ("低碳家园补助金今起受理申请", "低碳家园补助金今起受理申请", None),
    ],
)
def test_the_names_parts_words_lose_the_body_and_act_they_open_with(
    headline: str, title: str, issuer: str | None
) -> None:
    first_clause = re.split(r"\s", headline)[0]
    subject = model_subject(headline, "", PolicyResult(), namer=lambda t, x: ("title", 0, len(first_clause)))
    assert subject is not None and (subject.title, subject.issuer) == (title, issuer)


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        # a promoted document whose title names its issuer takes it, as a release the rules found does: the body
        # that opens it (Taiwan's 署 too), the legislature a law or a local regulation is made by
        ("《内政部警政署办理主管法律及法规命令草案预告作业要点》", "内政部警政署"),
        ("《中华人民共和国节约能源法》", "全国人大常委会"),
        ("《永州市文明行为促进条例》", "永州市人民代表大会常务委员会"),
        # ... and none where the title names none
        ("《2021年度绿色制造名单》", None),
    ],
)
def test_a_promoted_document_without_an_issuer_takes_the_one_its_title_names(title: str, issuer: str | None) -> None:
    model = parse_model(tiny(), "test")
    policy = PolicyResult(documents=[doc(title, start=0)])
    promote_release("某市印发新闻", f"{title}自即日起施行。", policy, model)
    assert [(d.title, d.issuer) for d in policy.releases] == [(title, issuer)]


def test_a_promoted_document_printed_under_a_repeated_headline_takes_its_printed_signer() -> None:
    # the page prints the document under the post's headline repeated: the heading it names is a line of the text,
    # whichever field the model's subject was read from, and the signature over the date issued it
    model = parse_model(tiny(), "test")
    heading = "关于对柴油货车禁限通行的通告"
    text = (
        f"7月1日起，这些车辆市区禁限通行！\n{heading}\n为加强大气污染防治，决定印发实施禁限通行措施，通告如下：\n"
        "一、7月1日起，柴油货车禁止在市区通行。\n安庆市公安局交通警察支队\n2024年6月26日\n"
    )
    policy = PolicyResult(documents=[doc(heading, field="text", start=text.index(heading))])
    promote_release("7月1日起，这些车辆市区禁限通行的通告印发", text, policy, model)
    assert [(d.title, d.issuer) for d in policy.releases] == [(heading, "安庆市公安局交通警察支队")]


@pytest.mark.parametrize(
    ("headline", "subject"),
    [
        ("关于加强新能源汽车推广应用的通知", "关于加强新能源汽车推广应用的通知"),
        # a title that says it is put out for comment is no release, whatever the model reads in the page's words
        ("关于加强新能源汽车推广应用的通知（征求意见稿）", None),
        ("深圳市生态环境保护条例（送审稿）", None),
    ],
)
def test_a_draft_for_comment_is_never_the_subject_a_model_promotes(headline: str, subject: str | None) -> None:
    found = model_subject(headline, "", recognise(headline, ""))
    assert (found.title.strip("《》") if found else None) == subject
