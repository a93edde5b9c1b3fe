"""When an article was published and by whom: the dateline and its outlet, and the publication date
read from the text (the lede, or a date right after a reporting verb), picked from the text's recognized
time expressions (`timeline.temporal.recognize`), which need no reference date. Metadata dates are read
by `timeline.ingest.metadata`.

All pure. Cue words (reporting verbs, future markers, outlet domains) are data in `lang/id/published.toml`.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple, Sequence
from urllib.parse import urlsplit

from timeline.lang import alternation, table
from timeline.temporal.days import safe_date
from timeline.temporal.symbolic import Day, Mark, Recognition

# A cheap look for an explicit full date (13/09/2023, 13-9-2023, 13.09.2023, 12 September 2023) before the
# temporal tagger is called on a piece of text; the tagger decides.
# Each regex here opens with one set of characters (a digit after no word character, not "\b"; a stop or
# a newline, then which one it was), so the regex engine skips to them in C instead of trying each character.
_FULL_DATE_HINT = re.compile(
    r"\d(?<!\w\d)\d?(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\s+[A-Za-z]{3,10}\.?\s+\d{4}\b)"
)
_SENTENCE_START = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])['\"”’]?\s+)")  # [.!?]['"”’]?\s+ or \n
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])['\"”’]?(?:\s|\Z))")  # [.!?]['"”’]?(?:\s|\Z) or \n
_UNIT_SEPARATOR = re.compile(r"[ \t]*,[ \t]*")
_PARENTHESIZED = re.compile(r"\(([^()]+)\)")
_LETTERS = re.compile(r"[A-Za-z]+")
_REPORT_WINDOW = 160
_LEDE_MAX_CHARS = 2500


def load_table() -> dict:
    """The raw cue words of `lang/id/published.toml` (reporting verbs, future markers, domains)."""
    return table("id", "published")


class _Cues(NamedTuple):
    reporting: re.Pattern[str]
    future_after: re.Pattern[str]
    future_before: re.Pattern[str]
    dateline: re.Pattern[str]
    domain: re.Pattern[str]
    after_dateline: int
    without_dateline: int
    dateline_max: int
    require_weekday: bool
    reporting_words: bool  # every reporting verb is letters only: its matches are whole words
    longest_verb: int


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_table()
    domain = rf"[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.{alternation(data['outlet_domains'], flags='i', any_space=False)}\b"
    # Units are atomic and need a separator between them (a comma, spaces, or nothing before a parenthesis):
    # "WWWW..." could otherwise be cut into units in exponentially many ways (found by fuzzing).
    unit = rf"(?>{domain}|\([A-Z][^()\n]{{1,30}}\)|[A-Z][\w'’]*+)"
    separator = r"(?:[ \t]*,[ \t]*|[ \t]+|(?=\())"
    dateline = re.compile(
        rf"[ \t\xa0]*(?P<prefix>{unit}(?:{separator}{unit}){{0,4}})[ \t]*(?:--|[-–—])\s*(?=[^\sa-z])"
    )
    return _Cues(
        reporting=re.compile(rf"\b(?:{alternation(data['reporting_verbs'], flags='i')})\b", re.I),
        future_after=re.compile(rf"[ \t\xa0]*,?[ \t\xa0]*(?:{alternation(data['future_after'], flags='i')})\b", re.I),
        future_before=re.compile(rf"\b(?:{alternation(data['future_before'], flags='i')})\b", re.I),
        dateline=dateline,
        domain=re.compile(rf"\A{domain}\Z", re.I),
        after_dateline=int(data["lede_paragraphs_after_dateline"]),
        without_dateline=int(data["lede_paragraphs_without_dateline"]),
        dateline_max=int(data["dateline_max_paragraph"]),
        require_weekday=bool(data.get("require_weekday", True)),
        reporting_words=all(re.fullmatch(r"[^\W\d_]+", v) for v in data["reporting_verbs"]),
        longest_verb=max(len(v) for v in data["reporting_verbs"]),
    )


def reference_time(article) -> date | datetime | None:
    """What an article's relative expressions resolve against: the publication time when the metadata
    gave a clock (with its zone when written), else the publication day."""
    if article.published_at is not None and article.published is not None:
        return article.published_at
    return article.published


# A date in an address: a path /2017/09/06/ (Suara, Pos Kota, Goal) or a stamp 20161104201401 (CNN Indonesia).
_URL_PATH_DATE = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?=/|$)")
_URL_STAMP_DATE = re.compile(r"(?<![\d])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[0-2]\d[0-5]\d[0-5]\d)?(?![\d])")


def url_date(url: str | None) -> date | None:
    """The day written in an article's address: the day it was first published, which a crawl or an
    update stamped later in the metadata does not change."""
    if not url:
        return None
    path = urlsplit(url if "//" in url else "//" + url).path if "/" in url else url
    for pattern in (_URL_PATH_DATE, _URL_STAMP_DATE):
        m = pattern.search(path)
        if m is not None:
            day = safe_date(int(m[1]), int(m[2]), int(m[3]))
            if day is not None:
                return day
    return None


def url_host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


class Dateline(NamedTuple):
    start: int  # offset of the dateline paragraph in the text
    end: int  # end of the dateline itself (after the dash)
    prefix: str  # "Infokaltim.id, Bontang"
    outlet: str | None
    paragraph: int  # index among the non-empty paragraphs scanned


def _paragraphs(text: str, title: str | None, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the first `limit` lines that are not blank (str.split and isspace: a regex
    walking each line cost more than the rest of the dateline search)."""
    out: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    find = text.find
    headline = title.strip() if title is not None else None
    while start <= size:
        end = find("\n", start)
        if end < 0:
            end = size
        if end > start:
            line = text[start:end]
            if not line.isspace() and (out or headline is None or line.strip() != headline
                                       or _dateline_of(text, start, end)):
                out.append((start, end))  # (the headline is skipped, unless it is really the lede)
                if len(out) >= limit:
                    break
        start = end + 1
    return out


