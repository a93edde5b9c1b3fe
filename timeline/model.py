"""Plain typed records every stage of timeline shares.

Data flows one way: files -> Article -> TimeExpression / Mention / EventClaim -> graph -> Finding.
Everything here is a frozen dataclass so records can be cached, pickled across processes and compared.
The Literal types name every kind, role and severity a record may carry.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal, Mapping, TypeVar, dataclass_transform, get_args

from timeline.lang import Text

Kind = Literal["date", "range", "month", "year", "relative", "duration", "time", "set", "ref"]
Granularity = Literal["day", "week", "month", "year", "part", "weekend", "quarter", "half", "season", "decade"]
# explicit: written in full; reference: the publication date (or --ref); narrative: the last date the text
# established; speech: the date of the statement the expression is part of. "previous" is the old name of
# narrative, kept so records cached by older versions still load.
Anchor = Literal["explicit", "reference", "narrative", "speech", "previous"]
Tense = Literal["future", "past"]
EventType = Literal[
    "departure", "return", "arrival", "visit", "attend", "speak", "meeting", "ceremony", "inspection",
    "opening", "launch", "signing", "groundbreaking",
]
Modality = Literal["planned", "reported", "changed", "cancelled", "uncertain"]
ParticipantRole = Literal["agent", "companion", "represented", "representative"]
MentionForm = Literal["full", "title", "surname", "pronoun", "honorific"]
Severity = Literal["error", "warning", "info"]
Scope = Literal["article", "official"]

_R = TypeVar("_R")


@dataclass_transform(frozen_default=True)
def record(cls: type[_R]) -> type[_R]:
    """A frozen, slotted dataclass whose `__init__` fills each slot through its descriptor instead of
    calling `object.__setattr__` per field (what frozen dataclasses do): a third faster, and extraction
    makes a few hundred records an article. Same signature, defaults, equality, hash and repr."""
    cls = dataclass(frozen=True, slots=True)(cls)
    params, body, namespace = [], [], {}
    for i, f in enumerate(fields(cls)):
        if f.default_factory is not MISSING or not f.init:  # pragma: no cover - no record uses them
            return cls
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"d{i}"] = f.default
            params.append(f"{f.name}=d{i}")
        namespace[f"s{i}"] = getattr(cls, f.name).__set__
        body.append(f"    s{i}(self, {f.name})\n")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "".join(body), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls


# --------------------------------------------------------------------------------------------------
# Time expressions (timeline.temporal)
# --------------------------------------------------------------------------------------------------

KINDS: tuple[str, ...] = get_args(Kind)
GRANULARITIES: tuple[str, ...] = get_args(Granularity)


@record
class Interval:
    """A closed calendar interval: both ends inclusive; a single day has start == end."""

    start: date
    end: date

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    def overlaps(self, other: "Interval") -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: "Interval") -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@record
class WeekdayCheck:
    """A weekday named next to a date, and the date's real weekday (Indonesian names)."""

    stated: str
    actual: str | None
    ok: bool | None

    def to_json(self) -> dict[str, Any]:
        return {"stated": self.stated, "actual": self.actual, "ok": self.ok}


@record
class ClockTime:
    """A time of day: clock "HH:MM" or "HH:MM:SS" (or a range "HH:MM-HH:MM"), zone WIB|WITA|WIT, part of day."""

    clock: str | None = None
    zone: str | None = None
    part: str | None = None
    local: bool = False  # "waktu setempat": local time at the place, zone unknown

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"clock": self.clock, "zone": self.zone, "part": self.part}
        if self.local:
            out["local"] = True
        return out


@record
class Duration:
    """A length of time: unit is minutes|hours|days|weeks|months|years, or vague with amount None."""

    unit: str
    amount: float | None

    def to_json(self) -> dict[str, Any]:
        if self.amount is None:
            return {"vague": self.unit}
        amount: float | int = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {self.unit: amount}


