"""Who takes part in an event: its agent, the companions listed with it, who represents whom.

The agent of an active verb is the official before it (not a speaker reporting what someone else
does, but a speaker telling their own plan: "X, Senin (...), mengatakan akan berangkat"); of a
passive verb the official right after it ("diresmikan oleh Bupati X"); of a noun the official it
belongs to ("Kunjungan kerja Bupati X") or the one a passive marker names ("rakor yang dipimpin X").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from timeline.extract.lexicon import LOWER_WORD, Lexicon
from timeline.extract.wordindex import WordIndex
from timeline.model import Mention, Sentence, TimeExpression

REPRESENT_REACH = 80  # characters after "mewakili" in which the represented official is named
_WORD = re.compile(r"[\w'’-]+")


class SentenceView(NamedTuple):
    """One sentence with what the extractors need of it (offsets are the article's)."""

    index: int
    sentence: Sentence
    mentions: list[Mention]  # outside quotes
    expressions: list[TimeExpression]  # dated, outside quotes
    places: list  # (start, end, Place)
    words: WordIndex  # of the article's text


def companion_zones(lex: Lexicon, here: SentenceView, triggers) -> list[tuple[int, int]]:
    """Stretches after 'didampingi' / 'bersama' up to the next trigger or the end of the sentence."""
    zones = []
    s, text = here.sentence, here.words.text
    for c in here.words.finditer(lex.companion_re, s.start, s.end):
        if text[c.end() : c.end() + 1] == "-":
            continue  # "bersama-sama"
        end = next((t.start() for t in triggers if t.start() > c.end()), s.end)
        zones.append((c.end(), end))
    return zones


def representation(lex: Lexicon, text: str, here: SentenceView) -> tuple[list[str], set[str]]:
    """Who is represented (absent) and who represents (present) in a sentence."""
    represented: list[str] = []
    representatives: set[str] = set()
    s = here.sentence
    for pattern, flipped in ((lex.represents_re, False), (lex.represented_by_re, True)):
        for r in here.words.finditer(pattern, s.start, s.end):
            after = next((m for m in here.mentions if m.start >= r.end() and m.start - r.end() < REPRESENT_REACH), None)
            before = [m for m in here.mentions if m.end <= r.start()]
            if after is not None and before:
                absent, present = (before[-1], after) if flipped else (after, before[-1])
                represented.append(absent.official_id)
                representatives.add(present.official_id)
    return represented, representatives


def _only_title_between(lex: Lexicon, text: str, start: int, end: int) -> bool:
    """Whether only glue, punctuation and a capitalized title stand in text[start:end]."""
    glue = lex.passive_glue_re.match(text, start, end)
    pos = glue.end() if glue else start
    for w in _WORD.finditer(text, pos, end):
        word = w.group()
        if word[:1].islower() and word.casefold() not in lex.title_glue:
            return False
    return True


def _speaker_tells_own_plan(lex: Lexicon, text: str, speech_end: int, trigger_start: int) -> bool:
    between = _WORD.findall(text[speech_end:trigger_start])
    return all(w.casefold() in lex.speaker_acts for w in between)


def agent_of(lex: Lexicon, text: str, here: SentenceView, trigger, zones, represented) -> tuple[str | None, list[str]]:
    """The official who is the subject of the trigger, and others listed with a passive trigger."""
    m = trigger.match

    def free(x: Mention) -> bool:
        if x.form == "pronoun" and x.text.endswith(lex.enclitic):
            return False  # "katanya", "menurutnya": a speaker or an owner, never the subject
        return not any(a <= x.start < b for a, b in zones) and x.official_id not in represented

    if m.group("nya"):
        own = next((x for x in here.mentions if x.start <= m.start() < x.end), None)
        return (own.official_id if own else None), []
    after = [x for x in here.mentions if x.start >= m.end() and free(x)]
    if trigger.passive:
        if not after or not _only_title_between(lex, text, m.end(), after[0].start):
            return None, []
        extra = [x.official_id for x in after[1:]] if trigger.kind == "attend" else []
        return after[0].official_id, extra
    before = [x for x in here.mentions if x.end <= m.start() and free(x)]
    if before:
        x = before[-1]
        speech = None
        for speech in here.words.finditer(lex.speech_re, x.end, m.start()):
            pass
        if speech is not None and not _speaker_tells_own_plan(lex, text, speech.end(), m.start()):
            return None, []  # "Amiruddin menuturkan, ... pertemuan": the speaker, not the actor
        return x.official_id, []
    if after and not LOWER_WORD.search(text, m.end(), after[0].start):
        return after[0].official_id, []  # "Kunjungan kerja Bupati Berau Sri Juniarsih ...": whose event it is
    for x in after:  # "Rakor ... dipimpin langsung Wali Kota Bontang, Basri Rase": a passive names its agent
        lead = lex.passive_re.search(text, m.end(), x.start)
        if lead and not LOWER_WORD.search(text, lead.end(), x.start):
            return x.official_id, []
    return None, []


def companions_of(lex: Lexicon, text: str, here: SentenceView, zones, next_view: SentenceView | None) -> list[str]:
    """The companions named in the sentence's companion zones, or in a list opening the next sentence."""
    companions = [m.official_id for m in here.mentions if any(a <= m.start < b for a, b in zones)]
    if zones and not companions and next_view is not None:
        if lex.list_intro_re.match(text, next_view.sentence.start):
            companions = [m.official_id for m in next_view.mentions]
    return companions
