"""Does any stage grow faster than its input? One long article, and one official with many claims.

    python benchmarks/linearity.py [--sizes-kb 250,500,1000,2000] [--claims 2500,5000,10000]

A long article is generated articles run together into one file (as a live blog or a transcript would
be); it is extracted and checked on one core (`map_file`, then the checks per official), timed on the
CPU clock. One official's claims are short articles that each tell one of his events on its own date
(openings, visits, meetings, a trip abroad; three a day); they are extracted once, then the graph and every official
rule are timed. Each row prints seconds and seconds per unit beside the smallest size: a stage that
were quadratic would double its per-unit cost with each doubling of the input.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
PLACES = ["Loa Kulu", "Tenggarong", "Muara Badak", "Sebulu", "Anggana", "Samboja", "Kota Bangun", "Loa Janan"]
ACTS = ["meresmikan Pasar Rakyat {p}", "meninjau banjir di {p}", "membuka rapat koordinasi di {p}",
        "menghadiri peringatan hari jadi {p}", "mengunjungi Puskesmas {p}"]


def long_text(kb: int, tmp: Path) -> bytes:
    """Generated articles run together into one text of about `kb` kilobytes."""
    spec = importlib.util.spec_from_file_location("generate_archive", HERE / "generate_archive.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_archive"] = module
    spec.loader.exec_module(module)
    root = tmp / f"long-{kb}"
    module.generate(root, max(10, kb), seed=5, rate=0.2)
    bodies = [p.read_text(encoding="utf-8").split("\n", 2) for p in sorted(root.rglob("*.txt"))]
    text = bodies[0][0] + "\n\n"
    for body in bodies:
        if len(text) >= kb * 1000:
            break
        text += body[2] + "\n"
    return text.encode("utf-8")


def claim_article(n: int) -> bytes:
    """One short article: Edi Damansyah does one thing on one day, three a day whatever the count (so
    doubling the claims doubles the span, not the density), every 9th a trip abroad."""
    day = date(2000, 1, 1) + timedelta(days=n // 3)
    when = f"{DAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"
    place = PLACES[n % len(PLACES)]
    if n % 9 == 0:
        act = f"berangkat ke Jepang untuk kunjungan kerja, {when}"
    else:
        act = ACTS[n % len(ACTS)].format(p=place) + f", {when}"
    return (f"Bupati Hadir di {place}\n\nTENGGARONG - Bupati Kutai Kartanegara Edi Damansyah {act}. "
            f"Kegiatan itu berlangsung pukul 09.00 WITA. Berita ini terbit {day.day} {MONTHS[day.month - 1]} "
            f"{day.year}.\n").encode("utf-8")


def check_stage(results) -> tuple[float, int]:
    """The identity reduce and the checks per official over these file results: seconds, drafts."""
    from timeline.archive.identity import identify
    from timeline.checks.catalog import load_catalog
    from timeline.checks.runner import official_inputs, official_plan, official_result
    from timeline.settings import Settings

    digests = [d for r in results for d in r.digests]
    plan = official_plan(load_catalog(), Settings())
    started = time.process_time()
    identity = identify(d.officials for d in digests)
    names = {o.id: o.name for o in identity.officials}
    drafts = 0
    for oid, (nodes, events) in official_inputs(digests, identity).items():
        drafts += len(official_result(oid, nodes, events, names, plan).drafts)
    return time.process_time() - started, drafts


def bench_long(sizes: list[int], tmp: Path) -> list[dict]:
    from timeline.engine.plan import map_file

    rows = []
    for kb in sizes:
        data = long_text(kb, tmp)
        map_file("warmup.txt", data[:5000])
        started = time.process_time()
        result = map_file("berita/panjang.txt", data)
        extract_s = time.process_time() - started
        check_s, drafts = check_stage([result])
        digest = result.digests[0]
        rows.append({"kb": len(data) / 1000, "extract_s": extract_s, "check_s": check_s,
                     "events": len(digest.events), "officials": len(digest.officials), "drafts": drafts})
        print(f"  long article {len(data) / 1e6:.2f} MB: extract {extract_s:.2f} s, check {check_s:.2f} s",
              file=sys.stderr)
    return rows


def bench_claims(counts: list[int]) -> list[dict]:
    from timeline.engine.plan import map_file

    rows = []
    results = [map_file(f"berita/{n:05d}.txt", claim_article(n)) for n in range(max(counts))]
    check_stage(results[:50])  # the checks' imports (networkx, the graph, the rules), once
    for count in counts:
        check_s, drafts = check_stage(results[:count])
        claims = sum(len(d.events) for r in results[:count] for d in r.digests)
        rows.append({"claims": claims, "check_s": check_s, "drafts": drafts})
        print(f"  one official, {claims} claims: check {check_s:.2f} s", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes-kb", default="250,500,1000,2000")
    parser.add_argument("--claims", default="2500,5000,10000")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        long_rows = bench_long([int(x) for x in args.sizes_kb.split(",")], Path(tmp))
    claim_rows = bench_claims([int(x) for x in args.claims.split(",")])
    base = long_rows[0]
    print("| one article | events | extract s | s per MB | vs smallest | check s | findings |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in long_rows:
        per = r["extract_s"] / r["kb"] * 1000
        print(f"| {r['kb'] / 1000:.2f} MB | {r['events']:,} | {r['extract_s']:.2f} | {per:.2f} | "
              f"{per / (base['extract_s'] / base['kb'] * 1000):.2f}x | {r['check_s']:.2f} | {r['drafts']} |")
    base = claim_rows[0]
    print("\n| one official | claims | check s | s per 1,000 claims | vs smallest | findings |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in claim_rows:
        per = r["check_s"] / r["claims"] * 1000
        print(f"| Edi Damansyah | {r['claims']:,} | {r['check_s']:.2f} | {per:.3f} | "
              f"{per / (base['check_s'] / base['claims'] * 1000):.2f}x | {r['drafts']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
