"""From drafts to the Report: article rules where an article is extracted, official rules mapped over
officials, then ids, severities, order, the baseline and hook mode.

`article_drafts` (per article), `official_inputs` (group by official) and `official_result` (per
official) are the pure stages an engine maps; `report_from` is the small gather at the end, the same
for every engine.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from typing import Any, Collection, Iterable, Mapping, Sequence

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


@dataclass(frozen=True, slots=True)
class OfficialPlan:
    """What the map per official runs: the enabled official checks (by name, in catalog order) with
    their options, and the graph's trip bound. Small and picklable, so it travels to any worker."""

    checks: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    trip_days: int = 14

    def fingerprint(self) -> str:
        """Stable text of the plan: part of every per-official result's cache key."""
        return json.dumps([self.checks, self.trip_days], sort_keys=True, default=str)


def official_plan(catalog, settings) -> OfficialPlan:
    """The plan of the enabled official rules under these settings."""
    rules = official_rules(catalog, settings)
    checks = tuple((rule.check, tuple(sorted(options.items()))) for rule, _, options in rules)
    return OfficialPlan(checks, graph_trip_days(rules))


def check_official(official_id: str, nodes, names: Mapping[str, str], plan: OfficialPlan) -> list[Draft]:
    """One official's claims -> the drafts of every enabled official rule (the map per official)."""
    from timeline.archive.graph import OfficialGraph, build_graph
    from timeline.checks.registry import CHECKS

    if not plan.checks:
        return []
    view = OfficialGraph(official_id, build_graph(official_id, nodes, plan.trip_days), names)
    try:
        return [d for name, options in plan.checks for d in CHECKS[name].function(view, dict(options))]
    finally:
        # networkx caches its views (nodes, edges, succ) on the graph, each holding the graph: a cycle
        # only the collector frees, with every node and edge dict in it (a quarter of a worker's checks
        # went to collecting them). Dropping the views lets reference counting free the graph here.
        vars(view.graph).clear()


def official_inputs(digests: Iterable[ArticleDigest], identity, only: Collection[str] | None = None
                    ) -> dict[str, tuple[list, list[EventClaim]]]:
    """Each official's claim nodes (what the checks read) and listed events (what the report shows),
    in digest order: the group-by-official step. Concatenating the inputs of consecutive runs of
    digests gives the inputs of all of them, so an engine may group files in any partition."""
    from timeline.archive.graph import claims_by_official

    nodes = claims_by_official(digests if isinstance(digests, (list, tuple)) else list(digests), identity)
    events = _listed_events(digests, identity)
    out: dict[str, tuple[list, list[EventClaim]]] = {}
    for oid in nodes.keys() | events.keys():
        if only is None or oid in only:
            out[oid] = (nodes.get(oid, []), events.get(oid, []))
    return out


def _listed_events(digests: Iterable[ArticleDigest], identity) -> dict[str, list[EventClaim]]:
    out: dict[str, list[EventClaim]] = {}
    for item in digests:
        for event in item.events:
            event = identity.event(event)
            for p in event.participants:
                if p.role != "represented":
                    out.setdefault(p.official_id, []).append(event)
    return out


def _when(e: EventClaim):
    v = e.date.value if e.date is not None and e.date.value is not None else None
    return (v is None, v.start if v else date.max, e.id)


def official_result(official_id: str, nodes, events: Sequence[EventClaim], names: Mapping[str, str],
                    plan: OfficialPlan):
    """One official's drafts and its events in time order (undated last): the result of the map per
    official, the same whichever engine computes it."""
    from timeline.engine.plan import OfficialResult

    drafts = check_official(official_id, nodes, names, plan) if nodes else []
    return OfficialResult(tuple(drafts), tuple(sorted(events, key=_when)))


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
    """Each official's event claims in time order (undated last), for `timeline events`."""
    listed = _listed_events(archive.digests, archive.identity)
    return {oid: tuple(sorted(evs, key=_when)) for oid, evs in sorted(listed.items())
            if only is None or oid in only}


def run_archive(archive: Archive, plan: OfficialPlan, changed: set[str] | None = None, *, sources: bool = False):
    """The map per official over an extracted archive, in this process (with `changed`, hook mode:
    only the officials the changed files involve, and only their article drafts)."""
    from timeline.engine.plan import ArticleSource, RunResult

    mine, involved = focus_of(archive, changed)
    names = {o.id: o.name for o in archive.officials}
    results = {oid: official_result(oid, nodes, events, names, plan)
               for oid, (nodes, events) in official_inputs(archive.digests, archive.identity, involved).items()}
    return RunResult(
        articles=archive.articles,
        problems=archive.problems,
        notes=archive.notes,
        identity=archive.identity,
        root=archive.root,
        article_drafts=tuple(d for item in mine for d in item.drafts),
        officials=results,
        involved=frozenset(involved) if involved is not None else None,
        sources={d.article.key: ArticleSource(d.article.key, d.article.path, d.article.outlet, d.article.published,
                                              d.article.url) for d in archive.digests} if sources else None,
    )


def report_of(archive: Archive, settings, catalog, *, changed: Iterable[str] | None = None,
              baseline: set[str] | None = None) -> Report:
    """Findings of an extracted archive as a Report (hook mode and baseline applied)."""
    wanted = {norm_path(p) for p in changed} if changed is not None else None
    run = run_archive(archive, official_plan(catalog, settings), wanted)
    return report_from(run, settings, catalog, changed=changed, baseline=baseline)


def report_from(run, settings, catalog, *, changed: Iterable[str] | None = None,
                baseline: set[str] | None = None) -> Report:
    """The gather at the end of every engine: per-official results and article drafts -> the Report
    (ids, severities, order; hook mode and baseline applied)."""
    changed_only = tuple(sorted(norm_path(p) for p in changed)) if changed is not None else None
    drafts_by_rule: dict[str, list[Draft]] = {}
    for oid in sorted(run.officials):
        for draft in run.officials[oid].drafts:
            drafts_by_rule.setdefault(draft.rule, []).append(draft)
    for draft in run.article_drafts:
        drafts_by_rule.setdefault(draft.rule, []).append(draft)
    findings = findings_of(drafts_by_rule, catalog, settings, run.identity, run.root)
    if changed_only is not None:
        wanted = set(changed_only)
        findings = [f for f in findings if any(norm_path(e.path) in wanted for e in f.evidence)]
    stale: tuple[str, ...] = ()
    if baseline is not None:
        from timeline.checks.baseline import apply_baseline

        findings, stale_ids = apply_baseline(findings, baseline)
        stale = tuple(sorted(stale_ids))
    involved = run.involved
    return Report(
        articles=run.articles,
        skipped=tuple(p for p in run.problems if p.fatal),
        warnings=tuple(p for p in run.problems if not p.fatal),
        officials=tuple(o for o in run.identity.officials if involved is None or o.id in involved),
        events={oid: run.officials[oid].events for oid in sorted(run.officials)
                if run.officials[oid].events and (involved is None or oid in involved)},
        findings=tuple(findings),
        stale_baseline=stale,
        changed_only=changed_only,
    )


def norm_path(path: str) -> str:
    """A path as hook mode compares them: absolute and normalized."""
    return os.path.normpath(os.path.abspath(path))
