"""Summarise changed files between a base revision and the working tree."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from checks.changes.sections import SectionChange, compare
from checks.loading.git_base import Changed
from checks.model import Action, Brief, Meeting, Procedure, Review, TermsOfReference
from checks.model.knowledge_base import KnowledgeBase

STATUS = {"A": "added", "D": "removed", "M": "changed", "R": "renamed", "T": "changed"}


@dataclass
class FileSummary:
    path: str
    status: str
    kind: str
    title: str
    old_path: str | None = None
    items: list[str] = field(default_factory=list)
    sections: list[SectionChange] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sections"] = [asdict(s) for s in self.sections]
        return data


def _kind(path: str, kb: KnowledgeBase) -> str:
    docs, data = kb.config.docs_dir + "/", kb.config.data_dir + "/"
    if path.startswith(docs + "tor/"):
        return "Terms of reference"
    if path.startswith(docs + "briefs/"):
        return "Learning brief"
    if path.startswith(docs + "procedures/"):
        return "Procedure"
    if path == data + "reviews.yaml":
        return "Review register"
    if path.startswith(data + "actions/"):
        return "Action plan"
    if path.startswith(data + "meetings/"):
        return "Meetings"
    return "Other file"


def _in_knowledge_base(c: Changed, kb: KnowledgeBase) -> bool:
    roots = (kb.config.data_dir + "/", kb.config.docs_dir + "/")
    paths = [c.path] + ([c.old_path] if c.old_path else [])
    return any(
        p == "kb.yaml" or (p.startswith(roots) and p.endswith((".md", ".yaml", ".yml")))
        for p in paths
    )


def _by_source(records: dict[str, Any]) -> dict[str, Any]:
    return {r.source: r for r in records.values()}


def _change(label: str, old: object, new: object) -> str | None:
    if old == new:
        return None
    show = lambda v: "none" if v in (None, [], "") else str(v)  # noqa: E731
    return f"{label}: {show(old)} → {show(new)}"


def _seats(kb: KnowledgeBase, tor: TermsOfReference) -> set[str]:
    return {f"{kb.agency_name(m.agency)} ({m.role})" for m in tor.members}


def _quorum(kb: KnowledgeBase, tor: TermsOfReference) -> str:
    """The quorum in agencies' names, as a chair reads it."""
    if tor.quorum is None and tor.quorum_rule:
        return tor.quorum_rule
    if not tor.quorum_stated:
        return "not stated"
    if tor.quorum is None:
        return "the statutory partners"
    return ", ".join(kb.agency_name(a) for a in tor.quorum)


def _group(kb: KnowledgeBase, group: str | None) -> str | None:
    """A group's title where its ToR is known, else its id."""
    return None if group is None else kb.group_name(group)


def _tor_items(
    base: KnowledgeBase, kb: KnowledgeBase, old: TermsOfReference | None, new: TermsOfReference
) -> list[str]:
    if old is None:
        return [f"New ToR at version {new.version} ({new.status})"]
    items = [
        _change("Version", old.version, new.version),
        _change("Status", old.status, new.status),
        _change("Approved on", old.approved_on, new.approved_on),
        _change(
            "Chair",
            f"{kb.agency_name(old.chair.agency)} ({old.chair.role})",
            f"{kb.agency_name(new.chair.agency)} ({new.chair.role})",
        ),
        _change("Quorum", _quorum(base, old), _quorum(kb, new)),
        _change("Meets", old.frequency, new.frequency),
        _change("Also meets ad hoc", old.ad_hoc, new.ad_hoc),
        _change("Meeting length", old.meeting_length, new.meeting_length),
        _change("Papers out (working days before)", old.papers_days, new.papers_days),
        _change("Papers out for ad hoc meetings", old.ad_hoc_papers_days, new.ad_hoc_papers_days),
        _change("Minutes within", old.minutes_within, new.minutes_within),
        _change("Next review", old.review_due(), new.review_due()),
        _change("Reports to", _group(base, old.reports_to), _group(kb, new.reports_to)),
        _change("Reporting line as written", old.reporting_line, new.reporting_line),
        _change("Reports upward", old.reporting_cadence, new.reporting_cadence),
        _change("Not stated", ", ".join(old.not_stated), ", ".join(new.not_stated)),
    ]
    added = sorted(_seats(kb, new) - _seats(base, old))
    removed = sorted(_seats(base, old) - _seats(kb, new))
    if added:
        items.append("Members added: " + "; ".join(added))
    if removed:
        items.append("Members removed: " + "; ".join(removed))
    new_history = [h for h in new.history if h not in old.history]
    for h in new_history:
        items.append(
            f"History: version {h.version} approved by {_group(kb, h.approved_by)} on {h.date}"
        )
    return [i for i in items if i]


