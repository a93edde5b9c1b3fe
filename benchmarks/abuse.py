"""Bad input at scale: 10,000 hostile files in one archive, checked by `timeline check`.

    python benchmarks/abuse.py [--files 10000] [--workdir DIR] [--jobs N] [--keep]

The archive holds truncated UTF-8, NUL bytes, 5 MB single-line files, a million-line file, deeply nested
JSON, JSON with every value of the wrong type, YAML alias bombs in front matter, CSV with ragged rows,
HTML with no body, symlink loops, FIFOs, files that vanish between listing and reading, names with
newlines and bytes that are not UTF-8, among ordinary articles. It prints: files, seconds, tracebacks
(must be 0), files changed in the archive (must be 0), peak memory, and the baseline beside it: the
same number of ordinary articles checked the same way.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import stat
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import measure, timeline_command  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
VANISHING = 200  # files deleted while the run lists and reads the archive


def _seed(rng: random.Random) -> bytes:
    return rng.choice(SEEDS).read_bytes()


def _hostile(kind: str, rng: random.Random) -> tuple[str, bytes]:
    """(extension, bytes) of one hostile file of a kind."""
    seed = _seed(rng)
    if kind == "truncated-utf8":
        text = seed.decode("utf-8")
        raw = text.encode("utf-8")
        cut = rng.randrange(1, len(raw))
        while cut < len(raw) and (raw[cut] & 0xC0) == 0x80:
            cut += 1
        return ".txt", raw[: cut] + "é".encode("utf-8")[:1]
    if kind == "nul":
        pos = rng.randrange(len(seed))
        return ".md", seed[:pos] + b"\x00" * rng.randint(1, 50) + seed[pos:]
    if kind == "nested-json":
        depth = rng.choice([100, 10_000, 200_000])
        return ".json", b"[" * depth + b"]" * depth
    if kind == "wrong-types-json":
        value = rng.choice([None, 17, 3.5, True, [], {}, ["x"], {"a": 1}])
        record = {"title": value, "text": value, "date": value, "url": value, "outlet": value}
        return rng.choice([".json", ".jsonl"]), json.dumps(record).encode()
    if kind == "yaml-bomb":
        lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for name, prev in zip("bcdefghi", "abcdefgh"):
            lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        return ".md", ("---\n" + "\n".join(lines) + "\ndate: *i\ntitle: *i\n---\n").encode() + seed
    if kind == "ragged-csv":
        rows = ["judul,isi,tanggal"] + [",".join(['"' + "x" * rng.randint(0, 30)] * rng.randint(0, 6))
                                         for _ in range(rng.randint(1, 40))]
        return ".csv", "\n".join(rows).encode("utf-8")
    if kind == "html-no-body":
        return ".html", rng.choice([b"<html><head><title>Kosong</title></head></html>", b"<html>", b"<<<>>>",
                                    b"<html><body></body></html>"])
    if kind == "binary":
        return rng.choice([".txt", ".warc.gz", ".csv"]), bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000)))
    if kind == "empty":
        return rng.choice([".txt", ".md", ".json", ".csv", ".html"]), b""
    return ".txt", seed  # an ordinary article


KINDS = ["truncated-utf8", "nul", "nested-json", "wrong-types-json", "yaml-bomb", "ragged-csv", "html-no-body",
         "binary", "empty", "ordinary"]


def build(root: Path, n: int, seed: int = 7) -> list[Path]:
    """Write the hostile archive; return the files that will vanish during the run."""
    rng = random.Random(seed)
    root.mkdir(parents=True)
    for i in range(n - 8 - VANISHING):
        kind = KINDS[i % len(KINDS)]
        ext, data = _hostile(kind, rng)
        folder = root / f"{i % 50:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:05d}-{kind}{ext}").write_bytes(data)
    big = root / "besar"
    big.mkdir()
    (big / "satu-baris-5mb.txt").write_bytes(b"Judul\n" + b"Rapat digelar Senin (4/12/2023) di Samarinda. " * 110_000)
    (big / "satu-baris-4mb.txt").write_bytes(b"Judul\n" + b"Rapat digelar Senin (4/12/2023) di Samarinda. " * 85_000)
    (big / "sejuta-baris.txt").write_bytes(b"Judul\n" + b"Camat hadir.\n" * 1_000_000)
    odd = root / "aneh"
    odd.mkdir()
    os.symlink("lingkar.md", odd / "lingkar.md")
    os.symlink("../aneh", odd / "balik")  # a directory loop (links are not followed)
    os.mkfifo(odd / "pipa.txt")
    with open(os.path.join(os.fsencode(odd), b"baris\nbaru.txt"), "wb") as fh:
        fh.write(SEEDS[0].read_bytes())
    with open(os.path.join(os.fsencode(odd), b"bukan-utf8-\xff.md"), "wb") as fh:
        fh.write(SEEDS[1].read_bytes())
    vanishing = []
    gone = root / "hilang"
    gone.mkdir()
    for i in range(VANISHING):
        path = gone / f"{i:04d}.txt"
        path.write_bytes(_seed(rng))
        vanishing.append(path)
    return vanishing


def fingerprint(root: Path) -> dict[bytes, str]:
    """A hash of every regular file under `root` (names as bytes), the cache folder left out."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        dirnames[:] = [d for d in dirnames if d != b".timeline-cache"]
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if stat.S_ISREG(mode):
                with open(path, "rb") as fh:
                    out[path] = hashlib.sha256(fh.read()).hexdigest()
            else:
                out[path] = f"mode {stat.S_IFMT(mode)}"
    return out


