"""Releases reported in English: official translations printed under their own titles and English news leads."""

from __future__ import annotations

import pytest

from carbonwatch.classify.english import canonical_body, is_english, kind_of
from carbonwatch.classify.policydocs import recognise


def read(title: str, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(d.title, d.issuer, d.doc_number) for d in recognise(title, text).releases]


def test_an_official_translation_printed_under_its_own_title_is_the_release() -> None:
    title = "2019-2020 Implementation Plan for National Carbon Emission Trading Total Allowances Setting and Allocation"
    text = (
        f"{title}\nIn accordance with the National Carbon Emission Trading Market Establishment Work Plan and the"
        " current situation of China’s carbon market construction, this Plan is hereby formulated.\n"
    )
    assert read(title, text) == [(title, None, None)]
    [doc] = recognise(title, text).releases
    assert doc.doc_type == "实施方案" and doc.cue.startswith("in English: ")
    # the issuer an official title names after its kind
    title = "Opinions of the CPC Central Committee and the State Council on Doing a Good Job in Carbon Peaking"
    assert read(title, f"{title}\n(September 22, 2021)\nAchieving carbon peaking is a major decision.\n") == [
        (title, "中共中央、国务院", None)
    ]
    # the same heading over a text that does not speak of itself as a document is no release
    assert read(title, f"{title}\nAnalysts discussed the allowances and the market's prospects at length.\n") == []


def test_an_order_s_number_and_a_covering_notice_s_issuer_come_from_the_english_heading() -> None:
    title = "MOFCOM Order No. 1 of 2019 on MOFCOM Decision to Abolish and Modify Some Regulations"
    text = (
        f"{title}\nMOFCOM Decision to Abolish and Modify Some Regulations has been deliberated and adopted at the 19th"
        " Commercial Affairs Session, and now it is hereby announced.\n"
    )
    assert read(title, text) == [
        ("MOFCOM Decision to Abolish and Modify Some Regulations", None, "Order No. 1 of 2019")
    ]
    title = "The Notice of the State Council on Issuing the Action Plan for Carbon Dioxide Peaking Before 2030"
    text = f"{title}\nTo the people's governments of all provinces: The Action Plan is hereby issued to you.\n"
    assert read(title, text) == [("Action Plan for Carbon Dioxide Peaking Before 2030", "国务院", None)]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (  # capitalised titles, two releases by one body
            "MEE released the allowance notice",
            "On 15 March 2023, the Ministry of Ecology and Environment (MEE) released the Notice on the Allowance"
            " Allocation Tasks and issued the “Implementation Plan on National ETS Allowance Allocation for the year"
            " 2021 and 2022”. It requested the provincial authorities to finish the pre-allocation.",
            [
                ("Notice on the Allowance Allocation Tasks", "生态环境部"),
                ("Implementation Plan on National ETS Allowance Allocation for the year 2021 and 2022", "生态环境部"),
            ],
        ),
        (  # a quoted title in lower case
            "ETS allocation plan issued",
            "On December 30th, 2020, the MEE officially issued the “2019-2020 cap setting and allowances allocation"
            " plan (power generation sector) of China’s national ETS”. Local authorities must finish by January.",
            [
                (
                    "2019-2020 cap setting and allowances allocation plan (power generation sector)"
                    " of China’s national ETS",
                    "生态环境部",
                )
            ],
        ),
        (  # a joint issue by bodies listed with commas
            "Chongqing and Sichuan Issue Joint Plan",
            "The CPC Chongqing Municipal Committee, Chongqing Municipal People’s Government and Sichuan Provincial"
            " People’s Government jointly issued Chongqing-Sichuan Joint Plan for Implementing the Planning Outline."
            " The Joint Plan focused on key tasks.",
            [
                (
                    "Chongqing-Sichuan Joint Plan for Implementing the Planning Outline",
                    "CPC Chongqing Municipal Committee, Chongqing Municipal People’s Government and Sichuan Provincial"
                    " People’s Government",
                )
            ],
        ),
        (  # the time the lead opens with is no part of the body
            "Shandong issues policy list",
            "Recently, Shandong Province issued the List of Policies for Promoting Steady and Sound Economic Growth in"
            " 2025. In the first batch, approximately 90% are targeted at business entities.",
            [("List of Policies for Promoting Steady and Sound Economic Growth in 2025", "Shandong Province")],
        ),
        # what is yet to come, what a forum or a company publishes, is no release
        (
            "Apple joins the coalition",
            "Apple released its Clean Energy Program for Suppliers, asking its manufacturing partners to decarbonise.",
            [],
        ),
        (
            "China aims to finalize the work on national ETS by late July",
            "According to Mr. Jiang Zhaoli of NDRC, the historical data collection has been completed. NDRC aims to"
            " publish the Allocation Plans during the 1st quarter of this year.",
            [],
        ),
        (
            "Road Freight Zero: Pathways to faster adoption of zero-emission trucks",
            "Download PDF\nThe World Economic Forum released the Road Freight Zero Report on zero-emission trucks,"
            " which identifies three groups of solutions that can act as accelerators for faster adoption.",
            [],
        ),
    ],
)
def test_an_english_lead_reports_the_titled_documents_a_body_released(
    title: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(d.title, d.issuer) for d in recognise(title, text).releases] == expected


def test_a_page_is_read_in_english_only_when_it_is_written_in_english() -> None:
    english = "The State Council released the Action Plan for Carbon Dioxide Peaking Before 2030 on Tuesday."
    assert is_english(english, "")
    chinese = "国务院印发《2030年前碳达峰行动方案》。The State Council released the Action Plan."
    assert not is_english("国务院印发2030年前碳达峰行动方案", chinese * 3)
    assert kind_of("Guiding Opinions on Promoting Green Finance") == "指导意见"
    assert kind_of("2024-2025 Energy Saving and Carbon Reduction Action Program") == "行动方案"
    assert canonical_body("the State Council of China") == "国务院"
    assert canonical_body("CPC Central Committee and the State Council") == "中共中央、国务院"
    assert canonical_body("Shandong Province") == "Shandong Province"  # a body not in the table, as written
