"""Which claims of one official tell the same event, and which return ends which departure.

Two claims are one event when the kind agrees, the object or destination agrees (fuzzily: "Pasar
Rakyat Loa Kulu" and "pasar rakyat di Loa Kulu"), the dates are close enough for one real event told
with a slip, and neither says it happens again ("kembali meninjau"). Claims are never compared all
against all: they are bucketed by kind and key word, sorted by date, and each is compared with at
most `MAX_NEIGHBOURS` earlier claims of its bucket that still lie within reach. The work done is
counted (`LinkStats`) so that tests can hold it to that promise.
"""

from __future__ import annotations

import bisect
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from timeline.model import EventClaim, Interval

if TYPE_CHECKING:
    from timeline.archive.graph import ClaimNode

TRIP_TYPES = frozenset({"departure", "arrival", "return"})
# Events that happen once for a given object: a second opening of the same market is rare, so two
# claims of one may be weeks apart and still be one event told wrongly.
ONE_OFF_TYPES = frozenset({"opening", "launch", "groundbreaking", "signing"})
# Days two claims of one event may lie apart (a slip, a wrong week). Meetings, inspections, visits and
# ceremonies recur (a weekly rakor), so theirs is short.
WINDOW_ONE_OFF = 31
WINDOW_TRIP = 7
WINDOW_RECURRING = 3
MOVED_PLAN_WINDOW = 62  # a claim that says the plan moved ("diundur menjadi ...") reaches further
COARSE = frozenset({"month", "part", "week", "season", "year"})  # granularities coarser than a day
MAX_COARSE_DAYS = 92
MAX_NEIGHBOURS = 40  # earlier claims of a bucket one claim is compared with, at most
MAX_LINKS = 8  # same-event links one claim makes to earlier ones, at most
MIN_SHARED = 0.5  # share of the smaller key that the other must hold


@dataclass
class LinkStats:
    """Work done linking one official's claims: pairs compared and pairs found to be one event."""

    comparisons: int = 0
    links: int = 0


