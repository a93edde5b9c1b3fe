"""Officials in Indonesian news: who holds which title, and every later mention of them.

An official is introduced by a title next to a name ("Wali Kota Bontang Basri Rase", "Basri Rase,
Wali Kota Bontang,"); later surnames, titles alone ("Pak Wali Kota") and pronouns resolve to the
nearest compatible official introduced before (`coref`). Titles, pronouns and stop-words are data in
`lang/id/officials.toml`. An optional roster (`roster`) overrides what the text suggests.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from timeline.extract.coref import Found, name_runs, resolve
from timeline.extract.names import (
    BEFORE_NAME,
    CAP_BEFORE,
    Person,
    chunk,
    is_dateline_city,
    known_part,
    named_as_place,
    roster_name,
    split_title,
    title_hits,
    valid_name,
)
from timeline.extract.roster import Roster, load_roster
from timeline.extract.titles import Lexicon, lexicon, slug
from timeline.model import Article, Mention, Official, Role, Sentence
from timeline.text.spans import Spans, inside, quote_spans

__all__ = ["find_officials", "load_roster", "merge_officials", "slug"]


def find_officials(
    article: Article, sentences: Sequence[Sentence], roster: Roster | None = None
) -> tuple[list[Official], list[Mention]]:
    """Officials of one article and every mention of them, in text order."""
    lex = lexicon()
    text = article.text
    quotes = quote_spans(text)
    people: dict[str, Person] = {}
    found: list[Found] = []
    titles = title_hits(text, lex)
    title_starts = {m.start for m in titles} | {m.title_start for m in titles}

    def person(name: str) -> Person:
        entry = roster.entry(name) if roster else None
        pid, canon = (entry.id, entry.name) if entry else (slug(name), name)
        p = people.get(pid)
        if p is None:
            p = people[pid] = Person(pid, canon)
            p.tokens = frozenset(canon.split())
        if name != canon and name not in p.aliases:
            p.aliases.append(name)
            p.tokens = p.tokens | frozenset(name.split())
        return p

    # 1. introductions: a title next to a name
    for m in titles:
        title = lex.canonical[m.title]
        before = text[max(0, m.start - 40) : m.start]
        if before.rstrip().endswith(lex.not_holder_words) and lex.not_holder_re.search(before):
            continue  # (a word of not_holder_re must end the text before the title, spaces aside)
        acting = lex.acting.get(m.acting) if m.acting else None
        stops = title_starts
        if title in lex.ministers:  # "Menteri Sekretaris Negara": a title word inside the portfolio
            portfolio = lex.portfolio_re.match(text, m.end + 1)
            if portfolio:
                stops = {p for p in title_starts if not portfolio.start() <= p < portfolio.end()}
        tokens = chunk(text, m.end, stops, lex.kind.get(title) != "region")
        qualifier, rest, name = split_title(title, tokens, lex, text)
        if name is None and roster is not None and rest:
            name = roster_name(rest, roster)
        if name and qualifier is None and named_as_place(text, text[name[0].start : name[-1].end], name[0].start):
            qualifier, name = text[name[0].start : name[-1].end], None  # "Bupati Intan Jaya" ... "Kabupaten Intan Jaya"
        elif name and len(name) > 1:
            # "Bupati Mimika Fauzi Ahmad Hamzah", "Kepala Dinas Koperasi dan UKM Kendal Ani Hidayat"
            # where the article is datelined "..., Mimika -" or writes "di Mimika": the leading words
            # are the region, not the name.
            for k in range(len(name) - 1, 0, -1):  # the longest leading place: "Gunung Kidul", not "Gunung"
                lead = text[name[0].start : name[k - 1].end]
                if is_dateline_city(text, lead) or named_as_place(text, lead, name[0].start, strong=True):
                    qualifier, name = f"{qualifier.strip(' ,')} {lead}" if qualifier else lead, name[k:]
                    break
        region = qualifier.strip(" ,") if qualifier else None
        quoted = inside(quotes, m.start)
        if name:
            written = text[name[0].start : name[-1].end]
            known = known_part(written, people)
            if known is not None:  # "Wali Kota Basri" after "Basri Rase": the same person
                found.append(Found(name[0].start, name[-1].end, written, "surname", known.id, quoted=quoted))
                continue
            p = person(written)
            role = Role(title, region, acting)
            if role not in p.roles:
                p.roles.append(role)
            form = "honorific" if m.hon else "full"
            found.append(Found(name[0].start, name[-1].end, written, form, p.id, quoted=quoted))
            continue
        if tokens and tokens[0].kind == "comma" and len(tokens) > 1:
            continue  # "Sekda Bontang, Asisten 2": a title in a list, nobody named
        # "Basri Rase, Wali Kota Bontang,": the name stands before the title
        back = None
        if not m.hon and _comma_before(text, m.start):
            back = BEFORE_NAME.search(text, max(0, m.start - 60), m.start)
        if back and not CAP_BEFORE.search(text, max(0, back.start(1) - 40), back.start(1)):
            words = back.group(1).split()
            known = len(words) == 1 and known_part(words[0], people)
            if (len(words) >= 2 or known) and valid_name(words, lex) and not lex.title_re.search(back.group(1)):
                written = " ".join(words)
                start = back.end(1) - len(written)
                p = known or person(written)
                role = Role(title, region, acting)
                if role not in p.roles:
                    p.roles.append(role)
                form = "surname" if known else "full"
                found.append(Found(start, back.end(1), written, form, p.id, quoted=quoted))
                continue
        if tokens and not (region or qualifier) and tokens[0].kind == "word":
            continue  # a title before something that is neither a place nor a name
        end = tokens[-1].end if (qualifier and tokens) else m.end
        form = "honorific" if m.hon else "title"
        found.append(Found(m.start, end, text[m.start : end], form, None, title, region, quoted))

    if roster is not None:
        named = Spans((f.start, f.end) for f in found if f.person)
        for start, end, written in roster.names_in(text):
            if not named.covers(start):
                p = person(written)
                found.append(Found(start, end, written, "full", p.id, quoted=inside(quotes, start)))

    # 2. later full names and single name words (surnames, first names)
    if people:
        words = {w for p in people.values() for w in p.tokens if len(w) >= 3 and w not in lex.stop}
        full = {n for p in people.values() for n in (p.name, *p.aliases)}
        taken = Spans((f.start, f.end) for f in found)
        for start0, end, written in name_runs(text, full, words):
            if taken.covers(start0):
                continue
            hon = lex.honorific_before_re.search(text, max(0, start0 - 8), start0)
            start = hon.start() if hon else start0
            quoted = inside(quotes, start0)
            if written in full:
                pid = person(written).id
                found.append(Found(start, end, text[start:end], "honorific" if hon else "full", pid, quoted=quoted))
            else:
                found.append(Found(start, end, text[start:end], "honorific" if hon else "surname", None,
                                    quoted=quoted))
    if people or roster is not None:  # else no mention resolves, and a pronoun has nobody to point at
        for m in _pronouns(text, lex):
            found.append(Found(m.start(), m.end(), m.group(), "pronoun", None, quoted=inside(quotes, m.start())))

    found.sort(key=lambda f: f.start)
    mentions = resolve(found, people, sentences, article, roster, lex)
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.official_id] = counts.get(mention.official_id, 0) + 1
        p = people.get(mention.official_id)
        if p is not None and mention.form in ("surname", "honorific") and mention.text not in p.aliases:
            if mention.text != p.name:
                p.aliases.append(mention.text)
    officials = [
        Official(p.id, p.name, tuple(tidy_roles(p.roles)), tuple(p.aliases), counts.get(p.id, 0))
        for p in people.values()
        if counts.get(p.id)
    ]
    return officials, mentions


def _comma_before(text: str, pos: int) -> bool:
    """Whether a comma stands before `pos`, with only spaces and tabs (and a newline right before `pos`)
    between: what BEFORE_NAME needs at its end, checked before that regex is searched for."""
    end = pos - 1 if pos > 0 and text[pos - 1] == "\n" else pos
    return text[max(0, end - 60) : end].rstrip(" \t").endswith(",")


def _pronouns(text: str, lex: Lexicon) -> list[re.Match[str]]:
    """What `lex.pronoun_re.finditer(text)` yields, with the regex run only near the pieces every
    pronoun holds (found by str.find): a match holding a piece lies within the piece's reach before and
    after it, so windows around them (merged where they meet) hold every match, and nothing outside
    them can start, end or cut one short. Most of the text is never tried at each character, and a
    piece with a letter or digit beside it that no pronoun has there (the "ia" of "Indonesia") opens
    no window: a pronoun has only its own letters or what is no letter, digit, "_" or "-" around them."""
    windows: list[tuple[int, int]] = []
    for needle, before, after, lead, follow in lex.pronoun_needles:
        size = len(needle)
        at = text.find(needle)
        while at >= 0:
            prev = text[at - 1] if at else " "
            nxt = text[at + size] if at + size < len(text) else " "
            if not ((prev.isalnum() and prev not in lead) or (nxt.isalnum() and nxt not in follow)):
                windows.append((at - before, at + after + 1))  # +1: the look-ahead after the pronoun
            at = text.find(needle, at + 1)
    if not windows:
        return []
    windows.sort()
    out: list[re.Match[str]] = []
    lo, hi = windows[0]
    for start, end in windows:
        if start > hi:
            out.extend(lex.pronoun_re.finditer(text, max(lo, 0), hi))
            lo = start
        hi = max(hi, end)
    out.extend(lex.pronoun_re.finditer(text, max(lo, 0), hi))
    return out


_ACRONYM_IN_PARENS = re.compile(r"\(([^()]+)\)")


def tidy_roles(roles: list[Role]) -> list[Role]:
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
                pid, {"name": entry.name if entry else official.name, "roles": {}, "aliases": {}, "mentions": 0}
            )
            if entry is None and len(official.name) > len(slot["name"]):
                slot["name"] = official.name
            # dicts as ordered sets: an official named in thousands of articles stays linear
            for role in official.roles:
                slot["roles"].setdefault(role, None)
            for alias in (official.name, *official.aliases):
                slot["aliases"].setdefault(alias, None)
            slot["mentions"] += counts.get(official.id, official.mentions)
    out = []
    for pid, slot in merged.items():
        if roster is not None and (entry := roster.entry(pid)) is not None:
            for rr in entry.roles:
                slot["roles"].setdefault(rr.role, None)
        aliases = tuple(a for a in slot["aliases"] if a != slot["name"])
        out.append(Official(pid, slot["name"], tuple(tidy_roles(list(slot["roles"]))), aliases, slot["mentions"]))
    out.sort(key=lambda o: (-o.mentions, o.id))
    return out