@lru_cache(maxsize=32)  # the lede is read with and without its title (publication date, outlet): once a line
def _dateline_of(text: str, start: int, end: int) -> Dateline | None:
    cues = _cues()
    m = cues.dateline.match(text, start, end)
    if m is None:
        return None
    prefix = m.group("prefix")
    units = [u.strip() for u in _UNIT_SEPARATOR.split(prefix)]
    outlet = None
    for u in units:
        if cues.domain.match(u):
            outlet = u
            break
        paren = _PARENTHESIZED.search(u)
        if paren:
            outlet = paren.group(1).strip()
            break
    strong = outlet is not None or len(units) > 1 or any(
        len(w) >= 3 and w.isupper() for w in _LETTERS.findall(prefix)
    )
    if not strong:
        return None
    return Dateline(start, m.end(), prefix.strip(), outlet, 0)


def find_dateline(text: str, title: str | None = None) -> Dateline | None:
    """The dateline of the lede ("Infokaltim.id, Bontang- ", "SAMARINDA - "), if one opens an early paragraph."""
    return _find_dateline(text, title)  # one cache key however it is called (`title` by name or not at all)


@lru_cache(maxsize=16)  # asked for by the publication date, the outlet and the officials of one article
def _find_dateline(text: str, title: str | None) -> Dateline | None:
    return _dateline_in(text, _paragraphs(text, title, _cues().dateline_max))


def _dateline_in(text: str, paragraphs: list[tuple[int, int]]) -> Dateline | None:
    """The dateline of the first of these paragraphs that opens with one, numbered among them."""
    for i, (start, end) in enumerate(paragraphs):
        found = _dateline_of(text, start, end)
        if found is not None:
            return found._replace(paragraph=i)
    return None


def dateline_outlet(text: str, title: str | None = None) -> str | None:
    """The outlet named in the dateline ("PRANALA.CO", "ANTARA News"), if any."""
    found = find_dateline(text, title)
    return found.outlet if found else None


def _publishable(mark: Mark, lo: int) -> bool:
    """An explicit day with its year written, not future, and (when required) naming its weekday.

    A weekday that does not match the date still counts: which of the two is the typo is not known here,
    and the weekday check reports the mismatch itself. A tense read from a clause word counts only when
    that word is inside the window searched (from `lo`).
    """
    return _dated(mark) and not (mark.tense == "future" and (mark.tense_at is None or mark.tense_at >= lo))


