"""What the HTML page says, as plain records: each official's findings, quotes, axis rows and marks,
in the report's language. `timeline.render.axis` says where things sit; the templates only draw.

Findings are grouped by official, officials ordered by their most severe finding; findings without an
official come after them, and every other official with claims is listed last (drawn on demand).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Mapping, Sequence

from timeline.archive.graph import DEFAULT_MAX_TRIP_DAYS
from timeline.lang import event_label, message, messages
from timeline.model import SEVERITIES, EventClaim, Evidence, Finding, Official, Report
from timeline.render import counts, message_of, ordered
from timeline.render.axis import AxisLayout, Calendar, Link, axis_layout, claim_interval, claim_links

_RANK = {s: n for n, s in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Source:
    """What the page says about an article: where it is and who published it when."""

    key: str
    path: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    before: str
    marked: str
    after: str
    outlet: str | None
    published: str | None
    read_as: str | None
    where: str
    url: str | None
    marks: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FindingView:
    id: str
    code: str
    rule: str
    severity: str
    message: str
    quotes: list[Quote]
    companions: tuple[str, ...]
    suppressed: bool
    official: str
    outlets: list[str]
    dates: str  # "start/end start/end" of the dated quotes, for the date filter
    marks: list[str] = field(default_factory=list)


@dataclass(slots=True)
class MarkView:
    id: str | None  # only marks something links to carry an id
    title: str
    quotes: list[str]
    classes: str
    tab: bool = False  # the axis's one tab stop; arrow keys move between its marks


@dataclass(slots=True)
class OfficialView:
    key: str  # DOM id
    id: str
    name: str
    roles: str
    findings: list[FindingView]
    axis: AxisLayout | None
    marks: dict[int, MarkView]  # claim index -> what its mark says
    row_labels: list[tuple[str, str, str]]  # (outlet or file, date and file, the path when the label hides it)
    trip_titles: dict[str, str]  # departure claim id -> what its trip bar says
    claims: list[dict[str, Any]]  # the claim list under the axis (events pages)
    claim_total: int
    sources: int


@lru_cache(maxsize=4)
def calendar(lang: str) -> Calendar:
    return Calendar(tuple(message("html.months", lang).split()), tuple(message("html.months_short", lang).split()))


@lru_cache(maxsize=8192)
def day_text(day: date, lang: str) -> str:
    """18 Sep 2023: the page's way of writing a day."""
    return message("html.date", lang, day=day.day, month=calendar(lang).months_short[day.month - 1], year=day.year)


def span_text(start: date, end: date, lang: str) -> str:
    """18–22 Okt 2023, 30 Sep – 3 Okt 2023, 28 Des 2023 – 2 Jan 2024: the shared month and year once."""
    if start == end:
        return day_text(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_text(end, lang)}"
    if start.year == end.year:
        return f"{day_text(start, lang).rsplit(' ', 1)[0]} – {day_text(end, lang)}"
    return f"{day_text(start, lang)} – {day_text(end, lang)}"


def _modality(value: str, lang: str) -> str:
    return messages(lang).get(f"html.modality.{value}", value)


def sources_of(report: Report, given: Mapping[str, Any] | None) -> dict[str, Source]:
    """Every article the page names: from the articles the caller passes (anything with path, outlet,
    published, url), else from the findings' quotes and the claims' locations."""
    out: dict[str, Source] = {}
    for key, a in (given or {}).items():
        out[key] = Source(key, getattr(a, "path", key), getattr(a, "outlet", None), getattr(a, "published", None),
                          getattr(a, "url", None))
    for f in report.findings:
        for e in f.evidence:
            if e.article_key not in out:
                out[e.article_key] = Source(e.article_key, e.path, e.outlet, e.published, e.url)
    for claims in report.events.values():
        for c in claims:
            if c.article_key not in out:
                out[c.article_key] = Source(c.article_key, c.location.path)
    return out


def _is_web(url: str | None) -> bool:
    return bool(url) and url.split(":", 1)[0].lower() in ("http", "https")  # type: ignore[union-attr]


def _quote(f: Finding, k: int, e: Evidence, lang: str) -> Quote:
    text = e.quote
    start, end = e.mark_start, e.mark_end
    if not 0 <= start < end <= len(text):
        start = end = len(text)
    read_as = None
    if e.date is not None:
        read_as = span_text(e.date.start, e.date.end, lang)
        if e.date.start == e.date.end and e.granularity in (None, "day"):
            read_as += f" ({message('html.weekdays', lang).split()[e.date.start.weekday()]})"
    return Quote(
        id=f"f-{f.id}-{k}", before=text[:start], marked=text[start:end], after=text[end:], outlet=e.outlet,
        published=day_text(e.published, lang) if e.published else None, read_as=read_as,
        where=f"{e.path}:{e.line}:{e.column}", url=e.url if _is_web(e.url) else None,
    )