def _procedure_items(
    base: KnowledgeBase, kb: KnowledgeBase, old: Procedure | None, new: Procedure
) -> list[str]:
    if old is None:
        return [f"New procedure owned by {_group(kb, new.owner)}"]
    items = [
        _change("Owner", _group(base, old.owner), _group(kb, new.owner)),
        _change("Last reviewed", old.last_reviewed, new.last_reviewed),
        _change("Review every", old.review_in, new.review_in),
    ]
    return [i for i in items if i]


def _brief_items(old: Brief | None, new: Brief) -> list[str]:
    if old is None:
        return [f"New brief {new.id}, published {new.publish_on}"]
    items = [
        _change("Status", old.status, new.status),
        _change("Publish on", old.publish_on, new.publish_on),
        _change("Review by", old.review_by, new.review_by),
        _change("Themes", ", ".join(old.themes), ", ".join(new.themes)),
        _change("Title", old.title, new.title),
    ]
    return [i for i in items if i]


_REVIEW_FIELDS = [f for f in Review.model_fields if f not in ("ref", "notes")]


def _review_items(base: KnowledgeBase, kb: KnowledgeBase) -> list[str]:
    items = []
    for ref in sorted(set(base.reviews) | set(kb.reviews)):
        old, new = base.reviews.get(ref), kb.reviews.get(ref)
        if old is None and new is not None:
            items.append(f"{ref} ({new.pseudonym}) added: {new.kind}, {new.status}")
        elif new is None and old is not None:
            items.append(f"{ref} removed")
        elif old is not None and new is not None:
            for f in _REVIEW_FIELDS:
                text = _change(f"{ref} {f.replace('_', ' ')}", getattr(old, f), getattr(new, f))
                if text:
                    items.append(text)
    return items


def _owner(kb: KnowledgeBase, action: Action) -> str:
    owner = action.owner
    return "none" if owner is None else f"{kb.agency_name(owner.agency)} ({owner.role})"


def _owner_key(action: Action) -> tuple[str | None, str] | None:
    return None if action.owner is None else (action.owner.agency, action.owner.role)


def _action_items(
    base: KnowledgeBase, kb: KnowledgeBase, old: list[Action], new: list[Action]
) -> list[str]:
    before = {a.id: a for a in old}
    items = []
    for a in new:
        o = before.pop(a.id, None)
        if o is None:
            items.append(f"{a.id} added: due {a.due}, {a.status}")
            continue
        if o.status != a.status:
            items.append(f"{a.id} status: {o.status} → {a.status}")
        if o.due != a.due:
            moved = "later" if a.due > o.due else "earlier"
            reason = next((c.reason for c in a.due_changes if c.to == a.due), None)
            items.append(
                f"{a.id} due date moved {moved}: {o.due} → {a.due}"
                + (f" (reason: {reason})" if reason else " (no reason recorded)")
            )
        if _owner_key(o) != _owner_key(a):
            items.append(f"{a.id} owner: {_owner(base, o)} → {_owner(kb, a)}")
        if (o.recommendation, o.evidence) != (a.recommendation, a.evidence):
            items.append(f"{a.id}: recommendation or evidence changed")
    items += [f"{aid} removed" for aid in before]
    return items


