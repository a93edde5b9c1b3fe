"""Every bound timeline puts on its input, in one place: a file or an article past one of these is
reported as an input problem (one line) and skipped, so a hostile archive costs bounded time and memory.

They sit far above real news (the longest of 3,463 real articles is about 30,000 characters) and above
the scale targets (a 2 MB article with thousands of dated sentences checks in seconds).
"""

from __future__ import annotations

MAX_FILE_BYTES = 256 * 1024 * 1024  # one file read into memory (a CSV export or a web archive holds many articles)
MAX_ARTICLE_CHARS = 3_000_000  # one article's text
MAX_EXPRESSIONS = 50_000  # time expressions in one article
MAX_FRONT_MATTER_CHARS = 64 * 1024  # YAML front matter of one Markdown article
MAX_YAML_ALIASES = 16  # aliases (*ref) in one front matter: a "billion laughs" document (73 aliases) is refused


class LimitExceeded(Exception):
    """Raised by a pure stage when its input is past one of these bounds; the engine turns it into the
    input problem `input.<key>` (the article is skipped, the rest of the file still read)."""

    def __init__(self, key: str, bound: int) -> None:
        super().__init__(f"{key}: {bound:,}")
        self.key = key
        self.detail = f"{bound:,}"