def _finding_view(f: Finding, rules: Mapping[str, Any], lang: str) -> FindingView:
    dated = [e.date for e in f.evidence if e.date is not None]
    return FindingView(
        id=f"f-{f.id}", code=f.code, rule=f.rule, severity=f.severity, message=message_of(f, rules, lang),
        quotes=[_quote(f, k, e, lang) for k, e in enumerate(f.evidence)], companions=tuple(f.companions),
        suppressed=f.suppressed, official=f.official_id or "-",
        outlets=sorted({e.outlet for e in f.evidence if e.outlet}),
        dates=" ".join(f"{d.start.isoformat()}/{d.end.isoformat()}" for d in dated),
    )


def _mark_title(c: EventClaim, links: Sequence[Link], codes: Mapping[str, str], lang: str) -> str:
    """What a mark says on hover and when chosen: event, date as read, place, modality, line (the
    date as written is in the quote; the row names the article)."""
    interval = claim_interval(c)
    parts = [event_label(c.type, lang), span_text(*interval, lang) if interval else ""]
    if c.place is not None and c.place.text:
        parts.append(c.place.text)
    if c.modality not in ("planned", "reported"):  # those two the mark's fill shows
        parts.append(_modality(c.modality, lang))
    parts.append(message("html.line", lang, line=c.location.line, column=c.location.column))
    if links:
        parts.append(message("html.linked", lang, codes=", ".join(sorted({codes[l.finding_id] for l in links}))))
    return " · ".join(parts)


def _modality_class(modality: str) -> str:
    if modality in ("planned", "changed"):
        return " planned"
    if modality in ("cancelled", "uncertain"):
        return " doubt"
    return ""


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _marks(n: int, axis: AxisLayout, claims: Sequence[EventClaim], findings: list[FindingView],
           raw: Sequence[Finding], lang: str, with_ids: bool) -> dict[int, MarkView]:
    """Each mark's words and links; a finding and each quote learn which marks are theirs."""
    by_id = {fv.id: fv for fv in findings}
    codes = {f.id: f.code for f in raw}
    first = next((m.index for m in axis.marks if m.row == 0), None)
    out: dict[int, MarkView] = {}
    for m in axis.marks:
        mid = f"m-{n}-{m.index}" if (m.links or with_ids) else None
        quotes = []
        for link in m.links:
            fv = by_id.get(f"f-{link.finding_id}")
            if fv is not None and mid is not None:
                fv.marks.append(mid)
                fv.quotes[link.evidence].marks.append(mid)
                quotes.append(fv.quotes[link.evidence].id)
        classes = f"mark {m.shape}{_modality_class(claims[m.index].modality)}"
        if m.severity:
            classes += f" conflict sev-{m.severity}"
        out[m.index] = MarkView(mid, _mark_title(claims[m.index], m.links, codes, lang), quotes, classes,
                                m.index == first)
    return out


def _claim_rows(n: int, claims: Sequence[EventClaim], marks: Mapping[int, MarkView], sources: Mapping[str, Source],
                lang: str) -> list[dict[str, Any]]:
    """Every claim of an official with its sentence, the date marked (the list under an events page's axis)."""
    out = []
    for i, c in enumerate(claims):
        interval = claim_interval(c)
        source = sources.get(c.article_key)
        sentence = " ".join(c.sentence.text.split())
        written = " ".join(c.date.text.split()) if c.date is not None else ""
        at = sentence.find(written) if written else -1
        out.append({
            "id": f"c-{n}-{i}", "mark": marks[i].id if i in marks else None,
            "when": span_text(*interval, lang) if interval else "–", "event": event_label(c.type, lang),
            "modality": _modality(c.modality, lang), "place": c.place.text if c.place else "",
            "outlet": source.outlet if source else None, "where": str(c.location),
            "before": sentence[:at] if at >= 0 else sentence, "marked": written if at >= 0 else "",
            "after": sentence[at + len(written):] if at >= 0 else "",
        })
    return out