def _dated(mark: Mark) -> bool:
    """What `_publishable` asks of a mark wherever the window searched starts: a valid full date (with
    its weekday, when required)."""
    if _cues().require_weekday and mark.weekday is None:
        return False
    sym = mark.value
    if mark.kind != "date" or not isinstance(sym, Day) or sym.year is None or sym.year_shift is not None:
        return False
    return safe_date(sym.year, sym.month, sym.day) is not None


def _future_marked(text: str, start: int, end: int, clause_start: int) -> bool:
    cues = _cues()
    if cues.future_after.match(text, end):
        return True
    return cues.future_before.search(text, clause_start, start) is not None


def _sentence_start(text: str, pos: int, floor: int) -> int:
    last = floor
    lo = max(floor, pos - 300)
    for m in _SENTENCE_START.finditer(text, lo, pos):
        last = m.end()
    return max(last, lo)


def _first_date(text: str, marks: Sequence[Mark], starts: list[int], lo: int, hi: int,
                clause_floor: int | None = None) -> date | None:
    """The first explicit, non-future full date in text[lo:hi] (offsets are absolute)."""
    if not _FULL_DATE_HINT.search(text, lo, hi):
        return None
    for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
        mark = marks[i]
        if not _publishable(mark, lo):
            continue
        floor = clause_floor if clause_floor is not None else _sentence_start(text, mark.start, lo)
        if _future_marked(text, mark.start, mark.end, floor):
            continue
        sym = mark.value
        return date(sym.year, sym.month, sym.day)
    return None


def publication_date(
    text: str, title: str | None, recognized: Recognition | None = None
) -> tuple[date | None, str | None]:
    """When the article was written, read from its text: (date, "dateline" | "reporting") or (None, None).

    `recognized` holds the text's time expressions as `timeline.temporal.recognize` reads them (no
    reference date needed); they are recognized here when not given, so a caller that has them (and
    resolves them later) reads the text once.

    The lede (up to the dateline paragraph and the one after it, or the first paragraphs) is tried first,
    then a date right after a reporting verb ("katanya, ... Selasa (12/09/2023)"). Future-marked dates
    ("Selasa (19/09/2023) mendatang", "dijadwalkan ... pada 18 September 2023") never count.
    """
    cues = _cues()
    if recognized is None:
        from timeline.temporal.recognize import recognize

        recognized = recognize(text)
    marks = recognized.marks
    starts = [m.start for m in marks]
    # the first paragraphs once, as many as the lede can span: the dateline is looked for in the first
    # `dateline_max` of them (what `find_dateline(text, title)` does), the lede is a prefix of them
    lines = _paragraphs(text, title, max(cues.dateline_max + cues.after_dateline, cues.without_dateline))
    dateline = _dateline_in(text, lines[: cues.dateline_max])
    if dateline is not None:
        count = dateline.paragraph + 1 + cues.after_dateline
    else:
        count = cues.without_dateline
    paragraphs = lines[:count]
    if paragraphs:
        lo = paragraphs[0][0]
        hi = min(paragraphs[-1][1], lo + _LEDE_MAX_CHARS)
        found = _first_date(text, marks, starts, lo, hi)
        if found is not None:
            return found, "dateline"
    dated = [m.start for m in marks if _dated(m)]
    if not dated:
        return None, None  # no reporting verb can lead to a date
    # a verb ending more than a window before the first full date reaches none (`reporting_words`: its
    # matches are whole words, so the search may start anywhere); past the last full date, none is left
    first = max(0, min(dated) - _REPORT_WINDOW - cues.longest_verb) if cues.reporting_words else 0
    last = max(dated)
    for verb in cues.reporting.finditer(text, first):
        if verb.end() > last:
            break
        hi = min(len(text), verb.end() + _REPORT_WINDOW)
        stop = _SENTENCE_END.search(text, verb.end(), hi)
        if stop is not None:
            hi = stop.start() + 1
        found = _first_date(text, marks, starts, verb.end(), hi, clause_floor=verb.end())
        if found is not None:
            return found, "reporting"
    return None, None
