"""The progress bar: when it is shown, and that it only ever writes to the stream it was given."""

from __future__ import annotations

import io

import pytest

from timeline.cli.progress import MIN_ARTICLES, NullProgress, Progress, labels, make_progress, should_show

LABELS = {lang: labels(lang) for lang in ("en", "id")}

SHOW_CASES = [
    # (stderr is a terminal, articles, format, --progress/--no-progress, shown)
    (True, 5000, "text", None, True),
    (True, 5000, None, None, True),
    (True, 5000, "github", None, True),
    (True, 5000, "json", None, False),
    (True, 5000, "sarif", None, False),
    (False, 5000, "text", None, False),
    (True, MIN_ARTICLES, "text", None, False),
    (True, MIN_ARTICLES + 1, "text", None, True),
    (True, 12, "text", None, False),
    (True, 5000, "text", False, False),
    (False, 12, "json", True, True),
    (True, 5000, "json", True, True),
]


def test_show_cases_are_unique() -> None:
    keys = [case[:4] for case in SHOW_CASES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("terminal, n, fmt, explicit, expected", SHOW_CASES)
def test_should_show(terminal: bool, n: int, fmt: str | None, explicit: bool | None, expected: bool) -> None:
    assert should_show(terminal, n, fmt, explicit) is expected


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_bar(reporter: NullProgress, total: int = 400) -> None:
    with reporter:
        reporter.start(total)
        for i in range(total):
            reporter.advance(officials=i // 20, findings=i // 100)
        reporter.update(officials=21, findings=4)


def test_noop_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = make_progress(False)
    assert isinstance(reporter, NullProgress) and not reporter.shown
    run_bar(reporter)
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("lang", sorted(LABELS))
def test_bar_writes_to_its_stream_only(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    stream = FakeTerminal()
    reporter = make_progress(True, stream, lang)
    assert isinstance(reporter, Progress) and reporter.shown
    run_bar(reporter)
    assert (reporter.read, reporter.officials, reporter.findings) == (400, 21, 4)
    written = stream.getvalue()
    assert "400/400" in written
    for word in ("articles", "officials", "findings"):
        assert LABELS[lang][word] in written
    assert capsys.readouterr() == ("", "")


def test_labels_exist_in_both_languages() -> None:
    assert set(LABELS) == {"en", "id"}
    assert set(LABELS["en"]) == set(LABELS["id"])


class FakeResult:
    """Stands in for the pipeline's per-file result: only `.digests` is read."""

    def __init__(self, *official_ids: str) -> None:
        self.digests = (FakeClaims(official_ids),)


class FakeClaims:
    def __init__(self, official_ids: tuple[str, ...]) -> None:
        self.officials = tuple(FakeOfficial(i) for i in official_ids)


class FakeOfficial:
    def __init__(self, official_id: str) -> None:
        self.id = official_id


@pytest.mark.parametrize(
    "terminal, fmt, explicit, total, shown",
    [
        (True, "text", None, 500, True),
        (True, "text", None, 50, False),
        (True, "json", None, 500, False),
        (False, "text", None, 500, False),
        (False, "text", True, 50, True),
    ],
)
def test_auto_progress_decides_when_the_total_is_known(
    capsys: pytest.CaptureFixture[str], terminal: bool, fmt: str, explicit: bool | None, total: int, shown: bool
) -> None:
    stream = FakeTerminal()
    reporter = make_progress(stderr_is_terminal=terminal, fmt=fmt, explicit=explicit, stream=stream, lang="en")
    assert not reporter.shown
    reporter.start(total)
    assert reporter.shown is shown
    for i in range(total):
        reporter.advance(FakeResult("basri-rase", f"pejabat-{i % 7}"))
    reporter.update(findings=3)
    reporter.finish()
    assert (stream.getvalue() != "") is shown
    if shown:
        assert reporter.inner.officials == 8 and reporter.inner.read == total
        assert f"{total}/{total}" in stream.getvalue()
    assert capsys.readouterr() == ("", "")