def official_view(
    n: int, official_id: str, official: Official | None, name: str, findings: list[FindingView],
    raw: Sequence[Finding], claims: Sequence[EventClaim], sources: Mapping[str, Source], lang: str,
    max_trip_days: int, with_claims: bool,
) -> OfficialView:
    """One official: the findings, the axis layout, and the words of its rows, marks and trips."""
    axis = None
    marks: dict[int, MarkView] = {}
    rows: list[tuple[str, str, str]] = []
    trips: dict[str, str] = {}
    if any(claim_interval(c) for c in claims):
        links = claim_links(raw, claims)
        axis = axis_layout(claims, calendar(lang), sources=sources, links=links, max_trip_days=max_trip_days)
        marks = _marks(n, axis, claims, findings, raw, lang, with_claims)
        for row in axis.rows:
            source = sources.get(row.key)
            file = row.path.rsplit("/", 1)[-1]
            head = (source.outlet if source and source.outlet else None) or file
            detail = " · ".join(x for x in (day_text(row.published, lang) if row.published else "",
                                            file if head != file else "") if x)
            rows.append((_clip(head, 26), _clip(detail, 36), row.path if row.path != file or detail != _clip(detail, 36) else ""))
        for t in axis.trips:
            title = message("html.trip_title", lang, place=t.place or "?", start=day_text(t.start, lang),
                            end=day_text(t.end, lang))
            if t.inferred:
                title += f" ({message('html.trip_inferred', lang, days=axis.max_trip_days)})"
            trips[t.claim_id] = title
    return OfficialView(
        key=f"o{n}", id=official_id, name=name, roles=", ".join(str(r) for r in official.roles) if official else "",
        findings=findings, axis=axis, marks=marks, row_labels=rows, trip_titles=trips,
        claims=_claim_rows(n, claims, marks, sources, lang) if with_claims else [], claim_total=len(claims),
        sources=len({c.article_key for c in claims if claim_interval(c)}),
    )


def _group_order(views: list[FindingView]) -> tuple:
    ranks = [_RANK.get(v.severity, len(_RANK)) for v in views]
    return (min(ranks), *[-ranks.count(r) for r in range(len(_RANK))])


def build_page(
    report: Report, lang: str, rules: Mapping[str, Any], *, sources: Mapping[str, Any] | None = None,
    max_trip_days: int = DEFAULT_MAX_TRIP_DAYS, mode: str = "check", title: str | None = None,
) -> dict[str, Any]:
    """The page as records: officials with findings (most severe first), findings without an official,
    and every other official with claims (`others`; on an events page they are all drawn at once)."""
    from timeline import __version__

    known = sources_of(report, sources)
    officials = {o.id: o for o in report.officials}
    by_official: dict[str | None, list[Finding]] = {}
    for f in ordered(report.findings):
        if not f.suppressed:
            by_official.setdefault(f.official_id, []).append(f)
    views = {oid: [_finding_view(f, rules, lang) for f in fs] for oid, fs in by_official.items()}

    def name_of(oid: str) -> str:
        return officials[oid].name if oid in officials else (by_official[oid][0].official_name or oid)

    order = sorted((oid for oid in views if oid is not None), key=lambda oid: (_group_order(views[oid]), name_of(oid).casefold()))
    drawn = [official_view(n, oid, officials.get(oid), name_of(oid), views[oid], by_official[oid],
                           report.events.get(oid, ()), known, lang, max_trip_days, mode == "events")
             for n, oid in enumerate(order)]
    rest = sorted((o for o in report.officials if o.id not in views and report.events.get(o.id)),
                  key=lambda o: o.name.casefold())
    others = [official_view(n, o.id, o, o.name, [], (), report.events[o.id], known, lang, max_trip_days,
                            mode == "events") for n, o in enumerate(rest, start=len(order))]
    if mode == "events":
        drawn, others = drawn + others, []
    loose = views.get(None, [])
    findings = [fv for ov in drawn for fv in ov.findings] + loose
    row_keys = {r.key for ov in drawn if ov.axis for r in ov.axis.rows}
    outlets = {o for fv in findings for o in fv.outlets} | {s.outlet for k, s in known.items() if s.outlet and k in row_keys}
    used = sorted({fv.code for fv in findings})
    n = counts(report.findings)
    return {
        "lang": lang,
        "mode": mode,
        "title": title or message("html.title_check", lang),
        "version": __version__,
        "summary_counts": message("html.summary_counts", lang, errors=n["error"], warnings=n["warning"], infos=n["info"]),
        "summary_inputs": message("html.summary_inputs", lang, articles=report.articles, skipped=len(report.skipped)),
        "counts": n,
        "skipped": [f"{p.path}{':' + str(p.line) if p.line else ''}: {p.text.render(lang)}" for p in report.skipped],
        "officials": drawn,
        "others": others,
        "loose": loose,
        "rules": [(code, rules[code].name, rules[code].text("summary", lang), rules[code].text("help", lang))
                  if code in rules else (code, code, "", "") for code in used],
        "severities": list(SEVERITIES),
        "outlets": sorted(outlets, key=str.casefold),
        "event_types": sorted({m.event_type for ov in drawn + others if ov.axis for m in ov.axis.marks}),
        "max_trip_days": max_trip_days,
        "has_findings": bool(findings),
    }
