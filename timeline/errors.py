"""Exit codes and the one error type for input a user gave us that we cannot use."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from timeline.lang import Text


class ExitCode(IntEnum):
    CLEAN = 0  # nothing at or above --fail-on
    FINDINGS = 1  # something at or above --fail-on
    UNUSABLE = 2  # usage error, or no input could be read


class InputError(Exception):
    """A user input (file, option, config) that cannot be used: where, and a message key with its fields.

    `render(lang)` is the one line a user reads; str() is the English line.
    """

    def __init__(self, path: str | None, message_key: str, line: int | None = None, /, **fields: Any) -> None:
        self.path = path
        self.line = line
        self.text = Text.of(message_key, **fields)
        super().__init__(self.render("en"))

    @property
    def message(self) -> str:
        """The English message without the location."""
        return self.text.render("en")

    def render(self, lang: str = "en") -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.text.render(lang)
