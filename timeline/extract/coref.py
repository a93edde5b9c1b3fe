"""Coreference inside one article: later full names, surnames, titles alone ("Pak Wali Kota") and pronouns
resolve to the nearest compatible official introduced before."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Sequence

from timeline.extract.names import Person

if TYPE_CHECKING:
    from timeline.extract.roster import Roster
from timeline.extract.titles import Lexicon, same_region
from timeline.model import Article, Mention, Role, Sentence
from timeline.text.spans import sentence_index

PRONOUN_WINDOW = 1  # sentences back a pronoun may reach for its antecedent


class Found(NamedTuple):
    start: int
    end: int
    text: str
    form: str
    person: str | None  # official id, None until resolved
    title: str | None = None
    region: str | None = None
    quoted: bool = False


def bounded(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole word or phrase (no letter, digit or hyphen touching it)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "-" or after.isalnum() or after == "-")


def name_runs(text: str, full: set[str], words: set[str]) -> list[tuple[int, int, str]]:
    """Where known names and single name words are written, longest first, without overlaps."""
    hits = []
    for needle in full | words:
        at = text.find(needle)
        while at >= 0:
            if bounded(text, at, at + len(needle)):
                hits.append((at, -len(needle), needle))
            at = text.find(needle, at + 1)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    for at, neg, needle in hits:
        if out and at < out[-1][1]:
            continue
        out.append((at, at - neg, needle))
    return out


def resolve(
    found: list[Found],
    people: dict[str, Person],
    sentences: Sequence[Sentence],
    article: Article,
    roster: Roster | None,
    lex: Lexicon,
) -> list[Mention]:
    """Resolve surnames, titles and pronouns to the nearest compatible official introduced before."""
    starts = [s.start for s in sentences]
    mentions: list[Mention] = []
    # (position, sentence index, official id, quoted) of every resolved mention so far
    history: list[tuple[int, int, str, bool]] = []
    for f in found:
        pid = f.person
        if pid is None and f.form in ("surname", "honorific") and f.title is None:
            word = f.text.split()[-1]
            for pos, _, cand, _ in reversed(history):
                if word in people[cand].tokens:
                    pid = cand
                    break
        elif pid is None and f.form in ("title", "honorific"):
            # only one official seen so far may fit: two Presidents make "Presiden" ambiguous
            fits = {
                cand for _, _, cand, _ in history
                if any(r.title == f.title and same_region(r.region, f.region) for r in people[cand].roles)
            }
            if len(fits) == 1:
                pid = next(iter(fits))
            if pid is None and roster is not None and f.title:
                entry = roster.holder(f.title, f.region, article.published)
                if entry is not None:
                    p = people.get(entry.id) or people.setdefault(
                        entry.id, Person(entry.id, entry.name, tokens=frozenset(entry.name.split()))
                    )
                    role = Role(f.title, f.region)
                    if role not in p.roles:
                        p.roles.append(role)
                    pid = p.id
        elif pid is None and f.form == "pronoun" and not f.quoted and sentences:
            here = sentence_index(sentences, starts, f.start)
            for pos, idx, cand, quoted in reversed(history):
                if quoted:
                    continue
                if here - idx <= PRONOUN_WINDOW:
                    pid = cand
                break
        if pid is None:
            continue
        idx = sentence_index(sentences, starts, f.start) if sentences else 0
        history.append((f.start, idx, pid, f.quoted))
        mentions.append(Mention(pid, f.start, f.end, f.text, f.form))
    return mentions
