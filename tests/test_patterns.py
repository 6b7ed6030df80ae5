"""Regular expressions from kb.yaml run in linear time (RE2): a catastrophic one
cannot hang a check, and one that does not compile is a CFG002 finding at its line
while the check runs on with its defaults."""

from __future__ import annotations

from typing import Any

import pytest

from checks.cli import main
from checks.model.patterns import any_of, compile_pattern
from kbfactory import TODAY, write
from timebox import time_box

BRIEF = "docs/briefs/lb-2026-01.md"
PANEL = "docs/tor/panel.md"
# Python's backtracking engine takes about 2**n steps on n digits and then no match.
DIGITS = "1" * 60 + "x"


def _with_text(files: dict[str, Any], path: str, text: str) -> None:
    front, body = files[path]
    files[path] = (front, body + f"\n{text}\n")


def _kb_yaml(rule: str, option: str, values: str) -> str:
    return f"rules:\n  {rule}:\n    options:\n      {option}:\n        - {values}\n"


@pytest.mark.parametrize("pattern", [r"(\d+)+$", r"(\d|\d\d)+$", r"(1*)*x?$"])
def test_a_catastrophic_reference_pattern_does_not_hang(files, check, pattern):
    _with_text(files, BRIEF, f"Reference {DIGITS} and crime reference 44/123456/25.")
    files["kb.yaml"] = _kb_yaml("ANO001", "reference_patterns", f"'{pattern}'")
    with time_box(20):
        result = check(files)
    found = {f.match for f in result.findings if f.code == "ANO001"}
    assert "44/123456/25" in found  # the defaults still apply beside the new pattern


def test_a_catastrophic_superseded_term_does_not_hang(files, check):
    _with_text(files, PANEL, "a" * 60 + "b")
    term = "{pattern: '(a+)+$', use_instead: the new name, since: '2020'}"
    files["kb.yaml"] = _kb_yaml("TOR009", "terms", term)
    with time_box(20):
        result = check(files)
    assert [f.code for f in result.findings if f.code.startswith("CFG")] == []


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("'CR(['", "missing ]"),
        ("'(?<=CR)\\d+'", "no lookaround"),
        ("'(CR)-\\1'", "backreferences"),
        ("'" + "a" * 600 + "'", "at most 500"),
    ],
)
def test_a_reference_pattern_that_does_not_compile_is_cfg002_at_its_line(
    files, check, pattern, words
):
    _with_text(files, BRIEF, "Case CR123456 was closed.")
    files["kb.yaml"] = _kb_yaml("ANO001", "reference_patterns", pattern)
    result = check(files)
    (cfg,) = [f for f in result.findings if f.code == "CFG002"]
    assert (cfg.file, cfg.line) == ("kb.yaml", 5)
    assert "reference_patterns" in cfg.message and words in cfg.message
    # The check still runs, with its default patterns.
    assert "CR123456" in {f.match for f in result.findings if f.code == "ANO001"}


def test_a_superseded_term_that_does_not_compile_is_cfg002_and_the_defaults_run(files, check):
    _with_text(files, PANEL, "The LSCB met.")
    files["kb.yaml"] = _kb_yaml("TOR009", "terms", "{pattern: 'LSCB(', use_instead: x, since: y}")
    result = check(files)
    (cfg,) = [f for f in result.findings if f.code == "CFG002"]
    assert cfg.line == 5 and "terms" in cfg.message and "missing )" in cfg.message
    assert any(f.code == "TOR009" and "LSCB" in f.message for f in result.findings)


def test_kb_check_with_a_bad_pattern_is_a_finding_not_a_traceback(files, tmp_path, capsys):
    files["kb.yaml"] = _kb_yaml("ANO001", "reference_patterns", "'(('")
    root = write(tmp_path / "kb", files)
    with time_box(60):
        code = main(["check", str(root), "--as-of", TODAY.isoformat()])
    out, err = capsys.readouterr()
    assert code == 1 and "CFG002" in out
    assert "Traceback" not in err and "re2.cc" not in err  # RE2 keeps its own log quiet


def test_joined_patterns_match_what_each_matches_alone():
    patterns = [r"(?i)ref-\d+", r"(AB)(\d{3})", r"\bCR\d{5,}\b"]
    text = "REF-12 and AB123, CR12345 but not XCR12345, ref-9"
    (joined,) = any_of(patterns)
    alone = sorted(
        (m.start(), m.group(0)) for p in patterns for m in compile_pattern(p).finditer(text)
    )
    assert sorted((m.start(), m.group(0)) for m in joined.finditer(text)) == alone
    assert any_of([]) == ()


def test_offsets_are_in_characters_not_bytes():
    (m,) = compile_pattern(r"CR\d+").finditer("Zoë’s case CR12345")
    assert (m.start(), m.end()) == (11, 18)


def test_the_defaults_compile_under_re2():
    from checks.rules.ano001_identifying_detail import Opts as AnoOpts
    from checks.rules.tor009_superseded_term import Opts as TorOpts

    for pattern in AnoOpts().reference_patterns:
        compile_pattern(pattern)
    assert len(TorOpts().compiled) == len(TorOpts().terms)


@pytest.mark.parametrize("pattern", ["'^(\\w+\\s?)*$'", "'x*'", "'\\b'"])
def test_a_pattern_that_matches_empty_text_is_cfg002_not_a_finding_everywhere(
    files, check, pattern
):
    files["kb.yaml"] = _kb_yaml("ANO001", "reference_patterns", pattern)
    result = check(files)
    (cfg,) = [f for f in result.findings if f.code == "CFG002"]
    assert cfg.line == 5 and "can match empty text" in cfg.message
    assert not [f for f in result.findings if f.code == "ANO001"]  # the defaults find nothing
