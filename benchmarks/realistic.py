"""Generate a knowledge base that looks like a partnership's, at three scales.

python benchmarks/realistic.py OUT --scale small|medium|large [--as-of 2026-11-25]

- small: 15 ToRs, 40 briefs, 300 actions in 20 action plans, 30 meetings;
- medium: 100 ToRs, 1,000 briefs, 10,000 actions in 500 action plans, 200 meetings;
- large: medium's ToRs and meetings, 10,000 briefs, 100,000 actions in 5,000 plans.

Everything is written from the example's own prose, never from the anonymisation
gate's word lists: each brief (about 640 words) takes, for each of the seven
parts, sentences the example's published briefs use in that part; each action
takes a recommendation, an owner's role and evidence from the example's action
plans. Reviews spread over twelve years, most of their dates on time and some
late; older reviews' actions are mostly complete, newer ones' mostly open, and
about one open action in six is overdue, as a tracker kept up to date looks.
The example's own pages, reviews and action plans stay, so its briefs resolve.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from checks.model.brief import SEVEN_PARTS

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Scale:
    tors: int
    briefs: int
    plans: int
    actions: int  # in all
    meetings: int


SCALES = {
    "small": Scale(tors=15, briefs=40, plans=20, actions=300, meetings=30),
    "medium": Scale(tors=100, briefs=1000, plans=500, actions=10_000, meetings=200),
    "large": Scale(tors=100, briefs=10_000, plans=5000, actions=100_000, meetings=200),
}
#: The words a brief is to have, about (the issue's figure for real briefs).
BRIEF_WORDS = 640


@dataclass
class Prose:
    """What the example's published briefs and action plans say, by part."""

    parts: dict[str, list[str]]
    titles: list[str]
    themes: list[str]
    agencies: list[str]
    recommendations: list[str]
    roles: list[str]
    evidence: list[str]


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", re.sub(r"^[-*] |^\d+\. ", "", text, flags=re.M)).strip()
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z])", text) if len(s.split()) > 3]


