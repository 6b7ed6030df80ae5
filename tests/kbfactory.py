"""Build small knowledge bases in a temporary folder for tests.

:func:`compliant` returns a knowledge base, as plain data, that passes every check
as at :data:`TODAY`; tests change one thing and write it with :func:`write`.
"""

from __future__ import annotations

import copy
import io
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from checks.cli import main
from checks.model.brief import SEVEN_PARTS

TODAY = date(2026, 11, 25)

SEVEN = SEVEN_PARTS


def brief_body(title: str, parts: tuple[str, ...] = SEVEN) -> str:
    sections = "\n".join(f"## {i}. {p}\n\nText for {p.lower()}.\n" for i, p in enumerate(parts, 1))
    return f"# {title}\n\n{sections}"


def _seat(agency: str, role: str) -> dict[str, str]:
    return {"agency": agency, "role": role}


def _tor(title: str, reports_to: str | None, frequency: str) -> dict[str, Any]:
    tor: dict[str, Any] = {
        "title": title,
        "version": "2.0",
        "status": "approved",
        "approved_on": "2026-06-30",
        "approved_by": "exec",
        "next_review": "2027-06-30",
        "chair": _seat("council", "Director"),
        "members": [
            _seat("council", "Director"),
            _seat("icb", "Chief Nurse"),
            _seat("police", "Superintendent"),
            _seat("school", "Head teacher"),
        ],
        "quorum": ["council", "icb", "police"],
        "frequency": frequency,
        "history": [
            {"version": "1.0", "date": "2025-06-30", "approved_by": "exec", "summary": "First."},
            {"version": "2.0", "date": "2026-06-30", "approved_by": "exec", "summary": "Review."},
        ],
    }
    if reports_to:
        tor["reports_to"] = reports_to
    return tor


def compliant() -> dict[str, Any]:
    """Path -> YAML data, or (front matter, body) for Markdown."""
    return copy.deepcopy(
        {
            "data/partnership.yaml": {
                "name": "Testshire Safeguarding Children Partnership",
                "area": "Testshire",
                "nation": "ENG",
                "agencies": [
                    {"id": "council", "name": "Testshire Council", "statutory": True},
                    {"id": "icb", "name": "Testshire ICB", "statutory": True},
                    {"id": "police", "name": "Testshire Police", "statutory": True},
                    {"id": "school", "name": "Testshire Schools"},
                ],
                "yearly_reports": [{"period": "2025 to 2026", "published_on": "2026-06-30"}],
            },
            "data/themes.yaml": {
                "themes": [
                    {"id": "neglect", "label": "Neglect"},
                    {"id": "voice", "label": "Voice of the child"},
                ]
            },
            "data/reviews.yaml": {
                "reviews": [
                    {
                        "ref": "CSPR-2026-01",
                        "pseudonym": "Child A",
                        "kind": "lcspr",
                        "aware_on": "2026-03-02",
                        "sin_sent": "2026-03-05",
                        "rr_sent": "2026-03-20",
                        "decision": "lcspr",
                        "decision_on": "2026-04-01",
                        "commissioned_on": "2026-04-15",
                        "advance_copy_sent": "2026-09-01",
                        "published_on": "2026-09-15",
                        "status": "published",
                    }
                ]
            },
            "data/actions/CSPR-2026-01.yaml": {
                "review": "CSPR-2026-01",
                "actions": [
                    {
                        "id": "A01",
                        "recommendation": "Do the first thing.",
                        "owner": _seat("council", "Head of Service"),
                        "due": "2026-10-31",
                        "status": "complete",
                        "completed_on": "2026-10-20",
                        "evidence": "Audit report.",
                    },
                    {
                        "id": "A02",
                        "recommendation": "Do the second thing.",
                        "owner": _seat("icb", "Designated Nurse"),
                        "due": "2027-06-30",
                        "status": "open",
                    },
                ],
            },
            "data/meetings/2026.yaml": {
                "meetings": [
                    {
                        "group": "exec",
                        "date": "2026-10-01",
                        "present": ["council", "icb", "police"],
                        "papers_sent": "2026-09-23",
                        "minutes_sent": "2026-10-08",
                    },
                    {
                        "group": "panel",
                        "date": "2026-11-05",
                        "present": ["council", "icb", "police", "school"],
                        "papers_sent": "2026-10-29",
                        "minutes_sent": "2026-11-19",
                    },
                ]
            },
            "docs/index.md": ({"title": "Home"}, "# Home\n"),
            "docs/tor/exec.md": (_tor("Executive", None, "quarterly"), "# Executive\n\nText.\n"),
            "docs/tor/panel.md": (_tor("Review Panel", "exec", "monthly"), "# Panel\n\nText.\n"),
            "docs/briefs/lb-2026-01.md": (
                {
                    "id": "LB-2026-01",
                    "title": "A brief",
                    "review": "CSPR-2026-01",
                    "themes": ["neglect"],
                    "audience": {"agencies": ["school"], "roles": ["teachers"]},
                    "status": "published",
                    "publish_on": "2026-09-15",
                    "review_by": "2027-09-30",
                },
                brief_body("A brief"),
            ),
            "docs/procedures/rapid-review.md": (
                {
                    "title": "Rapid reviews",
                    "owner": "panel",
                    "last_reviewed": "2026-06-01",
                    "review_in": "12 months",
                },
                "# Rapid reviews\n\nSteps.\n",
            ),
        }
    )


def write(root: Path, files: dict[str, Any]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        elif isinstance(content, tuple):
            front, body = content
            text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n"
            path.write_text(text + body, encoding="utf-8")
        else:
            path.write_text(
                yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )
    return root


def kb(*argv: str) -> tuple[int, str, str]:
    """Runs the `kb` command in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()
