"""Every example in the rule catalog runs through the real pipeline: bad ones fire, good ones never do.

This is what keeps rules/ and the code from drifting apart (sqlfluff's yaml test cases, ruff's docs).
"""

from __future__ import annotations

import pytest

from timeline.checks.catalog import load_catalog
from timeline.render import message_of
from timeline.settings import Settings
from timeline.api import check

CASES = [
    pytest.param(rule, kind, n, example, id=f"{rule.code}-{rule.name}-{kind}{n}")
    for rule in load_catalog()
    for kind, examples in (("bad", rule.bad), ("good", rule.good))
    for n, example in enumerate(examples, 1)
]


def run_example(tmp_path, example):
    for name, text in example.files:
        path = tmp_path / "archive" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip("\n"), encoding="utf-8")
    return check([str(tmp_path / "archive")], Settings(), jobs=1, use_cache=False)


@pytest.mark.parametrize("rule,kind,n,example", CASES)
def test_rule_example(tmp_path, rule, kind, n, example):
    report = run_example(tmp_path, example)
    assert report.articles == len(example.files), report.skipped
    mine = [f for f in report.findings if f.code == rule.code]
    detail = [(f.rule, f.args, [e.text for e in f.evidence]) for f in mine]
    if kind == "good":
        assert mine == [], f"good example fired: {detail}"
        return
    assert len(mine) == example.count, detail
    if example.quote:
        quoted = " ".join(e.quote + " " + e.text for f in mine for e in f.evidence)
        assert example.quote in quoted, detail
    for finding in mine:
        for lang in ("id", "en"):
            message = message_of(finding, {rule.code: rule}, lang)
            assert "{" not in message, f"unfilled placeholder in {lang}: {message}"


def test_every_rule_has_examples_that_run():
    codes = {rule.code for rule, *_ in (c.values for c in CASES)}
    assert codes == {r.code for r in load_catalog()}
