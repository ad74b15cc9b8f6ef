"""Document numbers (发文字号) as official pages print them: under the heading, in a site's metadata fields, beside the
headline, or as an announcement's or order's serial number after its title; and how the benchmark scores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbonwatch.classify.evaluate import evaluate, metrics, read_labels, read_post
from carbonwatch.classify.policydocs import find_doc_number_near, recognise
from carbonwatch.classify.rules import load_rules

COVERING = (
    "各县（区）人民政府，市政府各部门：\n"
    "《{title}》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。\n"
    "某某市人民政府\n2025年4月30日\n"
)


def _numbers(title: str, text: str) -> dict[str, str | None]:
    return {d.title_norm: d.doc_number for d in recognise(title, text).releases}


@pytest.mark.parametrize(
    ("opening", "number"),
    [
        ("鹤政发〔2025〕4号\n", "鹤政发〔2025〕4号"),  # on its own line under the heading (GB/T 9704)
        # a metadata table row, fields run together, a bracketed label
        ("文号 | 汉政办发〔2021〕88号 | 成文日期: | 2021年09月28日 |\n", "汉政办发〔2021〕88号"),
        ("索引号 113325000026455663/2023-13166 文号 丽政发〔2023〕4号\n", "丽政发〔2023〕4号"),
        ("[ 索引号 ] 1150022873659872X5/2023-00005 [ 发文字号 ] 曲水府发〔2023〕21号\n", "曲水府发〔2023〕21号"),
        ("索引号: 330522/2023-01775\n文件编号: 长政办发〔2023〕7号 发布机构: 长兴县\n", "长政办发〔2023〕7号"),
        # a red-headed masthead run into one line, its number right after it
        ("某某市人民政府文件 某政发〔2022〕29号 某某市人民政府 印发城市更新行动实施方案的通知\n", "某政发〔2022〕29号"),
    ],
)
def test_a_covering_notice_gives_its_number_to_what_it_issues(opening: str, number: str) -> None:
    title = "某某市城市更新行动实施方案"
    got = _numbers("某某市人民政府关于印发城市更新行动实施方案的通知", opening + COVERING.format(title=title))
    assert got[title] == number


def test_a_number_beside_the_headline_is_the_pages_document() -> None:
    title = "天水市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    got = _numbers(f"[天政发〔2021〕18号]天水市人民政府关于印发{title}的通知", COVERING.format(title=title))
    assert got[title] == "天政发〔2021〕18号"


def test_a_number_closing_the_status_line_under_the_heading_is_the_documents() -> None:
    # as judicial interpretations print it, after when it was adopted and takes effect
    title = "最高人民法院关于审理森林资源民事纠纷案件适用法律若干问题的解释"
    text = (
        "中华人民共和国最高人民法院公告\n"
        f"《{title}》已于2022年4月25日由最高人民法院审判委员会第1869次会议通过，现予公布，自2022年6月15日起施行。\n"
        f"最高人民法院\n2022年6月13日\n{title}\n"
        "(2022年4月25日最高人民法院审判委员会第1869次会议通过，自2022年6月15日起施行 法释〔2022〕16号)\n"
        "为妥善审理森林资源民事纠纷案件，根据《中华人民共和国民法典》等法律的规定，制定本解释。\n"
    )
    assert list(_numbers(title, text).values()) == ["法释〔2022〕16号"]
    # ... not a number the status line cites in its own brackets (the amending decision's title and number)
    cited = text.replace("施行 法释〔2022〕16号)", "施行，根据《关于修改的决定》（法释〔2020〕17号）修正)")
    assert list(_numbers(title, cited).values()) == [None]


def test_a_page_printing_no_number_of_its_own_gives_none() -> None:
    # the number in brackets after a cited title is the cited document's, never the covering notice's
    title = "某某市城市更新行动实施方案"
    text = "根据《国务院关于深入推进城市更新的意见》（国发〔2024〕9号），\n" + COVERING.format(title=title)
    assert _numbers("某某市人民政府关于印发城市更新行动实施方案的通知", text)[title] is None
    # ... and so is one the first line cites by its number alone
    text = "根据省政府部署，参照某政发〔2021〕3号，\n" + COVERING.format(title=title)
    assert _numbers("某某市人民政府关于印发城市更新行动实施方案的通知", text)[title] is None


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        (
            "国家税务总局近日发布《关于办理2021年度个人所得税综合所得汇算清缴事项的公告》"
            "（国家税务总局公告2022年第1号，以下简称《公告》）。",
            "国家税务总局公告2022年第1号",
        ),
        (
            "近日，中国人民银行发布《中国人民银行业务领域数据安全管理办法》（中国人民银行令〔2025〕第3号，以下简称《办法》）。",
            "中国人民银行令〔2025〕第3号",
        ),
    ],
)
def test_an_announcements_serial_number_after_its_title(sentence: str, number: str) -> None:
    [doc] = recognise("", sentence).releases
    assert doc.doc_number == number


def test_a_number_before_a_title_is_read_whole_where_the_window_cuts_its_code() -> None:
    text = "杨府发〔2022〕13号　　　　　　　　　　　　　　　　　　　　《杨浦区促进绿色低碳发展若干措施》"
    start = text.index("《")
    assert find_doc_number_near(text, start, len(text)) == "杨府发〔2022〕13号"


def test_the_benchmark_scores_numbers_of_documents_it_found(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(
        "---\ntitle: '某某市人民政府关于印发城市更新行动实施方案的通知'\n---\n"
        "<p>某政发[2025]4号</p>\n<p>各县（区）人民政府，市政府各部门：</p>\n"
        "<p>《某某市城市更新行动实施方案》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。</p>\n"
        "<p>某某市人民政府</p>\n<p>2025年4月30日</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "q.md").write_text(
        "---\ntitle: '能源局印发指导意见'\n---\n"
        "<p>近日，国家能源局印发《关于推进电力源网荷储一体化的指导意见》。</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "labels.tsv").write_text(
        "path\tcarbon\trelease\tflag\tdocuments\n"
        # labelled as the page prints it (ASCII brackets, a space): the same number
        "p.md\t0\t1\t0\t《某某市城市更新行动实施方案》@某某市人民政府#某政发 [2025] 4号\n"
        # a number the page does not print is a miss
        "q.md\t0\t1\t0\t《关于推进电力源网荷储一体化的指导意见》@国家能源局#发改能源规〔2021〕280号\n",
        encoding="utf-8",
    )
    outcomes = evaluate(read_labels(tmp_path / "labels.tsv"), tmp_path, load_rules(), read_post)
    assert metrics(outcomes)["document_numbers"] == {"found": 1, "total": 2, "accuracy": 0.5}
    assert outcomes[1].wrong_numbers == ["《关于推进电力源网荷储一体化的指导意见》#发改能源规〔2021〕280号"]


def test_a_number_in_its_own_brackets_before_a_title_is_the_titles() -> None:
    text = "（京政发〔2016〕26号）《北京市碳达峰实施方案》"
    assert find_doc_number_near(text, text.index("《"), len(text)) == "京政发〔2016〕26号"
    cited = "根据《意见》（国发〔2024〕9号），各县：《某某县碳达峰实施方案》"
    assert find_doc_number_near(cited, cited.rindex("《"), len(cited)) is None


def test_the_benchmark_reads_a_number_in_either_width_of_its_marks(tmp_path: Path) -> None:
    # an order's number the page prints with full-width brackets, labelled with ASCII ones: the same number
    (tmp_path / "r.md").write_text(
        "---\ntitle: '互联网保险业务监管办法'\n---\n"
        "<p>中国银行保险监督管理委员会令（2020年第13号）</p>\n"
        "<p>《互联网保险业务监管办法》已经2020年6月22日中国银保监会2020年第5次委务会议通过，现予公布，"
        "自2021年2月1日起施行。</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "labels.tsv").write_text(
        "path\tcarbon\trelease\tflag\tdocuments\n"
        "r.md\t0\t1\t0\t《互联网保险业务监管办法》@中国银保监会#中国银行保险监督管理委员会令(2020年第13号)\n",
        encoding="utf-8",
    )
    outcomes = evaluate(read_labels(tmp_path / "labels.tsv"), tmp_path, load_rules(), read_post)
    assert [d.doc_number for d in outcomes[0].policy.releases] == ["中国银行保险监督管理委员会令（2020年第13号）"]
    assert metrics(outcomes)["document_numbers"] == {"found": 1, "total": 1, "accuracy": 1.0}
