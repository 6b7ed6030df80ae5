"""Findings about unpublished records, told without what they hold.

A draft brief, a brief whose ``publish_on`` has not come, any other page its
front matter holds back, and a brief that did not load (it may be a draft:
nobody can tell) are not published, and neither is
anything about them: a CI log, a JSON report or a pull-request annotation can
be read by more people than the draft's author. So a finding about one keeps
its check, its line and its severity, and loses the rest:

- the file is shown as its folder and, for a brief whose ``id`` validated
  (``LB-2026-05``: a reference, never a name), that id, else a number for this
  report: ``docs/briefs/(unpublished LB-2026-05)``, ``docs/(unpublished file 1)``.
  A file name is chosen by its author and can hold a name, a place or a date;
  a folder below the record folders (``docs/briefs/2026/``) can too;
- the message is the check's own summary, which quotes nothing (ANO001 keeps
  the kind of detail found: it is one of a fixed list);
- the subject is the validated id or nothing; the matched text is dropped;
- the path of an unpublished file is replaced wherever another finding's
  message or subject names it (a duplicate id names the file that has it first).

A file in the docs folder whose own name could identify someone (SEC004 finds
it, and the site leaves it out) keeps its findings' messages, which quote
nothing, but is shown everywhere by a number (``docs/assets/(file 1).png``).

The author, who knows their own draft, finds the problem from the id and the
line; the check's page explains the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import PurePosixPath

from checks.loading.files import hidden_markdown
from checks.model.findings import Finding
from checks.model.knowledge_base import KnowledgeBase
from checks.model.publication import publishable_docs
from checks.rules import REGISTRY
from checks.rules.sec004_unpublished_file import NAMED_AFTER_SOMEONE

#: A brief's id as the model validates it: letters and digits of a reference only.
_BRIEF_ID = re.compile(r"LB-\d{4}-\d{2,3}")
#: The folders whose name says only what kind of record a file holds.
_RECORD_FOLDERS = frozenset({"briefs", "tor", "procedures"})
#: What MkDocs reads as a page (its Markdown extensions), in any letter case.
_MARKDOWN = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"})
#: ANO001's kinds of detail: a message that starts with one keeps it.
_ANO001_KIND = re.compile(r"^([a-z-]+): ")


def unpublished_files(
    kb: KnowledgeBase, today: date, findings: Iterable[Finding] = ()
) -> dict[str, str]:
    """Each unpublished file (path from the root) and how findings show it."""
    docs = kb.config.docs_dir.strip("/")
    ids = {b.source: b.id for b in kb.briefs.values()}
    briefs = f"{docs}/briefs/"
    published = publishable_docs(kb, today)
    paths = {
        path
        for path in (f"{docs}/{p}" for p in hidden_markdown(kb, today))
        # Loaded and held back (a draft, an embargo), or a brief that did not
        # load. A ToR, procedure or page that did not load is no one's draft:
        # its findings keep their file and advice, as the loader's own do.
        if path in kb.documents or path.startswith(briefs) or path in ids
    }
    # Any other page in the briefs folder that is not published: a link, a
    # brief saved as `.MD` or `.markdown`, a file the loader could not read.
    paths |= {
        f.file
        for f in findings
        if f.file.startswith(briefs)
        and f.file not in published
        and PurePosixPath(f.file).suffix.lower() in _MARKDOWN
    }
    shown: dict[str, str] = {}
    number = 0
    for path in sorted(paths):
        parts = PurePosixPath(path).relative_to(docs).parts
        folder = (
            f"{docs}/{parts[0]}/" if len(parts) > 1 and parts[0] in _RECORD_FOLDERS else f"{docs}/"
        )
        record = ids.get(path, "")
        if _BRIEF_ID.fullmatch(record):
            shown[path] = f"{folder}(unpublished {record})"
        else:
            number += 1
            shown[path] = f"{folder}(unpublished file {number})"
    return shown


def redact(findings: Iterable[Finding], kb: KnowledgeBase, today: date) -> list[Finding]:
    """``findings`` with every unpublished file's content and name taken out."""
    found = list(findings)
    shown = unpublished_files(kb, today, found)
    renamed = {
        f.file: f.subject
        for f in found
        if f.code == "SEC004" and f.message.startswith(NAMED_AFTER_SOMEONE) and f.subject
    }
    renamed = {path: as_shown for path, as_shown in renamed.items() if path not in shown}
    if not shown and not renamed:
        return found
    out: list[Finding] = []
    for f in found:
        place = shown.get(f.file)
        if place is None:
            f = _without_paths(f, shown | renamed)
            if f.file in renamed:
                f = replace(f, file=renamed[f.file], match="")
            out.append(f)
            continue
        rule = REGISTRY.get(f.code)
        summary = rule.summary if rule is not None else f.code
        kind = _ANO001_KIND.match(f.message) if f.code == "ANO001" else None
        what = f"{kind.group(1)}: {summary}" if kind else summary
        subject = place.rsplit("(unpublished ", 1)[1].rstrip(")")
        out.append(
            replace(
                f,
                file=place,
                message=f"{what} (this file is not published, so the details are not shown; "
                "see the check's description and the line in your copy)",
                subject=subject if _BRIEF_ID.fullmatch(subject) else "",
                match="",
                withheld=True,
            )
        )
    return sorted(out)


def _without_paths(finding: Finding, shown: dict[str, str]) -> Finding:
    message, subject = finding.message, finding.subject
    for path, place in shown.items():
        if path in message or path in subject:
            message, subject = message.replace(path, place), subject.replace(path, place)
    if message == finding.message and subject == finding.subject:
        return finding
    return replace(finding, message=message, subject=subject)


def withhold_flagged_names(findings: Iterable[Finding], kb: KnowledgeBase) -> list[Finding]:
    """``findings`` with every name ANO001 found a detail in shown as its id.

    An agency's name, a theme's label or a group's title is written by a
    contributor, and other checks' messages print it ("action A05 (Family
    Support …) is overdue"). Where ANO001 found an identifying detail in one
    (its subject is the record's id), every other message and subject names it
    by its id instead, as the site's pages do: a CI log is an output too."""
    found = list(findings)
    held = {f.subject for f in found if f.code == "ANO001" and f.subject}
    names: dict[str, str] = {}
    for key, agency in kb.agencies.items():
        if key in held:
            names[agency.name] = key
            if agency.short:
                names[agency.short] = key
    for key, theme in kb.themes.items():
        if key in held:
            names[theme.label] = key
    for key, tor in kb.tors.items():
        if key in held or tor.source in held:
            names[tor.title] = key
            if tor.short_name:
                names[tor.short_name] = key
    names = {name: key for name, key in names.items() if name.strip() and name != key}
    if not names:
        return found
    pattern = re.compile(
        r"(?<![\w])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w])"
    )

    def shown(text: str) -> str:
        return pattern.sub(lambda m: names[m.group(0)], text)

    return [replace(f, message=shown(f.message), subject=shown(f.subject)) for f in found]
