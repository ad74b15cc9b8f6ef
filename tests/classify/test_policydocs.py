"""Policy-document recognition: normalisation, issuers, numbers, types, release vs mention (table tests)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from carbonwatch.classify.policydocs import (
    canonical_issuer,
    doc_type,
    normalise_doc_number,
    normalise_title,
    recognise,
    split_issuer_prefix,
    unwrap_notice,
)

Y2021 = datetime(2021, 11, 16, tzinfo=UTC)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("《2030年前碳达峰行动方案》", "2030年前碳达峰行动方案"),
        ("《“十四五”节能减排综合工作方案》", '"十四五"节能减排综合工作方案'),
        ("《「十四五」节能减排综合工作方案》", "“十四五”节能减排综合工作方案"),
        ("《２０３０年前碳达峰 行动方案》", "2030年前碳达峰行动方案"),
        ("2030年前碳达峰\n行动方案", "2030年前碳达峰行动方案"),
        (
            "《中共中央　国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》",
            "《关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》",
        ),
    ],
)
def test_normalise_title_matches_variants(a: str, b: str) -> None:
    assert normalise_title(a) == normalise_title(b)


def test_normalise_title_keeps_different_documents_apart() -> None:
    assert normalise_title("《2030年前碳达峰行动方案》") != normalise_title("《科技支撑碳达峰碳中和行动方案》")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("国发〔2021〕23号", "国发〔2021〕23号"),
        ("国发[2021]23号", "国发〔2021〕23号"),
        ("国发（2021）23号", "国发〔2021〕23号"),
        ("发改环资【2022】1234号", "发改环资〔2022〕1234号"),
        ("发改环资(2022) 12号", "发改环资〔2022〕12号"),
        ("吉政明电〔2022〕1号", "吉政明电〔2022〕1号"),
        ("国发〔２０２１〕２３号", "国发〔2021〕23号"),
        ("2021年23号", None),
    ],
)
def test_normalise_doc_number(raw: str, expected: str | None) -> None:
    assert normalise_doc_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("国家发改委", "国家发展改革委"),
        ("发改委", "国家发展改革委"),
        ("国家发展和改革委员会", "国家发展改革委"),
        ("央行", "中国人民银行"),
        ("人民银行", "中国人民银行"),
        ("国务院办公厅", "国务院办公厅"),
        ("工信部", "工业和信息化部"),
        ("中共中央、国务院", "中共中央、国务院"),
        ("中共中央　国务院", "中共中央、国务院"),
        ("国家发展改革委、财政部", "国家发展改革委、财政部"),
        ("吉林省人民政府", "吉林省人民政府"),
        ("某公司", None),
    ],
)
def test_canonical_issuer(raw: str, expected: str | None) -> None:
    assert canonical_issuer(raw) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("《2030年前碳达峰行动方案》", "行动方案"),
        ("《关于加快建立健全绿色低碳循环发展经济体系的指导意见》", "指导意见"),
        ("《碳排放权交易管理办法（试行）》", "管理办法"),
        ("《碳排放权交易管理暂行条例》", "条例"),
        ("碳减排支持工具", "支持工具"),
        ("《2020中国生态环境状况公报》", None),
        ("《华夏时报》", None),
    ],
)
def test_doc_type(title: str, expected: str | None) -> None:
    assert doc_type(title) == expected


def test_split_issuer_prefix() -> None:
    assert split_issuer_prefix("中共中央　国务院关于深入打好污染防治攻坚战的意见") == (
        "中共中央、国务院",
        "关于深入打好污染防治攻坚战的意见",
    )


def test_unwrap_notice() -> None:
    assert unwrap_notice("国务院关于印发2030年前碳达峰行动方案的通知") == "《2030年前碳达峰行动方案》"


def releases(title: str, text: str, **kw: object) -> list[tuple[str, str | None, bool]]:
    result = recognise(title, text, published_at=Y2021, **kw)  # type: ignore[arg-type]
    return [(d.title_norm, d.issuer, d.is_release) for d in result.documents]


RELEASE_CASES = [
    (
        "中共中央、国务院印发《关于做好碳达峰碳中和工作的意见》。",
        ("关于做好碳达峰碳中和工作的意见", "中共中央、国务院"),
    ),
    ("日前，国务院印发了《2030年前碳达峰行动方案》。", ("2030年前碳达峰行动方案", "国务院")),
    (
        "生态环境部会同17个部门联合印发的《“十四五”时期“无废城市”建设工作方案》提出",
        ('"十四五"时期"无废城市"建设工作方案', "生态环境部"),
    ),
    ("目前，《科技支撑碳达峰碳中和行动方案》已编制完成。", ("科技支撑碳达峰碳中和行动方案", None)),
    (
        "1月24日，国务院发布《“十四五”节能减排综合工作方案》（以下简称《方案》）。",
        ('"十四五"节能减排综合工作方案', "国务院"),
    ),
    (
        "国家发改委近日出台《关于严格能效约束推动重点领域节能降碳的若干意见》",
        ("关于严格能效约束推动重点领域节能降碳的若干意见", "国家发展改革委"),
    ),
    ("中国人民银行8日宣布，推出碳减排支持工具。", ("碳减排支持工具", "中国人民银行")),
    ("国务院关于印发2030年前碳达峰\n行动方案的通知\n国发〔2021〕23号", ("2030年前碳达峰行动方案", "国务院")),
]


@pytest.mark.parametrize(("text", "expected"), RELEASE_CASES)
def test_release_is_recognised(text: str, expected: tuple[str, str | None]) -> None:
    assert (*expected, True) in releases("", text)


MENTION_CASES = [
    "将会同有关部门按照《意见》和《2030年前碳达峰行动方案》部署要求推进工作。",
    "各地要认真贯彻落实《关于做好碳达峰碳中和工作的意见》。",
    "同年12月，国务院办公厅印发了《“无废城市”建设试点工作方案》。".replace("同年", "2018年"),
    "审议通过后将按程序印发《工业领域碳达峰实施方案》。",
    "据生态环境部发布的《2020中国环保产业发展状况报告》显示，营收增长。",
    "《2020中国生态环境状况公报》26日对外公布。",
]


@pytest.mark.parametrize("text", MENTION_CASES)
def test_mention_is_not_a_release(text: str) -> None:
    assert not recognise("", text, published_at=Y2021).is_release


def test_back_reference_is_not_a_document() -> None:
    assert releases("", "按照《意见》和《方案》部署要求。") == []


def test_nested_brackets_and_notice_title() -> None:
    docs = releases("", "国务院办公厅印发《关于印发《碳达峰实施方案》的通知》。")
    assert docs == [("碳达峰实施方案", "国务院办公厅", True)]


def test_headline_without_brackets_merges_with_body() -> None:
    result = recognise(
        "国务院印发2030年前碳达峰行动方案", "现将《2030年前碳达峰行动方案》印发给你们。", published_at=Y2021
    )
    assert [(d.title, d.issuer, d.is_release) for d in result.documents] == [
        ("《2030年前碳达峰行动方案》", "国务院", True)
    ]


def test_headline_title_first_form() -> None:
    result = recognise('"十四五"节能减排综合工作方案出炉 部署十大重点工程', "", published_at=Y2021)
    assert [d.title_norm for d in result.releases] == ['"十四五"节能减排综合工作方案']


def test_generic_class_of_documents_is_not_one_document() -> None:
    result = recognise("发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成", "", published_at=Y2021)
    assert result.documents == []


def test_doc_number_attached_to_document() -> None:
    result = recognise("", "国务院关于印发2030年前碳达峰行动方案的通知\n国发〔2021〕23号\n", published_at=Y2021)
    assert result.documents[0].doc_number == "国发〔2021〕23号"


def test_government_page_is_the_release() -> None:
    result = recognise(
        "国务院关于印发2030年前碳达峰行动方案的通知",
        "各省、自治区、直辖市人民政府：",
        meta={"issuer": "国务院", "doc_number": "国发[2021]23号"},
        source="gov_cn",
    )
    [doc] = result.documents
    assert (doc.title_norm, doc.issuer, doc.doc_number, doc.is_release) == (
        "2030年前碳达峰行动方案",
        "国务院",
        "国发〔2021〕23号",
        True,
    )


def test_government_news_page_is_not_a_release() -> None:
    assert not recognise("发改委召开新闻发布会", "介绍经济运行情况。", source="ndrc").is_release


def test_untitled_notice_with_issuer() -> None:
    docs = releases("", "近日国家发展改革委、财政部联合印发通知，部署投放储备。")
    assert docs == [("通知", "国家发展改革委、财政部", True)]


def test_document_heading_with_number_is_the_release() -> None:
    text = "吉林省人民政府关于禁止在\n嫩江干流新增建设项目\n的通告\n吉政明电〔2022〕1号\n为做好工程建设，特通告如下。"
    [doc] = recognise("", text).documents
    assert (doc.title_norm, doc.issuer, doc.doc_number, doc.is_release) == (
        "关于禁止在嫩江干流新增建设项目的通告",
        "吉林省人民政府",
        "吉政明电〔2022〕1号",
        True,
    )


def test_cited_number_is_not_a_heading() -> None:
    text = "根据《国务院关于印发2030年前碳达峰行动方案的通知》（国发〔2021〕23号）要求，推进工作。"
    assert not recognise("", text, published_at=Y2021).is_release
