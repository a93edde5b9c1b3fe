"""The HTML report: one self-contained page with the findings first and each official's time axis.

Built from the same `Report` as the other formats. This module turns it into plain view records (what
each finding, quote, row and mark says, in the report's language); `timeline.render.axis` computes
where things sit; the Jinja2 templates in `templates/` (autoescaped) only draw. No file is linked and
nothing is fetched: the CSS and the few lines of script are inlined.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from timeline.lang import event_label, label, message, messages
from timeline.model import SEVERITIES, EventClaim, Evidence, Finding, Official, Report
from timeline.render import counts, message_of, ordered
from timeline.render.axis import AxisLayout, Calendar, Link, axis_layout, claim_interval, claim_links

DEFAULT_MAX_TRIP_DAYS = 14
# One shape per event type, so the axis reads without colour (paths centred on 0, about 12 units wide);
# a type other stages add later is drawn as "other" until it gets its own.
SYMBOLS = {
    "departure": "M-5,-6L7,0L-5,6Z",
    "return": "M5,-6L-7,0L5,6Z",
    "arrival": "M-6,-5H6L0,7Z",
    "meeting": "M-5,-5H5V5H-5Z",
    "attend": "M0,-6A6,6 0 1,0 .01,-6Z",
    "visit": "M0,-7L7,0L0,7L-7,0Z",
    "speak": "M-2,-6H2V-2H6V2H2V6H-2V2H-6V-2H-2Z",
    "ceremony": "M0,-7L1.8,-2.3L6.7,-2.2L2.9,0.9L4.1,5.7L0,3L-4.1,5.7L-2.9,0.9L-6.7,-2.2L-1.8,-2.3Z",
    "inspection": "M-6,0L-3,-5.2H3L6,0L3,5.2H-3Z",
    "other": "M0,-6L5.7,-1.9L3.5,4.9H-3.5L-5.7,-1.9Z",
}
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
    help: str | None
    quotes: list[Quote]
    companions: tuple[str, ...]
    suppressed: bool
    official: str
    outlets: list[str]
    dates: str  # "start/end start/end" of the dated quotes, for the date filter
    marks: list[str] = field(default_factory=list)


@dataclass(slots=True)
class MarkView:
    id: str
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
    row_labels: list[tuple[str, str, str]]  # (outlet or file, file and date, full title)
    trip_titles: dict[str, str]  # departure claim id -> what its trip bar says
    claims: list[dict[str, Any]]  # the claim list under the axis (events pages)
    claim_total: int
    sources: int
    worst: str | None


def _calendar(lang: str) -> Calendar:
    return Calendar(tuple(message("html.months", lang).split()), tuple(message("html.months_short", lang).split()))


@lru_cache(maxsize=8192)
def day_text(day: date, lang: str) -> str:
    """18 Sep 2023 / 18 Sep 2023: the page's way of writing a day."""
    short = message("html.months_short", lang).split()
    return message("html.date", lang, day=day.day, month=short[day.month - 1], year=day.year)


def span_text(start: date, end: date, lang: str) -> str:
    if start == end:
        return day_text(start, lang)
    return f"{day_text(start, lang)} – {day_text(end, lang)}"


def _weekday(day: date, lang: str) -> str:
    return message("html.weekdays", lang).split()[day.weekday()]


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


def _quote(f: Finding, k: int, e: Evidence, lang: str) -> Quote:
    text = e.quote
    start, end = e.mark_start, e.mark_end
    if not 0 <= start < end <= len(text):
        start = end = len(text)
    read_as = None
    if e.date is not None:
        read_as = span_text(e.date.start, e.date.end, lang)
        if e.date.start == e.date.end and (e.granularity in (None, "day")):
            read_as += f" ({_weekday(e.date.start, lang)})"
    return Quote(
        id=f"f-{f.id}-{k}", before=text[:start], marked=text[start:end], after=text[end:], outlet=e.outlet,
        published=day_text(e.published, lang) if e.published else None, read_as=read_as,
        where=f"{e.path}:{e.line}:{e.column}", url=e.url if _is_web(e.url) else None,
    )


def _is_web(url: str | None) -> bool:
    return bool(url) and url.split(":", 1)[0].lower() in ("http", "https")  # type: ignore[union-attr]


def _finding_view(f: Finding, rules: Mapping[str, Any], lang: str) -> FindingView:
    rule = rules.get(f.code)
    quotes = [_quote(f, k, e, lang) for k, e in enumerate(f.evidence)]
    dated = [e.date for e in f.evidence if e.date is not None]
    return FindingView(
        id=f"f-{f.id}", code=f.code, rule=f.rule, severity=f.severity, message=message_of(f, rules, lang),
        help=rule.text("help", lang) if rule is not None else None, quotes=quotes, companions=tuple(f.companions),
        suppressed=f.suppressed, official=f.official_id or "",
        outlets=sorted({e.outlet for e in f.evidence if e.outlet}),
        dates=" ".join(f"{d.start.isoformat()}/{d.end.isoformat()}" for d in dated),
    )


