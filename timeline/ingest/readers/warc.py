"""Web archives (.warc, .warc.gz): each HTML response record is an article, read as a saved web page
(timeline.ingest.readers.web), its address from WARC-Target-URI, its date from the page, else from
WARC-Date (the crawl) with that provenance ("warc-date").

Lines are those of the decompressed archive (as `zcat archive.warc.gz` shows them), the same for
.warc and .warc.gz. A payload sent compressed or chunked has no line of its own: its findings point at
the line where its record starts. An archive cut off mid-record keeps the records before the cut and
says where it was cut. warcio is imported only when an archive is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import zlib
from typing import Any

from timeline.ingest.readers import DEFAULT_OPTIONS, ReadOptions, problem
from timeline.model import Article, InputProblem

_LINE_END = re.compile(rb"\r\n?|\n")
_BLOCK_END = b"\r\n\r\n"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_CHUNK = 1 << 16
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)", re.I | re.M)


def gunzip(data: bytes) -> tuple[bytes, bool]:
    """The decompressed bytes of a (multi-member) gzip file, and whether it was cut off or damaged
    (then all that could be read before the damage, so the records before it survive)."""
    out: list[bytes] = []
    member = zlib.decompressobj(31)
    fed = False  # the current member has been given input
    for start in range(0, len(data), _CHUNK):
        pending = data[start : start + _CHUNK]
        while pending:
            try:
                out.append(member.decompress(pending))
            except zlib.error:
                return b"".join(out), bool(pending.strip(b"\x00"))  # zero padding after the last member is fine
            fed = True
            if not member.eof:
                break
            pending = member.unused_data
            member, fed = zlib.decompressobj(31), False
    return b"".join(out), fed


class _Lines:
    """Counts physical lines of the archive up to an offset, moving forward only (linear overall)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0
        self.line = 1

    def at(self, offset: int) -> int:
        if offset > self.offset:
            self.line += len(_LINE_END.findall(self.data, self.offset, offset))
            if self.data[offset - 1 : offset] == b"\r" and self.data[offset : offset + 1] == b"\n":
                self.line -= 1  # a CR LF split by the offset is one line end, counted when reached
            self.offset = offset
        return self.line


