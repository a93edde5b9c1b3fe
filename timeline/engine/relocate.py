"""A cached file result moved to the path the file is shown under in this run.

The cache keys a file by its path relative to the archive, so a result computed while the archive was
checked from another directory (`archive/x.txt` from its parent, `x.txt` from inside it, an absolute
path from the pre-commit hook) is reused; every record that carries the path (article path and key,
event ids, locations, evidence, problems) is rewritten here. Finding ids come from content, never paths.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from timeline.engine.plan import FileResult
from timeline.model import ArticleDigest, Draft, EventClaim, Evidence, InputProblem, Location


def relocate(result: FileResult, path: str) -> FileResult:
    """`result` with its file shown as `path` (the same object when it already is)."""
    if result.path == path:
        return result
    move = _Move(result.path, path)
    problems = tuple(map(move.problem, result.problems))
    return FileResult(path, tuple(map(move.digest, result.digests)), problems)


def relocate_records(drafts: tuple[Draft, ...], problems: tuple[InputProblem, ...], old: str, path: str
                     ) -> tuple[tuple[Draft, ...], tuple[InputProblem, ...]]:
    """A file head's drafts and problems, computed while the file was shown as `old`, shown as `path`."""
    if not old or old == path:
        return drafts, problems
    move = _Move(old, path)
    return tuple(map(move.draft, drafts)), tuple(map(move.problem, problems))


class _Move:
    """Every path-carrying field of a file's records, from `old` to `new`."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new, self.cut = old, new, len(old)

    def text(self, text: str) -> str:
        if text == self.old or text.startswith(self.old + "#"):
            return self.new + text[self.cut:]
        return text

    def location(self, loc: Location) -> Location:
        return replace(loc, path=self.text(loc.path))

    def evidence(self, e: Evidence) -> Evidence:
        return replace(e, path=self.text(e.path), article_key=self.text(e.article_key))

    def event(self, c: EventClaim) -> EventClaim:
        return replace(c, id=self.text(c.id), article_key=self.text(c.article_key), location=self.location(c.location),
                       part_of=self.text(c.part_of) if c.part_of else None)

    def arg(self, value: Any) -> Any:
        return self.text(value) if isinstance(value, str) else value

    def draft(self, d: Draft) -> Draft:
        return replace(d, evidence=tuple(map(self.evidence, d.evidence)),
                       args={k: self.arg(v) for k, v in d.args.items()})

    def problem(self, p: InputProblem) -> InputProblem:
        return replace(p, path=self.text(p.path))

    def digest(self, d: ArticleDigest) -> ArticleDigest:
        return replace(
            d,
            article=replace(d.article, path=self.text(d.article.path), key=self.text(d.article.key)),
            events=tuple(map(self.event, d.events)),
            evidence=tuple(map(self.evidence, d.evidence)),
            drafts=tuple(map(self.draft, d.drafts)),
        )
