"""`kb new`: start a ToR, brief, procedure, review, action or meeting from a template.

Each template fills in the next free id and today's date, and gives every
required field with a comment saying what goes there. The result passes
`kb check`; what is left is the content only a person can write.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from checks.loading import load
from checks.model.brief import PLACEHOLDER_PART, PLACEHOLDER_TITLE, SEVEN_PARTS
from checks.model.knowledge_base import KnowledgeBase
from checks.model.working_days import Duration
from checks.model.yaml_source import YamlError, load_yaml


class ScaffoldError(Exception):
    """The new file cannot be written; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Request:
    kind: str
    root: Path
    today: date
    title: str | None = None
    name: str | None = None  # a group id or page slug
    review: str | None = None
    group: str | None = None
    review_kind: str = "rapid-review"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "new"


def _next_number(existing: list[str], prefix: str) -> int:
    numbers = [int(m[1]) for i in existing if (m := re.match(re.escape(prefix) + r"(\d+)$", i))]
    return max(numbers, default=0) + 1


def _statutory(kb: KnowledgeBase) -> list[str]:
    return kb.statutory or ["council", "icb", "police"]


def executive_group(kb: KnowledgeBase) -> str | None:
    """The group at the top of the partnership's governance, if it can be told:
    one called ``executive``, else the one ToR titled "Executive ..." that
    reports to no other group. Never a guess among several."""
    if "executive" in kb.tors:
        return "executive"
    tops = [
        gid
        for gid, tor in kb.tors.items()
        if tor.reports_to is None and "executive" in tor.title.lower()
    ]
    return tops[0] if len(tops) == 1 else None


def _parent_lines(kb: KnowledgeBase, parent: str | None, group: str) -> tuple[str, str]:
    """The ``approved_by`` and ``reports_to`` lines: set only when the top group
    is known, else left as comments that list the groups there are."""
    if parent is not None and parent != group:
        return (
            f"approved_by: {parent}  # the group that will approve it",
            f"reports_to: {parent}  # the group this one reports to",
        )
    others = ", ".join(sorted(g for g in kb.tors if g != group)) or "none yet"
    return (
        f"# approved_by: GROUP  # the group that will approve it (groups: {others})",
        "# reports_to: GROUP  # the group this one reports to; leave out for the top group",
    )


def new_tor(kb: KnowledgeBase, req: Request) -> tuple[Path, str]:
    title = req.title or "New group"
    group = req.name or _slug(title)
    path = kb.root / kb.config.docs_dir / "tor" / f"{group}.md"
    approved_by, reports_to = _parent_lines(kb, executive_group(kb), group)
    members = "\n".join(
        f"  - {{agency: {a}, role: Role of the {a} member}}  # one line per seat"
        for a in _statutory(kb)
    )
    chair = _statutory(kb)[0]
    text = f"""---
# yaml-language-server: $schema=../../schemas/tor.schema.json
title: {title}  # the group's full name
version: "0.1"  # becomes 1.0 when first approved
status: draft  # draft, proposed, approved or superseded
{approved_by}
review_cycle: 12 months  # how long after approval the next review falls due
chair: {{agency: {chair}, role: Chair's role}}  # an agency id from data/partnership.yaml
members:  # every seat: agency id, role, and a named deputy if there is one
{members}
quorum: [{", ".join(_statutory(kb))}]  # agencies that must be present for decisions
frequency: monthly  # e.g. monthly, every 6 weeks, quarterly
papers_days: 5  # working days before a meeting that papers go out
minutes_within: 15 working days  # how soon after a meeting minutes go out
{reports_to}
history: []  # add {{version, date, approved_by, summary}} when approved
---

# {title}

## Purpose

Why the group exists, in a sentence or two.

## Functions

- What the group does.

## Quorum

Who must be present for decisions.

## Meetings

How often it meets, and how papers and minutes are handled.

## Members' responsibilities

Attend or send the named deputy; declare conflicts of interest; keep information confidential.
"""
    return path, text


