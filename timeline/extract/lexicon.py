"""The words of `lang/id/events.toml`, compiled once into the regexes the event extractors share."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from timeline.lang import alternation, table

# The word regexes (each its words after `(?<![\w-])`) whose searches a `WordIndex` answers, with where
# their words are in events.toml (the triggers: every list of [triggers]): the lexicon's `candidate_re`
# matches wherever one of these words starts.
_INDEXED_WORDS = {
    "trigger_re": ("triggers", None),
    "not_trigger_re": ("not_triggers", "phrases"),
    "continuation_re": ("links", "continuations"),
    "sub_event_re": ("links", "sub_event"),
    "companion_re": ("participants", "companions"),
    "represents_re": ("participants", "represents"),
    "represented_by_re": ("participants", "represented_by"),
    "speech_re": ("participants", "speech"),
    "again_phrase_re": ("recurrence", "again_phrases"),
    "subordinate_re": ("clauses", "subordinate"),
    "cancelled_re": ("modality", "cancelled"),
    "uncertain_re": ("modality", "uncertain"),
    "changed_re": ("modality", "changed"),
    "planned_re": ("modality", "planned"),
}
INDEXED = tuple(_INDEXED_WORDS)

LOWER_WORD = re.compile(r"(?<![\w-])[a-z]")  # a word written in lower case
# What stands before a word of the index: `candidate_re` matches this character and looks ahead for the
# word, so that the regex engine skips in C from one such character to the next (a pattern that opens
# with `(?<![\w-])` is tried at every position of the text instead).
CANDIDATE_BEFORE = r"[^\w-]"


def load_table() -> dict:
    """The raw words of `lang/id/events.toml`."""
    return table("id", "events")


def alt(words, flags: str | None = None) -> str:
    """Whole phrases as written (a space matches one space); `flags` "i" when the regex ignores case."""
    return alternation(words, any_space=False, flags=flags)


def words_re(words, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){alt(words, 'i' if flags & re.IGNORECASE else None)}(?![\w-])", flags)


def _folded(words) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


class Lexicon(NamedTuple):
    trigger_re: re.Pattern[str]
    candidate_re: re.Pattern[str]  # the character before where a word of INDEXED can start (`wordindex`)
    # the same in lower case, without ignoring case, for a text in lower case (None: a word not in ASCII)
    candidate_lower_re: re.Pattern[str] | None
    enclitic: str
    type_of: dict[str, str]
    not_trigger_re: re.Pattern[str]
    passive: frozenset[str]
    passive_glue_re: re.Pattern[str]
    needs_object: frozenset[str]
    event_object_re: re.Pattern[str]
    object_reach: int
    needs_trip: frozenset[str]
    home_re: re.Pattern[str]
    from_words: frozenset[str]
    from_noun_re: re.Pattern[str]
    trip_reach: int
    party_re: re.Pattern[str]
    party_reach: int
    companion_re: re.Pattern[str]
    represents_re: re.Pattern[str]
    represented_by_re: re.Pattern[str]
    list_intro_re: re.Pattern[str]
    speech_re: re.Pattern[str]
    speaker_acts: frozenset[str]
    title_glue: frozenset[str]
    passive_re: re.Pattern[str]
    planned_re: re.Pattern[str]
    changed_re: re.Pattern[str]
    changed_result_re: re.Pattern[str]
    cancelled_re: re.Pattern[str]
    uncertain_re: re.Pattern[str]
    again_before_re: re.Pattern[str]
    again_phrase_re: re.Pattern[str]
    earlier_after_re: re.Pattern[str]
    verb_prefixes: tuple[str, ...]
    subordinate_re: re.Pattern[str]
    object_stop_re: re.Pattern[str]
    object_lead_re: re.Pattern[str]
    aux: frozenset[str]
    object_max_words: int
    generic: frozenset[str]
    facility_re: re.Pattern[str]
    facility_words: frozenset[str] | None  # the facility heads in lower case; None if one is not ASCII
    continuation_re: re.Pattern[str]
    sub_event_re: re.Pattern[str]
    purpose_re: re.Pattern[str]
    glue_re: re.Pattern[str]
    marker_re: re.Pattern[str]
    destination_marker_re: re.Pattern[str]
    location_marker_re: re.Pattern[str]
    location_split_re: re.Pattern[str]
    destination_re: re.Pattern[str]
    demonstratives: frozenset[str]
    demonstrative_re: re.Pattern[str]
    holiday_names: tuple[str, ...]  # casefolded, longest first (temporal.toml [holidays])
    holiday_cues: frozenset[str]
    holiday_joins: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_table()
    type_of = {w.casefold(): t for t, words in data["triggers"].items() for w in words}
    links, parts, mod = data["links"], data["participants"], data["modality"]
    voice, returns, again, objects = data["voice"], data["returns"], data["recurrence"], data["objects"]
    reach = int(links["place_reach"])
    holidays = table("id", "temporal")["holidays"]
    starters = [word for section, key in _INDEXED_WORDS.values()
                for word in (type_of if key is None else data[section][key])]
    return Lexicon(
        trigger_re=re.compile(rf"(?<![\w-])(?P<t>{alt(type_of, 'i')})(?P<nya>{re.escape(data['enclitic'])})?(?![\w-])",
                              re.IGNORECASE),
        candidate_re=re.compile(rf"{CANDIDATE_BEFORE}(?={alt(starters, 'i')})"),
        candidate_lower_re=(re.compile(rf"{CANDIDATE_BEFORE}(?={alt({w.lower() for w in starters})})")
                            if all(w.isascii() for w in starters) else None),
        enclitic=data["enclitic"],
        type_of=type_of,
        not_trigger_re=words_re(data["not_triggers"]["phrases"]),
        passive=_folded(voice["passive"]),
        passive_glue_re=re.compile(rf"(?:[\s,]+(?:{alt(voice['passive_glue'], 'i')})(?![\w-]))*[\s,]*", re.IGNORECASE),
        needs_object=_folded(voice["needs_object"]),
        event_object_re=words_re(voice["event_objects"]),
        object_reach=int(voice["object_reach"]),
        needs_trip=_folded(returns["needs_trip"]),
        home_re=re.compile(rf"\s*(?:{alt(returns['home'], 'i')})(?![\w-])", re.IGNORECASE),
        from_words=_folded(returns["from_words"]),
        from_noun_re=re.compile(rf"\s*(?:{alt(returns['from_nouns'], 'i')})(?![\w-])", re.IGNORECASE),
        trip_reach=int(returns["trip_reach"]),
        party_re=words_re(returns["party"]),
        party_reach=int(returns["party_reach"]),
        companion_re=words_re(parts["companions"]),
        represents_re=words_re(parts["represents"]),
        represented_by_re=words_re(parts["represented_by"]),
        list_intro_re=re.compile(rf"\s*(?:{alt(parts['list_introducers'])})(?![\w-])"),
        speech_re=words_re(parts["speech"]),
        speaker_acts=_folded(parts["speaker_acts"]),
        title_glue=_folded(parts["title_glue"]),
        passive_re=words_re(parts["agent_after"]),
        planned_re=words_re(mod["planned"]),
        changed_re=words_re(mod["changed"]),
        changed_result_re=words_re(mod["changed_result"]),
        cancelled_re=words_re(mod["cancelled"]),
        uncertain_re=words_re(mod["uncertain"]),
        again_before_re=re.compile(rf"(?<![\w-])(?:{alt(again['again_before'], 'i')})\s+$", re.IGNORECASE),
        again_phrase_re=words_re(again["again_phrases"]),
        verb_prefixes=tuple(w.casefold() for w in again["verb_prefixes"]),
        earlier_after_re=re.compile(rf"\s+(?:{alt(again['earlier_after'], 'i')})(?![\w-])", re.IGNORECASE),
        subordinate_re=words_re(data["clauses"]["subordinate"]),
        object_stop_re=re.compile(
            rf"(?<![\w-])(?:{alt(objects['stop'] + parts['speech'], 'i')}|{objects['verb_pattern']})(?![\w-])"),
        object_lead_re=re.compile(rf"(?:\s+(?:{alt(objects['lead'], 'i')})(?![\w-]))+", re.IGNORECASE),
        aux=_folded(objects["aux"]),
        object_max_words=int(objects["max_words"]),
        generic=_folded(objects["generic"]),
        facility_re=words_re(objects["facilities"]),
        facility_words=(frozenset(w.lower() for w in objects["facilities"])
                        if all(w.isascii() for w in objects["facilities"]) else None),
        continuation_re=words_re(links["continuations"]),
        sub_event_re=words_re(links["sub_event"]),
        purpose_re=re.compile(rf"(?<![\w-])(?:{alt(links['purpose'], 'i')})\s+$", re.IGNORECASE),
        glue_re=re.compile(rf"\s*(?:\([^()]{{1,30}}\)\s*)?(?:(?:{alt(links['object_glue'], 'i')})\s+)*\s*$", re.IGNORECASE),
        marker_re=re.compile(rf"(?<![\w-]){alt(links['place_markers'], 'i')}\s+(?:[a-z][\w-]*\s+){{0,{reach}}}$"),
        destination_marker_re=re.compile(rf"(?<![\w-])(?:{alt(links['destination_markers'], 'i')})\s+(?:\w+\s+)?$",
                                         re.IGNORECASE),
        location_marker_re=re.compile(rf"(?<![\w-]){alt(links['location_markers'], 'i')}\s+(?:[a-z]\w*\s+){{0,{reach}}}$"),
        location_split_re=re.compile(rf"\s+{alt(links['location_markers'], 'i')}\s+"),
        destination_re=re.compile(
            rf"(?<![\w-])(?:{alt(links['place_markers'] + links['destination_copulas'], 'i')})\s+(?:\w+\s+)?$",
            re.IGNORECASE,
        ),
        demonstratives=_folded(links["demonstratives"]),
        demonstrative_re=re.compile(rf"\s+(?:{alt(links['demonstratives'], 'i')})(?![\w-])", re.IGNORECASE),
        holiday_names=tuple(sorted(_folded([*holidays["names"], *holidays["offset_names"]]), key=len, reverse=True)),
        holiday_cues=_folded(holidays["cues"]),
        holiday_joins=_folded(data["dating"]["holiday_joins"]),
    )
