"""Property-based tests with hypothesis."""

from __future__ import annotations

import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import holidays
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.anonymise.detectors import _PAIR
from checks.loading import load
from checks.model.working_days import NATIONS, WorkingCalendar
from checks.model.yaml_source import YamlError, load_yaml
from checks.rules.engine import run
from checks.rules.sec003_deep_nesting import deep_pattern, may_be_deep
from kbfactory import TODAY, compliant, write

_HOLIDAYS = {n: holidays.country_holidays("GB", subdiv=n, years=range(2019, 2033)) for n in NATIONS}

dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
nations = st.sampled_from(sorted(NATIONS))


def _working(day: date, nation: str) -> bool:
    return day.weekday() < 5 and day not in _HOLIDAYS[nation]


def brute_add(start: date, n: int, nation: str) -> date:
    day, left = start, n
    while left:
        day += timedelta(days=1)
        left -= _working(day, nation)
    return day


@settings(max_examples=300, deadline=None)
@given(start=dates, n=st.integers(min_value=1, max_value=60), nation=nations)
def test_adding_working_days_agrees_with_counting_day_by_day(start, n, nation):
    assert WorkingCalendar(nation).add(start, n) == brute_add(start, n, nation)


@settings(max_examples=300, deadline=None)
@given(start=dates, span=st.integers(min_value=-90, max_value=90), nation=nations)
def test_counting_working_days_agrees_with_counting_day_by_day(start, span, nation):
    end = start + timedelta(days=span)
    lo, hi = sorted((start, end))
    brute = sum(_working(lo + timedelta(days=i), nation) for i in range(1, (hi - lo).days + 1))
    assert WorkingCalendar(nation).count_between(start, end) == (brute if end >= start else -brute)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_text_either_loads_or_gives_a_yaml_error(text):
    try:
        load_yaml(text)
    except YamlError as exc:
        assert exc.line >= 1 and exc.message


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates().map(str),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    action_file=st.dictionaries(
        st.sampled_from(["review", "actions", "extra"]) | st.text(max_size=8),
        yaml_values,
        max_size=4,
    ),
    raw=st.binary(max_size=200),
)
def test_arbitrary_files_never_break_loading_or_checking(action_file, raw):
    with tempfile.TemporaryDirectory() as tmp:
        files = compliant()
        files["data/actions/random.yaml"] = yaml.safe_dump(action_file, allow_unicode=True)
        files["docs/briefs/random.md"] = raw
        root = write(Path(tmp) / "kb", files)
        kb = load(root)
        result = run(kb, TODAY)
        assert all(f.line >= 1 for f in result.findings)
        assert "LB-2026-01" in kb.briefs  # the good files are still there


@settings(max_examples=500, deadline=None)
@given(
    body=st.text(alphabet=" \t>a\n", max_size=40),
    quotes=st.integers(min_value=1, max_value=4),
    indent=st.integers(min_value=1, max_value=6),
)
def test_sec003s_prefilter_never_skips_a_deep_page(body, quotes, indent):
    if deep_pattern(quotes, indent).search(body):
        assert may_be_deep(body, quotes, indent)


# The name pattern as first written: a word start, a capitalised word, a space, a
# capitalised word. _PAIR is the same pattern rearranged to run faster.
_PAIR_AS_WRITTEN = re.compile(r"(?<![\w’'-])([A-Z][a-z’'-]+)[ \u00a0](?=([A-Z][A-Za-z’'-]+))")


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["A", "Ann", "Bo", "a", "z", "’", "'", "-", " ", "\u00a0", "\n", "9", "é", "_", "É"]
        ),
        max_size=12,
    ).map("".join)
)
def test_the_fast_name_pattern_finds_what_the_pattern_as_written_finds(text):
    def found(pattern: re.Pattern[str]) -> list[tuple[int, int, str, str]]:
        return [(m.start(), m.end(), m.group(1), m.group(2)) for m in pattern.finditer(text)]

    assert found(_PAIR) == found(_PAIR_AS_WRITTEN)
