"""Read an archive of news files into Articles: formats, metadata, boilerplate, publication date.

`find_files`, `read_file` and `read_archive` touch the filesystem; `parse_article` and everything below it
are pure. Problems with input never raise: each becomes one InputProblem naming the file (and line).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import posixpath
import re
import tomllib
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from timeline.boilerplate import clean_body
from timeline.records import Article, InputProblem, TimeExpression

EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".json": "json", ".jsonl": "jsonl"}
TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("date", "published")

_NONEMPTY_LINE = re.compile(r"[^\n]*\S[^\n]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_DATE = re.compile(r"^(?:date|published)[ \t]*:", re.M | re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A cheap look for an explicit full date (13/09/2023, 13-9-2023, 13.09.2023, 12 September 2023) before the
# temporal tagger is called on a piece of text; the tagger decides.
_FULL_DATE_HINT = re.compile(
    r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\b\d{1,2}\s+[A-Za-z]{3,10}\.?\s+\d{4}\b"
)
_SENTENCE_START = re.compile(r"[.!?]['\"”’]?\s+|\n")
_SENTENCE_END = re.compile(r"[.!?]['\"”’]?(?:\s|\Z)|\n")
_REPORT_WINDOW = 160
_LEDE_MAX_CHARS = 2500


# --------------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------------


def load_table() -> dict:
    """The raw article data table (reporting verbs, future markers, messages)."""
    text = resources.files("timeline").joinpath("lang/articles_id.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


class _Cues(NamedTuple):
    reporting: re.Pattern[str]
    future_after: re.Pattern[str]
    future_before: re.Pattern[str]
    dateline: re.Pattern[str]
    domain: re.Pattern[str]
    after_dateline: int
    without_dateline: int
    dateline_max: int
    require_weekday: bool


def _words(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_table()
    domains = "|".join(re.escape(d) for d in sorted(data["outlet_domains"], key=len, reverse=True))
    domain = rf"[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?i:{domains})\b"
    unit = rf"(?:{domain}|\([A-Z][^()\n]{{1,30}}\)|[A-Z][\w'’]*)"
    dateline = re.compile(
        rf"[ \t\xa0]*(?P<prefix>{unit}(?:[ \t]*,?[ \t]*{unit}){{0,4}})[ \t]*(?:--|[-–—])\s*(?=[^\sa-z])"
    )
    return _Cues(
        reporting=re.compile(rf"\b(?:{_words(data['reporting_verbs'])})\b", re.I),
        future_after=re.compile(rf"[ \t\xa0]*,?[ \t\xa0]*(?:{_words(data['future_after'])})\b", re.I),
        future_before=re.compile(rf"\b(?:{_words(data['future_before'])})\b", re.I),
        dateline=dateline,
        domain=re.compile(rf"\A{domain}\Z", re.I),
        after_dateline=int(data["lede_paragraphs_after_dateline"]),
        without_dateline=int(data["lede_paragraphs_without_dateline"]),
        dateline_max=int(data["dateline_max_paragraph"]),
        require_weekday=bool(data.get("require_weekday", True)),
    )


@lru_cache(maxsize=2)
def messages(lang: str = "en") -> dict[str, str]:
    """The input-problem messages in `lang` ("id" or "en"), keyed by InputProblem.code."""
    table = load_table()["messages"]
    return dict(table.get(lang, table["en"]))


def render_problem(problem: InputProblem, lang: str = "en") -> str:
    """One line naming the file (and line) and the problem, in Indonesian or English."""
    template = messages(lang).get(problem.code)
    if template is None:
        return str(problem)
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {template.format(detail=problem.detail)}"


def _problem(path: str, code: str, detail: str = "", line: int | None = None, fatal: bool = True) -> InputProblem:
    message = messages("en")[code].format(detail=detail)
    return InputProblem(path=path, message=message, line=line, fatal=fatal, code=code, detail=detail)


# --------------------------------------------------------------------------------------------------
# Reading files (the I/O edge)
# --------------------------------------------------------------------------------------------------


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
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in EXTENSIONS:
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
            # One realpath per directory, not per file: os.walk does not follow links inside it.
            real_root = os.path.realpath(path)
            idents = (os.path.join(real_root, os.path.relpath(f, path)) for f, _ in found)
        elif path.exists() or path.is_symlink():
            found = [] if _excluded(shown, shown, exclude) else [(os.fspath(path), shown)]
            idents = (os.path.realpath(f) for f, _ in found)
        else:
            problems.append(_problem(shown, "missing"))
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
        return None, _problem(path, "unreadable", exc.strerror or type(exc).__name__)


def read_archive(
    paths: Sequence[str | Path], exclude: Sequence[str] = ()
) -> tuple[list[Article], list[InputProblem]]:
    """Read files and directories (recursively) into Articles, with every problem met on the way."""
    files, problems = find_files(paths, exclude)
    articles: list[Article] = []
    for display in files:
        data, trouble = read_file(display)
        if data is None:
            problems.append(trouble)
            continue
        found, more = parse_article(display, data)
        articles.extend(found)
        problems.extend(more)
    return articles, problems


# --------------------------------------------------------------------------------------------------
# Parsing (pure)
# --------------------------------------------------------------------------------------------------


def _decode(path: str, data: bytes) -> tuple[str | None, list[InputProblem]]:
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, [_problem(path, "empty")]
    if b"\x00" in data:
        return None, [_problem(path, "binary")]
    try:
        text = data.decode("utf-8-sig")
        problems: list[InputProblem] = []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        line = data.count(b"\n", 0, exc.start) + 1
        problems = [_problem(path, "not_utf8", line=line, fatal=False)]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems


def parse_article(path: str, data: bytes) -> tuple[list[Article], list[InputProblem]]:
    """Articles from one file's bytes; `path` names it in records and problems, its extension picks the format."""
    text, problems = _decode(path, data)
    if text is None:
        return [], problems
    kind = EXTENSIONS.get(posixpath.splitext(path)[1].lower(), "txt")
    digest = hashlib.sha256(data).hexdigest()
    if kind == "md":
        found, more = _parse_markdown(path, text, digest)
    elif kind == "json":
        found, more = _parse_json(path, text, digest)
    elif kind == "jsonl":
        found, more = _parse_jsonl(path, text)
    else:
        found, more = _parse_txt(path, text, digest)
    return found, problems + more


