"""The reports' charts: static SVG drawn by matplotlib at build time.

Each chart is a picture of a table the page prints beside it, so nothing is
only in the chart. The SVG has no script and loads nothing: matplotlib's
output with its document type declaration and its one ``<style>`` block
removed (the output gate refuses both in any SVG), a ``<title>`` and ``<desc>``
named by ``aria-labelledby``/``aria-describedby`` and ``role="img"`` added.
It is the same bytes for the same data: ``svg.hashsalt`` fixes the ids
matplotlib makes, and no date is written. The picture is dark on an opaque
white card, so it reads the same in the site's light and dark schemes and in
print; every colour has at least 4.5:1 contrast with white, and each series
also differs by marker shape, so nothing rests on colour alone.

Being the same bytes for the same arguments, a chart is kept in the parse
cache, where one is in use (checks.speed.cache.recall): drawing the reports'
charts took a quarter of a warm site build at a partnership's scale (importing
matplotlib 0.6 s of CPU, each chart about 0.12 s), and a warm build whose
figures have not changed now imports no matplotlib at all.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from typing import Any, ParamSpec, cast

from checks.speed.cache import recall

P = ParamSpec("P")

#: Text and axes; each series colour (Okabe-Ito hues darkened to 4.5:1 on white).
INK = "#1a1a1a"
SERIES = ("#0a5c99", "#a34f00", "#00705a", "#8a3f78")
MARKERS = ("o", "s", "^", "D")
LIMIT = "#b00020"

_SETTINGS: dict[str, Any] = {
    "svg.fonttype": "none",  # text stays text: searchable, scalable, small
    "svg.hashsalt": "kb-report-charts",  # the same ids, so the same bytes, each build
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
    "font.size": 11,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": "#ffffff",
    "axes.facecolor": "#ffffff",
}
_NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart: its SVG, and the sentence that stands for it."""

    name: str
    svg: str
    alt: str


def _svg(fig: Any, name: str, title: str, desc: str) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata=_NO_METADATA, bbox_inches="tight")
    text = out.getvalue()
    text = re.sub(r"^<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"\s*<style[^>]*>.*?</style>", "", text, flags=re.S)
    label = (
        f' role="img" aria-labelledby="{name}-title" aria-describedby="{name}-desc">\n'
        f' <title id="{name}-title">{escape(title)}</title>\n'
        f' <desc id="{name}-desc">{escape(desc)}</desc>'
    )
    return re.sub(r"(<svg\b[^>]*)>", lambda m: m.group(1) + label, text, count=1)


@contextmanager
def _figure(width: float, height: float) -> Iterator[tuple[Any, Any]]:
    """A figure and its axes in the charts' style. matplotlib's Figure is used
    without pyplot: no display, no GUI toolkit, and half the import time."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    with matplotlib.rc_context(cast(Any, _SETTINGS)):
        fig = Figure(figsize=(width, height))
        FigureCanvasSVG(fig)
        yield fig, fig.add_subplot()


def _kept(draw: Callable[P, Chart]) -> Callable[P, Chart]:
    """``draw``, with each chart kept under its arguments (see the module's notes)."""

    @functools.wraps(draw)
    def kept(*args: P.args, **kwargs: P.kwargs) -> Chart:
        key = repr((draw.__name__, args, sorted(kwargs.items())))
        (chart,) = recall("CHART", [key], lambda keys: [draw(*args, **kwargs)])
        return chart

    return kept


@_kept
def timeliness(
    name: str,
    quarters: Sequence[str],
    series: dict[str, list[tuple[int, float, bool]]],
    desc: str,
) -> Chart:
    """Time taken by each statutory step as a share of its limit, by the quarter
    it fell due, against the statutory line at 100%. ``series`` maps a step's
    label to (quarter index, share of the limit, done) points; a step not done
    is drawn hollow at the time it has taken so far."""
    title = "Time taken by each statutory step against its statutory limit, by quarter due"
    with _figure(7.5, 3.6) as (fig, ax):
        top = max([1.5, *(s for points in series.values() for _, s, _ in points)]) * 1.1
        ax.axhline(100, color=LIMIT, linestyle="--", linewidth=1.5)
        # Above the line at the left, where no point is drawn over it.
        ax.text(-0.55, 100 + top * 2, "statutory limit", color=LIMIT, va="bottom", ha="left")
        width = 0.18
        for i, (label, points) in enumerate(series.items()):
            offset = (i - (len(series) - 1) / 2) * width
            xs = [q + offset for q, _, _ in points]
            ys = [s * 100 for _, s, _ in points]
            faces = [SERIES[i] if done else "#ffffff" for _, _, done in points]
            ax.scatter(
                xs,
                ys,
                marker=MARKERS[i],
                s=46,
                c=faces,
                edgecolors=SERIES[i],
                linewidths=1.6,
                label=label,
                zorder=3,
            )
        ax.set_xticks(range(len(quarters)), list(quarters))
        ax.set_xlim(-0.6, len(quarters) - 0.4)
        ax.set_ylim(0, top * 100)
        ax.set_ylabel("Time taken, % of limit")
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.14), ncol=3, frameon=False)
        return Chart(name, _svg(fig, name, title, desc), title + ". " + desc)


@_kept
def bars(
    name: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    shown: Sequence[str],
    axis: str,
    desc: str,
    limit: float | None = None,
) -> Chart:
    """Horizontal bars, one per label, each with its value written at its end."""
    with _figure(7.5, 0.9 + 0.42 * max(len(labels), 1)) as (fig, ax):
        ys = list(range(len(labels)))[::-1]
        ax.barh(ys, values, color=SERIES[0], height=0.6)
        most = max([*values, limit or 0, 1])
        for y, v, text in zip(ys, values, shown, strict=True):
            ax.text(v + most * 0.01, y, " " + text, va="center", ha="left")
        ax.set_yticks(ys, list(labels))
        ax.set_xlim(0, most * 1.25)
        ax.set_xlabel(axis)
        ax.tick_params(axis="y", length=0)
        return Chart(name, _svg(fig, name, title, desc), title + ". " + desc)


@_kept
def grid(
    name: str,
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    counts: Sequence[Sequence[int]],
    desc: str,
) -> Chart:
    """A circle for each row and column, its area the count, the count beside it."""
    with _figure(7.5, 0.9 + 0.38 * max(len(rows), 1)) as (fig, ax):
        most = max([1, *(n for row in counts for n in row)])
        for r, row in enumerate(counts):
            y = len(rows) - 1 - r
            for c, n in enumerate(row):
                if n:
                    ax.scatter([c], [y], s=260 * n / most, color=SERIES[0], zorder=3)
                    ax.text(c + 0.16, y, str(n), va="center", ha="left")
                else:
                    ax.text(c, y, "–", va="center", ha="center")
        ax.set_xticks(range(len(columns)), list(columns))
        ax.set_yticks(range(len(rows)), list(rows)[::-1])
        ax.set_xlim(-0.5, len(columns) - 0.3)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.xaxis.tick_top()
        return Chart(name, _svg(fig, name, title, desc), title + ". " + desc)
