"""Exit codes and the one error type for input a user gave us that we cannot use."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0  # nothing at or above --fail-on
    FINDINGS = 1  # something at or above --fail-on
    UNUSABLE = 2  # usage error, or no input could be read


class InputError(Exception):
    """A user input (file, option, config) that cannot be used; str() is the one-line message."""

    def __init__(self, path: str | None, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"{where}{message}")
