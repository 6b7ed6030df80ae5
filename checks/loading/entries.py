"""Recovering the entries of a list file whose YAML does not parse as a whole.

A data file is mostly one list (the register's ``reviews:``, a plan's
``actions:``, a log's ``meetings:``, the partnership's ``agencies:``). One
unclosed quote or bracket in one entry makes the whole file unreadable to a YAML
parser, and every record in it would be lost, with every check and page that
needs them. So when the whole file fails, :func:`recover_list` splits the list
at its ``- `` lines (at the list's own column), parses each entry on its own and
the rest of the file without the list, and keeps every entry that parses: one
bad entry costs only itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.model.action import ACTION_ID
from checks.model.yaml_source import LineDict, LineList, YamlError, load_yaml

#: The field that names an entry of each list, so that a lost entry can still
#: be named and checks do not report its id as unknown.
_ENTRY_KEY = {"reviews": "ref", "meetings": "group"}


def entry_key_field(list_key: str) -> str:
    """The field naming an entry of the list under ``list_key`` (``ref``, ``id``...)."""
    return _ENTRY_KEY.get(list_key, "id")


#: The form an entry's name must have to be shown (checks.model.common's
#: ReviewRef and Slug): a review's ref, or an id or group in lower case.
_KEY_FORMS = {
    "ref": re.compile(r"[A-Z]{2,6}-\d{4}-\d{2,3}"),
    "id": re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,59}"),
    "group": re.compile(r"[a-z0-9][a-z0-9-]{0,59}"),
}
#: Forms kept for one list alone: an action's id is a code (checks.model.action
#: says why).
_LIST_FORMS = {"actions": re.compile(ACTION_ID)}


def valid_key(name: object, list_key: str) -> str | None:
    """``name`` if it has the form of the name of an entry of ``list_key``, else None.

    The name of an entry that did not load is shown in banners, findings and
    links; it is contributor-written text that has not passed validation, and
    a ref such as ``CSPR-2026-SURNAME-1`` can carry a family's name. So only a
    name of the form its field requires is kept; otherwise the entry is named
    by its file and line.
    """
    if not isinstance(name, str):
        return None
    form = _LIST_FORMS.get(list_key) or _KEY_FORMS.get(entry_key_field(list_key), _KEY_FORMS["id"])
    return name if form.fullmatch(name) else None


@dataclass(frozen=True, slots=True)
class BrokenEntry:
    """An entry of the list that does not parse on its own."""

    line: int  # 1-based: where its error is
    message: str
    key: str | None  # its ref, id or group, if it could be read from the text


def recover_list(text: str, list_key: str) -> tuple[LineDict, list[BrokenEntry]] | None:
    """The file with only the entries of ``list_key`` that parse, and those that do not.

    None when the list cannot be found, when the rest of the file does not parse
    either, or when every entry parses on its own (the error is then somewhere
    the split cannot tell apart, and the caller reports it for the whole file).
    """
    lines = text.split("\n")
    head = re.compile(rf"{re.escape(list_key)}\s*:\s*(#.*)?")
    start = next((i for i, line in enumerate(lines) if head.fullmatch(line)), None)
    if start is None:
        return None
    starts, end = _entry_lines(lines, start + 1)
    if not starts:
        return None
    # The file without the list's lines; blank lines keep every line number.
    envelope_text = "\n".join(
        [*lines[:start], f"{list_key}: []", *([""] * (end - start - 1)), *lines[end:]]
    )
    try:
        envelope = load_yaml(envelope_text)
    except YamlError:
        return None
    if not isinstance(envelope, LineDict):
        return None
    good = LineList()
    good.line = starts[0] + 1
    broken: list[BrokenEntry] = []
    for first, last in zip(starts, [*starts[1:], end], strict=True):
        chunk = "\n".join(lines[first:last])
        try:
            parsed = load_yaml(chunk, line_offset=first)
        except YamlError as exc:
            broken.append(BrokenEntry(exc.line, exc.message, _guess_key(chunk, list_key)))
            continue
        if not isinstance(parsed, LineList) or len(parsed) != 1:
            # e.g. a line at the list's column that is not an entry of it
            return None
        good.append(parsed[0])
        good.item_lines.append(parsed.item_lines[0])
    if not broken:
        return None
    envelope[list_key] = good
    return envelope, broken


def _entry_lines(lines: list[str], begin: int) -> tuple[list[int], int]:
    """The 0-based first line of each entry of the list starting at ``begin``, and
    the line after the list."""
    column: int | None = None
    starts: list[int] = []
    for i in range(begin, len(lines)):
        line = lines[i]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#") or stripped.startswith("\t"):
            continue  # blank, a comment, or tab-indented (an error within an entry)
        indent = len(line) - len(stripped)
        is_item = stripped == "-" or stripped.startswith("- ")
        if column is None:
            if not is_item:
                return [], i
            column = indent
        if indent < column or (indent == column and not is_item):
            return starts, i
        if indent == column:
            starts.append(i)
    return starts, len(lines)


def _guess_key(chunk: str, list_key: str) -> str | None:
    """The entry's ref, id or group, read from its text: the first such field,
    in block (``ref: X``) or flow (``{ref: X, ...}``) style."""
    field = entry_key_field(list_key)
    found = re.search(rf"(?:^|[\s{{,-]){field}\s*:\s*[\"']?([A-Za-z0-9][\w.\-/@]*)", chunk)
    return valid_key(found.group(1), list_key) if found else None
