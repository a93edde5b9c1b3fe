"""Coreference inside one article: later full names, surnames, titles alone ("Pak Wali Kota") and pronouns
resolve to the nearest compatible official introduced before."""

from __future__ import annotations

import re
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
    needles = full | words
    hits = _hits_by_word(text, needles) if len(needles) > FEW_NAMES else _hits_by_name(text, needles)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    for at, neg, needle in hits:
        if out and at < out[-1][1]:
            continue
        out.append((at, at - neg, needle))
    return out


FEW_NAMES = 32  # up to this many names, one C search of the text per name beats one pass over its words


def _hits_by_name(text: str, needles: set[str]) -> list[tuple[int, int, str]]:
    """Every whole-word place of each name, one search of the text per name; a name whose first word is
    also searched for ("Basri" of "Basri Rase") is looked for only where that word stands."""
    hits = []
    where: dict[str, list[int]] = {}  # each name searched so far -> every place it stands (whole word or not)
    for needle in sorted(needles, key=len):  # (the hits are sorted by the caller)
        head = needle.partition(" ")[0]
        if head in where:
            found = [at for at in where[head] if text.startswith(needle, at)]
        else:
            found = []
            at = text.find(needle)
            while at >= 0:
                found.append(at)
                at = text.find(needle, at + 1)
        where[needle] = found
        hits += [(at, -len(needle), needle) for at in found if bounded(text, at, at + len(needle))]
    return hits


def _hits_by_word(text: str, needles: set[str]) -> list[tuple[int, int, str]]:
    """The same hits in one pass over the text's words (a long article names many people, and one
    search per name is quadratic): a name can only start where a word does (nothing alphanumeric or
    a hyphen before it), and its first word's letters and digits are that word's."""
    by_first: dict[str, list[str]] = {}
    odd = set()
    for needle in needles:
        first = _RUN.match(needle)
        if first is None:
            odd.add(needle)  # not starting with a letter or digit: searched for as it is
        else:
            by_first.setdefault(first.group(), []).append(needle)
    hits = _hits_by_name(text, odd)
    for run in _RUN.finditer(text):
        for needle in by_first.get(run.group(), ()):
            at = run.start()
            if text.startswith(needle, at) and bounded(text, at, at + len(needle)):
                hits.append((at, -len(needle), needle))
    return hits


_RUN = re.compile(r"[^\W_]+")  # letters and digits: what str.isalnum() accepts, as in `bounded`


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
    holders: dict[str, dict[str, None]] = {}  # title -> the officials in history who hold it
    last_with: dict[str, str] = {}  # name word -> the official of the latest mention whose name has it
    for f in found:
        pid = f.person
        if pid is None and f.form in ("surname", "honorific") and f.title is None:
            pid = last_with.get(f.text.split()[-1])
        elif pid is None and f.form in ("title", "honorific"):
            # only one official seen so far may fit: two Presidents make "Presiden" ambiguous
            fits = {
                cand for cand in holders.get(f.title, ())
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
        for role in people[pid].roles:
            holders.setdefault(role.title, {})[pid] = None
        for word in people[pid].tokens:
            last_with[word] = pid
        mentions.append(Mention(pid, f.start, f.end, f.text, f.form))
    return mentions
