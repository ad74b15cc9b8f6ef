"""Rules file loading and validation: clear errors for bad files, the shipped file loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbonwatch.classify.rules import MAX_RULES_BYTES, RulesError, load_rules, parse_rules

MINIMAL = 'version = "t1"\nthreshold = 5\n[terms]\n"碳达峰" = 4\n'


def test_shipped_rules_load() -> None:
    rules = load_rules()
    assert rules.version
    assert {"碳达峰", "碳中和", "双碳", "CCER", "能耗双控"} <= set(rules.terms)
    assert "碳酸锂" in rules.negatives


def test_user_file_is_used(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    rules = load_rules(path)
    assert (rules.version, list(rules.terms), rules.source) == ("t1", ["碳达峰"], str(path))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version = ", "not valid TOML"),
        ('[terms]\n"碳" = 1\n', "version"),
        ('version = "1"\n', "[terms]"),
        ('version = "1"\n[terms]\n"碳达峰" = "high"\n', "碳达峰"),
        ('version = "1"\n[terms]\n"碳达峰" = -1\n', "positive"),
        ('version = "1"\nthreshold = "x"\n[terms]\n"碳达峰" = 1\n', "threshold"),
        ('version = "1"\n[terms]\n"碳达峰" = 1\n[negatives]\nphrases = [1]\n', "negatives"),
        ('version = "1"\nlead_min_distinct = 0\n[terms]\n"碳达峰" = 1\n', "lead_min_distinct"),
        ('version = "1"\nlead_chars = -5\n[terms]\n"碳达峰" = 1\n', "lead_chars"),
        ('version = "1"\n[terms]\n"碳达峰" = 1\n[negatives]\nheadline_frames = [""]\n', "headline_frames"),
        ('version = "1"\nsupporting_terms = ["节能减排"]\n[terms]\n"碳达峰" = 1\n', "supporting_terms"),
    ],
)
def test_invalid_rules_give_clear_errors(text: str, message: str) -> None:
    with pytest.raises(RulesError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_rules(text, "test.toml")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "nope.toml")


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(MINIMAL + "#" * MAX_RULES_BYTES, encoding="utf-8")
    with pytest.raises(RulesError, match="limit"):
        load_rules(path)


def test_no_module_level_name_of_the_classifier_is_bound_twice() -> None:
    # The rule modules are long lists of named patterns: a second pattern under a name already taken replaces the
    # first for every use after it (and for every function), silently changing rules far away.
    import ast
    from collections import Counter
    from pathlib import Path

    import carbonwatch.classify

    for module in sorted(Path(carbonwatch.classify.__file__).parent.glob("*.py")):
        names: Counter[str] = Counter()
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names[node.target.id] += 1
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names[node.name] += 1
        assert {name for name, n in names.items() if n > 1} == set(), module.name
