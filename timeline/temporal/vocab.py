"""Indonesian temporal vocabulary from timeline/lang/id/temporal.toml, loaded once into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline.lang import norm, table

# the units of Duration, smallest first
UNITS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years")


@dataclass(frozen=True)
class Vocab:
    data: dict[str, Any]
    month_of: dict[str, int]  # any month form (full or abbreviation) -> 1..12
    month_full: frozenset[str]
    weekday_of: dict[str, int]  # any weekday form -> 0..6
    weekday_names: tuple[str, ...]  # canonical, Monday first
    number_of: dict[str, float]
    unit_of: dict[str, str]  # unit word -> minutes|hours|days|weeks|months|years
    part_of_day: dict[str, str]
    month_part_of: dict[str, str]  # awal|pertengahan|akhir forms -> canonical
    zones: dict[str, int]
    zone_forms: tuple[str, ...]  # as written: "WITA", "Wita"
    zone_names: dict[str, str]
    tense_after: dict[str, str | None]
    before_future: frozenset[str]
    before_past: frozenset[str]
    relative_days: dict[str, int]


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    data = table("id", "temporal")
    months = data["months"]
    month_of: dict[str, int] = {}
    full: set[str] = set()
    for i, forms in enumerate(months["full"], 1):
        for f in forms:
            month_of[norm(f)] = i
            full.add(norm(f))
    for i, forms in enumerate(months["abbreviations"], 1):
        for f in forms:
            month_of[norm(f)] = i
    weekday_of: dict[str, int] = {}
    for i, forms in enumerate(data["weekdays"]["names"]):
        for f in forms:
            weekday_of[norm(f)] = i
    names = tuple(forms[0] for forms in data["weekdays"]["names"])
    nums = data["numbers"]
    number_of: dict[str, float] = {}
    for w, v in nums["units"].items():
        number_of[w] = v
        number_of[f"{w} {nums['teen_suffix']}"] = 10 + v
        number_of[f"{w} {nums['tens_suffix']}"] = 10 * v
        for w2, v2 in nums["units"].items():
            number_of[f"{w} {nums['tens_suffix']} {w2}"] = 10 * v + v2
    number_of.update(nums["specials"])
    unit_of = {norm(w): unit for unit, words in data["units"].items() if unit in UNITS for w in words}
    parts = data["parts"]
    month_part_of = {norm(w): canon for canon, key in (("awal", "early"), ("pertengahan", "middle"), ("akhir", "late"))
                     for w in parts[key]}
    tense = data["tense"]
    tense_after: dict[str, str | None] = {}
    for w in tense["after_future"]:
        tense_after[norm(w)] = "future"
    for w in tense["after_past"]:
        tense_after[norm(w)] = "past"
    for w in tense["after_present"]:
        tense_after[norm(w)] = None
    return Vocab(
        data=data,
        month_of=month_of,
        month_full=frozenset(full),
        weekday_of=weekday_of,
        weekday_names=names,
        number_of=number_of,
        unit_of=unit_of,
        part_of_day={norm(k): v for k, v in data["time"]["parts_of_day"].items()},
        month_part_of=month_part_of,
        zones=dict(data["time"]["zones"]),
        zone_forms=tuple(f for z in data["time"]["zones"] for f in (z, z.capitalize())),
        zone_names=dict(data["time"]["zone_names"]),
        tense_after=tense_after,
        before_future=frozenset(norm(w) for w in tense["before_future"]),
        before_past=frozenset(norm(w) for w in tense["before_past"]),
        relative_days={norm(k): v for k, v in data["relative"]["days"].items()},
    )


def zone_of(form: str | None) -> str | None:
    """The zone a written form names ("Wita" -> "WITA")."""
    return form.upper() if form else None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits ("1,5") or Indonesian words ("dua puluh satu", "satu setengah")."""
    t = norm(text)
    if not t:
        return None
    if t[0].isdigit():
        try:
            return float(t.replace(",", "."))
        except ValueError:
            return None
    v = vocab()
    half = v.data["numbers"]["half"]
    if t.endswith(" " + half):
        base = parse_number(t[: -len(half) - 1])
        return None if base is None else base + 0.5
    return v.number_of.get(t)
