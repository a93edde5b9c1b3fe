"""Officials in Indonesian news: who holds which title, and every later mention of them.

An official is introduced by a title next to a name ("Wali Kota Bontang Basri Rase", "Basri Rase,
Wali Kota Bontang,"); later surnames, titles alone ("Pak Wali Kota") and pronouns resolve to the
nearest compatible official introduced before. Titles, pronouns and stop-words are data in
`lang/officials_id.toml`. An optional roster (YAML) overrides what the text suggests.
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

from timeline.errors import InputError
from timeline.records import Article, Mention, Official, Role, Sentence

MAX_NAME_WORDS = 4
PRONOUN_WINDOW = 1  # sentences back a pronoun may reach for its antecedent

# --------------------------------------------------------------------------------------------------
# Language data
# --------------------------------------------------------------------------------------------------


def load_table() -> dict:
    """The raw words of `lang/officials_id.toml`."""
    with resources.files("timeline.lang").joinpath("officials_id.toml").open("rb") as fh:
        return tomllib.load(fh)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class _Lexicon(NamedTuple):
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
    not_holder_re: re.Pattern[str]
    honorifics: frozenset[str]
    honorific_before_re: re.Pattern[str]
    name_prefixes: frozenset[str]
    prefix_words: frozenset[str]
    prefix_re: re.Pattern[str]
    pronoun_re: re.Pattern[str]
    stop: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
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
    title_re = re.compile(rf"(?<![\w-])(?=[A-Z])(?:{_alternation(canonical)})(?![\w-])")
    portfolio_re = re.compile(rf"(?:{_alternation(data['ministries']['portfolios'])})(?![\w-])")
    not_holder_re = re.compile(rf"(?<![\w-])(?:{_alternation(data['not_holder']['words'])})\s+$")
    pronouns = data["pronouns"]
    every = pronouns["words"] + pronouns["nya"]
    first = "".join(sorted({w[0] for w in every}))
    pronoun_re = re.compile(rf"(?<![\w-])(?=[{first}])(?:{_alternation(every)})(?![\w-])")
    return _Lexicon(
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
        acting_before_re=re.compile(rf"(?<![\w-])(?:{_alternation(acting)})\s+$"),
        not_holder_re=not_holder_re,
        honorifics=frozenset(honorifics),
        honorific_before_re=re.compile(rf"(?<![\w-])(?:{_alternation(honorifics)})\s+$"),
        name_prefixes=frozenset(data["honorifics"]["name_prefixes"]),
        prefix_words=frozenset(w for p in data["honorifics"]["name_prefixes"] for w in p.split()),
        prefix_re=re.compile(rf"(?:{_alternation(data['honorifics']['name_prefixes'])})(?![\w-])"),
        pronoun_re=pronoun_re,
        stop=frozenset(data["names"]["stop"]),
    )


# --------------------------------------------------------------------------------------------------
# Small text helpers shared with timeline.events
# --------------------------------------------------------------------------------------------------

_QUOTE_RE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (“...” or "..."), within one line."""
    return [m.span() for m in _QUOTE_RE.finditer(text)]


def inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether pos lies inside one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def sentence_index(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> int:
    """Index of the sentence holding pos (the one that starts last at or before it)."""
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def slug(name: str) -> str:
    """"Basri Rase" -> "basri-rase": ASCII, lower case, words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


# --------------------------------------------------------------------------------------------------
# Roster
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterRole:
    role: Role
    start: date | None = None
    end: date | None = None

    def holds(self, on: date | None) -> bool:
        if on is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class RosterEntry:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RosterRole, ...]


@dataclass
class Roster:
    """Known officials: canonical names, aliases and terms of office; they override inference."""

    entries: list[RosterEntry]
    path: str = ""
    _by_alias: dict[str, RosterEntry] = field(default_factory=dict, repr=False)
    _names_re: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                self._by_alias.setdefault(alias.casefold(), entry)
            self._by_alias.setdefault(entry.id, entry)
        multi = [a for e in self.entries for a in (e.name, *e.aliases) if " " in a]
        if multi:
            self._names_re = re.compile(rf"(?<![\w-])(?:{_alternation(multi)})(?![\w-])")

    def entry(self, name_or_id: str) -> RosterEntry | None:
        """The roster official a name, alias or id stands for."""
        return self._by_alias.get(name_or_id.casefold()) or self._by_alias.get(slug(name_or_id))

    def holder(self, title: str, region: str | None, on: date | None) -> RosterEntry | None:
        """Who held `title` (in `region`, if given) on a date; None if nobody or more than one."""
        found = {
            e.id: e
            for e in self.entries
            for r in e.roles
            if r.role.title == title and r.holds(on) and (region is None or _same_region(r.role.region, region))
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def names_in(self, text: str) -> list[tuple[int, int, str]]:
        """Multi-word roster names and aliases written in a text: (start, end, written)."""
        if self._names_re is None:
            return []
        return [(m.start(), m.end(), m.group()) for m in self._names_re.finditer(text)]


def _date(value: object, path: str, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(path, f"{what}: not a date (YYYY-MM-DD): {value!r}") from None


def load_roster(path: str | Path) -> Roster:
    """Read an officials.yaml roster; any problem raises InputError naming the file and what is wrong."""
    import yaml

    shown = str(path)
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(shown, f"cannot read roster: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(shown, "roster is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(shown, f"roster is not valid YAML: {getattr(exc, 'problem', exc)}", line) from None
    items = raw.get("officials") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise InputError(shown, "roster must be a list of officials (or a mapping with key 'officials')")
    entries: list[RosterEntry] = []
    for n, item in enumerate(items, 1):
        where = f"official #{n}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise InputError(shown, f"{where}: needs a 'name' (text)")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(shown, f"{where} ({item['name']}): 'aliases' must be a list of names")
        roles: list[RosterRole] = []
        for role in item.get("roles") or []:
            if not isinstance(role, dict) or not isinstance(role.get("title"), str):
                raise InputError(shown, f"{where} ({item['name']}): every role needs a 'title'")
            title = _lexicon().canonical.get(role["title"], role["title"])
            roles.append(
                RosterRole(
                    Role(title, role.get("region"), role.get("acting")),
                    _date(role.get("start"), shown, f"{where} start"),
                    _date(role.get("end"), shown, f"{where} end"),
                )
            )
        name = item["name"].strip()
        entries.append(RosterEntry(item.get("id") or slug(name), name, tuple(aliases), tuple(roles)))
    return Roster(entries, shown)


# --------------------------------------------------------------------------------------------------
# Finding officials in one article
# --------------------------------------------------------------------------------------------------

_NAME_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*|[A-Z]\.")
_ACRONYM = re.compile(r"[A-Z0-9]{2,}(?:-[A-Z0-9]+)*|[A-Z][A-Za-z]*[A-Z][A-Za-z-]*")
_INITIALS = re.compile(r"[A-Z]{1,3}\.?")
_CAP_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
_BEFORE_NAME = re.compile(r"((?:[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*[ ]){0,3}[A-Z][a-z'’]+),[ \t]*$")


class _Token(NamedTuple):
    kind: str  # paren | comma | and | word
    start: int
    end: int
    text: str


@dataclass
class _Person:
    id: str
    name: str
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()


def _is_place(text: str) -> bool:
    from timeline.places import place_of

    return place_of(text) is not None


def _valid_name(words: Sequence[str], lex: _Lexicon) -> bool:
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    if all(len(w) <= 2 for w in words):
        return False
    for n, w in enumerate(words):
        if 0 < n < len(words) - 1 and _INITIALS.fullmatch(w):
            continue  # "Retno LP Marsudi", "Subagyo HS"
        if not _NAME_WORD.fullmatch(w) or w in lex.stop or w in lex.honorifics or w in lex.canonical \
                or w.startswith(lex.stop_prefixes):
            return False
    # A place may sit inside or end a name (Bima Arya; Akbar Tanjung, since many marga are also
    # places), never at its start nor as the whole of it.
    return not _is_place(words[0]) and not _is_place(" ".join(words))


def _chunk(text: str, pos: int, stop_at: set[int], conjunctions: bool = True) -> list[_Token]:
    """Capitalized words, parentheses, commas and 'dan' after a title, up to the next title or verb."""
    tokens: list[_Token] = []
    while True:
        m = _lexicon().token_re.match(text, pos)
        if m is None or m.end() == pos:
            break
        start = m.start(m.lastgroup)
        if start in stop_at or (m.lastgroup == "and" and not conjunctions):
            break
        tokens.append(_Token(m.lastgroup, start, m.end(), m.group(m.lastgroup)))
        pos = m.end()
    while tokens and tokens[-1].kind in ("comma", "and"):
        tokens.pop()
    return tokens


def _place_marker(tokens: list[_Token], i: int) -> int:
    """Number of word tokens from i that spell a place ("Bontang", "Kota Bontang", "Korea Selatan")."""
    for n in range(min(3, len(tokens) - i), 0, -1):
        run = tokens[i : i + n]
        if all(t.kind == "word" for t in run) and _is_place(" ".join(t.text for t in run)):
            return n
    return 0


def _split(title: str, tokens: list[_Token], lex: _Lexicon, text: str = "") -> tuple[str | None, list[_Token]]:
    """Split what follows a title into (qualifier: region or office, name tokens)."""
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
            n = _place_marker(tokens, i)
            if n:
                last_marker = i + n - 1
                markers.append(last_marker)
                i += n
                continue
            rank = lex.prefix_re.match(text, t.start) if text else None
            if rank:  # "Kombes Pol", "Komisaris Besar Polisi": a rank of one or more words before the name
                last_marker = max(k for k in range(i, len(tokens)) if tokens[k].end <= rank.end())
                i = last_marker + 1
                continue
            if t.text in lex.name_prefixes:
                last_marker = i
            elif _ACRONYM.fullmatch(t.text) and not _NAME_WORD.fullmatch(t.text):
                has_acronym = True
                if kind != "region":
                    last_marker = i
                    markers.append(i)
        i += 1
    if title in lex.needs_acronym and not has_acronym:
        return None, []
    if last_marker < 0:
        if kind == "whole":
            return None, tokens
        if kind == "region" and title not in lex.needs_region:
            return None, tokens
        return None, []  # an office name with nothing to show where it ends
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
                and (k < 0 or tokens[k].text not in lex.companies) and _valid_name([t.text for t in seg], lex):
            return _qualifier(tokens[: k + 1]), seg
    for k in markers:  # the earliest marker after which the rest is a name ("... Kota Bogor Yane Ardian Bima Arya")
        rest = tokens[k + 1 :]
        if k < last_marker and tokens[k].text not in lex.companies and rest and all(t.kind == "word" for t in rest) \
                and rest[0].text not in lex.prefix_words \
                and _valid_name([t.text for t in rest], lex):
            return _qualifier(tokens[: k + 1]), rest
    if tokens[last_marker].text in lex.companies:
        return None, []  # "Direktur PT Angkasa Pura": what follows names the company
    rest = tokens[last_marker + 1 :]
    if rest and _name_tokens(rest, lex) is None:
        for k in starts:  # "Wali Kota Tarakan Khairul, Senin (...)": a one-word name before the comma
            if k >= 0 and k + 2 < len(tokens) and tokens[k + 1].kind == "word" and tokens[k + 2].kind == "comma" \
                    and _valid_name([tokens[k + 1].text], lex):
                return _qualifier(tokens[: k + 1]), [tokens[k + 1]]
    return _qualifier(tokens[: last_marker + 1]), rest


def _qualifier(tokens: list[_Token]) -> str | None:
    lex = _lexicon()
    while tokens and tokens[-1].kind == "word" and tokens[-1].text in lex.name_prefixes:
        tokens = tokens[:-1]  # "Kapolres Sampang AKBP": the rank belongs to the name
    out = ""
    for t in tokens:
        if t.kind == "comma":
            continue
        out += (" " if out else "") + t.text
    return out or None


def _name_tokens(tokens: list[_Token], lex: _Lexicon) -> list[_Token] | None:
    """The name in the tokens after a title: 1-4 capitalized words right after the qualifier."""
    words: list[_Token] = []
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
    return words if _valid_name([w.text for w in words], lex) else None


def _same_region(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    strip = re.compile(r"^(?:Kota|Kabupaten|Provinsi)\s+")
    return strip.sub("", a).casefold() == strip.sub("", b).casefold()


class _TitleHit(NamedTuple):
    start: int  # of the honorific or acting prefix, if any
    title_start: int
    end: int
    title: str  # as written
    hon: bool
    acting: str | None  # as written


def _title_hits(text: str, lex: _Lexicon) -> list[_TitleHit]:
    """Titles with the honorific ("Pak") and acting prefix ("Plt", "Penjabat Sementara (Pjs)") before them."""
    hits = []
    for m in lex.title_re.finditer(text):
        start = m.start()
        acting = lex.acting_before_re.search(text, max(0, start - 30), start)
        if acting:
            start = acting.start()
        hon = lex.honorific_before_re.search(text, max(0, start - 8), start)
        if hon:
            start = hon.start()
        hits.append(_TitleHit(start, m.start(), m.end(), m.group(), hon is not None,
                              acting.group().strip() if acting else None))
    return hits


class _Found(NamedTuple):
    start: int
    end: int
    text: str
    form: str
    person: str | None  # official id, None until resolved
    title: str | None = None
    region: str | None = None
    quoted: bool = False


def find_officials(
    article: Article, sentences: Sequence[Sentence], roster: Roster | None = None
) -> tuple[list[Official], list[Mention]]:
    """Officials of one article and every mention of them, in text order."""
    lex = _lexicon()
    text = article.text
    quotes = quote_spans(text)
    people: dict[str, _Person] = {}
    found: list[_Found] = []
    titles = _title_hits(text, lex)
    title_starts = {m.start for m in titles} | {m.title_start for m in titles}

    def person(name: str) -> _Person:
        entry = roster.entry(name) if roster else None
        pid, canon = (entry.id, entry.name) if entry else (slug(name), name)
        p = people.get(pid)
        if p is None:
            p = people[pid] = _Person(pid, canon)
            p.tokens = frozenset(canon.split())
        if name != canon and name not in p.aliases:
            p.aliases.append(name)
            p.tokens = p.tokens | frozenset(name.split())
        return p

    # 1. introductions: a title next to a name
    for m in titles:
        title = lex.canonical[m.title]
        before = text[max(0, m.start - 40) : m.start]
        if lex.not_holder_re.search(before):
            continue
        acting = lex.acting.get(m.acting) if m.acting else None
        stops = title_starts
        if title in lex.ministers:  # "Menteri Sekretaris Negara": a title word inside the portfolio
            portfolio = lex.portfolio_re.match(text, m.end + 1)
            if portfolio:
                stops = {p for p in title_starts if not portfolio.start() <= p < portfolio.end()}
        tokens = _chunk(text, m.end, stops, lex.kind.get(title) != "region")
        qualifier, rest = _split(title, tokens, lex, text)
        name = _name_tokens(rest, lex) if rest else None
        if name is None and roster is not None and rest:
            name = _roster_name(rest, roster)
        if name and qualifier is None and _named_as_place(text, text[name[0].start : name[-1].end], name[0].start):
            qualifier, name = text[name[0].start : name[-1].end], None  # "Bupati Intan Jaya" ... "Kabupaten Intan Jaya"
        elif name and len(name) > 1:
            # "Bupati Mimika Fauzi Ahmad Hamzah", "Kepala Dinas Koperasi dan UKM Kendal Ani Hidayat"
            # where the article is datelined "..., Mimika -" or writes "di Mimika": the leading words
            # are the region, not the name.
            for k in range(len(name) - 1, 0, -1):  # the longest leading place: "Gunung Kidul", not "Gunung"
                lead = text[name[0].start : name[k - 1].end]
                if _named_as_place(text, lead, name[0].start, strong=True) or _is_dateline_city(text, lead):
                    qualifier, name = f"{qualifier.strip(' ,')} {lead}" if qualifier else lead, name[k:]
                    break
        region = qualifier.strip(" ,") if qualifier else None
        quoted = inside(quotes, m.start)
        if name:
            written = text[name[0].start : name[-1].end]
            known = _known_part(written, people)
            if known is not None:  # "Wali Kota Basri" after "Basri Rase": the same person
                found.append(_Found(name[0].start, name[-1].end, written, "surname", known.id, quoted=quoted))
                continue
            p = person(written)
            role = Role(title, region, acting)
            if role not in p.roles:
                p.roles.append(role)
            form = "honorific" if m.hon else "full"
            found.append(_Found(name[0].start, name[-1].end, written, form, p.id, quoted=quoted))
            continue
        if tokens and tokens[0].kind == "comma" and len(tokens) > 1:
            continue  # "Sekda Bontang, Asisten 2": a title in a list, nobody named
        # "Basri Rase, Wali Kota Bontang,": the name stands before the title
        back = _BEFORE_NAME.search(text, max(0, m.start - 60), m.start) if not m.hon else None
        if back and not _CAP_BEFORE.search(text, max(0, back.start(1) - 40), back.start(1)):
            words = back.group(1).split()
            known = len(words) == 1 and _known_part(words[0], people)
            if (len(words) >= 2 or known) and _valid_name(words, lex) and not lex.title_re.search(back.group(1)):
                written = " ".join(words)
                start = back.end(1) - len(written)
                p = known or person(written)
                role = Role(title, region, acting)
                if role not in p.roles:
                    p.roles.append(role)
                form = "surname" if known else "full"
                found.append(_Found(start, back.end(1), written, form, p.id, quoted=quoted))
                continue
        if tokens and not (region or qualifier) and tokens[0].kind == "word":
            continue  # a title before something that is neither a place nor a name
        end = tokens[-1].end if (qualifier and tokens) else m.end
        form = "honorific" if m.hon else "title"
        found.append(_Found(m.start, end, text[m.start : end], form, None, title, region, quoted))

    if roster is not None:
        for start, end, written in roster.names_in(text):
            if not any(f.start <= start < f.end for f in found if f.person):
                p = person(written)
                found.append(_Found(start, end, written, "full", p.id, quoted=inside(quotes, start)))

    # 2. later full names and single name words (surnames, first names)
    if people:
        words = {w for p in people.values() for w in p.tokens if len(w) >= 3 and w not in lex.stop}
        full = {n for p in people.values() for n in (p.name, *p.aliases)}
        taken = [(f.start, f.end) for f in found]
        for start0, end, written in _name_runs(text, full, words):
            if any(s <= start0 < e for s, e in taken):
                continue
            hon = lex.honorific_before_re.search(text, max(0, start0 - 8), start0)
            start = hon.start() if hon else start0
            quoted = inside(quotes, start0)
            if written in full:
                pid = person(written).id
                found.append(_Found(start, end, text[start:end], "honorific" if hon else "full", pid, quoted=quoted))
            else:
                found.append(_Found(start, end, text[start:end], "honorific" if hon else "surname", None,
                                    quoted=quoted))
    for m in lex.pronoun_re.finditer(text):
        found.append(_Found(m.start(), m.end(), m.group(), "pronoun", None, quoted=inside(quotes, m.start())))

    found.sort(key=lambda f: f.start)
    mentions = _resolve(found, people, sentences, article, roster, lex)
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.official_id] = counts.get(mention.official_id, 0) + 1
        p = people.get(mention.official_id)
        if p is not None and mention.form in ("surname", "honorific") and mention.text not in p.aliases:
            if mention.text != p.name:
                p.aliases.append(mention.text)
    officials = [
        Official(p.id, p.name, tuple(_tidy_roles(p.roles)), tuple(p.aliases), counts.get(p.id, 0))
        for p in people.values()
        if counts.get(p.id)
    ]
    return officials, mentions


def _roster_name(tokens: list[_Token], roster: Roster) -> list[_Token] | None:
    """The longest run of words at the start of tokens that is a roster name or alias ("AH")."""
    words: list[_Token] = []
    for t in tokens[:MAX_NAME_WORDS]:
        if t.kind != "word":
            break
        words.append(t)
    while words:
        if roster.entry(" ".join(w.text for w in words)) is not None:
            return words
        words.pop()
    return None


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole word or phrase (no letter, digit or hyphen touching it)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "-" or after.isalnum() or after == "-")


def _name_runs(text: str, full: set[str], words: set[str]) -> list[tuple[int, int, str]]:
    """Where known names and single name words are written, longest first, without overlaps."""
    hits = []
    for needle in full | words:
        at = text.find(needle)
        while at >= 0:
            if _bounded(text, at, at + len(needle)):
                hits.append((at, -len(needle), needle))
            at = text.find(needle, at + 1)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    for at, neg, needle in hits:
        if out and at < out[-1][1]:
            continue
        out.append((at, at - neg, needle))
    return out


def _is_dateline_city(text: str, words: str) -> bool:
    """Whether `words` is the place of the article's dateline ("SuaraKaltim.id, Mimika –")."""
    from timeline.articles import find_dateline

    dateline = find_dateline(text)
    if dateline is None:
        return False
    city = dateline.prefix.rsplit(",", 1)[-1].strip()
    return city.casefold() == words.casefold()


def _named_as_place(text: str, words: str, own: int | None = None, strong: bool = False) -> bool:
    """Whether the article elsewhere writes these words as a region ("Kabupaten Intan Jaya", "di Blora").

    `own` is where the words stand after the title being read: that occurrence is not "elsewhere"
    ("Menteri Desa Hasanuddin", "Camat Balikpapan Kota Eko Purba"). `strong` leaves out the words
    that also stand before people ("dari Rita").
    """
    lex = _lexicon()
    for region_word in lex.region_words:
        if strong and region_word in lex.region_words_weak:
            continue
        needle = f"{region_word} {words}"
        at = text.find(needle)
        while at >= 0:
            if own is not None and at + len(region_word) + 1 == own:
                at = text.find(needle, at + 1)
                continue
            after = at + len(needle)
            bounded = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
                after >= len(text) or not (text[after].isalnum() or text[after] == "-"))
            title = lex.title_re.search(text, max(0, at - 20), at + len(region_word))
            if bounded and (title is None or title.end() != at + len(region_word)):
                return True  # "Wali Kota Najirah" is a title, not "Kota Najirah"
            at = text.find(needle, at + 1)
    return False


