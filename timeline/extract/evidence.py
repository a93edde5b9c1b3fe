"""Evidence: a claim quoted with its sentence, file, line and column; and whom a span is about."""

from __future__ import annotations

from timeline.model import Article, ArticleClaims, Evidence, EventClaim, Interval, Sentence, TimeExpression
from timeline.text.spans import sentence_at


def _quote_around(article: Article, sentence: Sentence | None, start: int, end: int) -> tuple[str, int]:
    """The sentence holding [start, end), or the line when no sentence is known; and its offset."""
    if sentence is not None and sentence.start <= start and end <= sentence.end:
        return sentence.text, sentence.start
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", end)
    if line_end < 0:
        line_end = len(article.text)
    return article.text[line_start:line_end], line_start


def evidence_for_span(
    article: Article,
    sentence: Sentence | None,
    start: int,
    end: int,
    value: Interval | None,
    granularity: str | None,
) -> Evidence:
    """Evidence quoting the sentence around a span of the article, with that span marked."""
    quote, quote_start = _quote_around(article, sentence, start, end)
    stripped = quote.lstrip()
    lead = len(quote) - len(stripped)
    quote = stripped.rstrip()
    loc = article.location(start)
    return Evidence(
        path=article.path,
        line=loc.line,
        column=loc.column,
        quote=quote,
        text=article.text[start:end],
        date=value,
        granularity=granularity,
        published=article.published,
        url=article.url,
        outlet=article.outlet,
        article_key=article.key,
        mark_start=start - quote_start - lead,
        mark_end=end - quote_start - lead,
        text_line=loc.text_line,
        text_column=loc.text_column,
    )


def evidence_for_expression(item: ArticleClaims, expr: TimeExpression) -> Evidence:
    sentence = sentence_at(item.sentences, expr.start)
    return evidence_for_span(item.article, sentence, expr.start, expr.end, expr.value, expr.granularity)


def evidence_for_claim(article: Article, claim: EventClaim) -> Evidence:
    """Evidence for an event claim: its date as written when it has one, else its trigger."""
    expr = claim.date
    sentence = claim.sentence
    if expr is not None:
        # The date may sit in a following sentence that continues the event ("Kegiatan itu ...").
        if not (sentence.start <= expr.start and expr.end <= sentence.end):
            sentence = None
        return evidence_for_span(article, sentence, expr.start, expr.end, expr.value, expr.granularity)
    return evidence_for_span(article, sentence, claim.trigger_start, claim.trigger_end, None, None)


def official_of_span(item: ArticleClaims, start: int, end: int) -> str | None:
    """The official a span is about: the event whose date it is, else an official in its sentence."""
    for event in item.events:
        if event.date is not None and event.date.start == start and event.agent:
            return event.agent
    sentence = sentence_at(item.sentences, start)
    if sentence is None:
        return None
    for mention in item.mentions:
        if sentence.start <= mention.start < sentence.end:
            return mention.official_id
    return None