def read(path: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> tuple[list[Article], list[InputProblem]]:
    if not data.strip():
        return [], [problem(path, "empty")]
    truncated = False
    if data[:2] == b"\x1f\x8b":
        data, truncated = gunzip(data)
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    articles: list[Article] = []
    problems: list[InputProblem] = []
    lines = _Lines(data)
    records = ArchiveIterator(io.BytesIO(data))
    walk = iter(records)
    number = 0
    pages = 0
    read_to = 0  # where the last record read whole ends
    stopped_at: int | None = None  # the record reading stopped in
    while True:
        try:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio writes its warnings there itself
                record = next(walk)
                payload = record.content_stream().read() if _is_page(record) else None
                start = records.get_record_offset()  # (warcio reads the record to its end to know it)
                length = records.get_record_length()
        except StopIteration:
            if data[getattr(records, "offset", len(data)):].strip(b"\r\n\x00 ") or truncated:
                stopped_at = number + 1
            break
        except Exception as exc:  # warcio meets damage with many kinds of errors: each stops the reading
            if number == 0 and not truncated and not data.lstrip().startswith(b"WARC/"):
                detail = str(exc).split(",", 1)[0] if isinstance(exc, ArchiveLoadFailed) else type(exc).__name__
                return [], [problem(path, "warc_invalid", detail)]
            stopped_at = number + 1
            break
        number += 1
        if _cut_off(record, data, start):
            stopped_at = number
            break
        read_to = start + length
        if payload is None:
            continue
        pages += 1
        found, more = _page(path, number, record, payload, data, start, lines)
        articles.extend(found)
        problems.extend(more)
    if stopped_at is not None:
        cut = truncated or _ends_mid_record(data, read_to)
        kind = "warc_truncated" if cut else "warc_damaged"
        problems.append(problem(path, kind, record=stopped_at, fatal=not articles))
    elif getattr(records, "err_count", 0):
        problems.append(problem(path, "warc_lengths", count=records.err_count, fatal=False))
    elif pages == 0:
        problems.append(problem(path, "warc_no_pages"))
    return articles, problems


def _ends_mid_record(data: bytes, at: int) -> bool:
    """Whether what follows the last record read whole is the start of one the archive ends inside
    (cut off), rather than bytes no record starts with (damaged)."""
    pos = at
    while data[pos : pos + 1] in (b"\r", b"\n"):
        pos += 1
    head = data[pos : pos + 5]
    if head != b"WARC/":
        return len(head) < 5 and b"WARC/".startswith(head)  # cut inside the first word
    head_end = data.find(_BLOCK_END, pos)
    if head_end < 0:
        return True
    length = _CONTENT_LENGTH.search(data, pos, head_end)
    return length is None or head_end + len(_BLOCK_END) + int(length.group(1)) > len(data)


def _cut_off(record: Any, data: bytes, start: int) -> bool:
    """Whether the record's block runs past the end of the archive."""
    head_end = data.find(_BLOCK_END, start)
    length = record.rec_headers.get_header("Content-Length")
    if head_end < 0 or length is None or not length.strip().isdigit():
        return head_end < 0
    return head_end + len(_BLOCK_END) + int(length) > len(data)


def _is_page(record: Any) -> bool:
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return False
        status = http.get_statuscode() or ""
        kind = (http.get_header("Content-Type") or "").lower()
        return status.startswith("2") and any(t in kind for t in _HTML_TYPES)
    if record.rec_type == "resource":
        kind = (record.rec_headers.get_header("Content-Type") or "").lower()
        return any(t in kind for t in _HTML_TYPES)
    return False


def _page(path: str, number: int, record: Any, payload: bytes, data: bytes, start: int,
          lines: _Lines) -> tuple[list[Article], list[InputProblem]]:
    from dataclasses import replace

    from timeline.ingest.metadata import instant_day
    from timeline.ingest.readers.web import page_articles
    from timeline.ingest.sourcemap import line_only

    record_line = lines.at(start)
    payload_start = _payload_start(record, data, start)
    as_written = payload_start is not None and data[payload_start : payload_start + len(payload)] == payload
    crawl_day = instant_day(record.rec_headers.get_header("WARC-Date"))
    found, problems = page_articles(
        path, f"{path}#{number}", _decode(payload, record), hashlib.sha256(payload).hexdigest(),
        first_line=lines.at(payload_start) if as_written else record_line, record_line=record_line,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        late_dates=[(crawl_day, "warc-date")] if crawl_day else [],
    )
    if not as_written:  # sent compressed or chunked: the text has no line of its own in the archive
        found = [replace(a, source=line_only(record_line)) for a in found]
    return found, problems


def _payload_start(record: Any, data: bytes, start: int) -> int | None:
    """Where the payload starts in the archive: after the WARC header block, and the HTTP one."""
    block = data.find(_BLOCK_END, start)
    if block < 0:
        return None
    block += len(_BLOCK_END)
    if record.rec_type != "response":
        return block
    http_end = data.find(_BLOCK_END, block)
    return http_end + len(_BLOCK_END) if http_end >= 0 else None


def _decode(payload: bytes, record: Any) -> str:
    from timeline.ingest.readers import normalize_line_ends
    from timeline.ingest.readers.web import decode_page

    http = record.http_headers
    kind = (http.get_header("Content-Type") if http is not None else None) or ""
    declared = _CHARSET.search(kind)
    if declared:
        try:
            return normalize_line_ends(payload.decode(declared.group(1), errors="replace"))
        except LookupError:
            pass
    return decode_page(payload)[0]