def _known_part(written: str, people: dict[str, _Person]) -> _Person | None:
    """The one known person whose longer name contains every word of `written`."""
    words = written.split()
    hits = [p for p in people.values() if len(p.name.split()) > len(words) and all(w in p.tokens for w in words)]
    return hits[0] if len(hits) == 1 else None


def _resolve(
    found: list[_Found],
    people: dict[str, _Person],
    sentences: Sequence[Sentence],
    article: Article,
    roster: Roster | None,
    lex: _Lexicon,
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
                if any(r.title == f.title and _same_region(r.region, f.region) for r in people[cand].roles)
            }
            if len(fits) == 1:
                pid = next(iter(fits))
            if pid is None and roster is not None and f.title:
                entry = roster.holder(f.title, f.region, article.published)
                if entry is not None:
                    p = people.get(entry.id) or people.setdefault(
                        entry.id, _Person(entry.id, entry.name, tokens=frozenset(entry.name.split()))
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


_ACRONYM_IN_PARENS = re.compile(r"\(([^()]+)\)")


def _tidy_roles(roles: list[Role]) -> list[Role]:
    """Drop a role without region when the same title with a region is known, and spellings of one office
    that share its acronym ("Perencanaan, Penelitan ... (Bapelitbang)" / "... Penelitian ... (Bapelitbang) Bontang")."""
    with_region = {(r.title, r.acting) for r in roles if r.region}
    kept: dict[tuple, Role] = {}
    for r in roles:
        if not r.region and (r.title, r.acting) in with_region:
            continue
        acronym = _ACRONYM_IN_PARENS.search(r.region or "")
        key = (r.title, r.acting, acronym.group(1) if acronym else (r.region or "").casefold())
        if key not in kept or len(r.region or "") > len(kept[key].region or ""):
            kept[key] = r
    return list(kept.values())


# --------------------------------------------------------------------------------------------------
# Across the archive
# --------------------------------------------------------------------------------------------------


def merge_officials(
    per_article: Iterable[tuple[list[Official], list[Mention]]], roster: Roster | None = None
) -> list[Official]:
    """One Official per person across articles: same id (or roster alias) merges roles and aliases."""
    merged: dict[str, dict] = {}
    for officials, mentions in per_article:
        counts: dict[str, int] = {}
        for mention in mentions:
            counts[mention.official_id] = counts.get(mention.official_id, 0) + 1
        for official in officials:
            entry = None
            if roster is not None:
                entry = roster.entry(official.id) or roster.entry(official.name)
            pid = entry.id if entry else official.id
            slot = merged.setdefault(
                pid, {"name": entry.name if entry else official.name, "roles": [], "aliases": [], "mentions": 0}
            )
            if entry is None and len(official.name) > len(slot["name"]):
                slot["name"] = official.name
            for role in official.roles:
                if role not in slot["roles"]:
                    slot["roles"].append(role)
            for alias in (official.name, *official.aliases):
                if alias not in slot["aliases"]:
                    slot["aliases"].append(alias)
            slot["mentions"] += counts.get(official.id, official.mentions)
    out = []
    for pid, slot in merged.items():
        if roster is not None and (entry := roster.entry(pid)) is not None:
            for rr in entry.roles:
                if rr.role not in slot["roles"]:
                    slot["roles"].append(rr.role)
        aliases = tuple(a for a in slot["aliases"] if a != slot["name"])
        out.append(Official(pid, slot["name"], tuple(_tidy_roles(slot["roles"])), aliases, slot["mentions"]))
    out.sort(key=lambda o: (-o.mentions, o.id))
    return out
