"""Reading a name next to a title: the words after "Wali Kota" split into the region or office and the
person ("Wali Kota Bontang Basri Rase"), a name before a title ("Basri Rase, Wali Kota Bontang,"), and
whether words are a place the article names elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Sequence

from timeline.extract.places import names_place, place_starts
from timeline.extract.titles import MAX_NAME_WORDS, Lexicon, lexicon

if TYPE_CHECKING:
    from timeline.extract.roster import Roster
from timeline.model import Role

NAME_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*|[A-Z]\.")
ACRONYM = re.compile(r"[A-Z0-9]{2,}(?:-[A-Z0-9]+)*|[A-Z][A-Za-z]*[A-Z][A-Za-z-]*")
INITIALS = re.compile(r"[A-Z]{1,3}\.?")
CAP_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
BEFORE_NAME = re.compile(r"((?:[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*[ ]){0,3}[A-Z][a-z'’]+),[ \t]*$")


class Token(NamedTuple):
    kind: str  # paren | comma | and | word
    start: int
    end: int
    text: str


@dataclass
class Person:
    id: str
    name: str
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()


def valid_name(words: Sequence[str], lex: Lexicon) -> bool:
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    if all(len(w) <= 2 for w in words):
        return False
    for n, w in enumerate(words):
        if 0 < n < len(words) - 1 and INITIALS.fullmatch(w):
            continue  # "Retno LP Marsudi", "Subagyo HS"
        if not NAME_WORD.fullmatch(w) or w in lex.stop or w in lex.honorifics or w in lex.canonical \
                or w.startswith(lex.stop_prefixes) or w.casefold() in lex.verbs:
            return False
    # A place may sit inside or end a name (Bima Arya; Akbar Tanjung, since many marga are also
    # places), never at its start nor as the whole of it.
    return not names_place(words[0]) and not names_place(" ".join(words))


def chunk(text: str, pos: int, stop_at: set[int], conjunctions: bool = True) -> list[Token]:
    """Capitalized words, parentheses, commas and 'dan' after a title, up to the next title or verb."""
    lex = lexicon()
    match, calendar = lex.token_re.match, lex.calendar
    tokens: list[Token] = []
    while True:
        m = match(text, pos)
        if m is None or m.end() == pos:
            break
        kind = m.lastgroup
        start = m.start(kind)
        if start in stop_at or (kind == "and" and not conjunctions):
            break
        written = m.group(kind)
        if kind == "word" and tokens and written in calendar:
            break  # "Gubernur Kalteng Yohanes Dehen Jumat lalu": the date follows the name
        pos = m.end()
        tokens.append(Token(kind, start, pos, written))
    while tokens and tokens[-1].kind in ("comma", "and"):
        tokens.pop()
    return tokens


def place_marker(tokens: list[Token], i: int) -> int:
    """Number of word tokens from i that spell a place ("Bontang", "Kota Bontang", "Korea Selatan"), with
    a part of it after it ("Berau Timur", "Bontang Kota")."""
    first = tokens[i]
    if first.kind != "word" or first.text.partition(" ")[0] not in place_starts():
        return 0  # no place name starts with this word (`names_place` would say no to every run)
    words = 1  # the run of word tokens from i, up to three: a place spans no comma nor parenthesis
    while words < 3 and i + words < len(tokens) and tokens[i + words].kind == "word":
        words += 1
    for n in range(words, 0, -1):
        if names_place(" ".join([t.text for t in tokens[i : i + n]])):
            after = i + n
            if after < len(tokens) and tokens[after].kind == "word" and tokens[after].text in lexicon().place_suffixes:
                return n + 1
            return n
    return 0


def split_title(
    title: str, tokens: list[Token], lex: Lexicon, text: str = ""
) -> tuple[str | None, list[Token], list[Token] | None]:
    """Split what follows a title into (qualifier: region or office, the tokens after it, the name they
    start with: `name_tokens` of them, read once here)."""
    kind = lex.kind.get(title, "org")
    last_marker = -1  # index of the last token that ends the qualifier
    markers: list[int] = []
    has_acronym = False
    i = 0
    if title in lex.ministers and tokens:
        m = lex.portfolio_re.match(text, tokens[0].start)
        if m:
            last_marker = max(k for k, t in enumerate(tokens) if t.end <= m.end())
            markers.append(last_marker)
            i = last_marker + 1
    while i < len(tokens):
        t = tokens[i]
        if t.kind in ("paren", "comma"):
            last_marker = i
            markers.append(i)
        elif t.kind == "word":
            n = place_marker(tokens, i)
            if n:
                last_marker = i + n - 1
                markers.append(last_marker)
                i += n
                continue
            # (a rank can only start at a word token that is one of its first words, or holds more than letters)
            rank = lex.prefix_re.match(text, t.start) if text and (
                t.text in lex.prefix_heads or not t.text.isalpha()) else None
            if rank:  # "Kombes Pol", "Komisaris Besar Polisi": a rank of one or more words before the name
                last_marker = max(k for k in range(i, len(tokens)) if tokens[k].end <= rank.end())
                i = last_marker + 1
                continue
            if t.text in lex.name_prefixes:
                last_marker = i
            elif not t.text[1:].islower() and ACRONYM.fullmatch(t.text) and not NAME_WORD.fullmatch(t.text):
                # (an acronym has a capital or a digit after its first character: "Rase" is never tried)
                has_acronym = True
                if kind != "region":
                    last_marker = i
                    markers.append(i)
        i += 1
    if title in lex.needs_acronym and not has_acronym:
        return None, [], None
    if last_marker < 0:
        if kind == "whole":
            return _named(None, tokens, lex)
        if kind == "region" and title not in lex.needs_region:
            return _named(None, tokens, lex)
        return None, [], None  # an office name with nothing to show where it ends
    starts = ([-1] if kind == "region" and title not in lex.needs_region else []) + [
        k for k in markers if tokens[k].kind != "comma"]
    for k in starts:  # "Ketua DPR Setya Novanto, Irvanto ...": a full name right after an office, then a comma
        seg = []
        for t in tokens[k + 1 :]:
            if t.kind != "word":
                break
            seg.append(t)
        after = k + 1 + len(seg)
        if after + 1 < len(tokens) and tokens[after].kind == "paren" and tokens[after + 1].kind == "comma":
            after += 1  # "Joko Widodo (Jokowi), ...": a nickname in parentheses after the name
        if len(seg) >= 2 and after < len(tokens) and tokens[after].kind == "comma" and after <= last_marker \
                and (k < 0 or tokens[k].text not in lex.companies) and valid_name([t.text for t in seg], lex):
            return _named(qualifier(tokens[: k + 1]), seg, lex)
    for k in markers:  # the earliest marker after which the rest is a name ("... Kota Bogor Yane Ardian Bima Arya")
        rest = tokens[k + 1 :]
        if k < last_marker and tokens[k].text not in lex.companies and rest and all(t.kind == "word" for t in rest) \
                and rest[0].text not in lex.prefix_words \
                and valid_name([t.text for t in rest], lex):
            return _named(qualifier(tokens[: k + 1]), rest, lex)
    if tokens[last_marker].text in lex.companies:
        return None, [], None  # "Direktur PT Angkasa Pura": what follows names the company
    rest = tokens[last_marker + 1 :]
    name = name_tokens(rest, lex) if rest else None
    if rest and name is None:
        for k in starts:  # "Wali Kota Tarakan Khairul, Senin (...)": a one-word name before the comma
            if k >= 0 and k + 2 < len(tokens) and tokens[k + 1].kind == "word" and tokens[k + 2].kind == "comma" \
                    and valid_name([tokens[k + 1].text], lex):
                return _named(qualifier(tokens[: k + 1]), [tokens[k + 1]], lex)
    return qualifier(tokens[: last_marker + 1]), rest, name


def _named(region: str | None, rest: list[Token], lex: Lexicon) -> tuple[str | None, list[Token], list[Token] | None]:
    """What `split_title` returns: the qualifier, the tokens after it and the name they start with."""
    return region, rest, name_tokens(rest, lex) if rest else None


def qualifier(tokens: list[Token]) -> str | None:
    lex = lexicon()
    while tokens and tokens[-1].kind == "word" and tokens[-1].text in lex.name_prefixes:
        tokens = tokens[:-1]  # "Kapolres Sampang AKBP": the rank belongs to the name
    out = ""
    for t in tokens:
        if t.kind == "comma":
            continue
        out += (" " if out else "") + t.text
    return out or None


def name_tokens(tokens: list[Token], lex: Lexicon) -> list[Token] | None:
    """The name in the tokens after a title: 1-4 capitalized words right after the qualifier."""
    words: list[Token] = []
    for t in tokens:
        if t.kind != "word":
            break
        if not words and (t.text in lex.name_prefixes):
            continue
        words.append(t)
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    rest = tokens[len(words) :]
    if rest and rest[0].kind == "and":
        return None  # "A dan B" after a title: an office name, not a person
    return words if valid_name([w.text for w in words], lex) else None


class TitleHit(NamedTuple):
    start: int  # of the honorific or acting prefix, if any
    title_start: int
    end: int
    title: str  # as written
    hon: bool
    acting: str | None  # as written


def title_hits(text: str, lex: Lexicon) -> list[TitleHit]:
    """Titles with the honorific ("Pak") and acting prefix ("Plt", "Penjabat Sementara (Pjs)") before them."""
    hits = []
    for m in lex.title_re.finditer(text):
        start = m.start()
        acting = None
        if text[max(0, start - 30) : start].rstrip().endswith(lex.acting_words):  # else the regex cannot match
            acting = lex.acting_before_re.search(text, max(0, start - 30), start)
        if acting:
            start = acting.start()
        hon = lex.honorific_before_re.search(text, max(0, start - 8), start)
        if hon:
            start = hon.start()
        hits.append(TitleHit(start, m.start(), m.end(), m.group(), hon is not None,
                              acting.group().strip() if acting else None))
    return hits


def roster_name(tokens: list[Token], roster: Roster) -> list[Token] | None:
    """The longest run of words at the start of tokens that is a roster name or alias ("AH")."""
    words: list[Token] = []
    for t in tokens[:MAX_NAME_WORDS]:
        if t.kind != "word":
            break
        words.append(t)
    while words:
        if roster.entry(" ".join(w.text for w in words)) is not None:
            return words
        words.pop()
    return None


def is_dateline_city(text: str, words: str) -> bool:
    """Whether `words` is the place of the article's dateline ("SuaraKaltim.id, Mimika –")."""
    city = _dateline_city(text)
    return city is not None and city == words.casefold()


