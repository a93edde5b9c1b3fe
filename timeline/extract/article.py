"""One article in, everything the archive stages need out: `extract_claims`, then `digest`."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from timeline import limits
from timeline.model import Article, ArticleClaims, ArticleDigest, Draft, SourceMap

_NO_SOURCE = SourceMap()


def extract_claims(article: Article, roster=None) -> ArticleClaims:
    """Time expressions, officials, mentions and events of one article (each event with its clock time)."""
    from timeline.extract.events import find_events
    from timeline.extract.officials import find_officials
    from timeline.ingest.published import reference_time
    from timeline.temporal import recognize, resolve
    from timeline.text.sentences import split_sentences

    sentences = split_sentences(article.text)
    marks = article.time_marks if article.time_marks is not None else recognize(article.text)
    if len(marks) > limits.MAX_EXPRESSIONS:  # past it, no reader could check the article anyway
        raise limits.LimitExceeded("too_many_expressions", limits.MAX_EXPRESSIONS)
    expressions = resolve(marks, reference_time(article))
    officials, mentions = find_officials(article, sentences, roster)
    folded = marks.lower if marks.lower and marks.text == article.text else None  # (the scan's, not made twice)
    events = find_events(article, sentences, expressions, officials, mentions, folded)
    return ArticleClaims(
        article=article,
        expressions=tuple(expressions),
        officials=tuple(officials),
        mentions=tuple(mentions),
        events=tuple(events),
        sentences=tuple(sentences),
    )


def digest(claims: ArticleClaims, drafts: Iterable[Draft] = ()) -> ArticleDigest:
    """Keep only what the archive needs: each event quoted as evidence, officials with their mention
    counts, the article-rule drafts, and the article without its text (nor the map of it: every
    location is already computed)."""
    from timeline.extract.evidence import evidence_for_claim

    evidence = tuple(evidence_for_claim(claims.article, e) for e in claims.events)
    counts: dict[str, int] = {}
    for mention in claims.mentions:
        counts[mention.official_id] = counts.get(mention.official_id, 0) + 1
    officials = tuple(replace(o, mentions=counts.get(o.id, o.mentions)) for o in claims.officials)
    article = replace(claims.article, text="", source=_NO_SOURCE, time_marks=None)
    return ArticleDigest(article, officials, claims.events, evidence, tuple(drafts))