@record
class TimeExpression:
    """One time expression found in a text, normalized and (where possible) resolved.

    `start`/`end` are character offsets into the text that was scanned ([start, end)).
    `value` is None for durations, sets, references without a calendar value (kind "ref": "saat ini",
    "dulu", "nanti", whose `tense` says present/past/future) and anything that could not be resolved
    (then `resolved` is False and `note` says why, e.g. "no reference date").
    `anchor` says what a relative value was computed from and `anchor_span` where that is in the text
    (None for explicit values and the publication date).
    """

    text: str
    start: int
    end: int
    kind: str
    value: Interval | None = None
    duration: Duration | None = None
    granularity: str | None = None
    weekday: WeekdayCheck | None = None
    tense: str | None = None  # "future" | "past" | None
    anchor: str = "explicit"  # "explicit" | "reference" | "narrative" | "speech"
    valid: bool = True
    time: ClockTime | None = None
    part: str | None = None  # awal | pertengahan | akhir, when granularity == "part"
    year_inferred: bool = False  # the year was not written and came from the reference date
    resolved: bool = True
    note: str | None = None
    written: tuple[int | None, int | None, int | None] | None = None  # (day, month, year) as written
    anchor_span: tuple[int, int] | None = None  # the expression this one was resolved against
    approximate: bool = False  # "sekitar 3 tahun yang lalu", "kurang lebih pukul 10.00"
    season: str | None = None  # TimeML season code (SP, SU, FA, WI) when granularity == "season"
    # a relative day written next to this date ("besok, Selasa (12/9/2023)"), resolved on its own
    apposition: "TimeExpression | None" = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of `timeline dates --format json`."""
        return {
            "text": self.text,
            "span": [self.start, self.end],
            "kind": self.kind,
            "value": self.value.to_json() if self.value else None,
            "duration": self.duration.to_json() if self.duration else None,
            "granularity": self.granularity,
            "weekday": self.weekday.to_json() if self.weekday else None,
            "tense": self.tense,
            "anchor": self.anchor,
            "valid": self.valid,
            "time": self.time.to_json() if self.time else None,
            "anchor_span": list(self.anchor_span) if self.anchor_span else None,
            "approximate": self.approximate,
            **({"season": self.season} if self.season else {}),
            **({"apposition": self.apposition.to_json()} if self.apposition is not None else {}),
        }


# --------------------------------------------------------------------------------------------------
# Articles (timeline.ingest)
# --------------------------------------------------------------------------------------------------


@record
class Location:
    """Where something is in a source file: 1-based physical line and column (columns count characters).

    Only LF, CR LF and CR end a line. `text_line` and `text_column` are the same place counted in the
    article's own text (which, for a JSON string, a CSV field or a web page, is not the file's text).
    """

    path: str
    line: int
    column: int
    text_line: int | None = None
    text_column: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@record
class SourceMap:
    """Where each character of an article's text sits in its file: text offset -> (physical line, column).

    `anchors` are (offset, line, column, step) sorted by offset: the character at `offset` is at
    (line, column), and each following one, up to the next anchor, `step` columns further (1 where the
    text is a verbatim run of the file, 0 where only the line is known). Each reader builds one.
    """

    anchors: tuple[tuple[int, int, int, int], ...] = ((0, 1, 1, 1),)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based physical line and column of a text offset."""
        anchors = self.anchors
        i = bisect_right(anchors, offset, key=_anchor_offset) - 1
        start, line, column, step = anchors[max(i, 0)]
        return line, column + step * max(offset - start, 0)


def _anchor_offset(anchor: tuple[int, int, int, int]) -> int:
    return anchor[0]


@record
class Sentence:
    start: int
    end: int
    text: str


@record
class Article:
    """One article, its body cleaned of boilerplate with every offset still mapped to the source.

    Removed boilerplate is blanked (replaced by spaces), never cut, so offsets into `text` stay offsets
    of the text the reader took from the file, and `source` maps them to physical lines and columns.
    `published_at` is the metadata's date and time when it gives a clock (with its zone when it names
    one): the reference time of the article; `published` stays the calendar day.
    """

    path: str
    key: str  # unique per article: path, or path#N for the N-th record of a file that holds several
    title: str | None
    text: str
    published: date | None
    # "metadata" | "dateline" | "reporting" | "url" (only the page's address) | "warc-date" (the crawl) | None
    published_source: str | None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    source: SourceMap = SourceMap()
    content_hash: str = ""
    published_at: datetime | None = None
    # The text's time expressions as recognized while reading it for its publication date (a
    # `timeline.temporal` Recognition: symbolic, no reference date), so extraction resolves them instead
    # of reading the text again. None when not recognized yet; never cached (a digest drops it with the text).
    time_marks: Any = field(default=None, compare=False, repr=False)

    def location(self, offset: int) -> Location:
        """The physical line and column of a character offset into `text`, with its line and column
        in the text itself."""
        line, column = self.source.position(offset)
        text_line = text_line_index(self.text, offset) + 1
        text_column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return Location(self.path, line, column, text_line, text_column)


def text_line_index(text: str, offset: int) -> int:
    """How many line breaks precede `offset` in `text` (a bisection over the text's line starts, found
    once per text: counting from the start for every claim is quadratic in a long article)."""
    if offset < 4096:
        return text.count("\n", 0, offset)
    return bisect_left(_newlines(text), offset)


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


