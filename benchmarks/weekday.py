"""TL002 weekday-mismatch over real news: how often it fires, how often it can say how to fix it, and
every finding listed for review.

Usage: python benchmarks/weekday.py [--list] [--json FILE] [--limit N]

Corpus: every .jsonl file in ../shared/real-news/ beside the repository (IndoSum, CC BY-SA 4.0; its
`published` is often the crawl day, a day or more after the story: read the text and the URL, which often
carries the true date, before calling a finding false).
Baseline, measured in the same run on the same extraction: the rule as it was before issue 12, which
excused a weekday next to a yearless date whenever it fitted the same day a year before or after, or the
day/month swap. Figures: findings per 1,000 articles, the share with a date correction near publication
(every finding also says which weekday the written date falls on), and the findings each rule alone reports.
The closing note compares the findings with the hand review in benchmarks/weekday_review.toml: how many
were reviewed, how many were true, why the false ones are false, and any finding nobody has reviewed yet.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real-news"
REVIEW = Path(__file__).resolve().parent / "weekday_review.toml"


def old_rule_fires(expr, published: date | None) -> bool:
    """The pre-issue-12 rule: any neighbouring year, or the swap, excused a yearless date."""
    from timeline.temporal import weekday_name

    wd = expr.weekday
    if not expr.valid or wd is None or wd.ok is not False or expr.value is None:
        return False
    if not expr.year_inferred:
        return True
    day = expr.value.start
    readings = []
    for year in (day.year - 1, day.year + 1):
        try:
            readings.append(day.replace(year=year))
        except ValueError:
            pass
    try:
        readings.append(day.replace(month=day.day, day=day.month))
    except ValueError:
        pass
    return not any(weekday_name(r) == wd.stated for r in readings)


def review_row(item, draft) -> dict:
    """One finding as a reviewer reads it."""
    e = draft.evidence[0]
    quote = " ".join(e.quote.split())
    start = max(0, e.mark_start - 160)
    return {
        "article": item.article.key.rsplit("/", 1)[-1],
        "published": item.article.published.isoformat() if item.article.published else None,
        "url": item.article.url,
        "text": draft.args["text"],
        "read_as": e.date.start.isoformat() if e.date else None,
        "stated": draft.args["stated"],
        "actual": draft.args["actual"],
        "official": draft.official_name,
        "quote": ("..." if start else "") + quote[start : e.mark_end + 120],
        "suggestions": [s.note.render("en") for s in draft.suggestions],
        "date_fix": any(s.changes != ("weekday",) for s in draft.suggestions)
        and any(abs((s.date - item.article.published).days) <= 62 for s in draft.suggestions if s.changes != ("weekday",))
        if item.article.published else False,
    }


def run(limit: int | None) -> dict:
    from timeline.checks.article import weekday_mismatch
    from timeline.extract.article import extract_claims
    from timeline.ingest.readers import parse_article

    files = sorted(REAL.glob("*.jsonl"))
    articles = 0
    new_rows: list[dict] = []
    old_count = 0
    old_only: list[dict] = []
    started = time.perf_counter()
    for path in files:
        found, _ = parse_article(str(path), path.read_bytes())
        for article in found[:limit]:
            articles += 1
            item = extract_claims(article)
            drafts = list(weekday_mismatch(item, {}))
            new_spans = {(d.evidence[0].line, d.evidence[0].column) for d in drafts}
            new_rows += [review_row(item, d) for d in drafts]
            for expr in item.expressions:
                if old_rule_fires(expr, article.published):
                    old_count += 1
                    loc = article.location(expr.start)
                    if (loc.line, loc.column) not in new_spans:
                        old_only.append({"article": article.key.rsplit("/", 1)[-1], "text": expr.text,
                                         "published": article.published.isoformat() if article.published else None})
    return {"files": [p.name for p in files], "articles": articles, "seconds": time.perf_counter() - started,
            "old": old_count, "new": new_rows, "old_only": old_only}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="print every finding for review")
    parser.add_argument("--json", type=Path, help="write the findings for review to this file")
    parser.add_argument("--limit", type=int, default=None, help="at most N articles per file")
    args = parser.parse_args()
    if not REAL.is_dir() or not any(REAL.glob("*.jsonl")):
        print(f"(real-news corpus not found beside the repository: {REAL.name} skipped)")
        return 0
    result = run(args.limit)
    n, rows = result["articles"], result["new"]
    with_fix = sum(1 for r in rows if r["date_fix"])
    per_k = lambda count: 1000 * count / n if n else 0.0  # noqa: E731
    print(f"TL002 weekday-mismatch over {', '.join(result['files'])}: {n:,} articles "
          f"({result['seconds']:.1f} s extraction, one core)\n")
    print("| rule | findings | per 1,000 articles | with a date correction near publication |")
    print("|---|---:|---:|---:|")
    print(f"| baseline: any neighbouring year or swap excuses a yearless date | {result['old']} | {per_k(result['old']):.1f} | – |")
    share = f"{with_fix} ({100 * with_fix / len(rows):.0f}%)" if rows else "0"
    print(f"| issue 12: other readings excuse only far from publication | {len(rows)} | {per_k(len(rows)):.1f} | {share} |")
    print(f"\nEvery finding also names the weekday its written date falls on: {len(rows)} of {len(rows)} carry a suggestion.")
    print(f"Reported by the baseline only (now silent): {len(result['old_only'])}")
    for r in result["old_only"]:
        print(f"  {r['article']}  {r['published']}  {r['text']!r}")
    if args.list:
        print("\nFindings for review:")
        for k, r in enumerate(rows, 1):
            print(f"\n{k}. {r['article']}  published {r['published']}  {r['url'] or ''}")
            print(f"   {r['text']!r} read as {r['read_as']} ({r['actual']}, the text says {r['stated']}); "
                  f"official: {r['official'] or '-'}")
            print(f"   \"{r['quote']}\"")
            for s in r["suggestions"]:
                print(f"   - {s}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    closing_note(rows)
    return 0


def closing_note(rows: list[dict]) -> None:
    """How the current findings compare with the hand review."""
    import tomllib

    reviewed = {(f["article"], f["text"]): f for f in tomllib.loads(REVIEW.read_text(encoding="utf-8"))["finding"]}
    seen = [reviewed.get((r["article"], r["text"])) for r in rows]
    done = [f for f in seen if f is not None]
    true = sum(1 for f in done if f["true"])
    print(f"\nReviewed by hand ({REVIEW.name}): {len(done)} of {len(rows)} findings, {true} true, {len(done) - true} false.")
    for f in done:
        if not f["true"]:
            print(f"  false: {f['article']} {f['text']!r}: {f['note']}")
    for r, f in zip(rows, seen):
        if f is None:
            print(f"  not reviewed yet: {r['article']} {r['text']!r}")
    gone = set(reviewed) - {(r["article"], r["text"]) for r in rows}
    for article, text in sorted(gone):
        verdict = "true" if reviewed[(article, text)]["true"] else "false"
        print(f"  reviewed ({verdict}) but no longer reported: {article} {text!r}")


if __name__ == "__main__":
    sys.exit(main())
