"""Traditional-script pages are read as simplified (classify/script.py), and simplified pages are left alone."""

from __future__ import annotations

from pathlib import Path

from carbonwatch.classify.evaluate import Labelled, evaluate, read_post
from carbonwatch.classify.rules import load_rules
from carbonwatch.classify.script import readable, simplified, without_pinyin
from carbonwatch.classify.verdict import classify

TRADITIONAL = (
    "生態環境部印發碳排放權登記、交易、結算管理規則(試行)",
    "為進一步規範全國碳排放權登記、交易、結算活動，生態環境部制定了《碳排放權登記管理規則（試行）》"
    "《碳排放權交易管理規則（試行）》和《碳排放權結算管理規則（試行）》，現予公布。",
)


def test_a_traditional_page_is_converted_whole_and_keeps_its_length() -> None:
    title, text = simplified(*TRADITIONAL)
    assert title == "生态环境部印发碳排放权登记、交易、结算管理规则(试行)"
    assert "《碳排放权交易管理规则（试行）》" in text
    assert (len(title), len(text)) == tuple(len(t) for t in TRADITIONAL)


def test_simplified_text_is_left_as_written() -> None:
    # t2s also maps a few characters simplified text uses (覆盖, a name's 乾): too few to make a page traditional
    page = ("首批覆盖丰台区的8所学校", "商务部外贸司司长李兴乾表示，预计外部环境依然复杂。首批试点覆盖全市。")
    assert simplified(*page) == page
    assert simplified("") == ("",)


def test_a_traditional_release_is_flagged_with_simplified_titles() -> None:
    verdict = classify(*TRADITIONAL, load_rules(), model=None)
    assert verdict.flag
    assert {d.title for d in verdict.policy.releases} >= {
        "《碳排放权登记管理规则（试行）》",
        "《碳排放权交易管理规则（试行）》",
        "《碳排放权结算管理规则（试行）》",
    }


