"""How a file's head is stored beside its cache row, and read back without building what a run does
not need.

The officials come first, as compact JSON (a warm run reads every file's head; json parses at C
speed, and their bytes alone say whether identity can have changed); then, only for the files that
have any, the article drafts and problems as a record blob after a NUL, which JSON text never holds.
"""

from __future__ import annotations

import hashlib
import json
from typing import Iterable, Sequence

from timeline.engine.codec import dumps, fast_constructor, loads
from timeline.engine.plan import FileHead
from timeline.model import Draft, InputProblem, Official, Role


def encode_head(head: FileHead) -> bytes:
    officials = [[[o.id, o.name, [[r.title, r.region, r.acting] for r in o.roles], list(o.aliases), o.mentions]
                  for o in article] for article in head.officials]
    text = json.dumps(officials, ensure_ascii=False, separators=(",", ":")).encode()
    if head.drafts or head.problems:
        return text + b"\0" + dumps(FileHead((), head.drafts, head.problems))
    return text


def officials_part(blob: bytes) -> bytes:
    """The officials' JSON of a head blob."""
    return blob.partition(b"\0")[0]


def records(blob: bytes) -> tuple[tuple[Draft, ...], tuple[InputProblem, ...]]:
    """The drafts and problems of a head blob (most files have none: nothing is loaded for them)."""
    rest = blob.partition(b"\0")[2]
    if not rest:
        return (), ()
    head = loads(rest)
    if not isinstance(head, FileHead):
        raise ValueError("not a file head")
    return head.drafts, head.problems


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


def decode_head(blob: bytes) -> FileHead:
    drafts, problems = records(blob)
    return FileHead(officials([blob])[0], drafts, problems)


def identity_key(salt: str, blobs: Iterable[bytes]) -> str:
    """What identity is computed from: every file's officials, in archive order (and the salt: code,
    roster). Edits that leave a file's officials as they were leave this key as it was."""
    h = hashlib.blake2b(salt.encode(), digest_size=20)
    for blob in blobs:
        h.update(officials_part(blob))
        h.update(b"\1")
    return h.hexdigest()
