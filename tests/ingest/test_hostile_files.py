"""Hostile files in an archive: FIFOs, sockets, links that go nowhere, names no report can print, files
past the limits, YAML bombs. Each is one problem line, nothing hangs, and the rest is still read."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import limits
from timeline.ingest import find_files, read_archive, read_file

ROOT = Path(__file__).resolve().parents[2]
GOOD = b"Bupati Hadiri Rapat\n\nSAMARINDA - Bupati Kutai Kartanegara Edi Damansyah memimpin rapat, Senin (4/12/2023).\n"
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX special files")


def _archive(tmp_path: Path) -> Path:
    root = tmp_path / "arsip"
    root.mkdir()
    (root / "baik.txt").write_bytes(GOOD)
    return root


def _lines(problems) -> list[str]:
    return [str(p) for p in problems]


@posix
def test_a_fifo_is_skipped_with_one_line_and_never_opened(tmp_path, monkeypatch):
    root = _archive(tmp_path)
    os.mkfifo(root / "pipa.txt")
    monkeypatch.chdir(tmp_path)
    articles, problems = read_archive(["arsip"])
    assert _lines(problems) == ["arsip/pipa.txt: is not a regular file (FIFO); skipped"]
    assert [a.key for a in articles] == ["arsip/baik.txt"]


@posix
def test_a_fifo_named_on_the_command_line_does_not_hang_the_run(tmp_path):
    root = _archive(tmp_path)
    os.mkfifo(root / "pipa.md")
    proc = subprocess.run([sys.executable, "-m", "timeline", "check", str(root / "pipa.md"), str(root / "baik.txt"),
                           "--no-cache", "--format", "json", "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stderr.strip().splitlines() == [f"timeline: {root / 'pipa.md'}: is not a regular file (FIFO); skipped"]


@posix
def test_a_file_swapped_for_a_fifo_after_listing_is_not_read(tmp_path):
    fifo = tmp_path / "pipa.txt"
    os.mkfifo(fifo)
    data, problem = read_file(str(fifo))
    assert data is None and str(problem) == f"{fifo}: is not a regular file (FIFO); skipped"


@posix
def test_a_socket_and_a_broken_link_are_one_line_each(tmp_path, monkeypatch):
    root = _archive(tmp_path)
    monkeypatch.chdir(root)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind("soket.txt")
        (root / "putus.txt").symlink_to(root / "tidak-ada.txt")
        (root / "lingkar.md").symlink_to(root / "lingkar.md")
        files, problems = find_files(["."])
    finally:
        server.close()
    assert files == ["baik.txt"]
    assert sorted(_lines(problems)) == [
        "lingkar.md: cannot be read (Too many levels of symbolic links)",
        "putus.txt: cannot be read (No such file or directory)",
        "soket.txt: is not a regular file (socket); skipped",
    ]


@posix
@pytest.mark.parametrize("name", [b"baris\nbaru.txt", b"bukan-utf8-\xff\xfe.txt"], ids=["newline", "not-utf8"])
def test_a_name_no_report_can_print_is_one_escaped_line(tmp_path, name):
    root = _archive(tmp_path)
    with open(os.path.join(os.fsencode(root), name), "wb") as fh:
        fh.write(GOOD)
    articles, problems = read_archive([str(root)])
    assert [a.key for a in articles] == [f"{root}/baik.txt"]
    (line,) = _lines(problems)
    assert "\n" not in line and line.isprintable()
    assert line.endswith("has a name no report can show (control characters or bytes that are not UTF-8); skipped")


def test_a_file_that_vanishes_after_listing_is_one_line(tmp_path):
    root = _archive(tmp_path)
    (root / "hilang.txt").write_bytes(GOOD)
    files, _ = find_files([str(root)])
    (root / "hilang.txt").unlink()
    results = [read_file(f) for f in files]
    assert [str(p) for _, p in results if p] == [f"{root}/hilang.txt: cannot be read (No such file or directory)"]


def test_a_file_past_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1024 * 1024)
    root = _archive(tmp_path)
    (root / "raksasa.txt").write_bytes(b"Judul\n" + b"a" * (1024 * 1024 + 10))
    articles, problems = read_archive([str(root)])
    assert _lines(problems) == [f"{root}/raksasa.txt: is larger than 1 MB; skipped"]
    assert len(articles) == 1


def test_an_article_past_the_length_limit_is_refused_and_its_neighbours_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ARTICLE_CHARS", 1000)
    root = _archive(tmp_path)
    records = [b'{"text": "' + b"Rapat. " * 300 + b'"}', b'{"text": "Bupati hadir, Senin (4/12/2023)."}']
    (root / "rekaman.jsonl").write_bytes(b"\n".join(records) + b"\n")
    articles, problems = read_archive([str(root)])
    assert _lines(problems) == [f"{root}/rekaman.jsonl#1:1: is longer than 1,000 characters; skipped"]
    assert sorted(a.key for a in articles) == [f"{root}/baik.txt", f"{root}/rekaman.jsonl#2"]


def test_an_article_with_more_dates_than_the_limit_is_one_problem_and_the_file_goes_on(monkeypatch):
    from timeline.engine.plan import map_file

    monkeypatch.setattr(limits, "MAX_EXPRESSIONS", 100)
    records = [b'{"text": "' + b"Rapat Senin (4/12/2023), " * 101 + b'"}', b'{"text": "' + GOOD[:-1].replace(b"\n", b" ") + b'"}']
    result = map_file("arsip/rekaman.jsonl", b"\n".join(records) + b"\n")
    assert [str(p) for p in result.problems] == ["arsip/rekaman.jsonl#1: has more than 100 time expressions; skipped"]
    assert [d.article.key for d in result.digests] == ["arsip/rekaman.jsonl#2"]
    assert result.problems[0].text.render("id") == "berisi lebih dari 100 ungkapan waktu; dilewati"
    monkeypatch.setattr(limits, "MAX_EXPRESSIONS", 101 * 2)  # each "Senin (4/12/2023)" is at most two
    assert map_file("arsip/rekaman.jsonl", b"\n".join(records) + b"\n").problems == ()


BILLION_LAUGHS = b"""---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
date: *i
title: Bom
---
Bupati hadir, Senin (4/12/2023).
"""


def test_a_yaml_alias_bomb_in_front_matter_is_refused(tmp_path):
    root = _archive(tmp_path)
    (root / "bom.md").write_bytes(BILLION_LAUGHS)
    articles, problems = read_archive([str(root)])
    assert _lines(problems) == [f"{root}/bom.md:1: front matter uses more than {limits.MAX_YAML_ALIASES} YAML aliases"]
    assert len(articles) == 1


def test_a_few_yaml_aliases_are_still_read(tmp_path):
    root = _archive(tmp_path)
    (root / "anchor.md").write_bytes(b"---\nbase: &b 2023-12-04\ndate: *b\ntitle: Rapat\n---\nBupati hadir.\n")
    articles, problems = read_archive([str(root)])
    assert problems == []
    assert {a.key: a.published.isoformat() for a in articles if a.key.endswith("anchor.md")} == {
        f"{root}/anchor.md": "2023-12-04"}


def test_an_unparseable_nested_metadata_date_is_shown_short(tmp_path):
    root = _archive(tmp_path)
    nested = "[" * 30 + '"x"' + "]" * 30
    (root / "aneh.json").write_text('{"text": "Bupati hadir, Senin (4/12/2023).", "date": ' + nested + "}")
    _, problems = read_archive([str(root)])
    (line,) = _lines(problems)
    assert line.startswith(f"{root}/aneh.json: metadata date '") and len(line) < len(str(root)) + 160


def test_front_matter_past_its_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FRONT_MATTER_CHARS", 100)
    root = _archive(tmp_path)
    (root / "panjang.md").write_text("---\ntitle: " + "x" * 200 + "\n---\nBupati hadir.\n")
    _, problems = read_archive([str(root)])
    assert _lines(problems) == [f"{root}/panjang.md:1: front matter is longer than 100 characters"]


@pytest.mark.parametrize("data", [b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf"], ids=["utf16-be-bom", "utf16-le-bom", "utf8-bom"])
def test_a_csv_that_is_only_a_byte_order_mark_is_empty(tmp_path, data):
    """Found by the property tests: a UTF-16 byte-order mark alone decoded to nothing and crashed the reader."""
    (tmp_path / "kosong.csv").write_bytes(data)
    _, problems = read_archive([str(tmp_path / "kosong.csv")])
    assert _lines(problems) == [f"{tmp_path / 'kosong.csv'}: is empty"]
