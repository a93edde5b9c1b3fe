"""What an event is about ("Pasar Rakyat Loa Kulu"), and the words that tell it from other events.

The object of an active verb or a noun follows it ("meresmikan Pasar Rakyat Loa Kulu", "Peresmian
Pasar Inpres Sentani oleh ..."); the object of a passive verb is its subject ("Aplikasi Siap Madani
yang diluncurkan ...", "MTQ tersebut dibuka ..."). A subject that points back ("MTQ tersebut") takes
the words of the phrase it points to, a few sentences before. The key of an event is the folded
words of its object and place without generic ones ("pasar", "rapat koordinasi", "di"), so that
"Pasar Rakyat Loa Kulu" and "pasar rakyat di Loa Kulu" share it; `names` are those written
capitalized, the proper names a fact-checker would compare.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple, Sequence

from timeline.extract.lexicon import Lexicon
from timeline.extract.places import place_of, place_starts
from timeline.extract.wordindex import lower_finds_alike
from timeline.model import Place

ANAPHORA_REACH = 900  # characters back in which the phrase "MTQ tersebut" points to is looked for
_TOKEN = re.compile(r"[^\W_]+")
_WORD = re.compile(r"\(?[\w'’.-]+\)?")
_CLAUSE_END = re.compile(r"[,;:]|\s[–—-]\s")
_PAREN_AFTER = re.compile(r"\)?\s*\([^()]{1,30}\)|\)")


class EventObject(NamedTuple):
    text: str | None
    key: tuple[str, ...]
    names: tuple[str, ...]
    places: tuple[str, ...]
    site: tuple[str, ...]


def _stop_at(lex: Lexicon, text: str, start: int, limit: int, stops: Sequence[tuple[int, int]]) -> int:
    """Where an object starting at `start` ends: a stop word, a clause break, a date or an official."""
    end = limit
    m = lex.object_stop_re.search(text, start, limit)
    if m:
        end = min(end, m.start())
    m = _CLAUSE_END.search(text, start, end)
    if m:
        end = m.start()
    for a, _ in stops:
        if start <= a < end:
            end = a
    return end


def _cap_words(span: str, max_words: int, from_end: bool = False) -> str:
    words = span.split()
    words = words[-max_words:] if from_end else words[:max_words]
    return " ".join(words).strip(" ,.")


def object_after(lex: Lexicon, text: str, end: int, limit: int, stops: Sequence[tuple[int, int]]) -> str | None:
    """The object written after a trigger: "meresmikan [Pasar Rakyat Loa Kulu], Jumat ..."."""
    pos = end
    paren = _PAREN_AFTER.match(text[pos:limit])  # "inspeksi mendadak (sidak) ke RSUD ..."
    if paren:
        pos += paren.end()
    lead = lex.object_lead_re.match(text, pos, limit)
    if lead:
        pos = lead.end()
    stop = _stop_at(lex, text, pos, limit, stops)
    found = _cap_words(text[pos:stop], lex.object_max_words)
    return found or None


def subject_before(lex: Lexicon, text: str, begin: int, start: int) -> str | None:
    """The subject of a passive verb: "[Aplikasi Siap Madani] yang diluncurkan", "[MTQ tersebut] dibuka"."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, begin, start)]
    while words and words[-1][2].casefold() in lex.aux:
        words.pop()
    if not words:
        return None
    if words[-1][2].casefold() == "yang":
        words.pop()
        run = []
        for w in reversed(words):  # the capitalized name right before "yang", if it is one
            if w[2][:1].isupper() or w[2][:1].isdigit() or w[2].startswith("("):
                run.append(w)
            else:
                break
        if run:
            words = list(reversed(run))
    else:  # "Rencana itu disampaikan setelah [BLK Komunitas Kelam Permai] diresmikan ..."
        opener = [i for i, w in enumerate(words) if lex.subordinate_re.fullmatch(w[2]) or lex.speech_re.fullmatch(w[2])]
        if opener:
            words = words[opener[-1] + 1 :]
        cut = next((i for i, w in enumerate(words) if w[2].casefold() == "yang"), None)
        if cut:
            words = words[:cut]
    words = words[-lex.object_max_words :]
    return " ".join(w[2] for w in words).strip(" ,.") or None


