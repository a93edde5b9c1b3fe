"""Speed of timeline.temporal vs dateparser.search_dates(text, languages=["id"]) on one core (CPU time;
timeline the best of three runs).

Usage: python benchmarks/temporal.py [--articles N] [--dateparser-sample N]
Corpora: (a) the seed articles repeated, (b) a generated realistic corpus, (c) real news when
../shared/real-news/indosum-dev.jsonl (beside the repository) exists (skipped otherwise).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta
from pathlib import Path

from timeline.temporal import find_dates

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real-news" / "indosum-dev.jsonl"
SEED_DATES = {"000": date(2023, 9, 13), "001": date(2023, 9, 14), "002": date(2023, 9, 12), "003": date(2025, 1, 15),
              "004": date(2024, 4, 25)}

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
PEOPLE = ["Wali Kota Bontang Basri Rase", "Bupati Kutai Timur Ardiansyah", "Gubernur Kaltim Isran Noor",
          "Wakil Wali Kota Najirah", "Kepala Dinas PUPR Usman", "Sekda Makassar Andi Muhammad Yasir"]
PLACES = ["Jakarta", "Samarinda", "Balikpapan", "Incheon, Korea Selatan", "Makassar", "Yokohama", "Batam"]
FILLER = [
    "Kegiatan ini merupakan bagian dari program pembangunan daerah yang berkelanjutan.",
    "Menurutnya, sinergi antara pemerintah dan masyarakat sangat penting untuk kemajuan kota.",
    "Kemacetan lalu lintas di depan kantor menjadi perhatian warga sekitar.",
    "Anggaran sebesar Rp 1,25 triliun telah disetujui oleh DPRD untuk tahun anggaran berjalan.",
    "Ia menegaskan bahwa pelayanan publik harus terus ditingkatkan ke depan.",
    "Program Sabtu Bersih diikuti oleh ratusan warga dari berbagai kelurahan.",
    "Tingkat kemiskinan turun 2,5 persen dibandingkan periode sebelumnya.",
    "Baca Juga: Persib menang 2-1 atas Persija di laga lanjutan liga.",
]


def _sentence(rng: random.Random, ref: date) -> str:
    d = ref + timedelta(days=rng.randint(-20, 20))
    who, where = rng.choice(PEOPLE), rng.choice(PLACES)
    forms = [
        f"{who} menghadiri rapat di {where}, {DAYS[d.weekday()]} ({d.day}/{d.month}/{d.year}).",
        f"{who} dijadwalkan berangkat ke {where} pada {d.day} {MONTHS[d.month - 1]} {d.year} mendatang.",
        f"Forum berlangsung {d.day}-{min(d.day + 3, 28)} {MONTHS[d.month - 1]} di {where}.",
        f"Acara dimulai pukul {rng.randint(7, 21):02d}.{rng.choice(['00', '15', '30'])} WITA dan berlangsung selama {rng.randint(2, 5)} hari.",
        f"Kunjungan itu dilakukan {rng.choice(['kemarin', 'pekan lalu', 'dua hari lalu', 'Jumat lalu', 'bulan lalu'])} bersama rombongan.",
        f"Rombongan tiba di {where} {DAYS[d.weekday()]} malam. Keesokan harinya mereka meninjau proyek.",
        f"Rapat evaluasi digelar setiap bulan sejak awal tahun {ref.year}.",
    ]
    return rng.choice(forms)


def generated_corpus(n: int, seed: int = 7) -> list[tuple[str, date]]:
    """Realistic Indonesian news-like articles (~3 KB) with dates, times and non-date numbers."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        ref = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
        paras = []
        while sum(map(len, paras)) < 3000:
            paras.append(" ".join(_sentence(rng, ref) if rng.random() < 0.15 else rng.choice(FILLER) for _ in range(4)))
        out.append(("\n\n".join(paras), ref))
    return out


def seed_corpus(n: int) -> list[tuple[str, date]]:
    seeds = [(p.read_text(encoding="utf-8"), SEED_DATES[p.name[:3]]) for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    return [seeds[i % len(seeds)] for i in range(n)]


def real_corpus(n: int) -> list[tuple[str, date | None]] | None:
    if not REAL.exists():
        return None
    out = []
    for line in REAL.open(encoding="utf-8"):
        rec = json.loads(line)
        try:
            ref = date.fromisoformat(str(rec.get("published"))[:10])
        except ValueError:
            ref = None
        out.append((rec.get("text") or "", ref))
        if len(out) >= n:
            break
    return out


def rate_timeline(corpus, repeat: int = 3) -> tuple[float, float, int]:
    """Articles/s and MB/s on one core: the best of `repeat` runs, in CPU time (the machine is shared)."""
    find_dates("Senin (18/9/2023)", None)  # compile once, outside the timing
    size = sum(len(t.encode("utf-8")) for t, _ in corpus)
    best, found = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = sum(len(find_dates(text, ref)) for text, ref in corpus)
        best = min(best, time.process_time() - t0)
    return len(corpus) / best, size / best / 1e6, found


def rate_dateparser(corpus) -> tuple[float, float, int] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("Senin 18 September 2023", languages=["id"])
    size = sum(len(t.encode("utf-8")) for t, _ in corpus)
    t0 = time.process_time()
    found = 0
    for text, ref in corpus:
        settings = {"RELATIVE_BASE": __import__("datetime").datetime(ref.year, ref.month, ref.day)} if ref else None
        found += len(search_dates(text, languages=["id"], settings=settings) or [])
    dt = time.process_time() - t0
    return len(corpus) / dt, size / dt / 1e6, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--dateparser-sample", type=int, default=30)
    args = ap.parse_args()
    corpora = {
        "seeds x repeated": seed_corpus(args.articles),
        "generated (~3 KB)": generated_corpus(args.articles),
    }
    real = real_corpus(args.articles)
    if real is not None:
        corpora["real news (indosum)"] = real
    else:
        print("(real-news corpus not found: skipped)")
    header = f"{'corpus':22} {'articles':>8} | {'timeline art/s':>14} {'MB/s':>6} {'found':>7} | {'dateparser art/s':>16} {'MB/s':>6} | {'speed-up':>8}"
    print(header)
    print("-" * len(header))
    for name, corpus in corpora.items():
        ours = rate_timeline(corpus)
        sample = random.Random(1).sample(corpus, min(args.dateparser_sample, len(corpus)))
        theirs = rate_dateparser(sample)
        if theirs is None:
            print(f"{name:22} {len(corpus):8} | {ours[0]:14.0f} {ours[1]:6.2f} {ours[2]:7} | {'n/a':>16} {'':>6} | {'':>8}")
            continue
        print(f"{name:22} {len(corpus):8} | {ours[0]:14.0f} {ours[1]:6.2f} {ours[2]:7} | {theirs[0]:16.1f} "
              f"{theirs[1]:6.3f} | {ours[0] / theirs[0]:7.0f}x")
    print(f"(dateparser timed on {args.dateparser_sample} articles sampled from each corpus; one process, one core)")


if __name__ == "__main__":
    main()
