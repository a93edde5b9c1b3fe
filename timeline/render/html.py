"""The HTML report: one self-contained page, the findings first, each official's time axis as inline SVG.

Built from the same `Report` as the other formats: `html_page` turns it into records in the report's
language, `axis` computes every position, and the Jinja2 templates in `templates/` (autoescaped) draw
them. Nothing is linked or fetched: CSS and script are inlined. A large archive would make a page too
big to open, so axes are inlined up to a budget, in page order; every other axis is the same markup
deflated and base64-encoded in the page, drawn (inflated) by the browser when it is scrolled to or opened.
Errors and warnings are written out; an official's info findings (a relative date no publication
date anchors: one per undated article) travel the same way, deflated, shown when they are opened.
"""

from __future__ import annotations

import base64
import zlib
from functools import lru_cache
from typing import Any, Mapping

from timeline.archive.graph import DEFAULT_MAX_TRIP_DAYS
from timeline.lang import event_label, label, message
from timeline.model import Report
from timeline.render.html_page import build_page

INLINE_BUDGET = 120_000  # characters of axis markup drawn inline; the rest is drawn on demand
CHUNK = 24  # axes deflated together (they share words, so they pack smaller than one by one)
QUIET_CHUNK = 32  # officials' info findings deflated together
PACKED_SEVERITIES = frozenset({"info"})
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


def render_html(
    report: Report, lang: str, rules: Mapping[str, Any], *, sources: Mapping[str, Any] | None = None,
    max_trip_days: int | None = None, mode: str = "check", title: str | None = None,
    inline_budget: int = INLINE_BUDGET, **_: Any,
) -> str:
    """The report as one HTML page. `sources` (article key -> Article) names the outlet and date of
    claims no finding quotes; `max_trip_days` is where a trip without a reported return ends;
    `mode` "events" draws every official (no findings); `inline_budget` bounds the inline axes."""
    page = build_page(report, lang, rules, sources=sources, max_trip_days=max_trip_days or DEFAULT_MAX_TRIP_DAYS,
                      mode=mode, title=title)
    helpers = {
        "t": lambda key, **fields: message(f"html.{key}", lang, **fields),
        "label": lambda key: label(key, lang),
        "event_label": lambda kind: event_label(kind, lang),
        "symbols": SYMBOLS,
        "packed_severities": PACKED_SEVERITIES,
    }
    env = _environment()
    draw = env.get_template("axis.svg.j2").make_module(helpers).figure
    figures: dict[str, Any] = {}
    later: list[tuple[str, str]] = []
    budget = inline_budget
    for eager, views in ((True, page["officials"]), (False, page["others"])):
        for ov in views:
            if ov.axis is None:
                continue
            markup = draw(ov)
            if eager and len(markup) <= budget:
                figures[ov.key] = markup
                budget -= len(markup)
            else:
                budget = -1  # inline in page order: after the first axis that does not fit, none is
                later.append((ov.key, str(markup)))
    chunks = [later[i : i + CHUNK] for i in range(0, len(later), CHUNK)]
    quiet_list = env.get_template("findings.html.j2").make_module(helpers).quiet_list
    quiet = []
    for key, views in _finding_groups(page):
        infos = [fv for fv in views if fv.severity in PACKED_SEVERITIES]
        if infos:
            quiet.append((f"{key}-i", str(quiet_list(infos))))
    chunks += [quiet[i : i + QUIET_CHUNK] for i in range(0, len(quiet), QUIET_CHUNK)]
    packed = {key: f"z{n}" for n, chunk in enumerate(chunks) for key, _ in chunk}
    blobs = [pack("".join(f'<template data-for="{key}">{markup}</template>' for key, markup in chunk))
             for chunk in chunks]
    return env.get_template("report.html.j2").render(
        page=page, figures=figures, packed=packed, blobs=blobs, css=_asset("report.css"), js=_asset("report.js"),
        **helpers,
    )


def _finding_groups(page: Mapping[str, Any]):
    """(key, findings) of each official the page shows, then of the findings without an official."""
    for ov in page["officials"]:
        yield ov.key, ov.findings
    if page["loose"]:
        yield "loose", page["loose"]


def pack(markup: str) -> str:
    """Markup as the page carries an axis drawn on demand: raw DEFLATE, base64 (the browser's
    DecompressionStream("deflate-raw") reads it back)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = squeeze.compress(markup.encode("utf-8")) + squeeze.flush()
    return base64.b64encode(data).decode("ascii")


def unpack(text: str) -> str:
    """The markup `pack` carried (for tests and tools that read the page)."""
    return zlib.decompress(base64.b64decode(text), -15).decode("utf-8")


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("timeline.render", "templates"), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["n"] = lambda x: f"{x:.1f}".rstrip("0").rstrip(".")
    env.filters["css"] = _css_string
    return env


def _css_string(text: str) -> str:
    """A label as the inside of a CSS string (labels that CSS writes before dates in quotes' lines)."""
    from markupsafe import Markup

    return Markup("".join(c if c.isalnum() or c in " .,-" else f"\\{ord(c):x} " for c in text))


@lru_cache(maxsize=None)
def _asset(name: str):
    """A CSS or script file of ours, inlined verbatim (not user input)."""
    from importlib import resources

    from markupsafe import Markup

    return Markup(resources.files("timeline.render").joinpath("templates", name).read_text(encoding="utf-8"))
