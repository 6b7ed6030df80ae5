"""The docs folder: ToRs, briefs and procedures (Markdown with front matter) and other pages."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any

from checks.loading.data import note_unloaded, unique
from checks.loading.files import markdown_files
from checks.loading.markdown import code_lines, headings, split_front_matter
from checks.loading.reader import BAD_YAML, INVALID, Reader
from checks.model import Brief, Procedure, TermsOfReference
from checks.model.knowledge_base import DocKind, Document, KnowledgeBase
from checks.model.yaml_source import LineDict, YamlError, load_yaml

_DOC_KINDS: dict[str, type[TermsOfReference | Brief | Procedure]] = {
    "tor": TermsOfReference,
    "briefs": Brief,
    "procedures": Procedure,
}


Record = TermsOfReference | Brief | Procedure
_KIND_OF: dict[type[Record], DocKind] = {
    TermsOfReference: "tor",
    Brief: "brief",
    Procedure: "procedure",
}


def _read_doc(
    loader: Reader,
    model: type[Record] | None,
    stem: str,
    text: str,
    rel: str,
) -> tuple[Document, Record | None] | None:
    """One Markdown page and the record its front matter holds (None for a plain
    page); None, after reporting why, when the page cannot be used."""
    split = split_front_matter(text)
    if split.front is None and text.startswith("---\n"):
        loader.report(
            BAD_YAML,
            rel,
            1,
            "the front matter starts with `---` but has no closing `---` line",
        )
        return None
    if split.front is None and text[:1].isspace():
        # Blank lines before a block that would be front matter: MkDocs reads the
        # block as text ("draft: true" becomes a heading) and publishes the page,
        # so whatever it says about being a draft would be lost.
        lead = len(text) - len(text.lstrip())
        if split_front_matter(text[lead:]).front is not None:
            loader.report(
                BAD_YAML,
                rel,
                text.count("\n", 0, lead) + 1,
                "the front matter must start on the very first line: remove the blank "
                "lines before its opening `---` (until then the page is not published)",
            )
            return None
    if split.front is None and (unread := _unread_settings(text)):
        loader.report(BAD_YAML, rel, 1, unread)
        return None
    doc = Document(rel, "page", split.body, split.body_line)
    doc.code_lines = code_lines(split.body)
    front: Any = None
    if split.front is not None:
        try:
            front = load_yaml(split.front, line_offset=split.front_line - 1)
        except YamlError as exc:
            loader.report(BAD_YAML, rel, exc.line, f"front matter: {exc.message}")
            return None
    doc.front = front
    if isinstance(front, LineDict) and isinstance(front.get("title"), str):
        doc.title = front["title"]
    if model is None:
        return doc, None
    if not isinstance(front, LineDict):
        loader.report(
            INVALID,
            rel,
            1,
            "this page needs front matter: a block of `key: value` lines between two `---` "
            "lines at the very top (run `kb new` for a template)",
        )
        return None
    subject = str(front.get("id") or front.get("group") or stem)
    if model is TermsOfReference and "group" not in front:
        front = _with(front, "group", stem)
    record: Record | None = loader.validate(
        model,  # one of three models, chosen by folder
        front,
        rel,
        subject,
        # A brief that fails validation may be a draft: never echo its values.
        quote=model is not Brief,
    )
    if record is None:
        return None
    doc.headings = headings(split.body, split.body_line)
    doc.kind = _KIND_OF[model]
    return doc, record


#: What MkDocs reads as a page's settings besides front matter as above
#: (mkdocs.utils.meta): an opening ``---`` with spaces after it, and lines of
#: ``key: value`` at the very top (MultiMarkdown's metadata). MkDocs takes them
#: off the page; the checks would read none of them ("status: draft").
_SPACED_FENCE = re.compile(r"-{3}[ \t]+\r?\n")
_MULTIMARKDOWN_KEY = re.compile(r"[ ]{0,3}[A-Za-z0-9_-]+:")


def _unread_settings(text: str) -> str | None:
    """Why MkDocs would read settings at the top of ``text`` that the checks do not,
    or None."""
    if _SPACED_FENCE.match(text):
        return (
            "the opening `---` of the front matter has spaces after it: MkDocs reads "
            "the block as the page's settings and the checks do not; remove the spaces "
            "(until then the page is not published)"
        )
    if _MULTIMARKDOWN_KEY.match(text):
        return (
            "the page starts with a `key: value` line, which MkDocs reads as the page's "
            "settings (MultiMarkdown metadata) and takes off the page, while the checks "
            "read no settings there; put settings between two `---` lines at the very "
            "top, or start the page with a heading (until then it is not published)"
        )
    return None


def load_docs(loader: Reader, kb: KnowledgeBase, docs_dir: Path) -> None:
    """Load every Markdown page. A page joins ``kb.documents`` (and so can be
    published) only once it has loaded cleanly: a record that is unreadable,
    invalid or a duplicate is reported and never published."""
    if not docs_dir.is_dir():
        return
    tors: list[tuple[str, TermsOfReference, Document]] = []
    for path in markdown_files(docs_dir):
        parts = path.relative_to(docs_dir).parts
        folder = parts[0] if len(parts) == 2 else ""
        model = _DOC_KINDS.get(folder) if path.stem != "index" else None
        start = len(loader.problems)
        how = model.__name__ if model is not None else "page"
        loaded = loader.read_unit(path, how, partial(_read_doc, loader, model, path.stem))
        if loaded is None:
            if model is not None:
                # One record of its kind lost, named by its file (a ToR's group id):
                # checks skip that id rather than call it unknown.
                source = "tors" if model is TermsOfReference else folder
                note_unloaded(loader, kb, source, path, start, False, path.stem)
            continue
        doc, record = loaded
        rel = doc.path
        if record is None:
            kb.documents[rel] = doc
        elif isinstance(record, TermsOfReference):
            tors.append((rel, record, doc))
        elif isinstance(record, Brief):
            if unique(loader, kb.briefs, record.id, record, "brief id"):
                kb.documents[rel] = doc
            else:
                # Two briefs claim one id: either could be the draft, so neither is
                # published until the id is fixed.
                kb.documents.pop(kb.briefs[record.id].source, None)
        else:
            kb.procedures[rel] = record
            kb.documents[rel] = doc
    # A ToR whose file is named after its group owns that id; one that claims
    # another group's id with `group:` is the duplicate, whatever the file order.
    tors.sort(key=lambda t: (Path(t[0]).stem != t[1].id, t[0]))
    for rel, tor, doc in tors:
        if unique(loader, kb.tors, tor.id, tor, "group id"):
            kb.documents[rel] = doc


def _with(mapping: LineDict, key: str, value: Any) -> LineDict:
    copy = LineDict(mapping)
    copy.line, copy.key_lines = mapping.line, dict(mapping.key_lines)
    copy[key] = value
    copy.key_lines.setdefault(key, mapping.line)
    return copy
