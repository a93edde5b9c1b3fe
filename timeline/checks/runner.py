"""From drafts to the Report: article rules where an article is extracted, official rules mapped over
officials, then ids, severities, order, the baseline and hook mode.

`article_drafts` and `check_official` are the pure per-item stages an engine maps; `report_of` is the
small gather at the end.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any, Iterable, Mapping, Sequence

from timeline.model import Archive, ArticleClaims, ArticleDigest, Draft, EventClaim, Finding, Report

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def article_drafts(claims: ArticleClaims, options: Mapping[str, Mapping[str, Any]] | None = None) -> list[Draft]:
    """Every article rule over one article (all of them: which are enabled is decided at report time,
    so the cached drafts serve any selection). `options` maps a check name to its options."""
    from timeline.checks.registry import checks_of_scope

    options = options or {}
    return [d for name, c in checks_of_scope("article").items() for d in c.function(claims, options.get(name, {}))]


def official_rules(catalog, settings) -> list[tuple[Any, Any, dict[str, Any]]]:
    """The enabled official-scope rules with their check and effective options."""
    from timeline.checks.registry import CHECKS

    out = []
    for rule in catalog:
        if rule.scope == "official" and (settings is None or settings.rule_enabled(rule)):
            options = settings.options_of(rule) if settings is not None else dict(rule.options)
            out.append((rule, CHECKS[rule.check], options))
    return out


def graph_trip_days(rules: Sequence[tuple[Any, Any, dict[str, Any]]]) -> int:
    """How far apart a departure and its return may be linked in the graph: the longest trip any
    enabled rule allows, so each rule can still apply its own bound."""
    from timeline.archive.graph import DEFAULT_MAX_TRIP_DAYS

    return max((o["max_trip_days"] for _, _, o in rules if "max_trip_days" in o), default=DEFAULT_MAX_TRIP_DAYS)


def check_official(official_id: str, nodes, names: Mapping[str, str], rules, trip_days: int) -> list[Draft]:
    """One official's claims -> the drafts of every enabled official rule (the map per official)."""
    from timeline.archive.graph import OfficialGraph, build_graph

    view = OfficialGraph(official_id, build_graph(official_id, nodes, trip_days), names)
    return [d for _, check, options in rules for d in check.function(view, options)]


def focus_of(archive: Archive, changed: set[str] | None) -> tuple[list[ArticleDigest], set[str] | None]:
    """The digests of changed files and the officials they involve (hook mode), else everything.

    A finding about an official who appears in no changed file cannot involve a changed file, so in
    hook mode only those officials' graphs are built: the whole archive stays their context.
    """
    if changed is None:
        return list(archive.digests), None
    identity = archive.identity
    mine = [d for d in archive.digests if norm_path(d.article.path) in changed]
    officials = {identity.canonical(o.id) for d in mine for o in d.officials}
    officials |= {identity.canonical(p.official_id) for d in mine for e in d.events for p in e.participants}
    officials |= {identity.canonical(dr.official_id) for d in mine for dr in d.drafts if dr.official_id}
    return mine, officials


def run_checks(archive: Archive, settings, catalog, focus=None) -> list[Finding]:
    """Every enabled rule over the archive: findings with ids, severities and canonical names, in order.

    With `focus` (from `focus_of`: the changed files' digests and the officials they involve), only
    findings that can involve those files are computed.
    """
    from timeline.archive.graph import claims_by_official

    identity = archive.identity
    officials = identity.by_id()
    local_digests, involved = focus if focus is not None else (list(archive.digests), None)
    rules = official_rules(catalog, settings)
    drafts_by_rule: dict[str, list[Draft]] = {}
    if rules:
        trip_days = graph_trip_days(rules)
        names = {oid: o.name for oid, o in officials.items()}
        for oid, nodes in sorted(claims_by_official(archive.digests, identity).items()):
            if involved is None or oid in involved:
                for draft in check_official(oid, nodes, names, rules, trip_days):
                    drafts_by_rule.setdefault(draft.rule, []).append(draft)
    for item in local_digests:
        for draft in item.drafts:
            drafts_by_rule.setdefault(draft.rule, []).append(draft)
    return findings_of(drafts_by_rule, catalog, settings, identity, archive.root)


