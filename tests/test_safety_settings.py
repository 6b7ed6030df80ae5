"""Safety checks cannot be switched off, downgraded or loosened from kb.yaml (CFG003),
and a suppression that is too broad or too long suppresses nothing (CFG004)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from checks.model.config import RuleSetting
from checks.model.findings import Severity
from checks.rules import REGISTRY, Options, Rule
from checks.rules.safety import TIGHTER, effective, is_protected, is_safety
from kbfactory import TODAY, brief_body

NAME = "Jessica Smith"
PHONE = "020 7946 0018"


def _with_text(files: dict[str, Any], text: str) -> None:
    front, _ = files["docs/briefs/lb-2026-01.md"]
    files["docs/briefs/lb-2026-01.md"] = (front, brief_body("A brief") + f"\n{text}\n")


def _codes(result: Any, code: str) -> list[Any]:
    return [f for f in result.findings if f.code == code]


def _line(files_root: Any, path: str, text: str) -> int:
    lines = (files_root / path).read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def _root(check: Any) -> Any:
    return check.__closure__[0].cell_contents / "kb"


# -- switching off and downgrading ---------------------------------------------------


def test_ano001_cannot_be_switched_off(files, check):
    _with_text(files, f"{NAME} spoke.")
    files["kb.yaml"] = "rules:\n  ANO001:\n    enabled: false\n"
    result = check(files)
    assert [f.match for f in _codes(result, "ANO001")] == [NAME]
    (cfg,) = _codes(result, "CFG003")
    assert (cfg.file, cfg.line, cfg.severity) == ("kb.yaml", 3, Severity.ERROR)
    assert "`enabled: false` is ignored" in cfg.message


def test_a_page_caught_by_a_disabled_safety_check_is_still_withheld(files, check):
    from checks.site.build import SiteBuild

    front, _ = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = (front, "# Panel\n\n<script>alert(1)</script>\n")
    files["kb.yaml"] = "rules:\n  SEC001: {enabled: false}\n  ANO001: {enabled: false}\n"
    result = check(files)
    build = SiteBuild(load_kb(check), result, TODAY)
    assert "tor/panel.md" in build.hidden


def load_kb(check: Any) -> Any:
    from checks.loading import load

    return load(_root(check))


def test_sec001_cannot_be_downgraded(files, check):
    front, _ = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = (front, "# Panel\n\n<script>alert(1)</script>\n")
    files["kb.yaml"] = "rules:\n  SEC001:\n    severity: warning\n"
    result = check(files)
    (sec,) = _codes(result, "SEC001")
    assert sec.severity is Severity.ERROR
    (cfg,) = _codes(result, "CFG003")
    assert cfg.line == 3 and "cannot be downgraded to warning" in cfg.message


def test_a_check_that_is_not_a_safety_check_can_still_be_switched_off(files, check):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-20"
    files["kb.yaml"] = "rules:\n  ACT001: {enabled: false, severity: info}\n"
    assert check(files).findings == []


@pytest.mark.parametrize("code", ["CFG003", "CFG004", "CHG005"])
def test_the_checks_that_report_loosening_cannot_be_switched_off(code):
    applied = effective(REGISTRY[code], RuleSetting(enabled=False, severity=Severity.INFO))
    assert applied.enabled and applied.severity is REGISTRY[code].severity
    assert [i.path for i in applied.ignored] == [("enabled",), ("severity",)]


def test_safety_is_decided_by_prefix_so_later_checks_are_covered():
    assert is_safety("ANO001") and is_safety("SEC003") and is_safety("SEC042")
    assert is_safety("ANO007") and not is_safety("ACT001") and not is_safety("CFG003")
    assert is_protected("SEC042") and not is_protected("TOR001")


# -- options only tighten ------------------------------------------------------------


def test_every_option_of_a_safety_check_has_a_tighter_direction():
    for code, rule in REGISTRY.items():
        if is_safety(code):
            for name in rule.options.model_fields:
                assert (code, name) in TIGHTER, f"{code} option {name}: which way is tighter?"


@pytest.mark.parametrize("kinds", ["[]", "[email]", "[name, email]"])
def test_ano001_kinds_cannot_leave_a_kind_out(files, check, kinds):
    _with_text(files, f"{NAME} spoke. Call {PHONE}.")
    files["kb.yaml"] = f"rules:\n  ANO001:\n    options:\n      kinds: {kinds}\n"
    result = check(files)
    assert {f.match for f in _codes(result, "ANO001")} == {NAME, PHONE}
    (cfg,) = _codes(result, "CFG003")
    assert cfg.line == 4 and "option `kinds` of ANO001 leaves out" in cfg.message
    assert "`phone`" in cfg.message


def test_ano001_reference_patterns_may_add_but_not_remove(files, check):
    _with_text(files, "Crime reference 44/123456/25. Case KSCP-1234.")
    files["kb.yaml"] = (
        "rules:\n  ANO001:\n    options:\n      reference_patterns: ['KSCP-[0-9]{4}']\n"
    )
    result = check(files)
    assert {f.match for f in _codes(result, "ANO001")} == {"44/123456/25", "KSCP-1234"}
    (cfg,) = _codes(result, "CFG003")
    assert "leaves out" in cfg.message and cfg.line == 4


def test_ano001_adding_to_the_defaults_is_no_finding(files, check):
    from checks.rules.ano001_identifying_detail import KINDS, Opts

    patterns = ", ".join(f"'{p}'" for p in Opts().reference_patterns)
    files["kb.yaml"] = (
        "rules:\n  ANO001:\n    options:\n"
        f"      kinds: [{', '.join(KINDS)}]\n"
        f"      reference_patterns: [{patterns}, 'KSCP-[0-9]{{4}}']\n"
    )
    assert _codes(check(files), "CFG003") == []


def _nested(depth: int) -> str:
    return "# Panel\n\n" + "> " * depth + "deep\n"


def test_sec003_limits_may_be_lowered_but_not_raised(files, check):
    front, _ = files["docs/tor/panel.md"]
    files["docs/tor/panel.md"] = (front, _nested(25))
    files["kb.yaml"] = "rules:\n  SEC003:\n    options: {max_quote_depth: 100}\n"
    result = check(files)
    assert len(_codes(result, "SEC003")) == 1
    (cfg,) = _codes(result, "CFG003")
    assert "is 100, above the default 20" in cfg.message and cfg.line == 3
    files["docs/tor/panel.md"] = (front, _nested(8))
    files["kb.yaml"] = "rules:\n  SEC003:\n    options: {max_quote_depth: 5}\n"
    result = check(files)
    assert len(_codes(result, "SEC003")) == 1 and _codes(result, "CFG003") == []


def test_an_option_with_no_tighter_direction_keeps_its_default():
    class Opts(Options):
        level: int = 3

    rule = Rule("SEC999", "future", Severity.ERROR, Opts, lambda c, o: iter(()), "Doc.", "x")
    applied = effective(rule, RuleSetting(options={"level": 1}))
    assert applied.options.level == 3  # type: ignore[attr-defined]
    (ignored,) = applied.ignored
    assert ignored.path == ("options", "level") and "cannot be changed" in ignored.message


# -- suppressions --------------------------------------------------------------------


def _ano_suppression(**fields: Any) -> dict[str, Any]:
    return {"code": "ANO001", "reason": "A fictional training scenario", **fields}


def test_front_matter_suppression_of_ano001_without_match_suppresses_nothing(files, check):
    _with_text(files, f"{NAME} spoke.")
    files["docs/briefs/lb-2026-01.md"][0]["suppress"] = [_ano_suppression(until="2027-01-01")]
    result = check(files)
    assert [f.match for f in _codes(result, "ANO001")] == [NAME]
    assert result.suppressed == 0
    (cfg,) = _codes(result, "CFG004")
    page = "docs/briefs/lb-2026-01.md"
    assert cfg.file == page and cfg.line == _line(_root(check), page, "code: ANO001")
    assert "has no `match`" in cfg.message


def test_front_matter_suppression_with_match_still_works(files, check):
    _with_text(files, f"{NAME} spoke.")
    files["docs/briefs/lb-2026-01.md"][0]["suppress"] = [
        _ano_suppression(match=NAME, until="2027-01-01")
    ]
    result = check(files)
    assert _codes(result, "ANO001") == [] and result.suppressed == 1
    assert _codes(result, "CFG004") == []


def test_kb_yaml_suppression_without_subject_suppresses_nothing(files, check):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-20"
    files["kb.yaml"] = (
        "suppressions:\n  - code: ACT001\n    reason: Agreed\n    until: 2027-01-31\n"
    )
    result = check(files)
    assert [f.code for f in result.findings if f.code != "CFG004"] == ["ACT001"]
    (cfg,) = _codes(result, "CFG004")
    assert (cfg.file, cfg.line) == ("kb.yaml", 2) and "no `subject`" in cfg.message


def test_kb_yaml_suppression_of_ano001_needs_a_match(files, check):
    _with_text(files, f"{NAME} spoke.")
    files["kb.yaml"] = (
        "suppressions:\n  - code: ANO001\n    subject: LB-2026-01\n"
        "    reason: Fiction\n    until: 2027-01-31\n"
    )
    result = check(files)
    assert len(_codes(result, "ANO001")) == 1
    (cfg,) = _codes(result, "CFG004")
    assert cfg.line == 2 and "no `match`" in cfg.message


def test_a_blank_reason_suppresses_nothing(files, check):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-20"
    files["kb.yaml"] = (
        "suppressions:\n  - code: ACT001\n    subject: CSPR-2026-01/A02\n"
        "    reason: ' '\n    until: 2027-01-31\n"
    )
    result = check(files)
    assert len(_codes(result, "ACT001")) == 1
    # The model rejects a blank reason outright (KB003), before CFG004 would.
    (bad,) = [f for f in result.findings if f.file == "kb.yaml"]
    assert bad.line == 4 and "reason" in bad.message


@pytest.mark.parametrize(("days", "works"), [(366, True), (367, False), (4000, False)])
def test_a_suppression_lasts_at_most_12_months(files, check, days, works):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-20"
    until = TODAY + timedelta(days=days)
    files["kb.yaml"] = (
        "suppressions:\n  - code: ACT001\n    subject: CSPR-2026-01/A02\n"
        f"    reason: Agreed extension\n    until: {until}\n"
    )
    result = check(files)
    assert (_codes(result, "ACT001") == []) is works
    cfg = _codes(result, "CFG004")
    if works:
        assert cfg == []
    else:
        (only,) = cfg
        latest = TODAY + timedelta(days=366)
        assert only.line == 5 and f"no later than {latest}" in only.message


def test_the_limit_is_counted_from_the_pinned_today(files, check):
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["due"] = "2026-11-20"
    files["kb.yaml"] = (
        "suppressions:\n  - code: ACT001\n    subject: CSPR-2026-01/A02\n"
        "    reason: Agreed extension\n    until: 2028-01-31\n"
    )
    assert _codes(check(files), "CFG004")
    assert _codes(check(files, today=date(2027, 2, 1)), "CFG004") == []


@pytest.mark.parametrize("code", ["CFG003", "CFG004", "CHG005"])
def test_the_checks_that_report_loosening_cannot_be_suppressed(files, check, code):
    files["kb.yaml"] = (
        "rules:\n  ANO001: {enabled: false}\n"
        f"suppressions:\n  - code: {code}\n    subject: ANO001\n"
        "    reason: Quiet, please\n    until: 2027-01-31\n"
    )
    result = check(files)
    assert len(_codes(result, "CFG003")) == 1  # still reported
    assert result.suppressed == 0
    (cfg,) = _codes(result, "CFG004")
    assert cfg.line == 4 and "cannot be suppressed" in cfg.message


@pytest.mark.parametrize("match", [".", "(?s).*", r"\w+ \w+", "^" + NAME, "..."])
def test_a_safety_match_written_as_a_pattern_is_reported_and_suppresses_nothing(
    files, check, match
):
    """Red team round 15: a `match` is compared with the text found as written, so a
    pattern ("(?s).*", ".") suppresses nothing; whoever wrote it is told, at the
    field, in kb.yaml."""
    _with_text(files, f"{NAME} spoke.")
    files["docs/briefs/lb-2026-01.md"][0]["suppress"] = [
        _ano_suppression(match=match, until="2027-01-01")
    ]
    result = check(files)
    assert [f.match for f in _codes(result, "ANO001")] == [NAME]
    (cfg,) = _codes(result, "CFG004")
    assert "not read as a pattern" in cfg.message
    assert NAME not in cfg.message  # a report never repeats the name it was to hide
