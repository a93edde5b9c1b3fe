"""Score time-expression taggers against the hand-annotated gold standard in fixtures/gold/.

Usage: python benchmarks/gold.py [--reference published|gold] [--verbose] [--no-dateparser] [--limit N]

Systems: timeline (timeline.temporal.find_dates + timex_value) and dateparser
(dateparser.search.search_dates(text, languages=["id"])), scored the same way:
- recognition P/R/F1, STRICT (exact span) and LENIENT (overlapping spans, each gold and each system
  expression matched at most once, largest overlap first);
- normalization P/R/F1: a lenient match whose value agrees with the gold value at the gold's precision
  (the system value cut to the length of the gold value must equal it: gold 2017-03 accepts 2017-03 and
  2017-03-27; gold 2017-03-27T10:00 needs the clock). Durations, sets and *_REF values must match
  exactly. P = correct / system expressions, R = correct / gold expressions.
The reference date given to each system is the corpus `published` date when the article has one, else
the gold's human `reference` (policy "published", the default), or the gold's human reference first
(policy "gold"). The README in fixtures/gold/ says why both exist: `published` in IndoSum is the crawl
day, often a day or more after the article.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _gold_module():
    """fixtures/gold/build.py (standard library only), loaded by path: "build" is also a PyPI name."""
    name = "gold_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "fixtures" / "gold" / "build.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


REFS = _gold_module().REFS
load_gold = _gold_module().load_gold


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    kind: str
    value: str | None


# --------------------------------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------------------------------


def timeline_tagger():
    """find_dates + TIMEX3 values. If an import path moved in the package, fix it here."""
    from timeline.temporal import find_dates, timex_value

    try:
        from timeline.render.timeml import timex_type
    except ImportError:  # pragma: no cover - only if the package moved it
        timex_type = None

    def tag(text: str, ref: date | None) -> list[Span]:
        out = []
        for e in find_dates(text, ref):
            value = timex_value(e)
            # A clock range ("14.00-14.40 WIB") is exported as begin/end points; the gold compares its
            # start, so the start clock is appended when timex_value leaves it off for ranges.
            clock = getattr(getattr(e, "time", None), "clock", None)
            if e.kind == "range" and clock and value and "T" not in value and not value.startswith("P"):
                value = f"{value}T{clock.split('-')[0]}"
            if timex_type is not None:
                type_ = timex_type(e)
            else:
                type_ = {"duration": "DURATION", "set": "SET"}.get(e.kind, "TIME" if e.time else "DATE")
            out.append(Span(e.start, e.end, e.text, type_, e.kind, value))
        return out

    return tag


def dateparser_tagger():
    from dateparser.search import search_dates

    def tag(text: str, ref: date | None) -> list[Span]:
        settings = {"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day)} if ref else {}
        try:
            found = search_dates(text, languages=["id"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; count it as finding nothing
            found = []
        out, cursor = [], 0
        for sub, dt in found:
            i = text.find(sub, cursor)
            if i == -1:
                i = text.find(sub)
                if i == -1:
                    continue
            else:
                cursor = i + len(sub)
            out.append(Span(i, i + len(sub), sub, "DATE", "date", dt.date().isoformat()))
        out.sort(key=lambda s: (s.start, s.end))
        return out

    return tag


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------


def _canon(v: str) -> str:
    return v.replace(",", ".")


def value_agrees(gold: str, system: str | None) -> bool:
    """The system value agrees with the gold value at the gold's precision (see the module doc)."""
    if not system:
        return False
    g, s = _canon(gold), _canon(system)
    if g in REFS or g.startswith("P") or s in REFS or s.startswith("P"):
        return g == s
    return len(s) >= len(g) and s[: len(g)] == g


