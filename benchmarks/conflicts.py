"""Benchmark the conflict checks (TL101-TL105) against what an expert expects, on fixtures/conflicts.

    python benchmarks/conflicts.py [--verbose] [--corpus DIR]

Each directory of the corpus is one small archive (a few invented articles) with an `expected.toml`: the
findings a careful fact-checker expects there, or none. The tool is run on each archive on its own
(`timeline.check`, one process, no cache) and its TL101-TL105 findings are matched to the expected ones:

- same code;
- the official matches: the expected name equals the finding's `official_name` (case-insensitive), or
  is contained in it, or its slug equals the finding's `official_id`;
- every expected quote occurs in the `text` (the date as written) or the `quote` (the sentence) of some
  evidence of the finding.

Each expected finding matches at most one system finding (a maximum matching, so the order of findings
does not matter). Per rule and overall it prints true positives, false positives, false negatives,
precision, recall and proselint's lintscore T * (T / (T + F))^2. Findings of other codes (TL0xx, TL901)
are listed apart and not scored: the corpus is written so that none should occur.
Always exits 0: this measures, it does not gate (tests/test_conflicts.py does).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "conflicts"
SCORED = ("TL101", "TL102", "TL103", "TL104", "TL105")
ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")  # what the tool reads; expected.toml is not among them
EXPECTED_FILE = "expected.toml"


# --------------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """One finding an expert expects: a rule, the official it is about, and date texts it must quote."""

    code: str
    official: str
    quotes: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.code} {self.official}: " + ", ".join(repr(q) for q in self.quotes)


@dataclass(frozen=True)
class Archive:
    path: Path
    description: str
    shape: str
    findings: tuple[Expected, ...]
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def silent(self) -> bool:
        return not self.findings

    def article_files(self) -> list[Path]:
        return sorted(p for p in self.path.rglob("*") if p.is_file() and p.suffix in ARTICLE_SUFFIXES)


def load_archive(path: Path) -> Archive:
    with (path / EXPECTED_FILE).open("rb") as fh:
        data = tomllib.load(fh)
    findings = tuple(
        Expected(str(f.get("code", "")), str(f.get("official", "")), tuple(str(q) for q in f.get("quotes", ())))
        for f in data.get("finding", ())
    )
    return Archive(path, str(data.get("description", "")), str(data.get("shape", "")), findings, data)


def archives(root: Path = CORPUS) -> list[Archive]:
    """Every archive of the corpus (a directory holding expected.toml), in name order."""
    return [load_archive(p.parent) for p in sorted(root.glob(f"*/{EXPECTED_FILE}"))]


# --------------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------------


def slug(name: str) -> str:
    """"Basri Rase" -> "basri-rase", as official ids are made."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def official_matches(expected: str, finding) -> bool:
    want = expected.casefold().strip()
    name = (finding.official_name or "").casefold()
    if want and name and (want == name or want in name):
        return True
    return bool(finding.official_id) and slug(expected) == finding.official_id


def quotes_match(quotes: Iterable[str], finding) -> bool:
    """Every quote occurs in some evidence's date text or sentence."""
    return all(any(q in (e.text or "") or q in (e.quote or "") for e in finding.evidence) for q in quotes)


def matches(expected: Expected, finding) -> bool:
    return finding.code == expected.code and official_matches(expected.official, finding) and quotes_match(
        expected.quotes, finding
    )


def match(expected: Sequence[Expected], found: Sequence) -> dict[int, int]:
    """A maximum one-to-one matching: expected index -> found index (augmenting paths; the sets are tiny)."""
    edges = {i: [j for j, f in enumerate(found) if matches(e, f)] for i, e in enumerate(expected)}
    owner: dict[int, int] = {}  # found index -> expected index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class Result:
    """One archive checked: what was expected, what the tool said, and how they matched."""

    archive: Archive
    found: list  # the tool's TL101-TL105 findings
    other: list  # findings of other codes (not scored)
    pairs: dict[int, int]  # expected index -> index into found
    articles_read: int
    skipped: list
    seconds: float

    @property
    def missed(self) -> list[Expected]:
        return [e for i, e in enumerate(self.archive.findings) if i not in self.pairs]

    @property
    def extra(self) -> list:
        used = set(self.pairs.values())
        return [f for j, f in enumerate(self.found) if j not in used]

    @property
    def exact(self) -> bool:
        return not self.missed and not self.extra


def run_archive(archive: Archive) -> Result:
    from timeline import check

    start = time.perf_counter()
    report = check([str(archive.path)], jobs=1, use_cache=False)
    seconds = time.perf_counter() - start
    found = [f for f in report.findings if f.code in SCORED]
    other = [f for f in report.findings if f.code not in SCORED]
    return Result(
        archive, found, other, match(archive.findings, found), report.articles, list(report.skipped), seconds
    )


# --------------------------------------------------------------------------------------------------
# Describing findings
# --------------------------------------------------------------------------------------------------


