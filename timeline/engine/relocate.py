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
from timeline.model import ArticleDigest, Draft, EventClaim, Evidence, Location


def relocate(result: FileResult, path: str) -> FileResult:
    """`result` with its file shown as `path` (the same object when it already is)."""
    old = result.path
    if old == path:
        return result
    cut = len(old)

    def move(text: str) -> str:
        if text == old or text.startswith(old + "#"):
            return path + text[cut:]
        return text

    def location(loc: Location) -> Location:
        return replace(loc, path=move(loc.path))

    def evidence(e: Evidence) -> Evidence:
        return replace(e, path=move(e.path), article_key=move(e.article_key))

    def event(c: EventClaim) -> EventClaim:
        return replace(c, id=move(c.id), article_key=move(c.article_key), location=location(c.location),
                       part_of=move(c.part_of) if c.part_of else None)

    def arg(value: Any) -> Any:
        return move(value) if isinstance(value, str) else value

    def draft(d: Draft) -> Draft:
        return replace(d, evidence=tuple(map(evidence, d.evidence)), args={k: arg(v) for k, v in d.args.items()})

    def digest(d: ArticleDigest) -> ArticleDigest:
        return replace(
            d,
            article=replace(d.article, path=move(d.article.path), key=move(d.article.key)),
            events=tuple(map(event, d.events)),
            evidence=tuple(map(evidence, d.evidence)),
            drafts=tuple(map(draft, d.drafts)),
        )

    problems = tuple(replace(p, path=move(p.path)) for p in result.problems)
    return FileResult(path, tuple(map(digest, result.digests)), problems)