def test_a_label_in_traditional_characters_matches_the_simplified_title(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(
        f"---\ntitle: '{TRADITIONAL[0]}'\n---\n\n<p>{TRADITIONAL[1]}</p>\n", encoding="utf-8"
    )
    label = Labelled("post.md", True, True, True, [("《碳排放權登記管理規則（試行）》", "生態環境部", "")])
    [outcome] = evaluate([label], tmp_path, load_rules(), read_post)
    assert outcome.release and outcome.missing_docs == []


def test_pinyin_printed_after_characters_is_removed_where_the_page_is_annotated_throughout() -> None:
    page = (
        "國(guó)務(wù)院關(guān)于印發(fā)《2024—2025年節(jié)能降碳行動方案》的通知",
        "國(guo)家發(fa)展改革委(wei)(wei)印發(fa)通知。",
    )
    title, text = readable(*page)
    assert title == "国务院关于印发《2024—2025年节能降碳行动方案》的通知"
    assert text == "国家发展改革委印发通知。"
    # one mirror closes each syllable with a space
    spaced = readable("深圳市人民代表大會(huì )常務(wù)委員會(huì )", "政府和社會(huì )資本合作，現(xiàn)予公布。")
    assert spaced == ("深圳市人民代表大会常务委员会", "政府和社会资本合作，现予公布。")
    # ... another prints a space after it, which is the annotation's too (the words run on: 山东省, 委员会联合)
    after = readable(
        "山東(dong) 省發(fa) 展改革委印發(fa) 方案",
        "山東(dong) 省生態環境廳與(yu) 山東(dong) 省發展和改革委員會(hui) 聯合印發",
    )
    assert after == ("山东省发展改革委印发方案", "山东省生态环境厅与山东省发展和改革委员会联合印发")
    # a list's roman numerals, a name's letters and one stray syllable are no annotation
    plain = ("要求(iii)落实", "帮宁工作室（gbngzs）出品，见附件(an)。")
    assert without_pinyin(*plain) == plain


def test_a_pinyin_annotated_release_is_read() -> None:
    title = "國(guó)務(wù)院關(guān)于印發(fā)《2024—2025年節(jié)能降碳行(xíng)動方案》的通知"
    text = (
        "國(guó)發(fā)〔2024〕12號。現(xiàn)將《2024—2025年節(jié)能降碳行(xíng)動方案》"
        "印發(fā)給你們，請認(rèn)真貫徹執行。"
    )
    verdict = classify(title, text, load_rules(), model=None)
    assert verdict.flag
    assert any(d.title == "《2024—2025年节能降碳行动方案》" for d in verdict.policy.releases)


def test_offsets_point_into_the_text_as_given_where_pinyin_was_cut() -> None:
    # the console highlights evidence on the stored article, which keeps its annotations
    title = "國(guó)務(wù)院印發(fā)《2024—2025年節(jié)能降碳(tàn)行(xíng)動方案》"
    text = "國(guó)發(fā)〔2024〕12號。為推進碳(tàn)達(dá)峰碳(tàn)中和，現(xiàn)將方案印發(fā)給你們。"
    verdict = classify(title, text, load_rules(), model=None)
    given = {"title": title, "text": text}
    shown = [
        (given[e.field][e.start : e.end], e.term) for e in verdict.relevance.evidence if e.field in ("title", "text")
    ]
    assert shown == [("節(jié)能降碳", "节能降碳"), ("碳(tàn)達(dá)峰", "碳达峰"), ("碳(tàn)中和", "碳中和")]
    doc = next(d for d in verdict.policy.releases if d.field == "title")
    assert given["title"][doc.start : doc.end] == "《2024—2025年節(jié)能降碳(tàn)行(xíng)動方案》"


def test_a_label_copied_with_pinyin_matches_the_title_read_without_it(tmp_path: Path) -> None:
    title = "國(guó)務(wù)院辦公廳印發(fā)《“十四五”國(guó)民健康規(guī)劃》"
    text = (
        "近日，國(guó)務(wù)院辦公廳印發(fā)《“十四五”國(guó)民健康規(guī)劃》，提出到2025年衛(wèi)生健康體系更加完善。"
    )
    (tmp_path / "post.md").write_text(f"---\ntitle: '{title}'\n---\n\n<p>{text}</p>\n", encoding="utf-8")
    label = Labelled("post.md", False, True, False, [("《“十四五”國民健康規(guī)劃》", "國(guó)務(wù)院辦公廳", "")])
    [outcome] = evaluate([label], tmp_path, load_rules(), read_post)
    assert outcome.release and outcome.missing_docs == []


def test_taiwan_s_bracketed_day_is_read_as_today_and_offsets_still_point_into_the_text() -> None:
    title = "竹市府公布2050淨零排放白皮書"
    text = (
        "新竹市政府今(23)日辦理「新竹市2050淨零排放暨空污減量記者會」,由代理市長邱臣遠正式公布"
        "「新竹市2050淨零排放白皮書」。"
    )
    assert readable(title, text)[1].startswith("新竹市政府今日办理")
    assert readable("", "今（113）年和昨 (22) 日")[1] == "今年和昨日"
    # a day of the month in brackets after a date or a name is not Taiwan's 今(23)日
    assert readable("", "市政府(23)日公布。")[1] == "市政府(23)日公布。"
    # released at the press conference held today (not recalled at one): the bracketed day dates it
    verdict = classify(title, text, load_rules(), model=None)
    [doc] = [d for d in verdict.policy.releases if d.field == "text"]
    assert text[doc.start : doc.end] == "「新竹市2050淨零排放白皮書」"


def test_a_label_read_as_its_traditional_page_was_matches_whatever_its_own_share(tmp_path: Path) -> None:
    # a label with one traditional character (號), and a label quoted whole in 「」 as Taiwan writes a rule's name
    text = (
        "經濟部今日公告「中華民國115年度再生能源電能躉購費率及其計算公式」，自即日起施行。"
        "水利部辦公廳近日印發《2022年河湖管理工作要點》，對相關工作作出部署。"
    )
    (tmp_path / "post.md").write_text(f"---\ntitle: '經濟部公告躉購費率'\n---\n\n<p>{text}</p>\n", encoding="utf-8")
    label = Labelled(
        "post.md",
        False,
        True,
        False,
        [("「中華民國115年度再生能源電能躉購費率及其計算公式」", "經濟部", ""), ("《2022年河湖管理工作要點》", "", "")],
    )
    [outcome] = evaluate([label], tmp_path, load_rules(), read_post, model=None)
    assert outcome.release and outcome.missing_docs == [] and outcome.missing_titles == []


def test_hong_kong_s_variant_of_wei_is_read_as_simplified_whatever_the_page_s_script() -> None:
    # 衞 (Hong Kong's 衛) is left as it is by OpenCC's t2s: 衞生署 would match no body
    trad = "衞生署今日宣布推出青少年護齒共同治理先導計劃，為中學生提供牙科服務。"
    reading = readable("衞生署推出先導計劃", trad)
    assert reading[1].startswith("卫生署今日宣布推出青少年护齿共同治理先导计划")
    # ... on a simplified page too, which stays simplified (not read as traditional) and keeps its length
    simp = "香港衞生署今日推出社区牙科支援计划，为残疾人士提供牙科服务。"
    assert simplified(simp) == (simp.replace("衞", "卫"),)
    verdict = classify("衞生署推出先導計劃", trad, load_rules(), model=None)
    assert [(d.title_norm, d.issuer) for d in verdict.policy.releases] == [
        ("青少年护齿共同治理先导计划", "香港特别行政区卫生署")
    ]
