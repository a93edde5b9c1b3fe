"""Identity: one official per person across the archive, as a small reduce over officials only.

Each article names its officials as it spells them ("Basri", "Basri Rase", a roster alias); `identify`
merges them into canonical officials and returns the alias map from every article-level id to the
canonical one. Claims are not rewritten here: the stages that group claims by official read the map.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

from timeline.model import EventClaim, Official, Participant


@dataclass(frozen=True)
class Identity:
    """The canonical officials (most mentioned first) and the article-level ids that stand for them."""

    officials: tuple[Official, ...]
    aliases: Mapping[str, str] = field(default_factory=dict)  # article-level id -> canonical id

    def canonical(self, official_id: str | None) -> str | None:
        """The canonical id of an article-level official id."""
        if official_id is None:
            return None
        return self.aliases.get(official_id, official_id)

    def by_id(self) -> dict[str, Official]:
        return {o.id: o for o in self.officials}

    def event(self, event: EventClaim) -> EventClaim:
        """The event with every participant under its canonical id."""
        if not self.aliases or not any(p.official_id in self.aliases for p in event.participants):
            return event
        participants = tuple(Participant(self.aliases.get(p.official_id, p.official_id), p.role)
                             for p in event.participants)
        return replace(event, participants=participants)


def identify(per_article: Iterable[Sequence[Official]], roster=None) -> Identity:
    """Merge each article's officials into one per person, and map every article-level id to it."""
    from timeline.extract.officials import merge_officials

    per_article = [list(officials) for officials in per_article]
    merged = merge_officials(((officials, []) for officials in per_article), roster)
    known = {official.id for official in merged}
    first_with: dict[str, tuple[int, str]] = {}  # alias -> (position, id) of the first official that has it
    for position, candidate in enumerate(merged):
        for alias in candidate.aliases:
            first_with.setdefault(alias, (position, candidate.id))
    aliases: dict[str, str] = {}
    for officials in per_article:
        for official in officials:
            if official.id not in known and official.id not in aliases:
                hits = [hit for hit in (first_with.get(official.name), first_with.get(official.id)) if hit]
                if hits:
                    aliases[official.id] = min(hits)[1]
    return Identity(tuple(merged), aliases)