@record
class InputProblem:
    """A file (or a line of it) that could not be used, or was used with a warning.

    `text` is the message ("input.<code>" and its fields), rendered in the reader's language at the edge.
    """

    path: str
    text: Text
    line: int | None = None
    fatal: bool = True  # False: a warning, the article was still read (e.g. cp1252 fallback)

    @property
    def code(self) -> str:
        return self.text.key.rsplit(".", 1)[-1]

    @property
    def message(self) -> str:
        return self.text.render("en")

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


# --------------------------------------------------------------------------------------------------
# Officials (timeline.extract.officials)
# --------------------------------------------------------------------------------------------------


@record
class Role:
    """A title held in a region: ("Wali Kota", "Bontang"), ("Kepala Dinas", "PM-PTSP Makassar")."""

    title: str
    region: str | None = None
    acting: str | None = None  # Pj | Pjs | Plt

    def __str__(self) -> str:
        base = f"{self.acting} {self.title}" if self.acting else self.title
        return f"{base} {self.region}" if self.region else base


@record
class Mention:
    """A place in an article that refers to an official (full name, title, surname or pronoun)."""

    official_id: str
    start: int
    end: int
    text: str
    form: str  # "full" | "title" | "surname" | "pronoun" | "honorific"


@record
class Official:
    id: str  # slug of the full name
    name: str
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "roles": [str(r) for r in self.roles],
            "aliases": list(self.aliases),
            "mentions": self.mentions,
        }


# --------------------------------------------------------------------------------------------------
# Events (timeline.extract.events)
# --------------------------------------------------------------------------------------------------

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
MODALITIES: tuple[str, ...] = get_args(Modality)
PARTICIPANT_ROLES: tuple[str, ...] = get_args(ParticipantRole)


@record
class Place:
    """Where an event happens or a trip goes: text as written, plus country (ISO alpha-2) if known."""

    text: str
    country: str | None = None  # "KR"
    country_name: str | None = None  # "Korea Selatan"
    city: str | None = None
    domestic: bool | None = None  # True for an Indonesian region or venue

    @property
    def key(self) -> str:
        """What makes two places the same destination: the country when abroad, else the text."""
        if self.country and self.country != "ID":
            return self.country
        return (self.city or self.text).casefold()


@record
class Participant:
    official_id: str
    role: str  # agent | companion | represented | representative


@record
class EventClaim:
    """A located claim that an official did or will do something, somewhere, at some time."""

    id: str  # article key + "#e" + index: unique, stable for the same text
    article_key: str
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    participants: tuple[Participant, ...]
    place: Place | None
    date: TimeExpression | None
    modality: str
    sentence: Sentence
    location: Location  # of the trigger
    part_of: str | None = None  # id of the trip claim this event belongs to ("Di sana ia akan menghadiri ...")
    time: TimeExpression | None = None  # the clock time written right after the date ("pukul 23.30 WIB")
    object: str | None = None  # what the event is about, as written ("Pasar Rakyat Loa Kulu")
    key: tuple[str, ...] = ()  # the words of object and place that tell this event from others, folded
    names: tuple[str, ...] = ()  # the object's key words written capitalized: proper names ("loa", "kulu")
    places: tuple[str, ...] = ()  # those of `key` that name a region, city or country ("samarinda")
    site: tuple[str, ...] = ()  # the key words of the place alone ("kecamatan ambon utara" -> ambon, utara)
    repeat: bool = False  # the text says it happens again ("kembali meninjau", "untuk kedua kalinya")
    domestic: bool | None = None  # in Indonesia: a domestic place, or an article that names no place abroad
    length: Duration | None = None  # a trip's stated length ("selama empat hari di Kuala Lumpur")

    @property
    def agent(self) -> str | None:
        for p in self.participants:
            if p.role == "agent":
                return p.official_id
        return None


@record
class ArticleClaims:
    """Everything extracted from one article: the unit that is cached and sent across processes."""

    article: Article
    expressions: tuple[TimeExpression, ...]
    officials: tuple[Official, ...]  # as seen in this article (merged across the archive later)
    mentions: tuple[Mention, ...]
    events: tuple[EventClaim, ...]
    sentences: tuple[Sentence, ...] = field(default=())


# --------------------------------------------------------------------------------------------------
# Findings and the report (timeline.checks, timeline.render)
# --------------------------------------------------------------------------------------------------

SEVERITIES: tuple[str, ...] = get_args(Severity)
SCOPES: tuple[str, ...] = get_args(Scope)


