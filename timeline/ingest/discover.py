"""Finding the article files of an archive and reading their bytes (the filesystem edge of ingest).

Only regular files are ever opened: a FIFO, socket or device named like an article is one problem line
(opening a FIFO would wait forever), and so is a name no report could print (control characters, bytes
that are not UTF-8). Reading never blocks and never reads past `limits.MAX_FILE_BYTES`.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import stat
from pathlib import Path
from typing import Callable, Sequence

from timeline import limits
from timeline.ingest.readers import extension_of, problem
from timeline.model import InputProblem

_KINDS = ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device"),
          (stat.S_ISBLK, "device"))


def _display(path: str | Path) -> str:
    text = os.fspath(path)
    if os.sep != "/":
        text = text.replace(os.sep, "/")
    return text


def _excluded(display: str, rel: str, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    name = posixpath.basename(display.rstrip("/"))
    return any(
        fnmatch.fnmatchcase(display, p) or fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p)
        for p in patterns
    )


def printable(name: str) -> str:
    """A path as one line of a report can show it: control characters escaped, undecodable bytes as U+FFFD."""
    if name.isprintable():  # no control character and no undecodable byte (both unprintable): as it is
        return name
    out = []
    for ch in name:
        if "\udc80" <= ch <= "\udcff":
            out.append("\ufffd")
        elif ch < " " or ch == "\x7f":
            out.append(repr(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def _not_regular(path: str, display: str) -> InputProblem | None:
    """The problem with a path that is not a regular file we can name, or None when it is one."""
    if printable(display) != display:
        return problem(printable(display), "bad_name")
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return problem(display, "unreadable", exc.strerror or type(exc).__name__)
    if stat.S_ISREG(mode):
        return None
    kind = next((label for test, label in _KINDS if test(mode)), "special")
    return problem(display, "not_regular", kind)


def _walk(root: Path, shown: str, exclude: Sequence[str], problems: list[InputProblem],
          counted: Callable[[int], None] | None = None) -> list[tuple[str, str]]:
    """The article files under a directory, sorted, skipping hidden and excluded entries; anything named
    like an article that is not a regular file goes to `problems`. `counted` hears how many were found
    so far after each folder."""
    found: list[tuple[str, str]] = []
    plain = shown in (".", "./")
    prefix = shown if shown.endswith("/") else f"{shown}/"  # as posixpath.join(shown, rel)
    pending = [(os.fspath(root), "")]
    while pending:  # depth first, each folder's files before its subfolders, names sorted (as os.walk)
        dirpath, rel_dir = pending.pop()
        try:
            with os.scandir(dirpath) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue  # a folder that cannot be listed is skipped, as os.walk does
        subdirs = []
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                rel = posixpath.join(rel_dir, _display(name))
                if name.startswith(".") or _excluded(posixpath.join(shown, rel), rel, exclude) or entry.is_symlink():
                    continue  # a link to a folder is not followed (no loops, nothing outside the archive)
                subdirs.append((entry.path, rel))
                continue
            if name.startswith(".") or extension_of(name) is None:
                continue
            rel = f"{rel_dir}/{_display(name)}" if rel_dir else _display(name)
            display = rel if plain else f"{prefix}{rel}"
            if _excluded(display, rel, exclude):
                continue
            # A regular file is known from the folder listing itself; anything else is looked at closely.
            regular = entry.is_file(follow_symlinks=False) and printable(display) == display
            trouble = None if regular else _not_regular(entry.path, display)
            if trouble is not None:
                problems.append(trouble)
                continue
            found.append((entry.path, display))
        if counted is not None:
            counted(len(found))
        pending.extend(reversed(subdirs))
    return found


def find_files(
    paths: Sequence[str | Path], exclude: Sequence[str] = (), *,
    when_many: tuple[int, Callable[[], None]] | None = None,
) -> tuple[list[str], list[InputProblem]]:
    """The article files named or found under directories (sorted, each once), and the missing paths.
    `when_many` (count, callback): the callback is called once, as soon as that many files are found,
    while the listing goes on (the local engine starts its workers then)."""
    files: list[str] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()
    threshold, callback = when_many if when_many is not None else (0, None)

    def counted(found: int) -> None:
        nonlocal callback
        if callback is not None and len(files) + found >= threshold:
            callback, call = None, callback
            call()

    for given in paths:
        shown = _display(given)
        path = Path(given)
        if path.is_dir():
            found = _walk(path, shown.rstrip("/") or "/", exclude, problems, counted if callback else None)
            # One realpath per directory, not per file: os.walk does not follow links inside it, and
            # every file it yields starts with the directory as given.
            real_root = os.path.realpath(path)
            cut = len(os.path.join(os.fspath(path), ""))
            idents = (os.path.join(real_root, f[cut:]) for f, _ in found)
        elif path.exists() or path.is_symlink():
            found = [] if _excluded(shown, shown, exclude) else [(os.fspath(path), shown)]
            trouble = _not_regular(os.fspath(path), shown) if found else None
            if trouble is not None:
                problems.append(trouble)
                continue
            idents = (os.path.realpath(f) for f, _ in found)
        else:
            problems.append(problem(printable(shown), "missing"))
            continue
        for (_, display), ident in zip(found, idents):
            if ident not in seen:
                seen.add(ident)
                files.append(display)
        counted(0)
    return files, problems


def archive_root(paths: Sequence[str | Path], config_root: str | Path | None = None) -> str:
    """The folder an archive's articles are named relative to (in finding ids, in cache keys): the folder
    of its .timeline.toml, else the first directory checked, else the first file's folder; absolute."""
    if config_root is not None:
        return os.path.abspath(config_root)
    for given in paths:
        if os.path.isdir(given):
            return os.path.abspath(given)
    return os.path.abspath(os.path.dirname(os.fspath(paths[0])) if paths else ".")


def read_file(path: str) -> tuple[bytes | None, InputProblem | None]:
    """A regular file's bytes, or the one-line problem saying why it cannot be read. Opened without
    blocking, so a file swapped for a FIFO after it was listed cannot hang the run."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return None, problem(path, "unreadable", exc.strerror or type(exc).__name__)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((label for test, label in _KINDS if test(info.st_mode)), "special")
            return None, problem(path, "not_regular", kind)
        if info.st_size > limits.MAX_FILE_BYTES:
            return None, problem(path, "too_large", limits.MAX_FILE_BYTES // (1024 * 1024))
        chunks = []
        remaining = limits.MAX_FILE_BYTES + 1
        # The whole file in one read (and a byte more, to see its end), then small reads to its end: a
        # read allocates all it asks for up front, and asking a megabyte for a 3 kB article was half
        # of this process's time spent reading.
        want = info.st_size + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, want))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            want = 1 << 16
        if remaining <= 0:  # it grew while being read
            return None, problem(path, "too_large", limits.MAX_FILE_BYTES // (1024 * 1024))
        return b"".join(chunks), None
    except OSError as exc:
        return None, problem(path, "unreadable", exc.strerror or type(exc).__name__)
    finally:
        os.close(fd)