def new_brief(kb: KnowledgeBase, req: Request) -> tuple[Path, str]:
    year = req.today.year
    number = _next_number(list(kb.briefs), f"LB-{year}-")
    brief_id = f"LB-{year}-{number:02d}"
    title = req.title or PLACEHOLDER_TITLE
    review = _source_review(kb, req)
    theme = next(iter(sorted(kb.themes)), "neglect")
    path = kb.root / kb.config.docs_dir / "briefs" / f"{brief_id.lower()}-{_slug(title)}.md"
    review_by = Duration.parse("12 months").after(req.today)
    parts = "\n".join(f"## {i}. {p}\n\n{PLACEHOLDER_PART}\n" for i, p in enumerate(SEVEN_PARTS, 1))
    text = f"""---
# yaml-language-server: $schema=../../schemas/brief.schema.json
id: {brief_id}  # the next free id; keep it
title: "{title}"
review: {review}  # the anonymised reference of the source review
themes: [{theme}]  # ids from data/themes.yaml
audience:
  agencies: []  # agency ids from data/partnership.yaml; empty means everyone
  roles: []  # e.g. [health visitors, teachers]
status: draft  # stays off the site until `published` and publish_on has come
publish_on: {req.today + timedelta(days=30)}  # not shown anywhere before this date
review_by: {review_by}  # when to check it is still right
---

# {title}

{parts}"""
    return path, text


def _source_review(kb: KnowledgeBase, req: Request) -> str:
    """The review a brief comes from: the one named, else the register's newest;
    never a reference that is not in the register."""
    if req.review:
        if req.review not in kb.reviews:
            raise ScaffoldError(f"{req.review} is not in the register; add the review first")
        return req.review
    if not kb.reviews:
        raise ScaffoldError(
            "the register has no reviews yet, and a brief comes from one: add it with "
            "`kb new review`, then `kb new brief --review REF`"
        )
    return max(kb.reviews, key=lambda ref: (kb.reviews[ref].aware_on or date.min, ref))


def _owner(kb: KnowledgeBase, req: Request) -> str:
    """The group that owns a procedure: the one named, else the top group."""
    if req.group:
        if req.group not in kb.tors and not kb.lost("tors", req.group):
            raise ScaffoldError(
                f"--group {req.group}: there is no such group; groups: "
                + (", ".join(sorted(kb.tors)) or "none yet")
            )
        return req.group
    owner = executive_group(kb)
    if owner is None:
        raise ScaffoldError(
            "say which group owns the procedure: --group "
            + ("|".join(sorted(kb.tors)) or "GROUP (add its ToR first with `kb new tor`)")
        )
    return owner


def new_procedure(kb: KnowledgeBase, req: Request) -> tuple[Path, str]:
    title = req.title or "New procedure"
    path = kb.root / kb.config.docs_dir / "procedures" / f"{req.name or _slug(title)}.md"
    owner = _owner(kb, req)
    text = f"""---
# yaml-language-server: $schema=../../schemas/procedure.schema.json
title: {title}
owner: {owner}  # the group that owns and reviews it
last_reviewed: {req.today}  # the date it was last checked against current guidance
review_in: 12 months  # how long until the next review
---

# {title}

What this procedure is for, who follows it, and the steps with their timescales.
"""
    return path, text


def _append(path: Path, list_key: str, header: str, entry: str) -> tuple[Path, str]:
    """The file's text with ``entry`` added to its top-level list ``list_key``."""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        try:
            data = load_yaml(text)
        except YamlError as exc:
            raise ScaffoldError(f"{path} cannot be read (line {exc.line}): {exc.message}") from None
        keys = list(data) if isinstance(data, dict) else []
        empty = re.compile(rf"^{re.escape(list_key)}:\s*\[\s*\](\s*#.*)?$", re.MULTILINE)
        if keys and keys[-1] == list_key and not data[list_key] and empty.search(text):
            # `reviews: []`, as `kb init` writes it: the list starts with this entry.
            head = empty.sub(f"{list_key}:", text, count=1).rstrip("\n")
            return path, head + "\n" + entry.lstrip("\n")
        if not keys or keys[-1] != list_key:
            raise ScaffoldError(
                f"{path}: `{list_key}:` must be the last block in the file to add to it"
            )
        # Follow the file's own indentation of list items ("- " or "  - ").
        indent = "  "
        existing = data[list_key]
        if getattr(existing, "item_lines", None):
            first = text.splitlines()[existing.item_lines[0] - 1]
            indent = first[: len(first) - len(first.lstrip(" "))]
        entry = "".join(
            indent + line[2:] if line.startswith("  ") else line
            for line in entry.lstrip("\n").splitlines(keepends=True)
        )
        new_text = text.rstrip("\n") + "\n" + entry
        try:
            grown = load_yaml(new_text)
            ok = len(grown[list_key]) == len(data[list_key]) + 1
        except (YamlError, KeyError, TypeError):
            ok = False
        if not ok:
            raise ScaffoldError(f"could not add to {path} safely; add the entry by hand")
        return path, new_text
    return path, header + f"{list_key}:\n" + entry.lstrip("\n")


