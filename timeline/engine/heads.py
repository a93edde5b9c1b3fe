"""How a file's head is stored beside its cache row, and read back without building what a run does
not need.

Three parts, separated by NUL (which JSON text never holds): the officials of each article as compact
JSON (a warm run reads every file's head; json parses at C speed, and their bytes alone say whether
identity can have changed); the articles' sources (outlet, date, URL) as JSON, read only for the HTML
report; then, only for the files that have any, the article drafts and problems as a record blob.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Iterable, Sequence

from timeline.engine.codec import dumps, fast_constructor, loads
from timeline.engine.plan import ArticleSource, FileHead
from timeline.model import Draft, InputProblem, Official, Role


def encode_head(head: FileHead) -> bytes:
    officials = [[[o.id, o.name, [[r.title, r.region, r.acting] for r in o.roles], list(o.aliases), o.mentions]
                  for o in article] for article in head.officials]
    sources = [[_suffix(s.key, head.path), s.outlet, s.published.isoformat() if s.published else None, s.url]
               for s in head.sources]
    parts = [json.dumps(officials, ensure_ascii=False, separators=(",", ":")).encode(),
             json.dumps(sources, ensure_ascii=False, separators=(",", ":")).encode()]
    if head.drafts or head.problems:
        parts.append(dumps(FileHead((), head.drafts, head.problems, head.path)))
    return b"\0".join(parts)


def _suffix(key: str, path: str) -> str:
    """An article key as stored: what follows its file's path ("" or "#3"), so it moves with the file."""
    return key[len(path):] if path and key.startswith(path) else "\0" + key


def _split(blob: bytes) -> tuple[bytes, bytes, bytes]:
    officials, _, rest = blob.partition(b"\0")
    sources, _, records = rest.partition(b"\0")
    return officials, sources, records


def officials_part(blob: bytes) -> bytes:
    """The officials' JSON of a head blob."""
    return blob.partition(b"\0")[0]


def records(blob: bytes, path: str | None = None) -> tuple[tuple[Draft, ...], tuple[InputProblem, ...]]:
    """The drafts and problems of a head blob (most files have none: nothing is loaded for them), with
    the file shown as `path` when given (the cache keeps what the run that extracted it showed)."""
    rest = _split(blob)[2]
    if not rest:
        return (), ()
    head = loads(rest)
    if not isinstance(head, FileHead):
        raise ValueError("not a file head")
    if path is None:
        return head.drafts, head.problems
    from timeline.engine.relocate import relocate_records

    return relocate_records(head.drafts, head.problems, head.path, path)


def sources(blob: bytes, path: str) -> tuple[ArticleSource, ...]:
    """The articles of a head blob, with the file shown as `path`."""
    part = _split(blob)[1]
    out = []
    for suffix, outlet, published, url in json.loads(part or b"[]"):
        key = suffix[1:] if suffix.startswith("\0") else path + suffix
        out.append(ArticleSource(key, path, outlet, date.fromisoformat(published) if published else None, url))
    return tuple(out)


def officials(blobs: Sequence[bytes]) -> list[tuple[tuple[Official, ...], ...]]:
    """Each blob's officials per article, parsed in one pass."""
    parsed = json.loads(b"[" + b",".join(officials_part(b) for b in blobs) + b"]")
    make = fast_constructor(Official)
    roles: dict[tuple, Role] = {}
    out = []
    for articles in parsed:
        file_officials = []
        for article in articles:
            people = []
            for oid, name, plain_roles, aliases, mentions in article:
                held = []
                for plain in plain_roles:
                    plain = tuple(plain)
                    role = roles.get(plain)
                    if role is None:
                        role = roles[plain] = Role(*plain)
                    held.append(role)
                people.append(make(oid, name, tuple(held), tuple(aliases), mentions))
            file_officials.append(tuple(people))
        out.append(tuple(file_officials))
    return out


def decode_head(blob: bytes, path: str) -> FileHead:
    """The whole head, with the file shown as `path`."""
    drafts, problems = records(blob, path)
    return FileHead(officials([blob])[0], drafts, problems, path, sources(blob, path))


def identity_key(salt: str, blobs: Iterable[bytes]) -> str:
    """What identity is computed from: every file's officials, in archive order (and the salt: code,
    roster). Edits that leave a file's officials as they were leave this key as it was."""
    h = hashlib.blake2b(salt.encode(), digest_size=20)
    for blob in blobs:
        h.update(officials_part(blob))
        h.update(b"\1")
    return h.hexdigest()