def _mark_title(c: EventClaim, links: Sequence[Link], codes: Mapping[str, str], lang: str) -> str:
    interval = claim_interval(c)
    parts = [event_label(c.type, lang)]
    written = getattr(c.date, "text", None)
    when = span_text(*interval, lang) if interval else ""
    parts.append(f"{' '.join(written.split())} ({when})" if written else when)
    if c.place is not None and c.place.text:
        parts.append(c.place.text)
    parts.append(_modality(c.modality, lang))
    parts.append(str(c.location))
    if links:
        parts.append(message("html.linked", lang, codes=", ".join(sorted({codes[l.finding_id] for l in links}))))
    return " · ".join(parts)


def _official_view(
    n: int, official_id: str, official: Official | None, name: str, findings: list[FindingView],
    raw: Sequence[Finding], claims: Sequence[EventClaim], sources: Mapping[str, Source], lang: str,
    max_trip_days: int, with_claims: bool, draw: bool = True,
) -> OfficialView:
    key = f"o{n}"
    links = claim_links(raw, claims)
    codes = {f.id: f.code for f in raw}
    axis = None
    marks: dict[int, MarkView] = {}
    rows: list[tuple[str, str, str]] = []
    trips: dict[str, str] = {}
    if draw and any(claim_interval(c) for c in claims):
        axis = axis_layout(claims, _calendar(lang), sources=sources, links=links, max_trip_days=max_trip_days)
        by_id = {fv.id: fv for fv in findings}
        for m in axis.marks:
            c = claims[m.index]
            mid = f"m-{n}-{m.index}"
            quotes = []
            for link in m.links:
                fv = by_id.get(f"f-{link.finding_id}")
                if fv is not None:
                    fv.marks.append(mid)
                    fv.quotes[link.evidence].marks.append(mid)
                    quotes.append(fv.quotes[link.evidence].id)
            classes = [f"s-{m.shape}", _modality_class(c.modality)]
            if m.severity:
                classes += ["conflict", f"sev-{m.severity}"]
            first = m is next(x for x in axis.marks if x.row == 0)
            marks[m.index] = MarkView(mid, _mark_title(c, m.links, codes, lang), quotes, " ".join(classes), first)
        for row in axis.rows:
            source = sources.get(row.key)
            file = row.path.rsplit("/", 1)[-1]
            head = (source.outlet if source and source.outlet else None) or file
            detail = " · ".join(x for x in (day_text(row.published, lang) if row.published else "",
                                            file if head != file else "") if x)
            rows.append((_clip(head, 26), _clip(detail, 36), " · ".join(x for x in (head, row.path, detail) if x)))
        for t in axis.trips:
            place = t.place or "?"
            title = message("html.trip_title", lang, place=place, start=day_text(t.start, lang), end=day_text(t.end, lang))
            if t.inferred:
                title += f" ({message('html.trip_inferred', lang, days=axis.max_trip_days)})"
            trips[t.claim_id] = title
    listed = []
    if with_claims:
        for i, c in enumerate(claims):
            interval = claim_interval(c)
            source = sources.get(c.article_key)
            sentence = " ".join(c.sentence.text.split())
            written = " ".join(c.date.text.split()) if c.date is not None else ""
            at = sentence.find(written) if written else -1
            listed.append({
                "id": f"c-{n}-{i}", "mark": marks[i].id if i in marks else None,
                "when": span_text(*interval, lang) if interval else "–", "event": event_label(c.type, lang),
                "modality": _modality(c.modality, lang), "place": c.place.text if c.place else "",
                "outlet": source.outlet if source else None, "where": str(c.location),
                "before": sentence[:at] if at >= 0 else sentence, "marked": written if at >= 0 else "",
                "after": sentence[at + len(written):] if at >= 0 else "",
            })
    worst = min((f.severity for f in findings), key=lambda s: _RANK.get(s, 9), default=None)
    return OfficialView(
        key=key, id=official_id, name=name, roles=", ".join(str(r) for r in official.roles) if official else "",
        findings=findings, axis=axis, marks=marks, row_labels=rows, trip_titles=trips, claims=listed,
        claim_total=len(claims), sources=len({c.article_key for c in claims if claim_interval(c)}), worst=worst,
    )


def _modality_class(modality: str) -> str:
    if modality in ("planned", "changed"):
        return "planned"
    if modality in ("cancelled", "uncertain"):
        return "doubt"
    return "reported"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _group_order(views: list[FindingView]) -> tuple:
    ranks = sorted(_RANK.get(v.severity, 9) for v in views)
    return (ranks[0], *[-ranks.count(r) for r in range(len(_RANK))])


