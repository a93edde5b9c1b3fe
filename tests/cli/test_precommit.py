"""The pre-commit hook: its manifest, and a real git repository whose commit it refuses or lets through."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
MANIFEST = REPO_ROOT / ".pre-commit-hooks.yaml"
TIMELINE = Path(sys.executable).parent / "timeline"

# The archive already in the repository: a departure to Japan reported on Tuesday 3 October 2023, and a
# local event a week before. Consistent with each other.
ARCHIVE = {
    "berita/2023/09/bupati-kukar-buka-festival-erau.txt": """\
Festival Erau Adat Kutai 2023 Resmi Dibuka

KALTIMKITA.ID, Tenggarong – Bupati Kutai Kartanegara Edi Damansyah membuka Festival Erau Adat Kutai 2023 di halaman Museum Mulawarman, Tenggarong, Minggu (24/9/2023).

Pembukaan festival ditandai dengan pemukulan gong oleh Edi Damansyah bersama Sultan Kutai Kartanegara Ing Martadipura. Ribuan warga memadati halaman museum sejak pagi.

"Erau bukan hanya milik Kukar, tetapi milik Kalimantan Timur dan Indonesia," kata Edi Damansyah dalam sambutannya.

Baca Juga: Harga Cabai di Pasar Tangga Arung Turun Jelang Akhir Bulan

Festival Erau tahun ini berlangsung selama sepekan dengan rangkaian ritual adat, pameran UMKM, dan pertunjukan seni dari sejumlah daerah.
""",
    "berita/2023/10/bupati-kukar-bertolak-ke-jepang.txt": """\
Kukar Jajaki Kerja Sama Pengelolaan Sampah dengan Kitakyushu

KALTIMKITA.ID, Tenggarong – Bupati Kutai Kartanegara Edi Damansyah bertolak ke Jepang, Selasa (3/10/2023), untuk memenuhi undangan kerja sama pengelolaan sampah dari Pemerintah Kota Kitakyushu.

Rombongan berangkat dari Bandara Internasional Sultan Aji Muhammad Sulaiman Sepinggan, Balikpapan, pukul 07.30 WITA.

"Kunjungan ini untuk mempelajari pengelolaan sampah berbasis masyarakat yang sudah berhasil di Kitakyushu," ujar Kepala Bagian Protokol dan Komunikasi Pimpinan Setkab Kukar, Dendi Irwan Fahriza.

Baca Juga: Pemkab Kukar Salurkan Bantuan Bibit Padi untuk Petani Tenggarong Seberang

Menurut Dendi, hasil kunjungan akan dibahas bersama organisasi perangkat daerah sepulang rombongan dari Jepang.
""",
}

# The changed article that contradicts the archive: the same departure to Japan, on Wednesday 4 October.
CONTRADICTING = (
    "berita/2023/10/edi-damansyah-berangkat-ke-jepang.txt",
    """\
Misi Pengelolaan Sampah Kukar ke Kitakyushu

TRIBUNKALTIM.CO, Tenggarong – Bupati Kutai Kartanegara Edi Damansyah berangkat ke Jepang pada Rabu (4/10/2023) untuk mempelajari pengelolaan sampah di Kota Kitakyushu.

Keberangkatan orang nomor satu di Kukar itu dibenarkan Sekretaris Daerah Kukar Sunggono, Kamis (5/10/2023).

"Beliau membawa misi kerja sama pengelolaan sampah untuk desa-desa di Kukar," kata Sunggono.
""",
)

# A consistent changed article: the departure on the same Tuesday 3 October.
CONSISTENT = (
    "berita/2023/10/kunjungan-bupati-kukar-ke-jepang.txt",
    """\
Kukar Ingin Tiru Bank Sampah Kitakyushu

KALTIMKITA.ID, Tenggarong – Bupati Kutai Kartanegara Edi Damansyah bertolak ke Jepang pada Selasa (3/10/2023) untuk mempelajari pengelolaan sampah berbasis masyarakat di Kota Kitakyushu.