def new_review(kb: KnowledgeBase, req: Request) -> tuple[Path, str]:
    prefix = {"sar": "SAR", "dardr": "DARDR"}.get(req.review_kind, "CSPR")
    year = req.today.year
    ref = f"{prefix}-{year}-{_next_number(list(kb.reviews), f'{prefix}-{year}-'):02d}"
    path = kb.root / kb.config.data_dir / "reviews.yaml"
    entry = f"""
  - ref: {ref}  # the next free reference; never a name
    pseudonym: Child A  # a pseudonym such as Child A, Adult B or Family F
    kind: {req.review_kind}  # rapid-review, lcspr, learning-review, sar or dardr
    aware_on: {req.today}  # when the local authority became aware
    # sin_sent: YYYY-MM-DD  # notification to the national Panel: 5 working days
    # rr_sent: YYYY-MM-DD  # rapid review sent: 15 working days after the notification
    status: open  # open, in-progress, published or closed
"""
    header = "# yaml-language-server: $schema=../schemas/reviews.schema.json\n"
    return _append(path, "reviews", header, entry)


def new_action(kb: KnowledgeBase, req: Request) -> tuple[Path, str]:
    if not req.review:
        raise ScaffoldError("say which review the action comes from: --review CSPR-2026-01")
    if req.review not in kb.reviews:
        raise ScaffoldError(f"{req.review} is not in the register; add the review first")
    plan = next((p for p in kb.plans if p.review == req.review), None)
    ids = [a.id for a in plan.actions] if plan else []
    action_id = f"A{_next_number(ids, 'A'):02d}"
    path = kb.root / (plan.source if plan else f"{kb.config.data_dir}/actions/{req.review}.yaml")
    agency = _statutory(kb)[0]
    entry = f"""  - id: {action_id}  # the next free id in this plan
    recommendation: The recommendation this action answers.
    owner: {{agency: {agency}, role: Owner's role}}  # who is accountable
    due: {req.today + timedelta(days=90)}  # agree a SMART date
    status: open  # open, in-progress, complete or closed
    # escalated_on: YYYY-MM-DD  # if it runs a month late: when it went to the executive
"""
    header = (
        f"# yaml-language-server: $schema=../../schemas/actions.schema.json\nreview: {req.review}\n"
    )
    return _append(path, "actions", header, entry)


def new_meeting(kb: KnowledgeBase, req: Request) -> tuple[Path, str]:
    if not req.group or req.group not in kb.tors:
        raise ScaffoldError(
            "say which group met: --group " + "|".join(sorted(kb.tors) or ["GROUP"])
        )
    path = kb.root / kb.config.data_dir / "meetings" / f"{req.today.year}.yaml"
    present = ", ".join(_statutory(kb))
    entry = f"""  - group: {req.group}
    date: {req.today}  # the date of the meeting
    present: [{present}]  # agency ids represented
    # papers_sent: YYYY-MM-DD  # when papers went out
    # minutes_sent: YYYY-MM-DD  # when minutes went out
"""
    header = "# yaml-language-server: $schema=../../schemas/meetings.schema.json\n"
    return _append(path, "meetings", header, entry)


MAKERS: dict[str, Callable[[KnowledgeBase, Request], tuple[Path, str]]] = {
    "tor": new_tor,
    "brief": new_brief,
    "procedure": new_procedure,
    "review": new_review,
    "action": new_action,
    "meeting": new_meeting,
}


def scaffold(req: Request) -> Path:
    """Write the new file (or entry) and return its path."""
    kb = load(req.root)
    path, text = MAKERS[req.kind](kb, req)
    appends = req.kind in ("review", "action", "meeting")
    if path.exists() and not appends:
        raise ScaffoldError(f"{path.relative_to(req.root)} already exists; choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