def _first_line(text: str) -> str | None:
    m = _NONEMPTY_LINE.search(text)
    return m.group().strip() if m else None


def _parse_txt(path: str, text: str, digest: str) -> tuple[list[Article], list[InputProblem]]:
    body = clean_body(text)
    if not body.strip():
        return [], [_problem(path, "empty")]
    return _article(path, path, _first_line(body), body, {}, 1, 1, False, digest)


def _parse_markdown(path: str, text: str, digest: str) -> tuple[list[Article], list[InputProblem]]:
    meta: dict[str, Any] = {}
    first_line = 1
    date_line = None
    body = text
    if text.startswith("---") and text[3:].split("\n", 1)[0].strip() == "":
        m = _FRONT_MATTER.match(text)
        if m is None:
            return [], [_problem(path, "front_matter_unclosed", line=1)]
        from frontmatter.default_handlers import YAMLHandler
        import yaml

        try:
            loaded = YAMLHandler().load(m.group(1) or "")
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            detail = getattr(exc, "problem", None) or type(exc).__name__
            return [], [_problem(path, "front_matter_invalid", detail, line=line)]
        except (ValueError, TypeError, RecursionError) as exc:  # e.g. "date: 2023-13-45" fails in the loader
            return [], [_problem(path, "front_matter_invalid", str(exc) or type(exc).__name__, line=2)]
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            return [], [_problem(path, "front_matter_not_mapping", line=2)]
        meta = {str(k).lower(): v for k, v in loaded.items()}
        first_line = text.count("\n", 0, m.end()) + 1
        body = text[m.end():]
        date_key = _FRONT_MATTER_DATE.search(text, 0, m.end())
        date_line = text.count("\n", 0, date_key.start()) + 1 if date_key else None
    body = clean_body(body)
    if not body.strip():
        return [], [_problem(path, "empty")]
    title = _text_value(meta.get("title")) or (_first_line(body) or "").lstrip("#").strip() or None
    return _article(path, path, title, body, meta, first_line, 1, False, digest, date_line)


def _text_field(record: dict[str, Any]) -> tuple[str, str] | None:
    for key in TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return key, value
    return None


def _value_position(source: str, key: str, base: int = 0) -> tuple[int, int]:
    """The line (1-based, from `base`) and column where the string value of `key` starts in raw JSON."""
    m = re.search(rf'"{re.escape(key)}"\s*:\s*"', source)
    if m is None:
        return base + 1, 1
    line_start = source.rfind("\n", 0, m.end()) + 1
    return base + source.count("\n", 0, m.end()) + 1, m.end() - line_start + 1