def place_key(claim: EventClaim) -> str | None:
    return claim.place.key if claim.place else None


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals (0 when they overlap or touch)."""
    return max((b.start - a.end).days, (a.start - b.end).days, 0)


def is_coarse(node: "ClaimNode") -> bool:
    expr = node.claim.date
    return expr is not None and expr.granularity in COARSE


def _window(a: "ClaimNode", b: "ClaimNode") -> int:
    kind = a.claim.type
    if "changed" in (a.claim.modality, b.claim.modality):
        return MOVED_PLAN_WINDOW
    if kind in TRIP_TYPES:
        return WINDOW_TRIP
    return WINDOW_ONE_OFF if kind in ONE_OFF_TYPES else WINDOW_RECURRING


def _slack(a: "ClaimNode", b: "ClaimNode") -> int | None:
    """Extra days a coarse claim ("Agustus lalu", "awal Maret") reaches; None: it must overlap."""
    coarse = [n for n in (a, b) if is_coarse(n)]
    if not coarse:
        return 0
    if a.claim.type not in TRIP_TYPES and a.claim.type not in ONE_OFF_TYPES:
        return None  # "Juli lalu" and 2 August may well be two inspections
    return min(max(n.interval.days for n in coarse), MAX_COARSE_DAYS)


def close_in_time(a: "ClaimNode", b: "ClaimNode") -> bool:
    slack = _slack(a, b)
    gap = gap_days(a.interval, b.interval)
    if slack is None:
        return gap == 0
    return gap <= _window(a, b) + slack


def same_object(a: EventClaim, b: EventClaim, strict: bool) -> bool:
    """Whether two claims' objects and places name the same thing.

    Their places, when both have one, must be one within the other. Proper names (other than the
    places) must not contradict ("Pasar Sentral Limboto" is not "Pasar Rakyat Telaga"), nor facility
    heads ("Taman Kota Mimika" is not "Gedung Serbaguna Mimika"). Most of the smaller key must be in
    the larger, and something besides a region or city must be shared (two events in Samarinda are
    not one) unless both go to the very same place. For recurring kinds (`strict`) one shared common
    word is not enough ("meninjau banjir" twice): a name or two words must be shared.
    """
    ka, kb = set(a.key), set(b.key)
    if not ka or not kb:
        return False
    sa, sb = set(a.site), set(b.site)
    if sa and sb and not (sa <= sb or sb <= sa):
        return False  # two places ("Kecamatan Ambon Utara", "Kecamatan Ambon Timur")
    where = set(a.places) | set(b.places)
    na, nb = set(a.names) - where - sa - sb, set(b.names) - where - sa - sb
    # facility heads are generic, so never key words: the names outside the key are facilities
    for ga, gb in ((na & ka, nb & kb), (na - ka, nb - kb)):
        if ga and gb and not ga & gb:
            return False
    shared = ka & kb
    if not shared or len(shared) < MIN_SHARED * min(len(ka), len(kb)):
        return False
    specific = (shared - where) | (na & nb)
    if not specific and not (ka == kb and ka <= where):
        return False
    return not strict or len(shared) >= 2 or bool(specific & (na | nb)) or (ka == kb and ka <= where)


def same_event(a: "ClaimNode", b: "ClaimNode") -> bool:
    """Whether two claims of one official tell the same event (kind, object or destination, time)."""
    ca, cb = a.claim, b.claim
    if ca.type != cb.type or ca.repeat or cb.repeat or ca.agent != cb.agent:
        return False  # one event has one leader: a sidak of one's own is not the governor's one joined
    if ca.type in TRIP_TYPES:
        ka = place_key(ca)
        if ka is None or ka != place_key(cb):
            return False
    else:
        if ca.article_key == cb.article_key and not a.interval.overlaps(b.interval):
            return False  # one article telling two dates of one object tells two occasions
        if not same_object(ca, cb, ca.type not in ONE_OFF_TYPES):
            return False
    return close_in_time(a, b)


REACH = MOVED_PLAN_WINDOW + MAX_COARSE_DAYS  # days after a claim's end a later claim can still be its event


def _reach(node: "ClaimNode") -> int:
    return REACH


def _buckets(nodes: Iterable["ClaimNode"]) -> dict[tuple[str, str], list["ClaimNode"]]:
    """Claims by kind and by each key word (trips: by destination); each bucket sorted by date."""
    out: dict[tuple[str, str], list["ClaimNode"]] = defaultdict(list)
    for node in nodes:
        c = node.claim
        if c.repeat or node.interval is None or not node.present:
            continue
        if c.type in TRIP_TYPES:
            key = place_key(c)
            if key is not None:
                out[(c.type, key)].append(node)
        else:
            for word in c.key:
                out[(c.type, word)].append(node)
    for bucket in out.values():
        bucket.sort(key=lambda n: (n.interval.start, n.interval.end, n.claim.id))
    return out


def sweep(
    bucket: Sequence["ClaimNode"], test: Callable[["ClaimNode", "ClaimNode"], bool], stats: LinkStats,
    seen: set[tuple[str, str]], reach: Callable[["ClaimNode"], int] | None = _reach,
    linked: dict[str, int] | None = None,
) -> Iterator[tuple["ClaimNode", "ClaimNode"]]:
    """Pairs of a date-sorted bucket that pass `test`: each claim is compared with at most
    MAX_NEIGHBOURS earlier ones still within reach (no reach: any earlier one), nearest in time first,
    and links to at most MAX_LINKS of them (`linked` counts them across buckets)."""
    linked = {} if linked is None else linked
    recent: deque["ClaimNode"] = deque()
    for node in bucket:
        if reach is not None:
            while recent and (node.interval.start - recent[0].interval.end).days > reach(recent[0]):
                recent.popleft()
        me = node.claim.id
        for k in range(len(recent) - 1, max(-1, len(recent) - 1 - MAX_NEIGHBOURS), -1):
            if linked.get(me, 0) >= MAX_LINKS:
                break  # enough to join its group; the nearest claims are where a slip would show
            other = recent[k]
            pair = (other.claim.id, me) if other.claim.id < me else (me, other.claim.id)
            if pair in seen or pair[0] == pair[1]:
                continue
            seen.add(pair)
            stats.comparisons += 1
            if test(other, node):
                stats.links += 1
                linked[me] = linked.get(me, 0) + 1
                yield other, node
        recent.append(node)
        if len(recent) > 4 * MAX_NEIGHBOURS:
            recent.popleft()


def _ambiguous(node: "ClaimNode", partners: list["ClaimNode"]) -> bool:
    """A claim without names of its own that matches claims naming different things ("meninjau
    banjir" beside "banjir di Desa X" and "banjir di Desa Y") could be either: it links to none."""
    if node.claim.names or node.claim.type in TRIP_TYPES:
        return False
    named = [set(p.claim.names) for p in partners if p.claim.names]
    return any(not (first & other) for first in named[:1] for other in named[1:])


def same_event_pairs(nodes: Sequence["ClaimNode"], stats: LinkStats) -> list[tuple["ClaimNode", "ClaimNode"]]:
    """Every pair of claims found to be one event (see the module's docstring)."""
    seen: set[tuple[str, str]] = set()
    linked: dict[str, int] = {}
    found = [pair for bucket in _buckets(nodes).values() for pair in sweep(bucket, same_event, stats, seen, linked=linked)]
    partners: dict[str, list["ClaimNode"]] = defaultdict(list)
    for a, b in found:
        partners[a.claim.id].append(b)
        partners[b.claim.id].append(a)
    by_id = {n.claim.id: n for pair in found for n in pair}
    unclear = {cid for cid, ps in partners.items() if _ambiguous(by_id[cid], ps)}
    return [(a, b) for a, b in found if a.claim.id not in unclear and b.claim.id not in unclear]


# --------------------------------------------------------------------------------------------------
# Returns and departures
# --------------------------------------------------------------------------------------------------


def is_home(claim: EventClaim) -> bool:
    return claim.place is None or claim.place.domestic is True or claim.place.country == "ID"


def _names_place(text: str, claim: EventClaim) -> bool:
    place = claim.place
    if place is None:
        return False
    folded = text.casefold()
    return any(n and n.casefold() in folded for n in (place.country_name, place.city, place.text))


def return_of(dep: "ClaimNode", ret: "ClaimNode", max_trip_days: int) -> bool:
    """Whether `ret` reports coming back from the trip `dep` left on.

    In one article: a return to the same destination, or home. Across articles: the return names the
    trip's destination ("kembali ... usai kunjungan kerja di Tiongkok") and is close to the departure.
    """
    d, r = dep.claim, ret.claim
    if d.article_key == r.article_key:
        return place_key(r) == place_key(d) or is_home(r)
    if dep.interval is not None and ret.interval is not None and gap_days(dep.interval, ret.interval) > max_trip_days:
        return False
    if place_key(r) is not None and place_key(r) == place_key(d) and not is_home(r):
        return True
    return is_home(r) and not is_home(d) and _names_place(ret.evidence.quote, d)


def return_pairs(nodes: Sequence["ClaimNode"], max_trip_days: int, stats: LinkStats) -> Iterator[tuple["ClaimNode", "ClaimNode"]]:
    """(departure, return) pairs of one trip: the departure told last before the return in its own
    article, and departures dated within `max_trip_days` of it (found by bisection, never by scanning
    every departure)."""
    departures = sorted((n for n in nodes if n.claim.type == "departure"),
                        key=lambda n: (n.interval.start if n.interval else date.max, n.claim.id))
    starts = [n.interval.start if n.interval else date.max for n in departures]
    by_article: dict[str, list["ClaimNode"]] = defaultdict(list)
    for n in sorted(departures, key=lambda n: n.claim.trigger_start):
        by_article[n.claim.article_key].append(n)
    told_at = {key: [n.claim.trigger_start for n in told] for key, told in by_article.items()}
    for ret in nodes:
        if ret.claim.type != "return":
            continue
        candidates: dict[str, "ClaimNode"] = {}
        told = by_article.get(ret.claim.article_key, [])
        if told:
            i = bisect.bisect_right(told_at[ret.claim.article_key], ret.claim.trigger_start)
            nearest = told[i - 1] if i > 0 else told[0]
            candidates[nearest.claim.id] = nearest
        if ret.interval is not None:
            lo = bisect.bisect_left(starts, ret.interval.start - timedelta(days=max_trip_days))
            hi = bisect.bisect_right(starts, ret.interval.end + timedelta(days=max_trip_days))
            for n in departures[lo:hi][: 4 * MAX_NEIGHBOURS]:
                candidates.setdefault(n.claim.id, n)
        for dep in candidates.values():
            stats.comparisons += 1
            if return_of(dep, ret, max_trip_days):
                stats.links += 1
                yield dep, ret
