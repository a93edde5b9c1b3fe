"""Whom a date is about: the official a date-level finding (a wrong weekday, an impossible date) is listed under.

The agent of the event the date belongs to, else the speaker the sentence's statement is attributed to
('"...," kata Basri di Bontang, Senin.'), else the agent of what the sentence reports ("dilepas oleh
Gubernur ..."), else the official the sentence opens with. Never merely the nearest name: names inside quoted
speech are whom the speaker talks about. A sentence about nobody in particular, or quoting a speaker who
is no official, lists its finding under the article (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from timeline.model import ArticleClaims, Mention, Sentence
from timeline.text.spans import inside, quote_spans, sentence_at

_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class _Words:
    said_by: re.Pattern[str]
    according_to: re.Pattern[str]
    says: re.Pattern[str]
    agent_after: re.Pattern[str]
    title_words: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    from timeline.lang import alternation, table

    data = table("id", "about")
    return _Words(
        said_by=re.compile(rf"[,\"”]\s*(?P<w>{alternation(data['said_by'], flags='i')})(?![\w-])"),
        according_to=re.compile(rf"(?P<w>{alternation(data['according_to'], word_start=True)})(?![\w-])"),
        says=re.compile(rf"(?<![\w-]){alternation(data['says'], flags='i')}(?![\w-])"),
        agent_after=re.compile(rf"(?<![\w-]){alternation(data['agent_after'], flags='i')}(?![\w-])"),
        title_words=frozenset(data["title_words"]),
    )


def official_of_span(item: ArticleClaims, start: int, end: int) -> str | None:
    """The official a date at [start, end) is about, or None for the article itself."""
    for event in item.events:
        if event.date is not None and event.date.start == start and event.agent:
            return event.agent
    sentence = sentence_at(item.sentences, start)
    if sentence is None:
        return None
    text = item.article.text
    quotes = quote_spans(text)
    mentions = sorted((m for m in item.mentions if sentence.start <= m.start < sentence.end
                       and not inside(quotes, m.start)), key=lambda m: m.start)
    attributed, speaker = _speaker(text, sentence, mentions, quotes)
    if attributed:
        return speaker
    return _agent(item, text, sentence, mentions, quotes) or _subject(text, sentence, mentions)


def _named_after(text: str, pos: int, sentence: Sentence, mentions: Sequence[Mention]) -> tuple[bool, str | None]:
    """Who is named right after `pos` (an attribution word): (True, official) when an official's name
    follows, maybe after a title; (True, None) for a name that is no official's; (False, None) for a
    pronoun or a description ("kata dia", "kata seorang warga") that says nobody in particular."""
    words = _words()
    after = next((m for m in mentions if m.start >= pos), None)
    if after is not None:
        lead = _WORD.findall(text, pos, after.start)
        if all(w[0].isupper() or w in words.title_words for w in lead):
            return True, after.official_id
    first = _WORD.match(text, _SPACE.match(text, pos).end(), sentence.end)
    if first is not None and first.group()[0].isupper():
        return True, None
    return False, None


def _speaker(text: str, sentence: Sentence, mentions: Sequence[Mention], quotes) -> tuple[bool, str | None]:
    """The speaker the sentence attributes its statement to: (True, official or None), or (False, None)."""
    words = _words()
    for m in words.said_by.finditer(text, sentence.start, sentence.end):
        at = m.start("w")
        if inside(quotes, at):
            continue
        own = next((x for x in mentions if x.start <= at < x.end), None)  # "katanya": resolved like a pronoun
        if own is not None:
            return True, own.official_id
        found = _named_after(text, m.end(), sentence, mentions)
        if found[0]:
            return found
    for m in words.according_to.finditer(text, sentence.start, sentence.end):
        if not inside(quotes, m.start()):
            found = _named_after(text, m.end(), sentence, mentions)
            if found[0]:
                return found
    for m in words.says.finditer(text, sentence.start, sentence.end):
        if inside(quotes, m.start()):
            continue
        clause = max(text.rfind(",", sentence.start, m.start()), sentence.start)
        before = [x for x in mentions if clause <= x.start and x.end <= m.start()]
        if before:
            return True, before[-1].official_id
    return False, None


def _agent(item: ArticleClaims, text: str, sentence: Sentence, mentions: Sequence[Mention], quotes) -> str | None:
    """The agent of what the sentence reports: an event's, or the official named after a passive's "oleh"."""
    for event in sorted(item.events, key=lambda e: e.trigger_start):
        if sentence.start <= event.trigger_start < sentence.end and event.agent and not inside(quotes, event.trigger_start):
            return event.agent
    for m in _words().agent_after.finditer(text, sentence.start, sentence.end):
        if not inside(quotes, m.start()):
            official = _named_after(text, m.end(), sentence, mentions)[1]
            if official is not None:
                return official
    return None


def _subject(text: str, sentence: Sentence, mentions: Sequence[Mention]) -> str | None:
    """The official the sentence opens with (after a dateline or an opening phrase and its comma:
    "Dalam kesempatan itu, Bupati ..."), its likely subject."""
    if not mentions:
        return None
    first = mentions[0]
    lead = text[sentence.start : first.start]
    lead = lead[lead.rfind(",") + 1 :]
    title_words = _words().title_words
    if all(w[0].isupper() or w in title_words for w in _WORD.findall(lead)):
        return first.official_id
    return None
