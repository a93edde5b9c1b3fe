"""Generate a realistic synthetic archive of Indonesian regional news, with planted contradictions.

    python benchmarks/generate_archive.py OUT_DIR --articles N --seed S [--contradiction-rate 0.05]

Writes OUT_DIR/berita/YYYY/MM/NNNNNN-slug.txt articles (title line, dateline with outlet and city, lede with the
reporting date) about a roster of ~N/20 officials of real regions: trips abroad (departure, a forum during
the trip, return), local events (rakor, peresmian, sidak, kunjungan kerja), companions, several articles
per real event (consistent with each other), filler, quotes and "Baca Juga" lines. A known share of
articles carries one planted contradiction, of one of the shapes in PLANTS: a departure or a local event
given another date, a month that does not hold the day, a return before its departure, a local event
inside a trip with a reported return, an event outside its trip, a wrong weekday, an invalid date;
OUT_DIR/ground_truth.json lists them with their shape (paths relative to OUT_DIR). Check the archive with `timeline check OUT_DIR/berita`. The same seed gives byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive_world import (  # noqa: E402  (benchmarks/ is not a package)
    WEEKDAYS,
    MONTHS,
    NUMBER_WORDS,
    FIRST_NAMES,
    LAST_NAMES,
    REGIONS,
    HEAD_TITLES,
    DEPUTY_TITLES,
    OFFICES,
    COMPASS,
    DESTINATIONS,
    FORUMS,
    OUTLETS,
    FACILITIES,
    RAKOR_TOPICS,
    SIDAK_TARGETS,
    VENUES,
    SPOKES_TITLES,
    QUOTES,
    FILLER,
    READ_ALSO,
)

# (shape, rule, code, weight): what a planted contradiction looks like and which rule must find it
PLANTS = (
    ("trip-date-conflict", "date-conflict", "TL101", 0.20),  # a departure moved 1-3 days in one article
    ("event-date-conflict", "date-conflict", "TL101", 0.15),  # a local event moved 1-3 days in one report
    ("month-vs-day", "date-conflict", "TL101", 0.08),  # "diresmikan ... pada <bulan> lalu", the wrong month
    ("return-before-departure", "sequence-conflict", "TL103", 0.08),  # "telah kembali" before leaving
    ("local-inside-trip", "location-conflict", "TL104", 0.09),  # at home between departure and return
    ("outside-trip", "outside-trip", "TL102", 0.12),
    ("weekday-mismatch", "weekday-mismatch", "TL002", 0.17),
    ("invalid-date", "invalid-date", "TL001", 0.11),
)
PLANT_RULES = tuple({(rule, code): None for _, rule, code, _ in PLANTS})  # (rule, code), each once
MAX_TRIP_DAYS = 14  # the checker's default: with no return reported, a trip may last this long
START, END = date(2023, 1, 15), date(2024, 12, 10)
ARTICLES_DIR = "berita"  # articles live here, ground_truth.json beside it (so it is not read as an article)

# --------------------------------------------------------------------------------------------------
# The world: officials and real events
# --------------------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Official:
    id: str
    name: str
    title: str  # as written before the region: "Wali Kota", "Kepala Dinas Pariwisata", "Camat"
    region: tuple[str, str, str, str]
    place: str  # the title's place: the region, or the kecamatan for a camat
    leader: bool
    busy: set[int] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    last_local: dict[str, int] = field(default_factory=dict)
    staff: list["Official"] = field(default_factory=list)
    facilities: set[str] = field(default_factory=set)  # opened already in its place (shared by its officials)
    trips: list["Event"] = field(default_factory=list)

    @property
    def short(self) -> str:
        return self.name.split()[0] if not self.name.startswith("Hj.") else " ".join(self.name.split()[:2])

    @property
    def full(self) -> str:
        return f"{self.title} {self.place} {self.name}"


@dataclass
class Event:
    kind: str  # "trip" | "local"
    official: Official
    day: date  # departure, or the local event's day
    companions: list[Official]
    country: str = ""
    city: str = ""
    forum: str = ""
    forum_days: tuple[date, date] | None = None
    back: date | None = None
    local_type: str = ""  # rakor | peresmian | sidak | kunker
    what: str = ""
    venue: str = ""
    clock: str = ""


@dataclass
class Spec:
    """One article to write: its event, publication date and stance, plus any planted change."""

    event: Event
    published: date
    stance: str  # plan | report | after
    outlet: str
    path: str = ""
    dep_override: date | None = None
    forum_override: tuple[date, date] | None = None
    wrong_weekday: bool = False
    invalid: str | None = None
    only_departure: bool = False
    day_override: date | None = None  # a local event's day, moved
    back_override: date | None = None  # a trip's return, moved
    month_text: str | None = None  # a later report dating the opening by a month ("Juli")
    with_return: bool = False  # the trip's scheduled return is written
    facts: dict = field(default_factory=dict)  # what a plant changed, for the ground truth


def make_roster(rng: random.Random, n: int) -> list[Official]:
    officials: list[Official] = []
    names: set[str] = set()
    regions = list(REGIONS)
    rng.shuffle(regions)

    def new_name() -> str:
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if rng.random() < 0.25:
                name = f"{rng.choice(FIRST_NAMES)} {name}"
            if name not in names and len(set(name.split())) == len(name.split()):
                names.add(name)
                return name

    opened: dict[str, set[str]] = {}  # a facility of a region is opened once, by whichever official

    def add(title: str, region: tuple[str, str, str, str], place: str, leader: bool) -> Official:
        name = new_name()
        official = Official(slugify(name), name, title, region, place, leader)
        official.facilities = opened.setdefault(place, set())
        officials.append(official)
        return official

    i = 0
    while len(officials) < n:
        region = regions[i % len(regions)]
        round_ = i // len(regions)
        i += 1
        kind, name = region[0], region[1]
        if round_ == 0:
            head = add(HEAD_TITLES[kind], region, name, True)
            add(DEPUTY_TITLES[kind], region, name, True)
            heads = [head]
        else:  # later rounds: the same regions' offices, kecamatan and police
            heads = [o for o in officials if o.region == region and o.title == HEAD_TITLES[kind]]
        for office_kind, office in rng.sample(OFFICES, 3):
            staff = add(f"Kepala {office_kind} {office}", region, name, False)
            heads[0].staff.append(staff)
        if kind != "Provinsi":
            add("Camat", region, f"{name.split()[0]} {COMPASS[round_ % len(COMPASS)]}", False)
            if round_ == 0:
                add("Kapolres", region, name, False)
    return officials[:n]


def free(officials: list[Official], first: date, last: date, margin: int) -> bool:
    days = range(first.toordinal() - margin, last.toordinal() + margin + 1)
    return all(not (o.busy.intersection(days)) for o in officials)


def occupy(officials: list[Official], first: date, last: date, margin: int) -> None:
    for o in officials:
        o.busy.update(range(first.toordinal() - margin, last.toordinal() + margin + 1))


def random_day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange((END - START).days))


def make_event(rng: random.Random, official: Official) -> Event | None:
    """A real event for this official on days when they (and their companions) are elsewhere free."""
    if official.leader and rng.random() < 0.4:
        options = [d for d in DESTINATIONS if d[0] not in official.countries]
        if options:
            country, city = rng.choice(options)
            for _ in range(20):
                day = random_day(rng)
                length = rng.randint(3, 8)
                back = day + timedelta(days=length)
                # Away until the return, and kept from local events until the checker's bound too: not
                # every article reports the return, and without one a trip may last MAX_TRIP_DAYS.
                away = max(back, day + timedelta(days=MAX_TRIP_DAYS))
                staff = [s for s in official.staff if free([s], day, away, 2)]
                companions = rng.sample(staff, min(len(staff), rng.choice((0, 1, 2, 2, 3))))
                if not free([official], day, away, 2):
                    continue
                occupy([official, *companions], day, away, 2)
                official.countries.add(country)
                first = day + timedelta(days=rng.randint(1, max(1, length - 2)))
                last = min(back - timedelta(days=1), first + timedelta(days=rng.choice((0, 0, 0, 0, 0, 1, 2, 4))))
                trip = Event("trip", official, day, companions, country, city, rng.choice(FORUMS), (first, last), back)
                official.trips.append(trip)
                return trip
    local_type = rng.choice(("rakor", "peresmian", "sidak", "kunker"))
    for _ in range(20):
        day = random_day(rng)
        last = official.last_local.get(local_type)
        if last is not None and abs(day.toordinal() - last) < 21:
            continue
        staff = [s for s in official.staff if free([s], day, day, 1)]
        companions = rng.sample(staff, min(len(staff), rng.choice((0, 0, 1, 2))))
        if not free([official], day, day, 2):
            continue
        occupy([official, *companions], day, day, 1)
        official.last_local[local_type] = day.toordinal()
        region = official.region
        if local_type == "rakor":
            what, venue = f"rapat koordinasi (rakor) {rng.choice(RAKOR_TOPICS)}", f"{rng.choice(VENUES)} {region[1]}"
        elif local_type == "peresmian":
            options = [f for f in FACILITIES if f not in official.facilities]
            if not options:
                continue
            facility = rng.choice(options)
            official.facilities.add(facility)
            what, venue = f"{facility} {official.place}", f"Kecamatan {region[1].split()[0]} {rng.choice(COMPASS)}"
        elif local_type == "sidak":
            what, venue = rng.choice(SIDAK_TARGETS), region[1]
        else:
            what, venue = f"Kecamatan {region[1].split()[0]} {rng.choice(COMPASS)}", region[1]
        clock = f"{rng.choice((8, 9, 9, 10, 13, 14, 15)):02d}.{rng.choice(('00', '00', '30'))} {region[3]}"
        return Event("local", official, day, companions, local_type=local_type, what=what, venue=venue, clock=clock)
    return None


# --------------------------------------------------------------------------------------------------
# Rendering: dates as Indonesian news writes them, and the article text
# --------------------------------------------------------------------------------------------------


def weekday(d: date, wrong: bool = False, rng: random.Random | None = None) -> str:
    index = d.weekday()
    if wrong:
        index = (index + (rng.randint(1, 6) if rng else 1)) % 7
    return WEEKDAYS[index]


def render_date(rng: random.Random, d: date, published: date, *, wrong_weekday: bool = False,
                allow_relative: bool = True, full: bool = False) -> str:
    """One date in the real mix: `Senin (27/3/2023)`, `Senin (27/3)`, `27 Maret 2023`, relative words.

    `full` (planted dates) always writes the year, so a contradiction never hinges on year inference.
    """
    if wrong_weekday:
        return f"{weekday(d, True, rng)} ({d.day}/{d.month}/{d.year})"
    delta = (d - published).days
    if allow_relative:
        roll = rng.random()
        if delta == -1 and roll < 0.3:
            return "kemarin"
        if delta == 0 and roll < 0.15:
            return "hari ini"
        next_week = published + timedelta(days=7 - published.weekday())
        if 2 <= delta <= 6 and next_week <= d and roll < 0.2:
            return f"{weekday(d)} depan"
    roll = rng.random()
    if roll < 0.45:
        if rng.random() < 0.3:
            return f"{weekday(d)} ({d.day:02d}/{d.month:02d}/{d.year})"
        return f"{weekday(d)} ({d.day}/{d.month}/{d.year})"
    if roll < 0.70 and not full and d.year == published.year and abs(delta) < 60:
        return f"{weekday(d)} ({d.day}/{d.month})"
    if roll < 0.90:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{weekday(d)}, {d.day} {MONTHS[d.month - 1]} {d.year}"


def at(text: str) -> str:
    """`pada` before a calendar date, nothing before a bare relative word."""
    return text if text in ("kemarin", "hari ini") or text.endswith(" depan") else f"pada {text}"


def render_range(first: date, last: date) -> str:
    if first == last:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    if first.month == last.month:
        return f"{first.day}-{last.day} {MONTHS[first.month - 1]} {first.year}"
    return f"{first.day} {MONTHS[first.month - 1]} - {last.day} {MONTHS[last.month - 1]} {last.year}"


def companions_phrase(companions: list[Official]) -> str:
    names = [c.full for c in companions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", dan " + names[-1]


def render(rng: random.Random, spec: Spec) -> tuple[str, str, bool]:
    """The article text, its title, and whether it states a date range."""
    event, pub = spec.event, spec.published
    o = event.official
    region = o.region
    spokes = f"{rng.choice(SPOKES_TITLES)} Setda {region[2]}"
    pub_text = f"{weekday(pub)} ({pub.day}/{pub.month}/{pub.year})"
    has_range = False
    paragraphs: list[str] = []
    if event.kind == "trip":
        dep = spec.dep_override or event.day
        forum_days = spec.forum_override or event.forum_days
        assert forum_days is not None and event.back is not None
        planted = spec.dep_override is not None or spec.back_override is not None
        dep_text = render_date(rng, dep, pub, wrong_weekday=spec.wrong_weekday, allow_relative=not planted,
                               full=planted)
        if spec.stance == "plan":
            title = f"{o.name} Dijadwalkan ke {event.country} Hadiri {event.forum}"
            lede = (f"{o.full} dijadwalkan bertolak ke {event.country} {at(dep_text)}. Hal itu disampaikan "
                    f"{spokes} di {rng.choice(VENUES)}, {pub_text}.")
        elif spec.stance == "report":
            title = f"{o.title} {o.place} Bertolak ke {event.country}"
            verb = rng.choice(("bertolak ke", "berangkat ke"))
            lede = (f"{o.full} {verb} {event.country} {at(dep_text)}, untuk menghadiri {event.forum} di "
                    f"{event.city}. Keterangan itu disampaikan {spokes}, {pub_text}.")
        else:
            title = f"Pulang dari {event.country}, {o.name} Bawa Peluang Kerja Sama"
            back = spec.back_override or event.back
            back_text = render_date(rng, back, pub, allow_relative=spec.back_override is None,
                                    full=spec.back_override is not None)
            lede = (f"{o.full} telah kembali ke {o.region[1]} {at(back_text)} setelah mengikuti {event.forum} "
                    f"di {event.city}, {event.country}. Hal itu disampaikan {spokes}, {pub_text}.")
            if not spec.only_departure:
                paragraphs.append(f"{o.short} bertolak ke {event.country} {at(dep_text)}.")
        if not spec.only_departure:
            first, last = forum_days
            if first != last or rng.random() < 0.3:
                has_range = first != last
                forum_text = f"pada {render_range(first, last)}"
            else:
                forum_text = at(render_date(rng, first, pub, allow_relative=False))
            future = first > pub
            paragraphs.append(
                f"Di sana, {o.short} {'akan menjadi' if future else 'menjadi'} salah satu pembicara dalam "
                f"{event.forum} yang {'akan berlangsung' if future else 'berlangsung'} di {event.city} {forum_text}."
            )
            if spec.stance != "after" and (spec.forum_override or spec.with_return or rng.random() < 0.5):
                back_text = render_date(rng, event.back, pub, allow_relative=False)
                paragraphs.append(f"Rombongan dijadwalkan kembali ke {o.region[1]} {at(back_text)}.")
            if event.companions:
                paragraphs.append(
                    f"Dalam perjalanan dinas itu, {o.short} {'akan ' if spec.stance == 'plan' else ''}didampingi "
                    f"{companions_phrase(event.companions)}."
                )
        paragraphs.insert(0, lede)
        if spec.stance != "after":
            deputy = DEPUTY_TITLES.get(region[0])
            if deputy and o.title == HEAD_TITLES[region[0]]:
                paragraphs.append(f"Selama {o.short} berada di luar negeri, tugas pemerintahan sehari-hari "
                                  f"dijalankan {deputy} {region[1]}.")
    else:
        day = spec.day_override or event.day
        when = render_date(rng, day, pub, wrong_weekday=spec.wrong_weekday,
                           allow_relative=spec.invalid is None and spec.day_override is None,
                           full=spec.day_override is not None)
        if spec.invalid:
            when = spec.invalid
        verb, noun = {
            "rakor": ("memimpin", "Pimpin Rakor"),
            "peresmian": ("meresmikan", "Resmikan"),
            "sidak": ("melakukan inspeksi mendadak (sidak) ke", "Sidak ke"),
            "kunker": ("melakukan kunjungan kerja ke", "Kunjungi"),
        }[event.local_type]
        title = f"{o.name} {noun} {event.what[:40].rstrip()}"
        if spec.stance == "after":  # a later report, dating the opening by its month
            title = f"{event.what[:40].rstrip()} Ramai Dimanfaatkan Warga"
            lede = (f"{event.what} yang diresmikan {o.full} di {event.venue} pada {spec.month_text} lalu kini ramai "
                    f"dimanfaatkan warga. Hal itu disampaikan {spokes}, {pub_text}.")
        elif spec.stance == "plan":
            lede = (f"{o.full} dijadwalkan {verb} {event.what} di {event.venue} {at(when)}, pukul {event.clock}. "
                    f"Hal itu disampaikan {spokes}, {pub_text}.")
        else:
            tail = "" if when == "hari ini" else f", {when}" if when != "kemarin" else " kemarin"
            lede = f"{o.full} {verb} {event.what} di {event.venue}{tail}."
            if pub != day or when in ("kemarin", "hari ini"):
                lede += f" Hal itu disampaikan {spokes}, {pub_text}."
        paragraphs.append(lede)
        if event.companions:
            paragraphs.append(f"Dalam kegiatan itu, {o.short} didampingi {companions_phrase(event.companions)}.")
        if spec.stance == "report":
            paragraphs.append(f"Kegiatan dimulai pukul {event.clock} dan berlangsung sekitar {NUMBER_WORDS[rng.randint(2, 4)]} jam.")
    paragraphs.append(f"\"{rng.choice(QUOTES)},\" kata {o.short}.")
    fillers = rng.sample(FILLER, rng.randint(8, 14))
    paragraphs.insert(min(len(paragraphs), 2), f"Baca Juga: {rng.choice(READ_ALSO)}")
    paragraphs.extend(" ".join(fillers[i : i + 2]) for i in range(0, len(fillers), 2))
    paragraphs.insert(len(paragraphs) - 1, f"\"{rng.choice(QUOTES)}. Kami terus berkoordinasi dengan semua pihak,\" "
                      f"ujar {o.short} menambahkan.")
    city = o.region[1] if o.region[0] != "Provinsi" else "Jakarta" if rng.random() < 0.1 else o.region[2]
    paragraphs[0] = f"{spec.outlet}, {city} – {paragraphs[0]}"
    text = f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"
    return text, title, has_range


# --------------------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------------------


def plan_articles(rng: random.Random, event: Event, count: int) -> list[Spec]:
    """Articles about one event: plans before it, same-day reports, reports after (consistent)."""
    specs = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.35:
            stance, pub = "plan", event.day - timedelta(days=rng.randint(2, 10))
        elif roll < 0.75 or event.kind == "local":
            stance = "report"
            last = (event.back - timedelta(days=1)) if event.back else event.day + timedelta(days=2)
            pub = event.day + timedelta(days=rng.randint(0, max(0, min(2, (last - event.day).days))))
        else:
            stance, pub = "after", event.back + timedelta(days=rng.randint(1, 3))  # type: ignore[operator]
        specs.append(Spec(event, pub, stance, rng.choice(OUTLETS)))
    return specs


def eligible(shape: str, spec: Spec, group: list[Spec]) -> bool:
    """Whether this article can carry a planted contradiction of this shape (and only that one)."""
    event = spec.event
    if shape == "trip-date-conflict":  # moved a day or more earlier, a plan must still lie after publication
        room = (event.day - spec.published).days - 1 if spec.stance == "plan" else 3
        return event.kind == "trip" and len(group) >= 2 and spec.stance in ("plan", "report") and room >= 1
    if shape == "event-date-conflict":  # one report of a local event told by several gives another day
        return event.kind == "local" and len(group) >= 2 and spec.stance == "report"
    if shape == "month-vs-day":  # a later report of an opening gives the month before it
        return event.kind == "local" and event.local_type == "peresmian" and len(group) >= 2 and spec.stance == "report"
    if shape == "return-before-departure":  # the one report after the trip dates the return before leaving
        return event.kind == "trip" and spec.stance == "after" and sum(s.stance == "after" for s in group) == 1
    if shape == "local-inside-trip":  # a local event told once, moved into a trip of its official
        return event.kind == "local" and len(group) == 1 and spec.stance == "report" and bool(event.official.trips)
    if shape == "outside-trip":  # alone on its event: no other report of the forum to conflict with
        return event.kind == "trip" and spec.stance == "plan" and len(group) == 1
    if shape == "weekday-mismatch":
        return not (event.kind == "trip" and spec.stance == "after")
    return event.kind == "local" and event.day.month in (2, 4, 6, 9, 11)


def _plant_one(rng: random.Random, shape: str, spec: Spec, by_event: dict[int, list[Spec]],
               used_events: set[int]) -> list[str] | None:
    """Change `spec` to carry `shape`; the files a finding must cite, or None when it cannot."""
    event = spec.event
    group = by_event[id(event)]
    if shape == "trip-date-conflict":
        # Earlier than the truth, so the trip's forum stays inside the (claimed) trip window.
        room = (event.day - spec.published).days - 1 if spec.stance == "plan" else 3
        spec.dep_override = event.day - timedelta(days=rng.randint(1, min(3, room)))
        spec.only_departure = True
        return sorted({s.path for s in group})
    if shape == "event-date-conflict":
        spec.day_override = event.day - timedelta(days=rng.randint(1, 3))
        spec.facts = {"day": event.day.isoformat(), "moved": spec.day_override.isoformat()}
        return sorted({s.path for s in group})
    if shape == "month-vs-day":
        spec.stance, spec.published = "after", event.day + timedelta(days=rng.randint(20, 40))
        spec.month_text = MONTHS[(event.day.month - 2) % 12]
        spec.facts = {"day": event.day.isoformat(), "month": spec.month_text}
        return sorted({s.path for s in group})
    if shape == "return-before-departure":
        spec.back_override = event.day - timedelta(days=rng.randint(1, 3))
        spec.facts = {"departure": event.day.isoformat(), "return": spec.back_override.isoformat()}
        return [spec.path]
    if shape == "local-inside-trip":
        trips = [t for t in event.official.trips if id(t) not in used_events and (t.back - t.day).days >= 2]
        if not trips:
            return None
        trip = rng.choice(trips)
        used_events.add(id(trip))
        for other in by_event[id(trip)]:
            other.with_return = True  # the return bounds the trip in every report of it
        spec.day_override = trip.day + timedelta(days=rng.randint(1, (trip.back - trip.day).days - 1))
        spec.published = spec.day_override + timedelta(days=rng.randint(0, 2))
        spec.facts = {"day": spec.day_override.isoformat(), "departure": trip.day.isoformat(),
                      "return": trip.back.isoformat(), "trip_files": sorted(s.path for s in by_event[id(trip)])}
        return [spec.path]
    if shape == "outside-trip":
        first = event.back + timedelta(days=rng.randint(10, 30))  # type: ignore[operator]
        spec.forum_override = (first, first + timedelta(days=rng.choice((0, 2, 4))))
    elif shape == "weekday-mismatch":
        spec.wrong_weekday = True
    else:
        day = 30 if event.day.month == 2 else 31
        spec.invalid = f"{day} {MONTHS[event.day.month - 1]} {event.day.year}"
    return [spec.path]


def plant(rng: random.Random, specs: list[Spec], by_event: dict[int, list[Spec]], rate: float) -> list[dict]:
    """Change a `rate` share of articles so each carries one known contradiction; return the truth.

    Shapes are drawn by PLANTS' weights; at most one plant per real event, so plants never interact.
    """
    target = round(rate * len(specs))
    used_events: set[int] = set()
    truth: list[dict] = []
    order = list(range(len(specs)))
    rng.shuffle(order)
    candidates = {shape: [specs[i] for i in order if eligible(shape, specs[i], by_event[id(specs[i].event)])]
                  for shape, _, _, _ in PLANTS}
    shapes = [p[0] for p in PLANTS]
    weights = [p[3] for p in PLANTS]
    rule_of = {shape: (rule, code) for shape, rule, code, _ in PLANTS}
    while len(truth) < target and any(candidates.values()):
        shape = rng.choices(shapes, weights)[0]
        pool = candidates[shape]
        while pool and id(pool[-1].event) in used_events:
            pool.pop()
        if not pool:
            continue
        spec = pool.pop()
        files = _plant_one(rng, shape, spec, by_event, used_events)
        if files is None:
            continue
        used_events.add(id(spec.event))
        rule, code = rule_of[shape]
        truth.append({"shape": shape, "rule": rule, "code": code, "official_id": spec.event.official.id,
                      "files": files, "planted": spec.path, **({"facts": spec.facts} if spec.facts else {})})
    truth.sort(key=lambda t: t["planted"])
    return truth


def generate(out: Path, articles: int, seed: int, rate: float = 0.05) -> dict:
    """Write the archive and ground_truth.json into `out`; return the ground truth."""
    rng = random.Random(seed)
    roster = make_roster(rng, max(8, articles // 20))
    weights = [3 if o.leader else 1 for o in roster]
    specs: list[Spec] = []
    by_event: dict[int, list[Spec]] = {}
    events: list[Event] = []
    misses = 0
    while len(specs) < articles and misses < 50 * articles:
        official = rng.choices(roster, weights)[0]
        event = make_event(rng, official)
        if event is None:
            misses += 1
            continue
        count = min(articles - len(specs), rng.choices((1, 2, 3, 4), (3, 4, 2, 1))[0])
        group = plan_articles(rng, event, count)
        events.append(event)
        by_event[id(event)] = group
        specs.extend(group)
    specs.sort(key=lambda s: (s.published, s.event.official.id))
    for index, spec in enumerate(specs):
        spec.path = (f"{ARTICLES_DIR}/{spec.published.year}/{spec.published.month:02d}/"
                     f"{index:06d}-{spec.event.official.id}.txt")
    truth = plant(rng, specs, by_event, rate)
    out.mkdir(parents=True, exist_ok=True)
    made_dirs: set[Path] = set()
    ranges = 0
    for spec in specs:
        text, _title, has_range = render(rng, spec)
        ranges += has_range
        path = out / spec.path
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        path.write_text(text, encoding="utf-8")
    result = {
        "seed": seed,
        "articles": len(specs),
        "contradiction_rate": rate,
        "events": len(events),
        "articles_with_range": ranges,
        "officials": [{"id": o.id, "name": o.name, "role": f"{o.title} {o.place}"} for o in roster],
        "contradictions": truth,
    }
    (out / "ground_truth.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="Directory to write the archive into.")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--contradiction-rate", type=float, default=0.05)
    args = parser.parse_args(argv)
    if args.articles < 1 or not 0 <= args.contradiction_rate <= 1:
        parser.error("--articles must be positive and --contradiction-rate within 0..1")
    started = time.perf_counter()
    truth = generate(args.out, args.articles, args.seed, args.contradiction_rate)
    print(
        f"{truth['articles']} articles, {len(truth['officials'])} officials, {truth['events']} events, "
        f"{len(truth['contradictions'])} planted contradictions in {args.out} "
        f"({time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