@lru_cache(maxsize=4)
def _dateline_city(text: str) -> str | None:
    """The dateline's place, folded; once per article (asked once per title in it)."""
    from timeline.ingest.published import find_dateline

    dateline = find_dateline(text)
    if dateline is None:
        return None
    return dateline.prefix.rsplit(",", 1)[-1].strip().casefold()


def named_as_place(text: str, words: str, own: int | None = None, strong: bool = False) -> bool:
    """Whether the article elsewhere writes these words as a region ("Kabupaten Intan Jaya", "di Blora").

    `own` is where the words stand after the title being read: that occurrence is not "elsewhere"
    ("Menteri Desa Hasanuddin", "Camat Balikpapan Kota Eko Purba"). `strong` leaves out the words
    that also stand before people ("dari Rita").
    """
    lex = lexicon()
    first = _LEADING_RUN.match(words) if len(text) > LONG_TEXT else None
    index = _region_index(text) if first else {}
    regions = _regions(strong)
    if first:
        found = [(w, at) for w in regions for at in index.get((w, first.group()), ())]
    else:  # where " words" stands, found once: a region word right before it spells the needle
        found = []
        reach = len(max(regions, key=len, default=""))
        for p in _find_all(text, f" {words}"):
            before = text[max(0, p - reach) : p]
            if before.endswith(regions):
                found += [(w, p - len(w)) for w in regions if before.endswith(w)]
    for region_word, at in found:  # (any one will do: the order they are tried in does not matter)
        needle = f"{region_word} {words}"
        if not text.startswith(needle, at) or (own is not None and at + len(region_word) + 1 == own):
            continue
        after = at + len(needle)
        bounded = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
            after >= len(text) or not (text[after].isalnum() or text[after] == "-"))
        title = lex.title_re.search(text, max(0, at - 20), at + len(region_word))
        if bounded and (title is None or title.end() != at + len(region_word)):
            return True  # "Wali Kota Najirah" is a title, not "Kota Najirah"
    return False