def _record(
    path: str, key: str, record: Any, source: str, line_base: int, digest: str, line: int | None
) -> tuple[list[Article], list[InputProblem]]:
    if not isinstance(record, dict):
        return [], [_problem(path, "json_not_object", line=line)]
    record = {str(k).lower(): v for k, v in record.items()}
    found = _text_field(record)
    if found is None:
        return [], [_problem(path, "json_no_text", line=line)]
    text_key, raw_body = found
    body = clean_body(raw_body.replace("\r\n", "\n").replace("\r", "\n"))
    first_line, first_column = _value_position(source, text_key, line_base)
    title = _text_value(record.get("title"))
    return _article(path, key, title, body, record, first_line, first_column, True, digest, line)


def _parse_json(path: str, text: str, digest: str) -> tuple[list[Article], list[InputProblem]]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [_problem(path, "json_invalid", f"{exc.msg}, column {exc.colno}", line=exc.lineno)]
    except RecursionError:
        return [], [_problem(path, "json_invalid", "nested too deeply", line=1)]
    if isinstance(value, list):
        articles: list[Article] = []
        problems: list[InputProblem] = []
        for i, item in enumerate(value, 1):
            item_hash = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
            found, trouble = _record(path, f"{path}#{i}", item, "", 0, item_hash, None)
            articles.extend(found)
            problems.extend(trouble)
        return articles, problems
    return _record(path, path, value, text, 0, digest, None)


def _parse_jsonl(path: str, text: str) -> tuple[list[Article], list[InputProblem]]:
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(_problem(path, "json_invalid", f"{exc.msg}, column {exc.colno}", line=lineno))
            continue
        except RecursionError:
            problems.append(_problem(path, "json_invalid", "nested too deeply", line=lineno))
            continue
        digest = hashlib.sha256(line.encode("utf-8")).hexdigest()
        found, trouble = _record(path, f"{path}#{lineno}", value, line, lineno - 1, digest, lineno)
        articles.extend(found)
        problems.extend(trouble)
    if not articles and not problems:
        problems.append(_problem(path, "empty"))
    return articles, problems


