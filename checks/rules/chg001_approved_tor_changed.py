"""An approved ToR was changed without a new version or a proposal.

## What it checks

Runs only with `kb check --base REV`. For every ToR that was `approved` at the
base revision and whose content (text, membership, quorum, chair, frequency or
any other field) has changed, one of two things must also be true:

- the version is higher than before, and the history has an entry for the new
  version with its approver and date; or
- the status is now `proposed`, because the change still needs agreeing.

## Why

An approved ToR is a document the group and its partners agreed. Changing it
silently means the version everyone thinks is in force is not the text on the
site. Document control (version, date approved, approved by) exists so that any
reader can tell which text was agreed, by whom and when.

## Passing example

The Functions section changes, `version: "3.2"` becomes `"3.3"`, and the history
gains `{version: "3.3", date: 2026-11-20, approved_by: executive, summary: ...}`.

## Failing example

The Functions section changes and nothing else does.

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.model import TermsOfReference
from checks.model.common import version_key
from checks.model.findings import Problem, Severity
from checks.rules.base import Context, Options

CODE = "CHG001"
NAME = "approved-tor-changed"
SEVERITY = Severity.ERROR

#: Fields that document control itself changes when a new version is approved.
CONTROL_FIELDS = frozenset(
    {"version", "status", "history", "approved_on", "approved_by", "next_review", "suppress"}
)


def content_changed(ctx: Context, old: TermsOfReference, new: TermsOfReference) -> bool:
    assert ctx.base is not None
    old_doc, new_doc = ctx.base.document_of(old.source), ctx.kb.document_of(new.source)
    if old_doc is not None and new_doc is not None and old_doc.body.strip() != new_doc.body.strip():
        return True
    fields = set(type(new).model_fields) - CONTROL_FIELDS
    return any(getattr(old, f) != getattr(new, f) for f in fields)


def check(ctx: Context, options: Options) -> Iterator[Problem]:
    if ctx.base is None:
        return
    for gid, new in ctx.kb.tors.items():
        old = ctx.base.tors.get(gid)
        if old is None or old.status != "approved" or not content_changed(ctx, old, new):
            continue
        if new.status == "proposed":
            continue
        bumped = version_key(new.version) > version_key(old.version)
        entry = next((h for h in new.history if h.version == new.version), None)
        if bumped and entry is not None:
            continue
        if not bumped:
            what = f"its version is still {new.version}"
        else:
            what = f"the history has no entry for version {new.version}"
        yield Problem(
            new.source,
            new.line_of("version"),
            f"this approved ToR was changed but {what}; either set `status: proposed` until "
            "the change is agreed, or raise the version and add a history entry with the "
            "approver and the date",
            gid,
        )
