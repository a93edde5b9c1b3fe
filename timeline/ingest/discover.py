"""Finding the article files of an archive and reading their bytes (the filesystem edge of ingest)."""

from __future__ import annotations

import fnmatch
import os
import posixpath
from pathlib import Path
from typing import Sequence

from timeline.ingest.readers import problem, reader_for
from timeline.model import InputProblem


def _display(path: str | Path) -> str:
    text = os.fspath(path)
    if os.sep != "/":
        text = text.replace(os.sep, "/")
    return text


def _excluded(display: str, rel: str, patterns: Sequence[str]) -> bool:
    name = posixpath.basename(display.rstrip("/"))
    return any(
        fnmatch.fnmatchcase(display, p) or fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p)
        for p in patterns
    )


def _walk(root: Path, shown: str, exclude: Sequence[str]) -> list[tuple[str, str]]:
    """The article files under a directory, sorted, skipping hidden and excluded entries."""
    found: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        rel_dir = "" if rel_dir == "." else _display(rel_dir)
        kept = []
        for d in sorted(dirnames):
            rel = posixpath.join(rel_dir, d)
            if d.startswith(".") or _excluded(posixpath.join(shown, rel), rel, exclude):
                continue
            kept.append(d)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith(".") or reader_for(name) is None:
                continue
            rel = posixpath.join(rel_dir, name)
            display = rel if shown in (".", "./") else posixpath.join(shown, rel)
            if _excluded(display, rel, exclude):
                continue
            found.append((os.path.join(dirpath, name), display))
    return found


def find_files(
    paths: Sequence[str | Path], exclude: Sequence[str] = ()
) -> tuple[list[str], list[InputProblem]]:
    """The article files named or found under directories (sorted, each once), and the missing paths."""
    files: list[str] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()
    for given in paths:
        shown = _display(given)
        path = Path(given)
        if path.is_dir():
            found = _walk(path, shown.rstrip("/") or "/", exclude)
            # One realpath per directory, not per file: os.walk does not follow links inside it, and
            # every file it yields starts with the directory as given.
            real_root = os.path.realpath(path)
            cut = len(os.path.join(os.fspath(path), ""))
            idents = (os.path.join(real_root, f[cut:]) for f, _ in found)
        elif path.exists() or path.is_symlink():
            found = [] if _excluded(shown, shown, exclude) else [(os.fspath(path), shown)]
            idents = (os.path.realpath(f) for f, _ in found)
        else:
            problems.append(problem(shown, "missing"))
            continue
        for (_, display), ident in zip(found, idents):
            if ident not in seen:
                seen.add(ident)
                files.append(display)
    return files, problems


def read_file(path: str) -> tuple[bytes | None, InputProblem | None]:
    """A file's bytes, or the one-line problem saying why it cannot be read."""
    try:
        return Path(path).read_bytes(), None
    except OSError as exc:
        return None, problem(path, "unreadable", exc.strerror or type(exc).__name__)