def match_lenient(gold: list[dict], system: list[Span]) -> dict[int, int]:
    """gold index -> system index; overlapping spans, each side used once, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g["end"], s.end) - max(g["start"], s.start)
            if ov > 0:
                pairs.append((-ov, gi, si))
    pairs.sort()
    used_g, used_s, out = set(), set(), {}
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out[gi] = si
    return out


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Result:
    n_gold: int = 0
    n_sys: int = 0
    strict: int = 0
    lenient: int = 0
    norm: int = 0
    seconds: float = 0.0
    articles: int = 0

    def scores(self) -> dict[str, tuple[float, float, float]]:
        return {
            "strict": prf(self.strict, self.n_sys, self.n_gold),
            "lenient": prf(self.lenient, self.n_sys, self.n_gold),
            "norm": prf(self.norm, self.n_sys, self.n_gold),
        }


_READ: dict[str, str | None] = {}


def read_published(article: dict) -> str | None:
    """The publication day timeline reads from the record (its reader, `parse_article`): `published`,
    unless the address carries an earlier day (IndoSum's `published` is often the crawl)."""
    if article["id"] not in _READ:
        import json

        from timeline.ingest import parse_article

        record = {"text": article["text"], "date": article.get("published"), "url": article.get("url")}
        found, _ = parse_article("gold.json", json.dumps(record).encode())
        day = found[0].published if found else None
        _READ[article["id"]] = day.isoformat() if day else None
    return _READ[article["id"]]


def reference_for(article: dict, policy: str) -> tuple[date | None, str]:
    pub, human = read_published(article), article.get("reference")
    order = [(pub, "published"), (human, "gold")] if policy == "published" else [(human, "gold"), (pub, "published")]
    for value, name in order:
        if value:
            return date.fromisoformat(value[:10]), name
    return None, "none"


def evaluate(gold: list[dict], tag, policy: str = "published") -> tuple[Result, dict]:
    """Run one tagger over the gold articles and score it. Returns the totals and the details."""
    res = Result()
    by_type: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    sys_type: collections.Counter = collections.Counter()
    misses, false_pos, wrong_values, bounds = [], [], [], []
    used = collections.Counter()
    for art in gold:
        ref, used_name = reference_for(art, policy)
        used[used_name] += 1
        t0 = time.perf_counter()
        spans = tag(art["text"], ref)
        res.seconds += time.perf_counter() - t0
        res.articles += 1
        gtx = art["timexes"]
        res.n_gold += len(gtx)
        res.n_sys += len(spans)
        exact = {(s.start, s.end) for s in spans}
        match = match_lenient(gtx, spans)
        matched_sys = set(match.values())
        for gi, g in enumerate(gtx):
            is_strict = (g["start"], g["end"]) in exact
            s = spans[match[gi]] if gi in match else None
            ok = s is not None and value_agrees(g["value"], s.value)
            res.strict += is_strict
            res.lenient += s is not None
            res.norm += ok
            for table, key in ((by_type, g["type"]), (by_kind, g["kind"])):
                table[key]["n"] += 1
                table[key]["strict"] += is_strict
                table[key]["lenient"] += s is not None
                table[key]["norm"] += ok
            if s is None:
                misses.append((art["id"], g))
            elif not is_strict:
                bounds.append((art["id"], g, s))
            if s is not None and not ok:
                wrong_values.append((art["id"], g, s))
        for si, s in enumerate(spans):
            sys_type[s.type] += 1
            if si not in matched_sys:
                false_pos.append((art["id"], s))
                by_type[s.type]["fp"] += 1
    details = {"by_type": by_type, "by_kind": by_kind, "sys_type": sys_type, "misses": misses,
               "false_pos": false_pos, "wrong_values": wrong_values, "bounds": bounds, "reference_used": used}
    return res, details


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------


def _short(aid: str) -> str:
    return aid.split(":")[-1][:48]


def _fmt3(t: tuple[float, float, float]) -> str:
    return f"{t[0]:.3f} {t[1]:.3f} {t[2]:.3f}"


def report(gold, results: dict[str, tuple[Result, dict]], policy: str, alt: dict[str, Result], verbose: bool) -> str:
    names = list(results)
    n = sum(len(a["timexes"]) for a in gold)
    differs = sum(1 for a in gold if read_published(a) and a.get("reference") and read_published(a)[:10] != a["reference"])
    used = next(iter(results.values()))[1]["reference_used"]
    lines = [
        f"gold: {len(gold)} articles, {n} time expressions (fixtures/gold)",
        f"reference policy '{policy}': "
        + ("the publication day timeline reads from the record (corpus published, or the earlier day its url carries) when present, else the gold's human reference" if policy == "published"
           else "the gold's human reference when present, else corpus published")
        + f" -> used published for {used['published']}, gold for {used['gold']}, none for {used['none']} articles;"
        f" published differs from the human reference in {differs}",
        "",
        f"{'':22}" + "".join(f"{name:>26}" for name in names),
        f"{'':22}" + "".join(f"{'P     R     F1':>26}" for _ in names),
    ]
    for key, label in (("strict", "recognition strict"), ("lenient", "recognition lenient"), ("norm", "normalization")):
        lines.append(f"{label:22}" + "".join(f"{_fmt3(results[k][0].scores()[key]):>26}" for k in names))
    other = "gold" if policy == "published" else "published"
    lines.append(f"{'norm, ref=' + other:22}" + "".join(
        f"{_fmt3(alt[k].scores()['norm']) if k in alt else '-':>26}" for k in names))
    lines.append(f"{'articles/s':22}" + "".join(
        f"{(r.articles / r.seconds if r.seconds else float('inf')):>26.1f}" for r, _ in results.values()))
    lines.append(f"{'gold / system count':22}" + "".join(f"{f'{r.n_gold} / {r.n_sys}':>26}" for r, _ in results.values()))
    for table, title in (("by_type", "type"), ("by_kind", "kind")):
        lines.append("")
        lines.append(f"by gold {title:6} {'n':>5}" + "".join(f"{name + ' strict/len/norm':>30}" for name in names)
                     + ("   (recall of each; fp = unmatched system spans of that type)" if title == "type" else ""))
        keys = sorted({k for _, d in results.values() for k in d[table]},
                      key=lambda k: -max(d[table][k]["n"] for _, d in results.values()))
        for k in keys:
            gn = max(d[table][k]["n"] for _, d in results.values())
            row = f"  {k:12} {gn:>5}"
            for name in names:
                c = results[name][1][table][k]
                cell = "-" if not gn else f"{c['strict'] / gn:.2f}/{c['lenient'] / gn:.2f}/{c['norm'] / gn:.2f}"
                if title == "type":
                    cell += f" fp {c['fp']}"
                row += f"{cell:>30}"
            lines.append(row)
    if verbose:
        for name in names:
            d = results[name][1]
            lines.append("")
            lines.append(f"== {name}: {len(d['misses'])} misses")
            for aid, g in d["misses"]:
                lines.append(f"  MISS {_short(aid):48} {g['text']!r:42} {g['type']:8} {g['value']}")
            lines.append(f"== {name}: {len(d['false_pos'])} false positives")
            for aid, s in d["false_pos"]:
                lines.append(f"  FP   {_short(aid):48} {s.text!r:42} {s.kind:8} {s.value}")
            lines.append(f"== {name}: {len(d['wrong_values'])} recognized with a wrong value")
            for aid, g, s in d["wrong_values"]:
                lines.append(f"  VAL  {_short(aid):48} {g['text']!r:34} gold {g['value']:18} | {s.text!r} -> {s.value}")
            lines.append(f"== {name}: {len(d['bounds'])} found with other bounds (lenient, not strict)")
            for aid, g, s in d["bounds"]:
                lines.append(f"  SPAN {_short(aid):48} {g['text']!r:42} | {s.text!r}")
    return "\n".join(lines)


def run(gold: list[dict], policy: str = "published", with_dateparser: bool = True) -> dict[str, tuple[Result, dict]]:
    systems = {"timeline": timeline_tagger()}
    if with_dateparser:
        systems["dateparser"] = dateparser_tagger()
    return {name: evaluate(gold, tag, policy) for name, tag in systems.items()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Score taggers against fixtures/gold.")
    p.add_argument("--reference", choices=("published", "gold"), default="published",
                   help="which reference date to give the taggers (default: corpus published, else gold)")
    p.add_argument("--verbose", "-v", action="store_true", help="list misses, false positives and wrong values")
    p.add_argument("--no-dateparser", action="store_true", help="score timeline only")
    p.add_argument("--limit", type=int, default=0, help="only the first N gold articles")
    args = p.parse_args(argv)
    gold = load_gold()
    if args.limit:
        gold = gold[: args.limit]
    results = run(gold, args.reference, not args.no_dateparser)
    other = "gold" if args.reference == "published" else "published"
    # The other policy only changes articles whose two reference dates differ; rescoring all is cheap
    # for timeline, and dateparser is rescored too so both columns stay comparable.
    alt = {name: res for name, (res, _) in run(gold, other, not args.no_dateparser).items()}
    print(report(gold, results, args.reference, alt, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