def findings_of(drafts_by_rule: Mapping[str, Sequence[Draft]], catalog, settings, identity,
                root: str | None = None) -> list[Finding]:
    """Drafts of the enabled rules as findings: content ids (deduplicated; an article rule's id names its
    article relative to the archive's `root`), severities, canonical names."""
    from timeline.checks.fingerprint import article_finding_id, finding_id_of

    officials = identity.by_id()
    findings: dict[str, Finding] = {}
    for rule in catalog:
        if settings is not None and not settings.rule_enabled(rule):
            continue
        severity = settings.severity_of(rule) if settings is not None else rule.severity
        for draft in drafts_by_rule.get(rule.check, ()):
            official_id = identity.canonical(draft.official_id)
            if rule.scope == "article":
                fid = article_finding_id(rule.code, draft.evidence, root)
            else:
                fid = finding_id_of(rule.code, official_id, draft.evidence)
            if fid in findings:
                continue
            official = officials.get(official_id) if official_id else None
            findings[fid] = Finding(
                id=fid,
                code=rule.code,
                rule=rule.name,
                severity=severity,
                args=draft.args,
                evidence=draft.evidence,
                official_id=official_id,
                official_name=official.name if official else draft.official_name,
                event_type=draft.event_type,
                place=draft.place,
                companions=draft.companions,
                suggestions=draft.suggestions,
            )
    return sorted(
        findings.values(),
        key=lambda f: (
            f.official_name or "\uffff",
            SEVERITY_ORDER.get(f.severity, 3),
            f.code,
            f.evidence[0].path if f.evidence else "",
            f.evidence[0].line if f.evidence else 0,
        ),
    )


def events_by_official(archive: Archive, only: set[str] | None = None) -> dict[str, tuple[EventClaim, ...]]:
    """Each official's event claims in time order (undated last), for reports and `timeline events`."""
    identity = archive.identity
    out: dict[str, list[EventClaim]] = {}
    for item in archive.digests:
        for event in item.events:
            event = identity.event(event)
            for p in event.participants:
                if p.role != "represented" and (only is None or p.official_id in only):
                    out.setdefault(p.official_id, []).append(event)

    def when(e: EventClaim):
        v = e.date.value if e.date is not None and e.date.value is not None else None
        return (v is None, v.start if v else date.max, e.id)

    return {oid: tuple(sorted(evs, key=when)) for oid, evs in sorted(out.items())}


def report_of(archive: Archive, settings, catalog, *, changed: Iterable[str] | None = None,
              baseline: set[str] | None = None) -> Report:
    """Findings of an extracted archive as a Report (hook mode and baseline applied)."""
    changed_only = None
    wanted = None
    if changed is not None:
        changed_only = tuple(sorted(norm_path(p) for p in changed))
        wanted = set(changed_only)
    focus = focus_of(archive, wanted)
    involved = focus[1]
    findings = run_checks(archive, settings, catalog, focus)
    if wanted is not None:
        findings = [f for f in findings if any(norm_path(e.path) in wanted for e in f.evidence)]
    stale: tuple[str, ...] = ()
    if baseline is not None:
        from timeline.checks.baseline import apply_baseline

        findings, stale_ids = apply_baseline(findings, baseline)
        stale = tuple(sorted(stale_ids))
    return Report(
        articles=archive.articles,
        skipped=archive.skipped,
        warnings=archive.warnings,
        officials=tuple(o for o in archive.officials if involved is None or o.id in involved),
        events=events_by_official(archive, involved),
        findings=tuple(findings),
        stale_baseline=stale,
        changed_only=changed_only,
    )


def norm_path(path: str) -> str:
    """A path as hook mode compares them: absolute and normalized."""
    return os.path.normpath(os.path.abspath(path))