def _meeting_items(
    base: KnowledgeBase, kb: KnowledgeBase, old: list[Meeting], new: list[Meeting]
) -> list[str]:
    """Meetings added, removed or changed, each named by its group's title."""
    o = {(m.group, m.date): m for m in old}
    n = {(m.group, m.date): m for m in new}

    def name(where: KnowledgeBase, key: tuple[str, object]) -> str:
        return f"{_group(where, key[0])} on {key[1]}"

    items = [f"Meeting added: {name(kb, k)}" for k in n if k not in o]
    items += [f"Meeting removed: {name(base, k)}" for k in o if k not in n]
    items += [f"Meeting changed: {name(kb, k)}" for k in n if k in o and o[k] != n[k]]
    return items


def summarise(
    base: KnowledgeBase, kb: KnowledgeBase, changed: list[Changed], today: date
) -> list[FileSummary]:
    """One summary per changed file. Unpublished briefs are named, never shown."""
    out: list[FileSummary] = []
    old_tors, new_tors = _by_source(base.tors), _by_source(kb.tors)
    old_briefs, new_briefs = _by_source(base.briefs), _by_source(kb.briefs)
    for c in changed:
        if not _in_knowledge_base(c, kb):
            continue  # the tool's own code, CI files and so on
        old_path = c.old_path or c.path
        kind = _kind(c.path, kb)
        s = FileSummary(c.path, STATUS.get(c.status, "changed"), kind, c.path, c.old_path)
        old_doc, new_doc = base.document_of(old_path), kb.document_of(c.path)
        if kind == "Learning brief":
            new_b, old_b = new_briefs.get(c.path), old_briefs.get(old_path)
            brief = new_b or old_b
            public_now = new_b is not None and new_b.is_public(today)
            public_before = old_b is not None and old_b.is_public(today)
            if brief is not None:
                s.title = brief.id
            if not (public_now or (c.status == "D" and public_before)):
                # Confidentiality first: nothing of a draft or embargoed brief.
                s.items = ["Not yet published: its content is not shown here"]
                out.append(s)
                continue
            assert brief is not None  # public_now or public_before implies a brief
            s.title = f"{brief.id}: {brief.title}"
            if new_b is not None:
                s.items = _brief_items(old_b, new_b)
        elif kind == "Terms of reference":
            new_t, old_t = new_tors.get(c.path), old_tors.get(old_path)
            tor = new_t or old_t
            if tor is not None:
                s.title = tor.title
            if new_t is not None:
                s.items = _tor_items(base, kb, old_t, new_t)
        elif kind == "Procedure":
            new_p, old_p = kb.procedures.get(c.path), base.procedures.get(old_path)
            if (new_p or old_p) is not None:
                s.title = (new_p or old_p).title  # type: ignore[union-attr]
            if new_p is not None:
                s.items = _procedure_items(base, kb, old_p, new_p)
        elif kind == "Review register":
            s.title = "Review register"
            s.items = _review_items(base, kb)
        elif kind == "Action plan":
            new_plan = next((p for p in kb.plans if p.source == c.path), None)
            old_plan = next((p for p in base.plans if p.source == old_path), None)
            plan = new_plan or old_plan
            s.title = f"Actions for {plan.review}" if plan else c.path
            s.items = _action_items(
                base, kb, old_plan.actions if old_plan else [], new_plan.actions if new_plan else []
            )
        elif kind == "Meetings":
            s.items = _meeting_items(
                base,
                kb,
                [m for m in base.meetings if m.source == old_path],
                [m for m in kb.meetings if m.source == c.path],
            )
        pages = ("Terms of reference", "Procedure", "Learning brief")
        if c.status != "D" and kind in pages and new_doc is None:
            s.items = ["This file does not load; `kb check` says why", *s.items]
        if old_doc is not None and new_doc is not None:
            s.sections = compare(old_doc.body, new_doc.body)
        out.append(s)
    return out