def resolve_anaphora(lex: Lexicon, phrase: str, text: str, before: int, title: str | None) -> str:
    """ "MTQ tersebut" -> the phrase it points to ("MTQ ke-31 Kabupaten Lombok Tengah"), if told before."""
    words = phrase.split()
    at = next((i for i, w in enumerate(words) if i > 0 and w.casefold().strip(",.") in lex.demonstratives), None)
    if at is None:
        return phrase
    if at + 1 < len(words):  # "jembatan itu di Sengkang": resolve "jembatan itu", keep the rest
        return f"{resolve_anaphora(lex, ' '.join(words[: at + 1]), text, before, title)} {' '.join(words[at + 1 :])}"
    head = words[:-1][-3:]
    head_re = r"\s+".join(re.escape(w) for w in head)
    pattern = re.compile(rf"(?<![\w-])(?i:{head_re})((?:\s+(?:[A-Z0-9][\w'’-]*|[a-z]*-?\d[\w-]*))*)")
    for source in (text[max(0, before - ANAPHORA_REACH) : before], title or ""):
        found = None
        for m in _matches(pattern, source, head[0]):
            if m.group(1).strip():
                found = m
        if found is not None:
            return found.group().strip(" ,.")
    return " ".join(words[:-1])


def _matches(pattern: re.Pattern[str], source: str, first: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(source)` for a pattern whose matches start with the word `first`, case
    ignored: tried only where `first` stands in the lower-cased source (str.find runs in C; the regex
    would try every position of the 900 characters read back), when lower case can tell."""
    low = source.lower()
    if not first.isascii() or not lower_finds_alike(source, low):
        yield from pattern.finditer(source)
        return
    needle = first.lower()
    pos = low.find(needle)
    while pos >= 0:
        m = pattern.match(source, pos)
        if m is None:
            pos = low.find(needle, pos + 1)
            continue
        yield m
        pos = low.find(needle, max(m.end(), pos + 1))


def _facility(lex: Lexicon, word: str) -> bool:
    """Whether one word (letters and digits) is a facility head: a set look-up where the regex's
    case folding and lower case agree (ASCII on both sides), else the regex."""
    if lex.facility_words is not None and word.isascii():
        return word.lower() in lex.facility_words
    return lex.facility_re.fullmatch(word) is not None


def _key_words(tokens: Sequence[str], lex: Lexicon, first_is_name: bool) -> list[tuple[str, bool, int]]:
    """The key words among `tokens` (of `_TOKEN`), each folded, with whether it is a name and its
    place among the tokens. Facility heads are names of a kind, not of a thing (see event_key)."""
    generic, types = lex.generic, lex.type_of
    out = []
    for n, token in enumerate(tokens):
        folded = token.casefold()
        if len(folded) < 2 and not folded.isdigit():
            continue
        if folded in generic or folded in types or _facility(lex, folded):
            continue
        # letters hold no digit: only other tokens are looked through
        is_name = token[:1].isupper() or (not token.isalpha() and any(c.isdigit() for c in token))
        out.append((folded, is_name and (n > 0 or first_is_name), n))
    return out


def _place_words(tokens: Sequence[str]) -> set[str]:
    """Folded words among `tokens` that are part of a region, city or country name ("Samarinda",
    "Kutai Kartanegara", "Korea Selatan"), not of a venue ("Pasar Segiri")."""
    starts = place_starts()
    out: set[str] = set()
    for i, word in enumerate(tokens):
        if word not in starts or not word[:1].isupper():
            continue  # no place name starts with this word
        for n in (3, 2, 1):
            piece = tokens[i : i + n]
            if len(piece) == n and place_of(" ".join(piece)) is not None:
                out.update(w.casefold() for w in piece)
                break
    return out


def event_key(lex: Lexicon, obj: str | None, place: Place | None, object_at_clause_start: bool) -> EventObject:
    """The key words of an event: those of its object and of its place, generic words left out. Its
    names are the capitalized key words of what it is about (the object before its "di ...", else the
    place) and the head of the facility it names ("pasar", "taman"): what tells two things apart; its
    places those
    that name a region, city or country (a weak sign of sameness: many events share a city); its site
    the place's own words, to tell two places apart."""
    obj_tokens = _TOKEN.findall(obj) if obj else []
    site_tokens = _TOKEN.findall(place.text) if place is not None else []
    obj_words = _key_words(obj_tokens, lex, not object_at_clause_start)
    site_words = _key_words(site_tokens, lex, True)
    key = dict.fromkeys([w for w, _, _ in obj_words] + [w for w, _, _ in site_words])
    cut = lex.location_split_re.search(obj) if obj else None
    thing = obj[: cut.start()] if cut else obj  # "Taman Kota Mimika [di ...]"
    if thing:
        # the thing is the object up to white space: its tokens are the object's first ones
        size = len(_TOKEN.findall(thing)) if cut else len(obj_tokens)
        names = dict.fromkeys(w for w, is_name, n in obj_words if is_name and n < size)
        names.update((m.group().casefold(), None) for m in lex.facility_re.finditer(thing))
    else:
        names = dict.fromkeys(w for w, is_name, _ in site_words if is_name)
    where = _place_words(obj_tokens) | _place_words(site_tokens)
    return EventObject(obj, tuple(key), tuple(names), tuple(t for t in key if t in where),
                       tuple(dict.fromkeys(w for w, _, _ in site_words)))
