"""The roster: known officials with canonical names, aliases and terms of office (officials.yaml).

It overrides what the text suggests: a name or alias in it is that official, and a title alone
("Bupati Kutai Kartanegara") is whoever held it on the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.errors import InputError
from timeline.lang import Text
from timeline.extract.titles import _alternation, lexicon, same_region, slug
from timeline.model import Role

@dataclass(frozen=True)
class RosterRole:
    role: Role
    start: date | None = None
    end: date | None = None

    def holds(self, on: date | None) -> bool:
        if on is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class RosterEntry:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RosterRole, ...]


@dataclass
class Roster:
    """Known officials: canonical names, aliases and terms of office; they override inference."""

    entries: list[RosterEntry]
    path: str = ""
    _by_alias: dict[str, RosterEntry] = field(default_factory=dict, repr=False)
    _names_re: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                self._by_alias.setdefault(alias.casefold(), entry)
            self._by_alias.setdefault(entry.id, entry)
        multi = [a for e in self.entries for a in (e.name, *e.aliases) if " " in a]
        if multi:
            self._names_re = re.compile(rf"{_alternation(multi, word_start=True)}(?![\w-])")

    def entry(self, name_or_id: str) -> RosterEntry | None:
        """The roster official a name, alias or id stands for."""
        return self._by_alias.get(name_or_id.casefold()) or self._by_alias.get(slug(name_or_id))

    def holder(self, title: str, region: str | None, on: date | None) -> RosterEntry | None:
        """Who held `title` (in `region`, if given) on a date; None if nobody or more than one."""
        found = {
            e.id: e
            for e in self.entries
            for r in e.roles
            if r.role.title == title and r.holds(on) and (region is None or same_region(r.role.region, region))
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def names_in(self, text: str) -> list[tuple[int, int, str]]:
        """Multi-word roster names and aliases written in a text: (start, end, written)."""
        if self._names_re is None:
            return []
        return [(m.start(), m.end(), m.group()) for m in self._names_re.finditer(text)]


def _date(value: object, path: str, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(path, "roster.not_date", where=what, value=repr(value)) from None


def load_roster(path: str | Path) -> Roster:
    """Read an officials.yaml roster; any problem raises InputError naming the file and what is wrong."""
    import yaml

    shown = str(path)
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(shown, "roster.unreadable", detail=exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise InputError(shown, "roster.not_utf8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(shown, "roster.not_yaml", line, detail=str(getattr(exc, "problem", exc))) from None
    items = raw.get("officials") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise InputError(shown, "roster.not_list")
    entries: list[RosterEntry] = []
    for n, item in enumerate(items, 1):
        where = Text.of("roster.official_n", n=n)
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise InputError(shown, "roster.needs_name", where=where)
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(shown, "roster.aliases", where=where, name=item["name"])
        roles: list[RosterRole] = []
        for role in item.get("roles") or []:
            if not isinstance(role, dict) or not isinstance(role.get("title"), str):
                raise InputError(shown, "roster.needs_title", where=where, name=item["name"])
            title = lexicon().canonical.get(role["title"], role["title"])
            roles.append(
                RosterRole(
                    Role(title, role.get("region"), role.get("acting")),
                    _date(role.get("start"), shown, Text.of("roster.start", where=where)),
                    _date(role.get("end"), shown, Text.of("roster.end", where=where)),
                )
            )
        name = item["name"].strip()
        entries.append(RosterEntry(item.get("id") or slug(name), name, tuple(aliases), tuple(roles)))
    return Roster(entries, shown)


# --------------------------------------------------------------------------------------------------