@record
class Evidence:
    """One claim quoted as evidence for a finding: where it is, what it says, and the date as read."""

    path: str
    line: int
    column: int
    quote: str  # the sentence, as in the source
    text: str  # the time expression (or trigger) as written
    date: Interval | None
    granularity: str | None
    published: date | None
    url: str | None
    outlet: str | None
    article_key: str
    mark_start: int = 0  # where `text` sits inside `quote`, to highlight it
    mark_end: int = 0
    text_line: int | None = None  # where `text` starts in the article's own text (see Location)
    text_column: int | None = None

    def to_json(self) -> dict[str, Any]:
        out = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "quote": self.quote,
            "text": self.text,
            "date": (
                {**self.date.to_json(), "granularity": self.granularity} if self.date else None
            ),
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "outlet": self.outlet,
        }
        if self.text_line is not None:
            out["text_line"] = self.text_line
            out["text_column"] = self.text_column
        return out


@record
class Suggestion:
    """One possible correction of a finding, never a verdict: the date it would make (or the date as it
    is, when the fix is elsewhere: the weekday), which written parts change ("weekday", "day", "month",
    "year", "swap": day and month swapped) and a note saying so, rendered at the edge."""

    date: date
    changes: tuple[str, ...]
    note: Text

    def to_json(self, lang: str) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "changes": list(self.changes), "note": self.note.render(lang)}


@record
class Finding:
    """One discrepancy: a rule, the official and event it concerns, and the claims that disagree.

    `args` fills the rule's message templates (named placeholders, same in id and en) with typed
    values (str, int, date, Interval, a tuple of them, or a `Text` term); renderers format them for the
    reader's language, with {official} from `official_name`.
    `id` is a stable fingerprint from content (rule, official, normalized claims, quotes), never lines.
    """

    id: str
    code: str
    rule: str
    severity: str
    args: Mapping[str, Any]
    evidence: tuple[Evidence, ...]
    official_id: str | None = None
    official_name: str | None = None
    event_type: str | None = None
    place: str | None = None
    companions: tuple[str, ...] = ()
    suppressed: bool = False  # accepted by the baseline: kept (SARIF suppressions), not failing
    suggestions: tuple[Suggestion, ...] = ()  # possible corrections, nearest first (TL002)


@record
class Report:
    """What `timeline check` found over an archive; renderers turn it into text, JSON, SARIF ..."""

    articles: int
    skipped: tuple[InputProblem, ...]
    warnings: tuple[InputProblem, ...]
    officials: tuple[Official, ...]
    events: dict[str, tuple[EventClaim, ...]]  # official id -> its event claims in time order
    findings: tuple[Finding, ...]
    stale_baseline: tuple[str, ...] = ()
    changed_only: tuple[str, ...] | None = None  # hook mode: the files whose findings count


@record
class Draft:
    """A finding as a check yields it: typed args and evidence; the runner gives it an id, a severity,
    the official's canonical name and a baseline status. `official_name` is the article's spelling."""

    rule: str
    args: Mapping[str, Any]
    evidence: tuple[Evidence, ...]
    official_id: str | None = None
    official_name: str | None = None
    event_type: str | None = None
    place: str | None = None
    companions: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()


@record
class ArticleDigest:
    """What the archive-wide stages need of one article, small enough to cache and hold 50,000 of.

    The per-article rules have already run (`drafts`) and each event's evidence is quoted
    (`evidence[i]` quotes `events[i]`), so the article's text, sentences and mentions can go.
    """

    article: Article  # with `text` emptied
    officials: tuple[Official, ...]  # `mentions` counted in this article
    events: tuple[EventClaim, ...]
    evidence: tuple[Evidence, ...]
    drafts: tuple[Draft, ...]


@record
class Archive:
    """An extracted archive: every article's digest, who is who, and what could not be read.

    `unloaded` counts articles a hook run left in the cache (they share no official with the
    changed files); `notes` are warnings about the run itself (the cache), rendered at the edge.
    """

    digests: tuple[ArticleDigest, ...]
    identity: Any  # timeline.archive.identity.Identity
    problems: tuple[InputProblem, ...] = ()
    notes: tuple[Text, ...] = ()
    unloaded: int = 0
    root: str | None = None  # the archive's root: finding ids name articles relative to it

    @property
    def officials(self) -> tuple[Official, ...]:
        return self.identity.officials

    @property
    def articles(self) -> int:
        return len(self.digests) + self.unloaded

    @property
    def skipped(self) -> tuple[InputProblem, ...]:
        return tuple(p for p in self.problems if p.fatal)

    @property
    def warnings(self) -> tuple[InputProblem, ...]:
        return tuple(p for p in self.problems if not p.fatal)