@lru_cache(maxsize=2)
def _regions(strong: bool) -> tuple[str, ...]:
    """The region words `named_as_place` looks for (without the weak ones when `strong`)."""
    lex = lexicon()
    return tuple(w for w in lex.region_words if not (strong and w in lex.region_words_weak))


_LEADING_RUN = re.compile(r"[^\W_]+")
LONG_TEXT = 20_000  # characters: beyond this an article is indexed once instead of searched per title


def _find_all(text: str, needle: str) -> list[int]:
    found = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


@lru_cache(maxsize=4)
def _region_index(text: str) -> dict[tuple[str, str], list[int]]:
    """Where each region word stands before a word, by (region word, that word's letters and digits):
    one pass over the article instead of one search per title in it (a 2 MB article has thousands)."""
    index: dict[tuple[str, str], list[int]] = {}
    for region_word in lexicon().region_words:
        needle = region_word + " "
        at = text.find(needle)
        while at >= 0:
            run = _LEADING_RUN.match(text, at + len(needle))
            if run is not None:
                index.setdefault((region_word, run.group()), []).append(at)
            at = text.find(needle, at + 1)
    return index


def known_part(written: str, people: dict[str, Person]) -> Person | None:
    """The one known person whose longer name contains every word of `written`."""
    words = written.split()
    hits = [p for p in people.values() if len(p.name.split()) > len(words) and all(w in p.tokens for w in words)]
    return hits[0] if len(hits) == 1 else None
