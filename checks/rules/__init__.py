"""The registry of checks: an explicit table from stable code to module.

Codes are never reused. A retired check keeps its code out of circulation, so
that a suppression or setting written for it can never silently apply to a
different check.
"""

from __future__ import annotations

from checks.rules import (
    act001_overdue,
    act002_due_soon,
    act003_no_owner,
    act004_unknown_review,
    act005_completion_unevidenced,
    brf001_review_lapsed,
    brf002_unknown_theme,
    brf003_unknown_review,
    brf004_missing_part,
    brf005_unknown_audience,
    cfg001_suppression_expired,
    cfg002_bad_setting,
    chg001_approved_tor_changed,
    chg002_version_backwards,
    chg003_review_date_not_recomputed,
    chg004_due_date_moved,
    kb001_unreadable_file,
    kb002_yaml_syntax,
    kb003_invalid_field,
    kb004_duplicate_id,
    kb005_missing_file,
    kb006_unexpected_file,
    kb007_reserved_page_name,
    mtg001_not_quorate,
    mtg002_papers_late,
    mtg003_minutes_late,
    mtg004_meeting_gap,
    mtg005_unknown_reference,
    prc001_review_lapsed,
    prc002_review_due_soon,
    prc003_unknown_owner,
    rev001_sin_late,
    rev002_rapid_review_late,
    rev003_publication_late,
    rev004_advance_copy,
    rev005_dates_out_of_order,
    rev006_decision_undated,
    sec001_unsafe_markup,
    sec002_link_outside_site,
    sec003_deep_nesting,
    tor001_review_lapsed,
    tor002_review_due_soon,
    tor003_no_review_date,
    tor004_quorum_statutory,
    tor005_statutory_member,
    tor006_unknown_group,
    tor007_reporting_cycle,
    tor008_version_history,
    tor009_superseded_term,
    tor010_unknown_agency,
)
from checks.rules.base import Context, Options, Rule

_MODULES = (
    act001_overdue,
    act002_due_soon,
    act003_no_owner,
    act004_unknown_review,
    act005_completion_unevidenced,
    brf001_review_lapsed,
    brf002_unknown_theme,
    brf003_unknown_review,
    brf004_missing_part,
    brf005_unknown_audience,
    cfg001_suppression_expired,
    cfg002_bad_setting,
    chg001_approved_tor_changed,
    chg002_version_backwards,
    chg003_review_date_not_recomputed,
    chg004_due_date_moved,
    kb001_unreadable_file,
    kb002_yaml_syntax,
    kb003_invalid_field,
    kb004_duplicate_id,
    kb005_missing_file,
    kb006_unexpected_file,
    kb007_reserved_page_name,
    mtg001_not_quorate,
    mtg002_papers_late,
    mtg003_minutes_late,
    mtg004_meeting_gap,
    mtg005_unknown_reference,
    prc001_review_lapsed,
    prc002_review_due_soon,
    prc003_unknown_owner,
    rev001_sin_late,
    rev002_rapid_review_late,
    rev003_publication_late,
    rev004_advance_copy,
    rev005_dates_out_of_order,
    rev006_decision_undated,
    sec001_unsafe_markup,
    sec002_link_outside_site,
    sec003_deep_nesting,
    tor001_review_lapsed,
    tor002_review_due_soon,
    tor003_no_review_date,
    tor004_quorum_statutory,
    tor005_statutory_member,
    tor006_unknown_group,
    tor007_reporting_cycle,
    tor008_version_history,
    tor009_superseded_term,
    tor010_unknown_agency,
)

REGISTRY: dict[str, Rule] = {}
for _module in _MODULES:
    _rule = Rule.from_module(_module)
    if _rule.code in REGISTRY:  # pragma: no cover - guarded by a test
        raise RuntimeError(f"duplicate check code {_rule.code}")
    REGISTRY[_rule.code] = _rule

FAMILIES: dict[str, str] = {
    "KB": "Reading the knowledge base",
    "CFG": "Settings and suppressions",
    "CHG": "Changes (with --base)",
    "TOR": "Terms of reference",
    "REV": "Case reviews",
    "ACT": "Action plans",
    "BRF": "Learning briefs",
    "PRC": "Procedures",
    "MTG": "Meetings",
    "SEC": "Confidentiality and safety of published pages",
}

__all__ = ["FAMILIES", "REGISTRY", "Context", "Options", "Rule"]
