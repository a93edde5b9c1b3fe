"""A progress bar on stderr for long runs: articles read of total, officials and findings so far.

Shown only where it helps and cannot hurt (see `should_show`); it never writes to stdout, so JSON and
SARIF output stay clean. rich is imported only when a bar is actually shown.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

MIN_ARTICLES = 300  # below this a run is over before a bar is worth reading


def labels(lang: str) -> dict[str, str]:
    """The bar's words in `lang`."""
    from timeline.lang import message

    return {key: message(f"progress.{key}", lang) for key in ("articles", "officials", "findings", "reading")}


def should_show(stderr_is_terminal: bool, n_articles: int, fmt: str | None, explicit: bool | None) -> bool:
    """Whether to show the bar: `--progress`/`--no-progress` decide when given; else only for a
    terminal stderr, more than MIN_ARTICLES articles, and a human output format."""
    if explicit is not None:
        return explicit
    from timeline.render import is_machine_format

    return stderr_is_terminal and n_articles > MIN_ARTICLES and not is_machine_format(fmt)


class NullProgress:
    """The reporter when no bar is shown: accepts every call and writes nothing."""

    shown = False

    def start(self, total: int) -> None:
        return None

    def advance(self, item: Any = 1, *, officials: int | None = None, findings: int | None = None) -> None:
        return None

    def update(self, *, officials: int | None = None, findings: int | None = None) -> None:
        return None

    def close(self) -> None:
        return None

    finish = close

    def __enter__(self) -> "NullProgress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Progress(NullProgress):
    """A rich progress bar on `stream` (stderr by default), removed when the run ends.

    `advance` takes a count of articles, or one extraction result (anything with `.digests`, a tuple of
    ArticleDigest): then it counts the file, the distinct officials seen so far, and the findings of
    the per-article rules.
    """

    shown = True

    def __init__(self, stream: TextIO | None = None, lang: str = "id") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.labels = labels(lang)
        self._bar: Any = None
        self._task: Any = None
        self._official_ids: set[str] = set()
        self._local_findings = 0
        self.read = 0
        self.officials = 0
        self.findings = 0

    def start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        labels = self.labels
        console = Console(file=self.stream, stderr=True, force_terminal=self.stream.isatty() or None)
        self._bar = RichProgress(
            TextColumn(labels["reading"]),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(labels["articles"]),
            TextColumn("· {task.fields[officials]} " + labels["officials"]),
            TextColumn("· {task.fields[findings]} " + labels["findings"]),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
            refresh_per_second=8,
        )
        self._task = self._bar.add_task("", total=total, officials=0, findings=0)
        self._bar.start()

    def advance(self, item: Any = 1, *, officials: int | None = None, findings: int | None = None) -> None:
        digests = getattr(item, "digests", None)
        if digests is None:
            count = int(item)
        else:
            count = 1
            for digest in digests:
                self._official_ids.update(o.id for o in digest.officials)
                # the per-article rules have already run: their findings count as found so far
                self._local_findings += len(getattr(digest, "drafts", ()))
            self.officials = len(self._official_ids)
            if findings is None:
                findings = self._local_findings
        self.read += count
        self._set(officials, findings)
        if self._bar is not None:
            self._bar.update(self._task, advance=count, officials=self.officials, findings=self.findings)

    def update(self, *, officials: int | None = None, findings: int | None = None) -> None:
        self._set(officials, findings)
        if self._bar is not None:
            self._bar.update(self._task, officials=self.officials, findings=self.findings)

    def _set(self, officials: int | None, findings: int | None) -> None:
        if officials is not None:
            self.officials = officials
        if findings is not None:
            self.findings = findings

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    finish = close


class AutoProgress(NullProgress):
    """Decides at `start(total)`, when the number of articles is known, whether to show a bar."""

    def __init__(
        self, stderr_is_terminal: bool, fmt: str | None, explicit: bool | None,
        stream: TextIO | None = None, lang: str = "id",
    ) -> None:
        self.decision = (stderr_is_terminal, fmt, explicit)
        self.stream = stream
        self.lang = lang
        self.inner: NullProgress = NullProgress()

    @property
    def shown(self) -> bool:  # type: ignore[override]
        return self.inner.shown

    def start(self, total: int) -> None:
        terminal, fmt, explicit = self.decision
        if should_show(terminal, total, fmt, explicit):
            self.inner = Progress(self.stream, self.lang)
        self.inner.start(total)

    def advance(self, item: Any = 1, *, officials: int | None = None, findings: int | None = None) -> None:
        self.inner.advance(item, officials=officials, findings=findings)

    def update(self, *, officials: int | None = None, findings: int | None = None) -> None:
        self.inner.update(officials=officials, findings=findings)

    def close(self) -> None:
        self.inner.close()

    finish = close


def make_progress(
    show: bool | None = None,
    stream: TextIO | None = None,
    lang: str = "id",
    *,
    stderr_is_terminal: bool | None = None,
    fmt: str | None = None,
    explicit: bool | None = None,
) -> NullProgress:
    """The reporter to pass to `check(progress=...)`.

    `make_progress(True|False)` forces the choice; `make_progress(stderr_is_terminal=..., fmt=...,
    explicit=...)` defers it to `start(total)` by `should_show`, since the article count comes later.
    """
    if show is None:
        return AutoProgress(bool(stderr_is_terminal), fmt, explicit, stream, lang)
    return Progress(stream, lang) if show else NullProgress()
