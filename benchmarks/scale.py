"""Generate a large, valid knowledge base from the example, for benchmarks.

python benchmarks/scale.py OUT --briefs 1000 --tors 100 --action-files 500 --actions 20

The counts are of what is added to the example's own pages and meetings (6 ToRs,
10 briefs, 13 meetings); its action plans are replaced by the generated ones.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from checks.model.brief import SEVEN_PARTS

REPO = Path(__file__).resolve().parent.parent

AGENCIES = ["council", "icb", "police", "community-health", "hospital", "education"]
THEMES = [
    "neglect",
    "domestic-abuse",
    "information-sharing",
    "professional-curiosity",
    "voice-of-the-child",
    "safe-sleep",
    "exploitation",
    "mental-health",
]
PARTS = SEVEN_PARTS
WORDS = [
    "practitioners",
    "families",
    "assessment",
    "school",
    "health",
    "visit",
    "police",
    "referral",
    "plan",
    "support",
    "risk",
    "child",
    "parent",
    "agency",
    "meeting",
    "review",
    "learning",
    "record",
    "share",
    "concern",
]


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(
    out: Path,
    briefs: int,
    tors: int,
    action_files: int,
    actions: int,
    meetings: int = 0,
    seed: int = 7,
) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data/actions").mkdir(parents=True)
    (out / "data/meetings").mkdir(parents=True)
    for name in ("partnership.yaml", "themes.yaml"):
        shutil.copy(REPO / "data" / name, out / "data" / name)
    shutil.copytree(REPO / "docs", out / "docs")
    shutil.copy(REPO / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", out / "hooks")
    shutil.copytree(REPO / "data/meetings", out / "data/meetings", dirs_exist_ok=True)
    shutil.copy(REPO / "kb.yaml", out / "kb.yaml")

    refs = [f"CSPR-{2000 + i // 100}-{i % 100:02d}" for i in range(action_files)]
    lines = ["reviews:"]
    for i, ref in enumerate(refs):
        aware = date(2020, 1, 6) + timedelta(days=i * 3)
        lines += [
            f"  - ref: {ref}",
            f"    pseudonym: Child {chr(65 + i % 26)}",
            "    kind: learning-review",
            f"    aware_on: {aware}",
            f"    sin_sent: {aware + timedelta(days=1)}",
            "    status: closed",
        ]
    # Keep the example's own reviews so its briefs still resolve.
    example = (REPO / "data/reviews.yaml").read_text().split("reviews:\n", 1)[1]
    (out / "data/reviews.yaml").write_text("\n".join(lines) + "\n" + example)

    for ref in refs:
        body = [f"review: {ref}", "actions:"]
        for j in range(actions):
            due = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 700))
            status = rng.choice(["open", "in-progress", "complete"])
            body += [
                f"  - id: A{j + 1:02d}",
                f"    recommendation: {_sentence(rng)}",
                f"    owner: {{agency: {rng.choice(AGENCIES)}, role: Head of Service}}",
                f"    due: {due}",
                f"    status: {status}",
            ]
            if status == "complete":
                body += [
                    f"    completed_on: {due - timedelta(days=3)}",
                    f"    evidence: {_sentence(rng, 8)}",
                ]
        (out / "data/actions" / f"{ref}.yaml").write_text("\n".join(body) + "\n")

    # Meetings of the example's groups, a month apart, quorate and on time.
    held = ["meetings:"]
    for i in range(meetings):
        day = date(2025, 1, 9) + timedelta(days=28 * i)
        held += [
            f"  - group: {('executive', 'case-review', 'learning-development')[i % 3]}",
            f"    date: {day}",
            "    present: [council, icb, police, community-health, hospital, education]",
            f"    papers_sent: {day - timedelta(days=8)}",
            f"    minutes_sent: {day + timedelta(days=12)}",
        ]
    if meetings:
        (out / "data/meetings/scaled.yaml").write_text("\n".join(held) + "\n")

    template = (REPO / "docs/tor/case-review.md").read_text()
    for i in range(tors):
        text = template.replace("title: Case Review Group", f"title: Scaled Group {i:03d}")
        (out / "docs/tor" / f"scaled-{i:03d}.md").write_text(text)

    for i in range(briefs):
        themes = rng.sample(THEMES, 2)
        front = [
            "---",
            f"id: LB-{3000 + i // 100}-{i % 100:02d}",
            f'title: "Scaled brief {i:04d}"',
            "review: CSPR-2025-01",
            f"themes: [{', '.join(themes)}]",
            "audience:",
            f"  agencies: [{rng.choice(AGENCIES)}]",
            "  roles: [practitioners]",
            "status: published",
            "publish_on: 2025-06-01",
            "review_by: 2028-06-01",
            "---",
            "",
            f"# Scaled brief {i:04d}",
            "",
        ]
        for n, part in enumerate(PARTS, 1):
            front += [f"## {n}. {part}", "", " ".join(_sentence(rng) for _ in range(4)), ""]
        (out / "docs/briefs" / f"scaled-{i:04d}.md").write_text("\n".join(front))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--briefs", type=int, default=1000)
    parser.add_argument("--tors", type=int, default=100)
    parser.add_argument("--action-files", type=int, default=500)
    parser.add_argument("--actions", type=int, default=20)
    parser.add_argument("--meetings", type=int, default=0)
    args = parser.parse_args()
    generate(args.out, args.briefs, args.tors, args.action_files, args.actions, args.meetings)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
