"""`timeline officials` and `timeline events`: the officials found, and each one's events in time order."""

from __future__ import annotations

import json
from typing import Mapping, Sequence

from timeline.lang import message
from timeline.model import EventClaim, Official


def render_officials(officials: Sequence[Official], articles: int, fmt: str, lang: str = "id") -> str:
    """One entry per person, most mentioned first, with roles, aliases and mention counts."""
    officials = sorted(officials, key=lambda o: (-o.mentions, o.name))
    if fmt == "json":
        return json.dumps([o.to_json() for o in officials], ensure_ascii=False, indent=2)
    lines = []
    for o in officials:
        roles = "; ".join(str(r) for r in o.roles) or "-"
        aliases = ", ".join(a for a in o.aliases if a != o.name) or "-"
        lines.append(
            f"{o.name}  [{o.id}]\n  {message('listing.roles', lang)}: {roles}\n"
            f"  {message('listing.aliases', lang)}: {aliases}\n  {message('listing.mentions', lang)}: {o.mentions}"
        )
    lines.append("\n" + message("listing.officials_in", lang, count=len(officials), articles=articles))
    return "\n".join(lines)


def event_details(event: EventClaim) -> dict:
    """An event as the report lists it, plus what `timeline events` shows a reader: the trigger,
    the date as written, country, participants, trip and sentence."""
    from timeline.render.json import event_json

    out = event_json(event)
    if out["date"] is not None:
        out["date"]["text"] = event.date.text
    out.update(
        trigger=event.trigger,
        country=event.place.country if event.place else None,
        participants=[{"official": p.official_id, "role": p.role} for p in event.participants],
        part_of=event.part_of,
        sentence=event.sentence.text.strip(),
    )
    return out


def render_events(
    by_official: Mapping[str, Sequence[EventClaim]], officials: Mapping[str, Official], fmt: str, lang: str = "id"
) -> str:
    """Each official's events in time order, one line each with date, type, modality, place, location."""
    if fmt == "json":
        return json.dumps(
            [
                {"official": {"id": oid, "name": officials[oid].name if oid in officials else oid},
                 "events": [event_details(e) for e in events]}
                for oid, events in by_official.items()
            ],
            ensure_ascii=False,
            indent=2,
        )
    lines: list[str] = []
    for oid, events in by_official.items():
        o = officials.get(oid)
        roles = "; ".join(str(r) for r in o.roles) if o else ""
        lines.append(f"{o.name if o else oid}" + (f" ({roles})" if roles else ""))
        for e in events:
            d = event_details(e)
            when = "?"
            if d["date"]:
                start, end = d["date"]["start"], d["date"]["end"]
                when = start if start == end else f"{start}..{end}"
            role = next((p.role for p in e.participants if p.official_id == oid), "")
            extra = f" [{role}]" if role and role != "agent" else ""
            place = f" -> {d['place']}" if d["place"] else ""
            lines.append(f"  {when:<23} {e.type:<10} {e.modality:<9}{place}{extra}  {e.location}")
        lines.append("")
    return "\n".join(lines).rstrip() or message("listing.no_events", lang)
