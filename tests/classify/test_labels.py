"""The labelled development posts (trimmed copies in tests/fixtures/labels): flags must be exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import eval_corpus
from carbonwatch.classify.evaluate import Labelled, Outcome, document_fates, evaluate, metrics, read_labels, read_post
from carbonwatch.classify.policydocs import PolicyDocument, PolicyResult
from carbonwatch.classify.rules import load_rules

LABELS = Path(__file__).parents[1] / "fixtures" / "labels"


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return evaluate(read_labels(LABELS / "labels.tsv"), LABELS, load_rules(), read_post)


def test_flag_precision_and_recall_are_one(outcomes: list[Outcome]) -> None:
    flag = metrics(outcomes)["flag"]
    assert (flag["precision"], flag["recall"]) == (1.0, 1.0)


def test_release_precision_and_recall_are_one(outcomes: list[Outcome]) -> None:
    release = metrics(outcomes)["release"]
    assert (release["precision"], release["recall"]) == (1.0, 1.0)


def test_carbon_precision_and_recall_are_one(outcomes: list[Outcome]) -> None:
    carbon = metrics(outcomes)["carbon"]
    assert (carbon["precision"], carbon["recall"]) == (1.0, 1.0)


def test_seed_finds_all_three_documents(outcomes: list[Outcome]) -> None:
    [seed] = [o for o in outcomes if o.label.path == "seed_ndrc.md"]
    assert seed.missing_docs == []
    assert len(seed.policy.releases) == 3


def test_titled_documents_found_with_issuer(outcomes: list[Outcome]) -> None:
    # The potash item's label names an untitled notice ("印发通知") by a description, which no rule can produce.
    missing = [m for o in outcomes for m in o.missing_docs]
    assert missing == ["国家钾肥储备投放通知@国家发展改革委、财政部"]


def test_plan_document_number(outcomes: list[Outcome]) -> None:
    [plan] = [o for o in outcomes if o.label.path == "state_council_2030_plan.md"]
    assert [d.doc_number for d in plan.policy.releases] == ["国发〔2021〕23号"]


def test_history_is_not_a_release(outcomes: list[Outcome]) -> None:
    [waste] = [o for o in outcomes if o.label.path == "zero_waste_cities.md"]
    old = [d for d in waste.policy.documents if "试点工作方案" in d.title]
    assert [d.is_release for d in old] == [False]


def test_a_title_found_under_another_issuer_counts_for_titles_only(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(
        "---\ntitle: '能源局印发指导意见'\ndate: Thu, 30 Sep 2021 16:33:00 GMT\n---\n"
        "<p>近日，国家能源局印发《关于推进电力源网荷储一体化的指导意见》。</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "labels.tsv").write_text(
        "path\tcarbon\trelease\tflag\tdocuments\n"
        "p.md\t0\t1\t0\t《关于推进电力源网荷储一体化的指导意见》@国家发展改革委#\n",
        encoding="utf-8",
    )
    [outcome] = evaluate(read_labels(tmp_path / "labels.tsv"), tmp_path, load_rules(), read_post)
    m = metrics([outcome])
    assert outcome.release
    assert (m["documents"]["found"], m["document_titles"]["found"], m["document_titles"]["total"]) == (0, 1, 1)


def test_a_label_naming_only_a_count_accepts_the_named_lead() -> None:
    from carbonwatch.classify.evaluate import _doc_found
    from carbonwatch.classify.policydocs import recognise

    policy = recognise("", "日前，国家发展改革委等14部门联合发布《关于做好春运工作的意见》。")
    assert _doc_found(policy, "《关于做好春运工作的意见》", "14 部门")  # the label names no body
    assert _doc_found(policy, "《关于做好春运工作的意见》", "国家发改委")
    assert not _doc_found(policy, "《关于做好春运工作的意见》", "交通运输部")


def test_a_label_naming_the_lead_and_a_count_accepts_the_full_signer_list_it_leads() -> None:
    from carbonwatch.classify.evaluate import _doc_found
    from carbonwatch.classify.policydocs import recognise

    policy = recognise("", "日前，农业农村部、国家发展改革委、科技部联合印发《“十四五”全国农业绿色发展规划》。")
    title = "《“十四五”全国农业绿色发展规划》"
    assert _doc_found(policy, title, "农业农村部等3部门")
    assert not _doc_found(policy, title, "科技部等3部门")  # not the body that leads the list
    assert not _doc_found(policy, title, "农业农村部")  # a label naming one body alone wants that body alone
    assert _doc_found(policy, title, "农业农村部等")
    assert _doc_found(policy, title, "农业农村部等3部门办公厅（室）")  # ... the offices of the bodies it leads


def test_a_label_and_a_found_title_apart_by_a_structural_de_name_one_document() -> None:
    from carbonwatch.classify.evaluate import _doc_found
    from carbonwatch.classify.policydocs import recognise

    policy = recognise("", "日前，大同市人民政府印发《大同市加快建立健全绿色低碳循环发展经济体系实施方案》。")
    # the recogniser's own rule of one document (see policydocs._merge), not a looser one
    assert _doc_found(policy, "《大同市加快建立健全绿色低碳循环发展经济体系的实施方案》", "大同市人民政府")
    assert not _doc_found(policy, "《大同市加快建立健全绿色低碳循环发展经济体系行动方案》", "大同市人民政府")


def _outcome(docs: int, missing: int, releases: list[str], traditional: bool = False) -> Outcome:
    label = Labelled("p.md", False, docs > 0, False, [(f"《文件{i}》", "", "") for i in range(docs)])
    policy = PolicyResult(
        documents=[PolicyDocument(title=t, title_norm=t, is_release=True, cue=c) for t, c in releases]
    )
    return Outcome(
        label=label,
        carbon=False,
        release=bool(releases),
        flag=False,
        score=0.0,
        policy=policy,
        missing_docs=[f"《文件{i}》@" for i in range(missing)],
        traditional=traditional,
    )


def test_each_labelled_document_is_named_or_lost_where_its_page_tells() -> None:
    outcomes = [
        _outcome(3, 1, [("《文件0》", "印发")]),  # the rules found the release and named two of three
        _outcome(2, 2, [("某市发布新规", "n-gram model v1: release p=0.93 > 0.89 (发布)")]),  # the model's subject
        _outcome(1, 1, []),  # no release found
        _outcome(0, 0, []),  # nothing labelled
    ]
    assert document_fates(outcomes) == {
        "named": 2,
        "release found by the rules, named otherwise": 1,
        "promoted by the n-gram model, named otherwise": 2,
        "release missed": 1,
    }
    assert sum(document_fates(outcomes).values()) == metrics(outcomes)["documents"]["total"]


def test_the_sets_are_told_apart_by_script_and_by_what_became_of_their_documents() -> None:
    outcomes = [_outcome(2, 0, [("《文件0》", "印发")]), _outcome(2, 2, [], traditional=True)]
    rows, raw = eval_corpus.script_rows("blind", outcomes)
    assert raw["simplified"]["documents"]["accuracy"] == 1.0 and raw["traditional"]["documents"]["accuracy"] == 0.0
    assert [r.benchmark for r in rows if r.benchmark.startswith("released documents named")] == [
        "released documents named — blind, simplified script",
        "released documents named — blind, traditional script",
    ]
    row, fates = eval_corpus.fates_row("blind", outcomes)
    assert fates["named"] == 2 and fates["release missed"] == 2
    assert row.figure.startswith("named 2 (0.500)") and "release missed 2 (0.500)" in row.figure


def test_evaluate_records_the_script_a_page_is_written_in(tmp_path: Path) -> None:
    for name, body in (
        ("s.md", "国家能源局印发《关于推进电力源网荷储一体化的指导意见》。"),
        ("t.md", "國家能源局印發《關於推進電力源網荷儲一體化的指導意見》。"),
    ):
        (tmp_path / name).write_text(f"---\ntitle: '能源局'\n---\n<p>{body}</p>\n", encoding="utf-8")
    (tmp_path / "labels.tsv").write_text(
        "path\tcarbon\trelease\tflag\tdocuments\ns.md\t0\t1\t0\t\nt.md\t0\t1\t0\t\n", encoding="utf-8"
    )
    outcomes = evaluate(read_labels(tmp_path / "labels.tsv"), tmp_path, load_rules(), read_post, model=None)
    assert [o.traditional for o in outcomes] == [False, True]


def test_a_page_releasing_one_title_twice_is_counted() -> None:
    def released(title: str, issuer: str | None, number: str | None = None) -> PolicyDocument:
        return PolicyDocument(title=title, title_norm=title, issuer=issuer, doc_number=number, is_release=True)

    def page(*releases: PolicyDocument) -> Outcome:
        return Outcome(
            Labelled("p.md", False, True, False, []), False, True, False, 0.0, PolicyResult(True, list(releases))
        )

    outcomes = [
        page(released("甲方案", "广东省人民政府办公厅"), released("甲方案", "省政府办公厅")),  # one plan, two entries
        page(released("甲方案", "国务院"), released("乙办法", "国务院")),
        page(
            released("主席令", "中华人民共和国主席", "第一〇一号"),
            released("主席令", "中华人民共和国主席", "第一〇二号"),
        ),
        page(released("扎实稳住经济的一揽子政策措施", None), released("扎实稳住经济一揽子政策措施", None)),  # (的)
    ]
    assert eval_corpus.pages_releasing_a_title_twice(outcomes) == 2
    rows, raw = eval_corpus.post_rows("blind", outcomes, judged=True)
    assert raw["releasing_a_title_twice"] == 2
    assert [r.figure for r in rows if r.benchmark.startswith("pages releasing one title twice")] == ["2 of 4"]
