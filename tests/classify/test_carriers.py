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


@pytest.mark.parametrize(
    ("text", "title", "issuer", "number"),
    [
        # the body whose document is passed on, named between 现将 and the title
        (
            "各有关单位：\n现将市发改委《关于申报绿色低碳先进示范项目的通知》转发给你们，请按要求组织申报。\n"
            "武汉市城乡建设局\n2023年9月11日\n",
            "《关于申报绿色低碳先进示范项目的通知》",
            "市发改委",
            None,
        ),
        # the issuer in the title itself, its number in brackets before the formula's verb
        (
            "各省辖市文化广电和旅游局：现将《文化和旅游部办公厅关于开展2022年“中国旅游日”活动的通知》"
            "（办市场发〔2022〕53号）转发给你们，请遵照执行。",
            "《文化和旅游部办公厅关于开展2022年“中国旅游日”活动的通知》",
            "文化和旅游部",
            "办市场发〔2022〕53号",
        ),
        (
            "各区、县人民政府：\n现将哈尔滨史志编纂委员会制定的《哈尔滨市志编纂方案》转发你们，请认真贯彻执行。",
            "《哈尔滨市志编纂方案》",
            "哈尔滨史志编纂委员会",
            None,
        ),
        # ... to addressees other than 你们
        (
            "现将自治区科技厅《内蒙古自治区科学技术厅关于做好国家自然科学基金区域创新发展联合基金项目申报工作的通知》"
            "转发给有关单位，请有关单位按要求组织申报。",
            "《内蒙古自治区科学技术厅关于做好国家自然科学基金区域创新发展联合基金项目申报工作的通知》",
            "内蒙古自治区科学技术厅",
            None,
        ),
        # ... and each title of a list passed on together, with its own number
        (
            "现将《科技部关于发布国家重点研发计划“循环经济关键技术与装备”等重点专项2023年度项目申报指南的通知》"
            "（国科发资〔2023〕53号）、《科技部关于发布国家重点研发计划“战略性矿产资源开发利用”等重点专项2023年度项目"
            "申报指南的通知》（国科发资〔2023〕45号）转发给你们，请按要求组织申报。",
            "《科技部关于发布国家重点研发计划“战略性矿产资源开发利用”等重点专项2023年度项目申报指南的通知》",
            "科技部",
            "国科发资〔2023〕45号",
        ),
        (
            "现将《科技部关于发布国家重点研发计划“循环经济关键技术与装备”等重点专项2023年度项目申报指南的通知》"
            "（国科发资〔2023〕53号）、《科技部关于发布国家重点研发计划“战略性矿产资源开发利用”等重点专项2023年度项目"
            "申报指南的通知》（国科发资〔2023〕45号）转发给你们，请按要求组织申报。",
            "《科技部关于发布国家重点研发计划“循环经济关键技术与装备”等重点专项2023年度项目申报指南的通知》",
            "科技部",
            "国科发资〔2023〕53号",
        ),
    ],
)
def test_a_forwarding_formula_passes_on_the_document_it_names(
    text: str, title: str, issuer: str, number: str | None
) -> None:
    # "现将…《X》转发给你们": X is passed on to the addressees as 关于转发X的通知 passes it on; the forwarding
    # notice's signer did not issue X, so X keeps the body the formula names and its own number
    [doc] = [d for d in recognise("", text).releases if d.title == title]
    assert (doc.issuer, doc.doc_number) == (issuer, number)
    assert doc.cue.startswith("forwarded by a covering notice")


def test_a_document_cited_beside_a_forwarding_formula_is_not_forwarded() -> None:
    text = "各有关单位：\n根据《中华人民共和国节约能源法》，现将有关事项通知如下：\n一、加强节能管理。"
    # (the notice the page prints is released, untitled; the law it cites is not)
    assert [d.title for d in recognise("", text).releases] == ["通知"]


def test_a_revised_document_published_by_the_next_sentences_formula_is_released() -> None:
    # "我们对《X》进行了修订。现予发布": the formula follows the sentence that says X was revised; a joint order is
    # signed by the heads of its bodies over a date in Chinese numerals
    text = (
        "为促进清洁发展机制市场的健康发展，我们对《清洁发展机制项目运行管理办法》进行了修订。现予发布，自发布之日起施行。\n"
        "国家发展改革委主任：张平\n科技部部长：万钢\n财政部部长 谢旭人\n二〇一一年八月三日\n"
    )
    [doc] = recognise("", text).releases
    assert (doc.title, doc.issuer) == ("《清洁发展机制项目运行管理办法》", "国家发展改革委、科技部、财政部")


def test_a_notice_signed_over_a_date_in_chinese_numerals_names_its_signer() -> None:
    title = "关于免收湖北省上市公司2021年和2022年上市费的通知"
    text = "各上市公司：\n继续免收注册地在湖北省上市公司的上市年费。\n特此通知。\n上海证券交易所\n二〇二一年一月四日\n"
    [doc] = recognise(title, text).releases
    assert doc.issuer == "上海证券交易所"


def test_a_revision_reported_without_a_formula_is_not_a_release() -> None:
    text = "专家认为，《清洁发展机制项目运行管理办法》进行了修订。修订后的办法更加完善。"
    assert recognise("", text).releases == []