def read_example(as_of: date) -> Prose:
    parts: dict[str, list[str]] = {p: [] for p in SEVEN_PARTS}
    titles: list[str] = []
    for path in sorted((REPO / "docs/briefs").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        meta = yaml.safe_load(front)
        if meta.get("status") != "published" or meta["publish_on"] > as_of:
            continue  # drafts and embargoed briefs hold test markers: never copied
        titles.append(meta["title"])
        for chunk in re.split(r"^## \d+\. ", body, flags=re.M)[1:]:
            heading, _, text = chunk.partition("\n")
            part = next((p for p in SEVEN_PARTS if heading.strip().startswith(p)), None)
            if part is not None:
                parts[part] += _sentences(text)
    plans = [yaml.safe_load(p.read_text()) for p in sorted((REPO / "data/actions").glob("*.yaml"))]
    actions = [a for plan in plans for a in plan["actions"]]
    partnership = yaml.safe_load((REPO / "data/partnership.yaml").read_text())
    themes = yaml.safe_load((REPO / "data/themes.yaml").read_text())
    theme_ids = [t["id"] for t in (themes["themes"] if isinstance(themes, dict) else themes)]
    return Prose(
        parts=parts,
        titles=titles,
        themes=theme_ids,
        agencies=[a["id"] for a in partnership["agencies"]],
        recommendations=sorted({a["recommendation"] for a in actions}),
        roles=sorted({a["owner"]["role"] for a in actions if a.get("owner")}),
        evidence=sorted({a["evidence"] for a in actions if a.get("evidence")}),
    )


def _part(rng: random.Random, pool: list[str], words: int) -> str:
    chosen: list[str] = []
    while sum(len(s.split()) for s in chosen) < words:
        chosen.append(rng.choice(pool))
    return " ".join(chosen)


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Review:
    ref: str
    year: int
    lines: list[str]
    decided: date | None
    briefable: bool


def _reviews(rng: random.Random, n: int, as_of: date) -> list[Review]:
    """``n`` reviews over the twelve years before ``as_of``: rapid reviews that
    went no further, local reviews and other learning reviews; about one in
    twelve notified late."""
    out: list[Review] = []
    per_year: dict[int, int] = {}
    start = date(as_of.year - 11, 1, 5)
    span = (as_of - timedelta(days=120) - start).days
    for i in range(n):
        aware = start + timedelta(days=span * i // max(n, 1))
        aware -= timedelta(days=aware.weekday())  # a Monday
        per_year[aware.year] = per_year.get(aware.year, 0) + 1
        ref = f"RR-{aware.year}-{per_year[aware.year]:03d}"
        kind = rng.choices(["rapid-review", "lcspr", "learning-review"], [5, 3, 2])[0]
        late = rng.random() < 1 / 12
        sin = aware + timedelta(days=9 if late else 3)
        rr = sin + timedelta(days=14)
        decided = rr + timedelta(days=10)
        lines = [
            f"  - ref: {ref}",
            f"    pseudonym: Child {chr(65 + i % 26)}",
            f"    kind: {kind}",
            f"    aware_on: {aware}",
            f"    sin_sent: {sin}",
            f"    rr_sent: {rr}",
        ]
        if kind == "rapid-review":
            lines += ["    decision: no-further-review", f"    decision_on: {decided}"]
            lines.append("    status: closed")
        else:
            lines += [f"    decision: {kind}", f"    decision_on: {decided}"]
            lines.append(f"    commissioned_on: {decided + timedelta(days=20)}")
            published = decided + timedelta(days=150)
            if published < as_of:
                lines += [
                    f"    advance_copy_sent: {published - timedelta(days=21)}",
                    f"    published_on: {published}",
                    "    status: published",
                ]
            else:
                lines.append("    status: in-progress")
        out.append(Review(ref, aware.year, lines, decided, kind != "rapid-review"))
    return out


def _plan(rng: random.Random, prose: Prose, review: Review, n: int, as_of: date) -> str:
    body = [f"review: {review.ref}", "actions:"]
    age = (as_of - (review.decided or as_of)).days / 365
    for j in range(n):
        due = (review.decided or as_of) + timedelta(days=rng.randrange(90, 540))
        done = rng.random() < (0.9 if age > 2 else 0.6 if age > 1 else 0.25)
        if done and due - timedelta(days=20) < as_of:
            status = rng.choices(["complete", "closed"], [19, 1])[0]
        elif due < as_of and rng.random() < 0.8:
            # Most actions past their date were done; the rest are overdue.
            status = "complete"
        else:
            status = rng.choice(["open", "in-progress"])
        body += [
            f"  - id: A{j + 1:02d}",
            f"    recommendation: {_yaml_text(rng.choice(prose.recommendations))}",
            f"    owner: {{agency: {rng.choice(prose.agencies)}, "
            f"role: {_yaml_text(rng.choice(prose.roles))}}}",
            f"    due: {due}",
            f"    status: {status}",
        ]
        if status == "complete":
            body += [
                f"    completed_on: {min(due - timedelta(days=10), as_of - timedelta(days=1))}",
                f"    evidence: {_yaml_text(rng.choice(prose.evidence))}",
            ]
        elif status == "closed":
            body.append('    reason: "Superseded by an action of a later review."')
        elif due < as_of - timedelta(days=31):
            body.append(f"    escalated_on: {due + timedelta(days=14)}")
    return "\n".join(body) + "\n"


def generate(out: Path, scale: Scale, as_of: date, seed: int = 18) -> Path:
    rng = random.Random(seed)
    prose = read_example(as_of)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(REPO / "docs", out / "docs", ignore=shutil.ignore_patterns("screenshots"))
    shutil.copytree(REPO / "data", out / "data")
    shutil.copytree(REPO / "hooks", out / "hooks")
    for name in ("mkdocs.yml", "kb.yaml"):
        shutil.copy(REPO / name, out / name)

    reviews = _reviews(rng, scale.plans, as_of)
    example = (REPO / "data/reviews.yaml").read_text().split("reviews:\n", 1)[1]
    text = "reviews:\n" + "\n".join(line for r in reviews for line in r.lines) + "\n" + example
    (out / "data/reviews.yaml").write_text(text)
    per_plan = scale.actions // scale.plans
    for i, review in enumerate(reviews):
        n = per_plan + (1 if i < scale.actions % scale.plans else 0)
        (out / "data/actions" / f"{review.ref}.yaml").write_text(
            _plan(rng, prose, review, n, as_of)
        )

    held = ["meetings:"]
    groups = ("executive", "case-review", "learning-development", "quality-assurance")
    for i in range(scale.meetings):
        day = as_of - timedelta(days=14 * (scale.meetings - i))
        day += timedelta(days=(3 - day.weekday()) % 7)  # a Thursday
        held += [
            f"  - group: {groups[i % len(groups)]}",
            f"    date: {day}",
            "    present: [council, icb, police, community-health, hospital, education]",
            f"    papers_sent: {day - timedelta(days=8)}",
            f"    minutes_sent: {day + timedelta(days=12)}",
        ]
    (out / "data/meetings/generated.yaml").write_text("\n".join(held) + "\n")

    template = (REPO / "docs/tor/learning-development.md").read_text()
    for i in range(scale.tors):
        page = template.replace(
            "title: Learning and Development Group", f"title: Practice Group {i + 1}"
        )
        (out / "docs/tor" / f"practice-group-{i + 1:03d}.md").write_text(page)

    briefable = [r for r in reviews if r.briefable and r.decided and r.decided < as_of]
    per_year: dict[int, int] = {}
    for i in range(scale.briefs):
        review = briefable[i % len(briefable)]
        assert review.decided is not None  # every briefable review is decided
        published = min(review.decided + timedelta(days=170 + i % 30), as_of)
        per_year[published.year] = per_year.get(published.year, 0) + 1
        number = per_year[published.year]
        themes = rng.sample(prose.themes, 2)
        title = f"{rng.choice(prose.titles)} ({published:%B %Y})"
        lines = [
            "---",
            f"id: LB-{published.year}-{number:03d}",
            f"title: {_yaml_text(title)}",
            f"review: {review.ref}",
            f"themes: [{', '.join(themes)}]",
            "audience:",
            f"  agencies: [{', '.join(rng.sample(prose.agencies, 3))}]",
            "  roles: [social workers, health visitors, police officers]",
            "status: published",
            f"publish_on: {published}",
            f"review_by: {published + timedelta(days=730)}",
            "---",
            "",
            f"# {title}",
            "",
        ]
        for n, part in enumerate(SEVEN_PARTS, 1):
            text = _part(rng, prose.parts[part], BRIEF_WORDS // len(SEVEN_PARTS))
            lines += [f"## {n}. {part}", "", text, ""]
        name = f"lb-{published.year}-{number:03d}.md"
        (out / "docs/briefs" / name).write_text("\n".join(lines))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 25))
    args = parser.parse_args()
    generate(args.out, SCALES[args.scale], args.as_of)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
