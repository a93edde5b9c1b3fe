"""Properties that must hold for ANY input (hypothesis): the tagger, the readers and `timeline check` never
raise on what users feed them, and what they return is consistent. Bounded so the suite stays quick."""

from __future__ import annotations

import json
import random
import xml.dom.minidom
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.ingest import parse_article
from timeline.ingest.readers import READERS, reader_for
from timeline.lang import table
from timeline.render.timeml import timex_type, timex_value, to_timeml
from timeline.temporal import find_dates

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _vocabulary() -> list[str]:
    """Every word the Indonesian time grammar knows, plus the punctuation and digits dates are made of."""
    words: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                words.add(str(k))
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(table("id", "temporal"))
    words |= {"(", ")", "/", "-", "–", ".", ",", ":", " ", "\n", "pukul", "WIB", "WITA", "2023", "2025", "12", "31",
              "0", "1", "9", "19", "09", "10.00", "Rp", "2-1", "5.0", "lalu lintas", "di depan", "“", "”", "\""}
    return sorted(w for w in words if w)


VOCAB = _vocabulary()
date_words = st.lists(st.sampled_from(VOCAB), max_size=40).map(lambda ws: " ".join(ws))
texts = st.one_of(st.text(max_size=300), date_words, st.lists(date_words, max_size=4).map("\n".join))
references = st.one_of(st.none(), st.dates())


@PROFILE
@given(text=texts, reference=references)
def test_tagger_spans_are_exact_sorted_disjoint_and_deterministic(text, reference):
    found = find_dates(text, reference)
    assert all(0 <= e.start < e.end <= len(text) and text[e.start : e.end] == e.text for e in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(e.value is None or e.value.start <= e.value.end for e in found)
    assert find_dates(text, reference) == found


@PROFILE
@given(text=texts, reference=references)
def test_timeml_of_any_result_is_well_formed_and_round_trips(text, reference):
    found = find_dates(text, reference)
    document = xml.dom.minidom.parseString(to_timeml(text, found, reference).encode("utf-8"))
    body = document.getElementsByTagName("TEXT")[0]
    timexes = [t for t in body.getElementsByTagName("TIMEX3") if t.firstChild is not None]
    assert [(t.getAttribute("type"), t.getAttribute("value")) for t in timexes if not t.getAttribute("beginPoint")] == [
        (timex_type(e), timex_value(e)) for e in found if not (e.kind == "range" and e.value is not None)
    ]
    assert len(timexes) == len(found)


reader_for("x.txt")  # fills the registry
EXTENSIONS = sorted(READERS)


def _seed_bytes() -> list[bytes]:
    return [p.read_bytes() for p in SEEDS]


raw_bytes = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=800).map(lambda t: t.encode("utf-8", "replace")),
    st.tuples(st.sampled_from(range(len(SEEDS))), st.integers(0, 4000), st.binary(max_size=40)).map(
        lambda t: _seed_bytes()[t[0]][: t[1]] + t[2]
    ),
)


@PROFILE
@given(data=raw_bytes, ext=st.sampled_from(EXTENSIONS))
def test_readers_never_raise_and_locations_stay_inside_the_file(data, ext):
    assert reader_for(f"x{ext}") is not None
    path = f"arsip/berita{ext}"
    articles, problems = parse_article(path, data)
    physical_lines = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1
    for problem in problems:
        assert problem.path == path
        assert problem.line is None or 1 <= problem.line <= physical_lines
        assert problem.text.render("id") and problem.text.render("en")
    for article in articles:
        for offset in {0, len(article.text) // 2, max(0, len(article.text) - 1)}:
            location = article.location(offset)
            assert 1 <= location.line <= physical_lines, (offset, location)


# --------------------------------------------------------------------------------------------------
# timeline check on small random archives
# --------------------------------------------------------------------------------------------------


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """A seed with a few of the damages real archives show: cut, bytes flipped, lines shuffled or doubled."""
    kind = rng.choice(["cut", "flip", "shuffle", "double", "nul", "cp1252"])
    if kind == "cut":
        return data[: rng.randrange(len(data) + 1)]
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    lines = data.split(b"\n")
    if kind == "shuffle":
        rng.shuffle(lines)
    elif kind == "double":
        lines = lines + lines
    elif kind == "nul":
        lines.insert(rng.randrange(len(lines)), b"\x00")
    else:
        return data.decode("utf-8").encode("cp1252", "replace")
    return b"\n".join(lines)


archives = st.lists(
    st.tuples(
        st.sampled_from(["seed", "mutant", "binary", "json", "empty", "front"]),
        st.sampled_from(range(len(SEEDS))),
        st.integers(0, 2**32 - 1),
        st.sampled_from([".txt", ".md", ".json", ".jsonl"]),
    ),
    min_size=1,
    max_size=5,
)


def _write_archive(root: Path, spec) -> None:
    for n, (kind, seed, salt, ext) in enumerate(spec):
        rng = random.Random(salt)
        data = SEEDS[seed].read_bytes()
        if kind == "mutant":
            data = _mutate(data, rng)
        elif kind == "binary":
            data = bytes(rng.randrange(256) for _ in range(200))
        elif kind == "json":
            data = json.dumps({"title": "Berita", "text": data.decode("utf-8"), "date": rng.choice(
                ["2023-09-12", "kemarin", 17, None, ["x"]])}).encode()
        elif kind == "empty":
            data = b""
        elif kind == "front":
            data = b"---\ntitle: [\n---\n" + data
        (root / f"{n:02d}{ext if kind == 'json' or kind == 'front' else '.txt'}").write_bytes(data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(spec=archives, fmt=st.sampled_from(["json", "sarif"]))
def test_check_on_any_small_archive_exits_cleanly_with_valid_output(tmp_path_factory, spec, fmt):
    from typer.testing import CliRunner

    from timeline.cli import app

    root = tmp_path_factory.mktemp("arsip")
    _write_archive(root, spec)
    runner = CliRunner()
    outputs = []
    for _ in range(2):
        result = runner.invoke(app, ["check", str(root), "--format", fmt, "--no-cache", "--jobs", "1"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output
        if result.exit_code != 2:
            report = json.loads(result.stdout)
            assert ("runs" in report) if fmt == "sarif" else ("discrepancies" in report)
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_every_registered_reader_takes_empty_and_binary_input(ext):
    for data in (b"", b"\x00\x01\x02", "é".encode("cp1252")):
        articles, problems = parse_article(f"x{ext}", data)
        assert articles or problems
