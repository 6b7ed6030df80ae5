"""The reports' charts as files: what the output gate admits, the same bytes
each build, a text alternative, and colours readable on their white card.
Their pages in a browser are tested in test_browser_reports.py."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest

from checks.loading import load
from checks.reports.assurance import assurance
from checks.reports.assurance_charts import assurance_charts
from checks.reports.charts import Chart, bars
from checks.reports.period import parse_year
from checks.reports.scope import scope_from_result
from checks.rules.engine import run
from checks.site.gate import svg as gate_svg
from kbfactory import write
from sitehelp import REPO

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def charts() -> dict[str, Chart]:
    kb = load(REPO)
    scope = scope_from_result(kb, run(kb, TODAY, select=["REV"]), TODAY)
    return assurance_charts(assurance(scope, parse_year("2026"), "year"), "year")


def test_every_chart_passes_the_output_gate_as_any_svg_would(charts):
    # The gate admits the charts by the rules every SVG the site publishes meets:
    # nothing is widened for them, so a contributor's SVG gains nothing.
    for chart in charts.values():
        assert list(gate_svg(chart.svg)) == [], chart.name


def test_matplotlibs_own_output_would_be_refused_so_it_is_trimmed(charts):
    # What the trimming removes is what the gate refuses in any SVG.
    raw = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">' + charts["overdue"].svg
    assert list(gate_svg(raw)) == ["is an SVG with a document type declaration"]
    styled = charts["overdue"].svg.replace("<g ", "<style>*{}</style><g ", 1)
    assert "is an SVG with a <style> element" in list(gate_svg(styled))


def test_the_same_data_gives_the_same_bytes_in_another_process(charts):
    # matplotlib names clip paths by a hash salted per process unless svg.hashsalt
    # is set: a second process gives the same bytes only because it is.
    code = (
        "from checks.reports.charts import bars; import sys; "
        "sys.stdout.write(bars('c', 't', ['a', 'b'], [1, 2], ['1', '2'], 'x', 'd').svg)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert (
        runs[0].stdout
        == runs[1].stdout
        == bars("c", "t", ["a", "b"], [1, 2], ["1", "2"], "x", "d").svg
    )
    assert "clip-path=" in runs[0].stdout
    for chart in charts.values():
        assert not re.search(r"20\d\d-\d\d-\d\dT|<metadata|Matplotlib v", chart.svg)


def test_each_chart_names_itself_for_a_screen_reader(charts):
    for name, chart in charts.items():
        head = chart.svg[: chart.svg.index("</desc>")]
        assert 'role="img"' in head
        assert f'aria-labelledby="year-{name}-title"' in head
        assert f'<title id="year-{name}-title">' in head
        assert f'<desc id="year-{name}-desc">' in head
        assert "The table after the chart gives the same figures." in chart.alt


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_every_colour_reads_on_the_white_card(charts):
    # WCAG 1.4.3 asks 4.5:1 of text and 1.4.11 3:1 of graphics: every colour
    # drawn (text, bars, points, the statutory line) meets the stricter one.
    for chart in charts.values():
        colours = set(re.findall(r"(?:fill|stroke): (#[0-9a-f]{6})", chart.svg)) - {"#ffffff"}
        assert colours, chart.name
        for colour in colours:
            assert 1.05 / (_luminance(colour) + 0.05) >= 4.5, (chart.name, colour)


def test_the_timeliness_chart_draws_every_step_and_the_statutory_line(charts):
    text = charts["timeliness"].svg
    assert "statutory limit" in text
    assert "2025Q1" in text and "2026Q4" in text
    assert "14 of 18 steps due from 2025Q1 to 2026Q4 were on time" in charts["timeliness"].alt


def test_charts_of_records_that_did_not_load_say_so_and_do_not_fail(tmp_path, files):
    files["data/reviews.yaml"] = "reviews: [\n"
    files["data/meetings/2026.yaml"] = "meetings: [\n"
    kb = load(write(tmp_path / "kb", files))
    scope = scope_from_result(kb, run(kb, TODAY, select=["REV"]), TODAY)
    charts = assurance_charts(assurance(scope, parse_year("2026"), "year"), "year")
    for chart in charts.values():
        assert "Incomplete: some records did not load" in chart.alt, chart.name
        assert "Incomplete: some records did not load" in chart.svg, chart.name
        assert list(gate_svg(chart.svg)) == [], chart.name


def test_a_name_with_markup_or_an_address_is_drawn_as_its_id(tmp_path, files):
    # A chart is an SVG document a browser opens on its own: markup or an address
    # in a label is never drawn, even escaped; the page's table shows it escaped.
    files["data/themes.yaml"]["themes"][0]["label"] = "<img src=x onerror=alert(1)>"
    files["data/partnership.yaml"]["agencies"][3]["name"] = "Schools ![x](https://evil.example/x)"
    files["data/reviews.yaml"]["reviews"][0]["themes"] = ["neglect"]
    files["data/meetings/2026.yaml"]["meetings"][0]["present"].append("school")
    kb = load(write(tmp_path / "kb", files))
    scope = scope_from_result(kb, run(kb, TODAY, select=["REV"]), TODAY)
    charts = assurance_charts(assurance(scope, parse_year("2026"), "year"), "year")
    drawn = "".join(c.svg + c.alt for c in charts.values())
    assert "onerror" not in drawn and "evil.example" not in drawn
    assert ">neglect<" in charts["themes"].svg and ">school<" in charts["attendance"].svg
    assert ">Testshire Council<" in charts["attendance"].svg  # a plain name is drawn as it is
