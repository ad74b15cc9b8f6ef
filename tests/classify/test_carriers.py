"""A notice that carries documents (关于发布《A》《B》和《C》的公告, 关于批转…<X>的通知) names them as its own."""

from __future__ import annotations

import pytest

from carbonwatch.classify.policydocs import normalise_title, recognise


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("关于批转区碳达峰碳中和工作领导小组办公室<静安区碳达峰实施方案>的通知", "静安区碳达峰实施方案"),
        ("关于批转市发展改革委〈关于加强节能工作的意见〉的通知", "关于加强节能工作的意见"),
        ("关于转发省发展改革委〈关于加强节能工作的意见〉的通知", "关于加强节能工作的意见"),
        ("关于印发〈上海市碳达峰实施方案〉的通知", "上海市碳达峰实施方案"),
    ],
)
def test_a_forwarded_or_approved_document_is_the_one_the_notice_quotes(title: str, key: str) -> None:
    assert normalise_title(title) == key


def test_the_documents_a_notices_title_names_are_the_notices_issuers() -> None:
    title = (
        "关于发布《碳排放权登记管理规则（试行）》《碳排放权交易管理规则（试行）》"
        "和《碳排放权结算管理规则（试行）》的公告"
    )
    text = (
        "为进一步规范全国碳排放权登记、交易、结算活动，我部组织制定了以上三项规则，现予公布，自公布之日起施行。\n"
        "生态环境部\n2021年5月14日\n"
    )
    issuers = {d.title_norm: d.issuer for d in recognise(title, text).releases}
    for name in ("碳排放权登记管理规则(试行)", "碳排放权交易管理规则(试行)", "碳排放权结算管理规则(试行)"):
        assert issuers[name] == "生态环境部"


def test_what_a_notice_issues_is_a_document_whatever_its_last_word() -> None:
    # 工作安排 is in no closed list of kinds; 关于印发X的通知 says X is a document
    text = (
        "上海市发改委发布关于印发上海市2023年碳达峰碳中和及节能减排重点工作安排的通知。文件指出，全市能耗进一步下降。"
    )
    [doc] = recognise("", text).releases
    assert (doc.title, doc.issuer) == ("《上海市2023年碳达峰碳中和及节能减排重点工作安排》", "上海市发展和改革委员会")


def test_a_title_cut_by_the_pages_line_breaks_is_no_document() -> None:
    text = "县政府近日发布关于印发某某县城乡融合发展规划\n2022-2030年）的通知，明确了发展目标。"
    assert [d.title for d in recognise("", text).releases if "某某县" in d.title] == []