def build_page(
    report: Report, lang: str, rules: Mapping[str, Any], *, sources: Mapping[str, Any] | None = None,
    max_trip_days: int = DEFAULT_MAX_TRIP_DAYS, mode: str = "check", title: str | None = None,
) -> dict[str, Any]:
    """The page as records the template draws: officials with findings (most severe first), findings
    without an official, and every other official (drawn on demand in a check report)."""
    known = sources_of(report, sources)
    officials = {o.id: o for o in report.officials}
    by_official: dict[str | None, list[Finding]] = {}
    for f in ordered(report.findings):
        if not f.suppressed:
            by_official.setdefault(f.official_id, []).append(f)
    views = {oid: [_finding_view(f, rules, lang) for f in fs] for oid, fs in by_official.items()}
    order = sorted((oid for oid in views if oid is not None),
                   key=lambda oid: (_group_order(views[oid]), (officials[oid].name if oid in officials else oid).casefold()))
    page_officials: list[OfficialView] = []
    for n, oid in enumerate(order):
        official = officials.get(oid)
        name = official.name if official else (by_official[oid][0].official_name or oid)
        page_officials.append(_official_view(n, oid, official, name, views[oid], by_official[oid],
                                             report.events.get(oid, ()), known, lang, max_trip_days,
                                             with_claims=mode == "events"))
    eager = mode == "events"
    others: list[OfficialView] = []
    listed = set(order)
    rest = [o for o in report.officials if o.id not in listed and report.events.get(o.id)]
    rest.sort(key=lambda o: o.name.casefold())
    for n, official in enumerate(rest, start=len(order)):
        view = _official_view(n, official.id, official, official.name, [], (), report.events.get(official.id, ()),
                              known, lang, max_trip_days, with_claims=eager)
        (page_officials if eager else others).append(view)
    loose = views.get(None, [])
    all_findings = [fv for ov in page_officials for fv in ov.findings] + loose
    outlets = sorted({o for fv in all_findings for o in fv.outlets}
                     | {s.outlet for s in known.values() if s.outlet and s.key in _drawn_keys(page_officials)},
                     key=str.casefold)
    n = counts(report.findings)
    from timeline import __version__

    return {
        "lang": lang,
        "mode": mode,
        "title": title or message("html.title_check", lang),
        "version": __version__,
        "summary_counts": message("html.summary_counts", lang, errors=n["error"], warnings=n["warning"], infos=n["info"]),
        "summary_inputs": message("html.summary_inputs", lang, articles=report.articles, skipped=len(report.skipped)),
        "counts": n,
        "skipped": [f"{p.path}{':' + str(p.line) if p.line else ''}: {p.text.render(lang)}" for p in report.skipped],
        "officials": page_officials,
        "others": others,
        "loose": loose,
        "rules": sorted({fv.code for fv in all_findings}),
        "severities": [s for s in SEVERITIES],
        "outlets": outlets,
        "event_types": sorted({m.event_type for ov in page_officials + others if ov.axis for m in ov.axis.marks}),
        "max_trip_days": max_trip_days,
        "has_findings": bool(all_findings),
    }


def _drawn_keys(views: Iterable[OfficialView]) -> set[str]:
    return {r.key for v in views if v.axis for r in v.axis.rows}


def render_html(
    report: Report, lang: str, rules: Mapping[str, Any], *, sources: Mapping[str, Any] | None = None,
    max_trip_days: int | None = None, mode: str = "check", title: str | None = None, **_: Any,
) -> str:
    """The report as one HTML page. `sources` (article key -> Article) names outlets and dates of
    claims no finding quotes; `max_trip_days` is where a trip without a reported return ends."""
    page = build_page(report, lang, rules, sources=sources, max_trip_days=max_trip_days or DEFAULT_MAX_TRIP_DAYS,
                      mode=mode, title=title)
    return _environment().get_template("report.html.j2").render(
        page=page, t=lambda key, **fields: message(f"html.{key}", lang, **fields),
        label=lambda key: label(key, lang), event_label=lambda kind: event_label(kind, lang),
        day=lambda d: day_text(d, lang), css=_asset("report.css"), js=_asset("report.js"), symbols=SYMBOLS,
    )


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("timeline.render", "templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["n"] = lambda x: f"{x:.2f}".rstrip("0").rstrip(".")
    return env


@lru_cache(maxsize=None)
def _asset(name: str):
    """A CSS or script file inlined verbatim (it is ours, not user input)."""
    from importlib import resources

    from markupsafe import Markup

    return Markup(resources.files("timeline.render").joinpath("templates", name).read_text(encoding="utf-8"))