def run(timeline: list[str], root: Path, jobs: int | None, vanishing: list[Path] = ()):
    cmd = [*timeline, "check", str(root), "--format", "json", "--fail-on", "never", "--no-progress"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    stop = threading.Event()

    def vanish() -> None:
        time.sleep(0.3)  # after the listing has begun
        for path in vanishing:
            if stop.is_set():
                break
            path.unlink(missing_ok=True)
            time.sleep(0.002)

    thread = threading.Thread(target=vanish)
    thread.start()
    try:
        return measure(cmd, timeout=1800)
    finally:
        stop.set()
        thread.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--timeline", help="The command to run (default: the installed `timeline`).")
    parser.add_argument("--keep", action="store_true", help="Keep the generated archives.")
    args = parser.parse_args(argv)
    timeline = timeline_command(args.timeline)
    work = Path(tempfile.mkdtemp(prefix="timeline-abuse-", dir=args.workdir))
    try:
        hostile = work / "hostile"
        vanishing = build(hostile, args.files)
        vanished_paths = {os.fsencode(p) for p in vanishing}
        before = fingerprint(hostile)
        bad = run(timeline, hostile, args.jobs, vanishing)
        after = fingerprint(hostile)
        changed = sum(1 for path, digest in before.items() if path not in vanished_paths and after.get(path) != digest)
        changed += sum(1 for path in after if path not in before)

        plain = work / "plain"
        plain.mkdir()
        rng = random.Random(1)
        for i in range(args.files):
            (plain / f"{i:05d}.txt").write_bytes(_seed(rng))
        base = run(timeline, plain, args.jobs)

        tracebacks = bad.stderr.count("Traceback") + bad.stdout.count("Traceback")
        report = json.loads(bad.stdout) if bad.stdout.strip() else {}
        problems = len(bad.stderr.strip().splitlines())
        print("| run | files | exit | seconds | tracebacks | files changed | stderr lines | articles read | peak MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        print(f"| baseline: ordinary articles | {args.files:,} | {base.returncode} | {base.seconds:.1f} | "
              f"{base.stderr.count('Traceback')} | – | {len(base.stderr.strip().splitlines())} | "
              f"{json.loads(base.stdout)['inputs']['articles'] if base.stdout.strip() else 0:,} | {base.peak_mb:.0f} |")
        print(f"| hostile archive | {args.files:,} | {bad.returncode} | {bad.seconds:.1f} | {tracebacks} | {changed} | "
              f"{problems:,} | {report.get('inputs', {}).get('articles', 0):,} | {bad.peak_mb:.0f} |")
        ok = tracebacks == 0 and changed == 0 and bad.returncode in (0, 1, 2)
        print("\nrequired: tracebacks 0, files changed 0, exit code 0/1/2 -> " + ("met" if ok else "NOT MET"))
        if not ok:
            print(bad.stderr[-3000:])
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