def describe_finding(finding, indent: str = "      ") -> str:
    head = f"{finding.code} {finding.rule} — {finding.official_name or finding.official_id or '?'}"
    lines = [head]
    for e in finding.evidence:
        sentence = " ".join((e.quote or "").split())
        if len(sentence) > 140:
            sentence = sentence[:137] + "..."
        lines.append(f"{indent}[{e.text}] {Path(e.path).name}:{e.line}  \"{sentence}\"")
    return "\n".join(lines)


def describe_result(result: Result, indent: str = "  ") -> str:
    a = result.archive
    out = [f"{a.name}  ({a.shape}){'' if result.exact else '  <- differs'}"]
    if result.articles_read != len(a.article_files()):
        out.append(f"{indent}! read {result.articles_read} of {len(a.article_files())} article files")
    out.append(f"{indent}expected:" + (" nothing (silent)" if a.silent else ""))
    for i, e in enumerate(a.findings):
        mark = "ok " if i in result.pairs else "MISSED"
        out.append(f"{indent}  {mark} {e}")
    out.append(f"{indent}actual:" + (" nothing" if not result.found else ""))
    matched = set(result.pairs.values())
    for j, f in enumerate(result.found):
        mark = "ok   " if j in matched else "EXTRA"
        body = describe_finding(f, indent + "        ")
        out.append(f"{indent}  {mark} {body}")
    for f in result.other:
        out.append(f"{indent}  other {describe_finding(f, indent + '        ')}")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------------


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.expected += other.expected
        self.found += other.found
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def lintscore(self) -> float:
        """proselint's lintscore: T * (T / (T + F))^2, true positives weighted down by false alarms."""
        t, f = self.tp, self.fp
        return t * (t / (t + f)) ** 2 if t else 0.0


def scores(results: Sequence[Result]) -> dict[str, Score]:
    by_rule = {code: Score() for code in SCORED}
    for r in results:
        for e in r.archive.findings:
            by_rule[e.code].expected += 1
        for f in r.found:
            by_rule[f.code].found += 1
        for i, _ in r.pairs.items():
            by_rule[r.archive.findings[i].code].tp += 1
        for e in r.missed:
            by_rule[e.code].fn += 1
        for f in r.extra:
            by_rule[f.code].fp += 1
    return by_rule


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def render_table(by_rule: dict[str, Score]) -> str:
    from timeline.checks.catalog import load_catalog

    names = {r.code: r.name for r in load_catalog()}
    head = f"{'rule':<26} {'expected':>8} {'found':>6} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7} {'lintscore':>9}"
    lines = [head, "-" * len(head)]
    total = Score()
    for code, s in by_rule.items():
        total.add(s)
        label = f"{code} {names.get(code, '')}"
        lines.append(
            f"{label:<26} {s.expected:>8} {s.found:>6} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
            f"{_fmt(s.precision):>9} {_fmt(s.recall):>7} {s.lintscore:>9.2f}"
        )
    lines.append("-" * len(head))
    lines.append(
        f"{'overall':<26} {total.expected:>8} {total.found:>6} {total.tp:>4} {total.fp:>4} {total.fn:>4} "
        f"{_fmt(total.precision):>9} {_fmt(total.recall):>7} {total.lintscore:>9.2f}"
    )
    return "\n".join(lines)


def render_shapes(results: Sequence[Result]) -> str:
    by_shape: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_shape[r.archive.shape].append(r)
    lines = [f"{'shape':<28} {'archives':>8} {'exact':>6}"]
    for shape in sorted(by_shape, key=lambda s: (s.startswith("silent-"), s)):
        group = by_shape[shape]
        lines.append(f"{shape:<28} {len(group):>8} {sum(r.exact for r in group):>6}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every archive with its expected and actual findings")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory of archives (default fixtures/conflicts)")
    args = parser.parse_args(argv)

    corpus = archives(args.corpus)
    if not corpus:
        print(f"no archives (directories with {EXPECTED_FILE}) under {args.corpus}")
        return 0
    start = time.perf_counter()
    results = [run_archive(a) for a in corpus]
    seconds = time.perf_counter() - start

    fire = sum(not a.silent for a in corpus)
    print(
        f"{len(corpus)} archives ({fire} with findings, {len(corpus) - fire} silent), "
        f"{sum(len(a.article_files()) for a in corpus)} articles, "
        f"{sum(len(a.findings) for a in corpus)} expected findings; checked in {seconds:.1f} s\n"
    )
    if args.verbose:
        for r in results:
            print(describe_result(r))
            print()

    unread = [r for r in results if r.articles_read != len(r.archive.article_files())]
    for r in unread:
        print(f"warning: {r.archive.name}: read {r.articles_read} of {len(r.archive.article_files())} article files")
    for r in results:
        for problem in r.skipped:
            print(f"warning: {r.archive.name}: skipped {problem}")

    print(render_table(scores(results)))
    print()
    print(render_shapes(results))
    print(f"\n{sum(r.exact for r in results)} of {len(results)} archives exactly as expected")

    other = Counter(f.code for r in results for f in r.other)
    if other:
        print("\nother findings (not scored; the corpus should have none):")
        for r in results:
            for f in r.other:
                texts = ", ".join(e.text for e in f.evidence)
                print(f"  {r.archive.name}: {f.code} {f.rule} — {f.official_name or '-'} [{texts}]")
    else:
        print("\nother findings: none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
