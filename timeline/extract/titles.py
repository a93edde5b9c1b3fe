"""The words of officialdom, loaded once: titles and their kinds, acting prefixes, honorifics, name
prefixes, pronouns and the words that never start a name (`lang/id/officials.toml`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, NamedTuple

from timeline.lang import alternation, table

MAX_NAME_WORDS = 4

# --------------------------------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------------------------------


def load_table() -> dict:
    """The raw words of `lang/id/officials.toml`."""
    return table("id", "officials")


def _alternation(words: Iterable[str], word_start: bool = False) -> str:
    """Whole phrases as written (a space matches one space: titles are typeset, not wrapped); with
    `word_start`, only where no letter, digit or hyphen stands before them."""
    return alternation(words, any_space=False, word_start=word_start)


class Lexicon(NamedTuple):
    title_re: re.Pattern[str]
    canonical: dict[str, str]  # written form -> canonical title
    kind: dict[str, str]  # canonical title -> "region" | "org" | "whole"
    needs_acronym: frozenset[str]
    needs_region: frozenset[str]
    companies: frozenset[str]
    stop_prefixes: tuple[str, ...]
    region_words: tuple[str, ...]
    region_words_weak: frozenset[str]
    portfolio_re: re.Pattern[str]
    ministers: frozenset[str]
    token_re: re.Pattern[str]
    acting: dict[str, str]
    acting_before_re: re.Pattern[str]
    acting_words: tuple[str, ...]  # the same for acting_before_re
    not_holder_re: re.Pattern[str]
    not_holder_words: tuple[str, ...]  # what text before a title must end with (spaces aside) to match not_holder_re
    honorifics: frozenset[str]
    honorific_before_re: re.Pattern[str]
    name_prefixes: frozenset[str]
    prefix_words: frozenset[str]
    prefix_re: re.Pattern[str]
    # the first word of each name prefix, also without its dot: a word token that is none of these and
    # all letters cannot start a match of prefix_re (whose words are letters, dots and single spaces)
    prefix_heads: frozenset[str]
    pronoun_re: re.Pattern[str]
    # every pronoun holds one of these pieces: (piece, most characters a pronoun holding it starts before
    # it, most characters it ends after the piece starts, the letters a pronoun may have right before it,
    # and right after it); the text is searched only that near them
    pronoun_needles: tuple[tuple[str, int, int, frozenset[str], frozenset[str]], ...]
    stop: frozenset[str]
    place_suffixes: frozenset[str]
    verbs: frozenset[str]  # one-word event triggers: a title-cased headline verb is no name ("... Bertolak ke Jepang")
    calendar: frozenset[str]
    region_prefix_re: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_table()
    canonical: dict[str, str] = {}
    kind: dict[str, str] = {}
    for group in ("region", "org"):
        for canon, *forms in data["titles"][group]:
            kind[canon] = group
            for form in forms:
                canonical[form] = canon
    for canon, *forms in data["titles"]["whole"]:
        kind[canon] = "whole"
        for form in (canon, *forms):
            canonical[form] = canon
    acting = dict(data["acting"])
    honorifics = data["honorifics"]["words"]
    # the bare title, scanned fast (capital first); honorific and acting prefixes are looked up behind it
    title_re = re.compile(rf"{_alternation([t for t in canonical if 'A' <= t[:1] <= 'Z'], word_start=True)}(?![\w-])")
    portfolio_re = re.compile(rf"(?:{_alternation(data['ministries']['portfolios'])})(?![\w-])")
    not_holder_re = re.compile(rf"{_alternation(data['not_holder']['words'], word_start=True)}\s+$")
    pronouns = data["pronouns"]
    every = pronouns["words"] + pronouns["nya"]
    first = "".join(sorted({w[0] for w in every}))
    pronoun_re = re.compile(rf"(?=[{first}]){_alternation(every, word_start=True)}(?![\w-])")
    return Lexicon(
        title_re=title_re,
        canonical=canonical,
        kind=kind,
        needs_acronym=frozenset(data["titles"]["needs_acronym"]),
        needs_region=frozenset(data["titles"]["needs_region"]),
        companies=frozenset(data["titles"]["companies"]),
        stop_prefixes=tuple(data["names"]["stop_prefixes"]),
        region_words=tuple(data["names"]["region_words"]),
        region_words_weak=frozenset(data["names"]["region_words_weak"]),
        portfolio_re=portfolio_re,
        ministers=frozenset(data["ministries"]["titles"]),
        token_re=re.compile(
            r"[ \t]*(?:"
            r"(?P<paren>\([^()\n\d]{1,60}\))"
            r"|(?P<comma>,)"
            r"|(?P<and>dan|&)(?![\w-])"
            rf"|(?P<word>(?:{_alternation(p for p in data['honorifics']['name_prefixes'] if p.endswith('.'))})(?=[ ])"
            r"|[A-Z]\.(?=[ ][A-Z])|[A-Z][\w'’]*(?:-[\w'’]+)*)"
            r")"
        ),
        acting=acting,
        acting_before_re=re.compile(rf"{_alternation(acting, word_start=True)}\s+$"),
        acting_words=tuple(acting),
        not_holder_re=not_holder_re,
        not_holder_words=tuple(data["not_holder"]["words"]),
        honorifics=frozenset(honorifics),
        honorific_before_re=re.compile(rf"{_alternation(honorifics, word_start=True)}\s+$"),
        name_prefixes=frozenset(data["honorifics"]["name_prefixes"]),
        prefix_words=frozenset(w for p in data["honorifics"]["name_prefixes"] for w in p.split()),
        prefix_re=re.compile(rf"(?:{_alternation(data['honorifics']['name_prefixes'])})(?![\w-])"),
        prefix_heads=frozenset(h for p in data["honorifics"]["name_prefixes"]
                               for h in (p.split(" ")[0], p.split(" ")[0].rstrip("."))),
        pronoun_re=pronoun_re,
        pronoun_needles=_needles(every),
        stop=frozenset(data["names"]["stop"]),
        place_suffixes=frozenset(data["names"]["place_suffixes"]),
        verbs=frozenset(w.casefold() for words in table("id", "events")["triggers"].values() for w in words
                        if " " not in w),
        calendar=frozenset(data["names"]["calendar"]),
        region_prefix_re=re.compile(rf"^(?:{_alternation(data['names']['region_prefixes'])})\s+"),
    )


def _needles(words: Iterable[str]) -> tuple[tuple[str, int, int, frozenset[str], frozenset[str]], ...]:
    """Short pieces that every word contains one of (the last three letters of a word that holds none of
    the pieces chosen before it, shortest words first), each with how far before it a word holding it
    can start and how far after its start that word can end: str.find finds them far faster than a regex
    tried at every character, and the regex then runs only in those windows. With each piece, the
    characters a word holding it has right before and right after it: a piece found with another letter
    or digit beside it ("Indonesia", "biaya") is in no pronoun, and is dropped with one look each side."""
    words = sorted(set(words), key=lambda w: (len(w), w))
    pieces: list[str] = []
    for word in words:
        if not any(p in word for p in pieces):
            pieces.append(word[-3:])
    needles = []
    for piece in pieces:
        at = [(w, j) for w in words for j in range(len(w)) if w.startswith(piece, j)]
        lead = frozenset(w[j - 1] for w, j in at if j > 0)
        follow = frozenset(w[j + len(piece)] for w, j in at if j + len(piece) < len(w))
        needles.append((piece, max(j for _, j in at), max(len(w) - j for w, j in at), lead, follow))
    return tuple(needles)


def slug(name: str) -> str:
    """"Basri Rase" -> "basri-rase": ASCII, lower case, words joined by hyphens (an ASCII name, the
    usual one, is already its own decomposition)."""
    ascii_name = name if name.isascii() else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def same_region(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    """Whether two regions are one ("Kota Bontang" and "Bontang"); an unknown region fits any."""
    strip = lexicon().region_prefix_re
    return strip.sub("", a).casefold() == strip.sub("", b).casefold()