"Kami ingin bank sampah di desa-desa Kukar bisa dikelola seperti di Kitakyushu," ujar Kepala Bagian Protokol dan Komunikasi Pimpinan Setkab Kukar, Dendi Irwan Fahriza, saat dikonfirmasi, Jumat (6/10/2023).
""",
)


def load_manifest() -> list[dict]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def test_manifest_declares_the_timeline_check_hook() -> None:
    (hook,) = load_manifest()
    assert hook["id"] == "timeline-check"
    assert hook["name"] and hook["description"]
    assert hook["language"] == "python"
    assert shlex.split(hook["entry"]) == ["timeline", "check", "--hook"]
    assert hook["require_serial"] is True
    assert hook["pass_filenames"] is True


@pytest.mark.parametrize(
    "path, selected",
    [
        ("berita/2023/10/artikel.txt", True),
        ("arsip/berita.md", True),
        ("impor/berita.json", True),
        ("impor/indosum.jsonl", True),
        ("impor/Ekspor-CMS.CSV", True),  # extensions are read case-insensitively, so are they selected
        ("impor/ekspor-cms.csv", True),
        ("impor/scraper.tsv", True),
        ("simpan/berita.html", True),
        ("simpan/berita.htm", True),
        ("arsip-web/crawl-2023.warc.gz", True),
        ("arsip-web/crawl-2023.warc", True),
        ("arsip-web/crawl-2023.gz", False),
        ("catatan.markdown", True),
        ("timeline/cli.py", False),
        (".timeline.toml", False),
        ("officials.yaml", False),
        ("berita/foto.jpg", False),
    ],
)
def test_manifest_files_pattern_selects_articles(path: str, selected: bool) -> None:
    (hook,) = load_manifest()
    assert (re.search(hook["files"], path) is not None) is selected


def test_manifest_is_valid_for_pre_commit() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def git_env(tmp_path: Path) -> dict[str, str]:
    """An environment with no global git or pre-commit state, and no GIT_* leaking from an outer hook."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    home = tmp_path / "home"
    home.mkdir()
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
    )
    return env


def local_config() -> str:
    """A `.pre-commit-config.yaml` running this repository's hook with the installed `timeline` script."""
    (hook,) = load_manifest()
    hook = {**hook, "language": "system", "entry": f"{shlex.quote(str(TIMELINE))} check --hook"}
    hook.pop("minimum_pre_commit_version", None)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.skipif(not TIMELINE.exists(), reason="the timeline console script is not installed")
def test_commit_with_contradicting_article_is_refused_and_consistent_one_passes(tmp_path: Path) -> None:
    env = git_env(tmp_path)
    repo = tmp_path / "arsip"
    repo.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=300)

    def write(relative: str, text: str) -> None:
        path = repo / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    assert run("git", "init", "-q").returncode == 0
    for key, value in (("user.name", "Redaksi"), ("user.email", "redaksi@example.id"), ("commit.gpgsign", "false")):
        run("git", "config", key, value)
    write(".timeline.toml", 'lang = "en"\n')
    write(".gitignore", ".timeline-cache/\n")
    write(".pre-commit-config.yaml", local_config())
    for relative, text in ARCHIVE.items():
        write(relative, text)
    installed = run(sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    run("git", "add", "-A")
    first = run("git", "commit", "-q", "-m", "Arsip awal")
    assert first.returncode == 0, "the consistent archive must commit:\n" + first.stdout + first.stderr

    write(*CONTRADICTING)
    run("git", "add", CONTRADICTING[0])
    refused = run("git", "commit", "-m", "Tambah berita keberangkatan")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, "the contradicting commit must be refused:\n" + output
    assert "TL101 date-conflict" in output, output
    assert Path(CONTRADICTING[0]).name in output, output
    assert run("git", "rev-list", "--count", "HEAD").stdout.strip() == "1"

    run("git", "rm", "-q", "--cached", CONTRADICTING[0])
    (repo / CONTRADICTING[0]).unlink()
    write(*CONSISTENT)
    run("git", "add", CONSISTENT[0])
    accepted = run("git", "commit", "-m", "Tambah berita kunjungan")
    assert accepted.returncode == 0, "the consistent commit must pass:\n" + accepted.stdout + accepted.stderr
    assert run("git", "rev-list", "--count", "HEAD").stdout.strip() == "2"