def _text_value(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _article(
    path: str,
    key: str,
    title: str | None,
    body: str,
    meta: dict[str, Any],
    first_line: int,
    first_column: int,
    json_text: bool,
    digest: str,
    problem_line: int | None = None,
) -> tuple[list[Article], list[InputProblem]]:
    problems: list[InputProblem] = []
    published: date | None = None
    source: str | None = None
    raw_date = next((meta[k] for k in DATE_KEYS if meta.get(k) not in (None, "")), None)
    if raw_date is not None:
        published = parse_metadata_date(raw_date)
        if published is None:
            problems.append(
                _problem(path, "metadata_date", str(raw_date), line=problem_line, fatal=False)
            )
        else:
            source = "metadata"
    if published is None:
        published, source = publication_date(body, title)
    url = _text_value(meta.get("url"))
    outlet = _text_value(meta.get("outlet")) or dateline_outlet(body) or _url_host(url)
    article = Article(
        path=path,
        key=key,
        title=title,
        text=body,
        published=published,
        published_source=source,
        url=url,
        outlet=outlet,
        author=_text_value(meta.get("author")),
        first_line=first_line,
        first_column=first_column,
        json_text=json_text,
        content_hash=digest,
    )
    return [article], problems


# --------------------------------------------------------------------------------------------------
# Metadata, outlet, publication date (pure)
# --------------------------------------------------------------------------------------------------


def parse_metadata_date(value: Any) -> date | None:
    """A metadata date (ISO fast path, else dateparser in Indonesian/English, day first), or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not any(c.isdigit() for c in value):
        return None
    s = value.strip()
    if _ISO_DATE.match(s):
        try:
            return datetime.fromisoformat(s.replace(" ", "T", 1) if len(s) > 10 else s).date()
        except ValueError:
            try:
                return date.fromisoformat(s[:10])
            except ValueError:
                pass
    import dateparser

    try:
        parsed = dateparser.parse(
            s,
            languages=["id", "en"],
            settings={"DATE_ORDER": "DMY", "PARSERS": ["timestamp", "custom-formats", "absolute-time"]},
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def _url_host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


class Dateline(NamedTuple):
    start: int  # offset of the dateline paragraph in the text
    end: int  # end of the dateline itself (after the dash)
    prefix: str  # "Infokaltim.id, Bontang"
    outlet: str | None
    paragraph: int  # index among the non-empty paragraphs scanned


def _paragraphs(text: str, title: str | None, limit: int) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for m in _NONEMPTY_LINE.finditer(text):
        if not out and title is not None and m.group().strip() == title.strip() and not _dateline_of(m):
            continue  # the headline, unless it is really the lede
        out.append(m)
        if len(out) >= limit:
            break
    return out


def _dateline_of(paragraph: re.Match[str]) -> Dateline | None:
    cues = _cues()
    m = cues.dateline.match(paragraph.string, paragraph.start(), paragraph.end())
    if m is None:
        return None
    prefix = m.group("prefix")
    units = [u.strip() for u in re.split(r"[ \t]*,[ \t]*", prefix)]
    outlet = None
    for u in units:
        if cues.domain.match(u):
            outlet = u
            break
        paren = re.search(r"\(([^()]+)\)", u)
        if paren:
            outlet = paren.group(1).strip()
            break
    strong = outlet is not None or len(units) > 1 or any(
        len(w) >= 3 and w.isupper() for w in re.findall(r"[A-Za-z]+", prefix)
    )
    if not strong:
        return None
    return Dateline(paragraph.start(), m.end(), prefix.strip(), outlet, 0)


def find_dateline(text: str, title: str | None = None) -> Dateline | None:
    """The dateline of the lede ("Infokaltim.id, Bontang- ", "SAMARINDA - "), if one opens an early paragraph."""
    cues = _cues()
    for i, paragraph in enumerate(_paragraphs(text, title, cues.dateline_max)):
        found = _dateline_of(paragraph)
        if found is not None:
            return found._replace(paragraph=i)
    return None


def dateline_outlet(text: str, title: str | None = None) -> str | None:
    """The outlet named in the dateline ("PRANALA.CO", "ANTARA News"), if any."""
    found = find_dateline(text, title)
    return found.outlet if found else None


def _find_dates(text: str) -> list[TimeExpression]:
    from timeline.temporal import find_dates

    return find_dates(text)


def _publishable(expr: TimeExpression) -> bool:
    """An explicit day with its year written, not future, and (when required) naming its weekday.

    A weekday that does not match the date still counts: which of the two is the typo is not known here,
    and the weekday check reports the mismatch itself.
    """
    if _cues().require_weekday and expr.weekday is None:
        return False
    return (
        expr.value is not None
        and expr.kind == "date"
        and expr.granularity == "day"
        and expr.anchor == "explicit"
        and expr.resolved
        and expr.valid
        and not expr.year_inferred
        and expr.tense != "future"
    )


def _future_marked(text: str, start: int, end: int, clause_start: int) -> bool:
    cues = _cues()
    if cues.future_after.match(text, end):
        return True
    return cues.future_before.search(text, clause_start, start) is not None


def _sentence_start(text: str, pos: int, floor: int) -> int:
    last = floor
    lo = max(floor, pos - 300)
    for m in _SENTENCE_START.finditer(text, lo, pos):
        last = m.end()
    return max(last, lo)


def _first_date(text: str, lo: int, hi: int, clause_floor: int | None = None) -> date | None:
    """The first explicit, non-future full date in text[lo:hi] (offsets are absolute)."""
    if not _FULL_DATE_HINT.search(text, lo, hi):
        return None
    scan_end = min(len(text), hi + 40)  # room for a following "mendatang"
    for expr in _find_dates(text[lo:scan_end]):
        start, end = lo + expr.start, lo + expr.end
        if start >= hi:
            break
        if not _publishable(expr):
            continue
        floor = clause_floor if clause_floor is not None else _sentence_start(text, start, lo)
        if _future_marked(text, start, end, floor):
            continue
        return expr.value.start if expr.value else None
    return None


def publication_date(text: str, title: str | None) -> tuple[date | None, str | None]:
    """When the article was written, read from its text: (date, "dateline" | "reporting") or (None, None).

    The lede (up to the dateline paragraph and the one after it, or the first paragraphs) is tried first,
    then a date right after a reporting verb ("katanya, ... Selasa (12/09/2023)"). Future-marked dates
    ("Selasa (19/09/2023) mendatang", "dijadwalkan ... pada 18 September 2023") never count.
    """
    cues = _cues()
    dateline = find_dateline(text, title)
    if dateline is not None:
        count = dateline.paragraph + 1 + cues.after_dateline
    else:
        count = cues.without_dateline
    paragraphs = _paragraphs(text, title, count)
    if paragraphs:
        lo = paragraphs[0].start()
        hi = min(paragraphs[-1].end(), lo + _LEDE_MAX_CHARS)
        found = _first_date(text, lo, hi)
        if found is not None:
            return found, "dateline"
    for verb in cues.reporting.finditer(text):
        hi = min(len(text), verb.end() + _REPORT_WINDOW)
        stop = _SENTENCE_END.search(text, verb.end(), hi)
        if stop is not None:
            hi = stop.start() + 1
        found = _first_date(text, verb.end(), hi, clause_floor=verb.end())
        if found is not None:
            return found, "reporting"
    return None, None
