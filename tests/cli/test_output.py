"""--output: written whole or not at all, and never over an article the run reads."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "arsip"
    shutil.copytree(SEEDS, root)
    return root


def run(*args: str):
    extra = ["--no-cache"] if args[0] != "dates" else []
    return CliRunner().invoke(app, [*args, *extra, "--lang", "en"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("target", ["003_e38a64104eae3b0d.txt", "./003_e38a64104eae3b0d.txt"])
def test_output_over_an_input_article_is_refused_and_the_article_kept(archive, target, monkeypatch):
    monkeypatch.chdir(archive)
    before = digest(archive / "003_e38a64104eae3b0d.txt")
    result = run("check", ".", "--format", "json", "--output", target)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"timeline: --output {Path(target)}: would overwrite an article this run reads; "
                                     "choose another file")
    assert digest(archive / "003_e38a64104eae3b0d.txt") == before


def test_output_over_a_file_given_on_the_command_line_is_refused(archive):
    article = archive / "001_3be74e8fa05bb7a6.txt"
    before = digest(article)
    result = run("dates", str(article), "--output", str(article))
    assert result.exit_code == 2 and "would overwrite an article" in result.stderr
    assert digest(article) == before


def test_a_new_report_beside_the_articles_is_written_whole(archive):
    result = run("check", str(archive), "--format", "json", "--output", str(archive / "laporan.json"),
                 "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert (archive / "laporan.json").read_text(encoding="utf-8").startswith('{\n  "schema_version": 1')
    assert not [p for p in os.listdir(archive) if p.endswith(".tmp")]


def test_a_failed_write_leaves_no_partial_report_and_says_so_in_one_line(archive, tmp_path, monkeypatch):
    target = tmp_path / "laporan.json"
    target.write_text("laporan lama\n", encoding="utf-8")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run("check", str(archive), "--format", "json", "--output", str(target), "--fail-on", "never")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"timeline: {target}: cannot write (No space left on device)"
    assert target.read_text(encoding="utf-8") == "laporan lama\n"
    assert sorted(os.listdir(tmp_path)) == ["arsip", "laporan.json"]


def test_an_output_folder_that_does_not_exist_is_one_line(archive, tmp_path):
    target = tmp_path / "tidak-ada" / "laporan.json"
    result = run("check", str(archive), "--format", "json", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"timeline: {target}: cannot write (No such file or directory)"
