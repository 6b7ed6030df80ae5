"""Safe YAML loading that remembers where every key and list item came from.

Why not plain ``yaml.safe_load``: a finding must name the line of the offending key,
not line 1, so mappings and sequences are built as :class:`LineDict` and
:class:`LineList`, which carry the 1-based line of each key or item.

Other deliberate choices:

* the C loader (libyaml) parses; construction stays in PyYAML's safe constructor;
* timestamps and floats are *not* resolved: dates stay text so the model can say
  "write 31/12/2024 as 2024-12-31" or "2026-02-30 is not a real date", and a
  version such as ``3.10`` is not silently turned into the float ``3.1``;
* a document whose aliases would expand past :data:`MAX_EXPANDED_NODES` nodes
  (an "alias bomb") is refused before anything walks it;
* nesting deeper than Python can construct is reported, not raised.
"""

from __future__ import annotations

import re
from typing import Any, cast

import yaml

from checks.model.quoting import shown

try:  # libyaml is optional in PyYAML wheels; fall back rather than fail.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_EXPANDED_NODES = 200_000
MAX_DEPTH = 200


class YamlError(Exception):
    """A YAML document that cannot be read. ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    __slots__ = ("key_lines", "line")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 1
        self.key_lines: dict[Any, int] = {}


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    __slots__ = ("item_lines", "line")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.line = 1
        self.item_lines: list[int] = []


def _resolvers_without(*tags: str) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    return {
        first: [(tag, regexp) for tag, regexp in entries if tag not in tags]
        for first, entries in _BaseLoader.yaml_implicit_resolvers.items()
    }


class _Loader(_BaseLoader):
    """Safe loader building LineDict/LineList and leaving dates and floats as text."""

    yaml_implicit_resolvers = _resolvers_without(
        "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"
    )

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        """The tag of a node: PyYAML's rules, in fewer steps.

        libyaml calls this for each of the (many) nodes in a file. This loader has
        no path resolvers and no wildcard resolvers, so only the implicit
        resolvers for the value's first character can apply.
        """
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def build(self, root: yaml.Node, line_offset: int = 0, aliases: bool = True) -> Any:
        """Build Python values from the node graph, recording each line plus ``line_offset``.

        Faster than PyYAML's generic ``construct_document`` (no generators, no
        per-node dispatch tables). Nesting deeper than :data:`MAX_DEPTH` is
        refused before Python's own recursion limit could be reached. With
        ``aliases`` false (the text has no ``*``) every node is built once, so
        nothing needs remembering. Tags other than the plain ones a knowledge
        base uses are refused.
        """
        first = 1 + line_offset  # the file line of the document's line 0
        memo: dict[int, Any] = {}
        scalar, mapping = self._scalar, self._mapping
        scalar_node, sequence_node = yaml.ScalarNode, yaml.SequenceNode

        def value_of(node: yaml.Node, depth: int) -> Any:
            if aliases and id(node) in memo:
                return memo[id(node)]
            kind = node.__class__
            tag = node.tag
            value: Any
            if kind is scalar_node:
                value = node.value if tag == _STR else scalar(cast(yaml.ScalarNode, node))
            elif depth > MAX_DEPTH:
                raise YamlError(
                    f"the document is nested more than {MAX_DEPTH} levels deep",
                    node.start_mark.line + 1,
                )
            elif tag == _SEQ and kind is sequence_node:
                items = node.value
                value = LineList([value_of(c, depth + 1) for c in items])
                value.line = node.start_mark.line + first
                value.item_lines = [c.start_mark.line + first for c in items]
            elif tag == _MAP and kind is not sequence_node:
                pairs = [(k, value_of(v, depth + 1)) for k, v in node.value]
                value = mapping(cast(yaml.MappingNode, node), pairs, first)
            else:
                raise YamlError(
                    f"the tag {_tag_shown(tag)} is not allowed in a knowledge base; remove it",
                    node.start_mark.line + 1,
                )
            if aliases:
                memo[id(node)] = value
            return value

        return value_of(root, 0)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return self.construct_yaml_bool(node)
        if tag == _INT:
            # A number in a knowledge base is a small count. A longer one stays text,
            # which the model then reports as not what the field accepts: built as an
            # int it could never be printed (Python refuses more than 4,300 digits)
            # and a YAML 1.1 base-60 number (1:2:3...) takes quadratic time to build.
            if len(node.value) > _MAX_INT_CHARS:
                return node.value
            return self.construct_yaml_int(node)
        raise YamlError(
            f"the value {shown(node.value)} has a type ({_tag_shown(tag)}) a knowledge base "
            "does not use; put it in quotes",
            node.start_mark.line + 1,
        )

    def _mapping(
        self, node: yaml.MappingNode, pairs: list[tuple[yaml.Node, Any]], first: int
    ) -> LineDict:
        data = LineDict()
        data.line = node.start_mark.line + first
        lines = data.key_lines
        for key_node, value in pairs:
            if key_node.__class__ is not yaml.ScalarNode:
                raise YamlError(
                    "a key must be a plain word, such as `title:`", key_node.start_mark.line + 1
                )
            if key_node.tag == _MERGE:
                raise YamlError(
                    "merge keys (`<<:`) are not supported; write the values out",
                    node.start_mark.line + 1,
                )
            name = key_node.value if key_node.tag == _STR else self._scalar(key_node)
            if name is None or isinstance(name, bool):
                name = key_node.value
            if name in lines:
                raise YamlError(
                    f"the key `{name}` appears twice in the same block; keep one",
                    key_node.start_mark.line + 1,
                )
            data[name] = value
            lines[name] = key_node.start_mark.line + first
        return data


def _tag_shown(tag: str) -> str:
    """A tag as a message may repeat it: YAML's own (``!!float``), or none of a
    contributor's (``!Odalys_Ferreira`` could be a name)."""
    if tag.startswith(_YAML_TAG) and re.fullmatch(r"[a-z]+", tag[len(_YAML_TAG) :]):
        return "!!" + tag[len(_YAML_TAG) :]
    return "a tag of the file's own"


_YAML_TAG = "tag:yaml.org,2002:"
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"
_MAX_INT_CHARS = 18
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


def _expanded_size(root: yaml.Node) -> int:
    """Count nodes as if every alias were copied out, stopping at the limit."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise YamlError(
                f"the document is nested more than {MAX_DEPTH} levels deep",
                node.start_mark.line + 1,
            )
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k, depth + 1) + size(v, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item, depth + 1)
        total = min(total, MAX_EXPANDED_NODES + 1)
        sizes[id(node)] = total
        return total

    return size(root, 0)


def load_yaml(text: str, line_offset: int = 0) -> Any:
    """Load one YAML document from ``text``.

    ``line_offset`` is added to every line, for front matter that starts below
    line 1 of its file. Raises :class:`YamlError` with a 1-based line.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # An alias needs a `*`; skip the walk on the (usual) text without one.
        if "*" in text and _expanded_size(node) > MAX_EXPANDED_NODES:
            raise YamlError(
                "the document's aliases (*name) expand to more than "
                f"{MAX_EXPANDED_NODES:,} values; write the values out instead",
                node.start_mark.line + 1,
            )
        data = loader.build(node, line_offset, aliases="*" in text)
    except YamlError as exc:
        exc.line += line_offset
        raise
    except yaml.MarkedYAMLError as exc:
        unclosed = _UNCLOSED.get(exc.context or "")
        if unclosed and exc.context_mark is not None:
            # libyaml notices on a later line; the opening is what needs fixing.
            line = exc.context_mark.line + 1 + line_offset
            raise YamlError(unclosed, line) from None
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = exc.problem or "this is not valid YAML"
        raise YamlError(_explain(problem, text, mark), line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"this is not valid YAML ({exc})", 1 + line_offset) from None
    except RecursionError:
        raise YamlError("the document is nested too deeply to read", 1 + line_offset) from None
    finally:
        loader.dispose()
    return data


_UNCLOSED = {
    "while parsing a flow mapping": (
        "the `{` on this line has no matching `}`; close it with `}`, and put any "
        "value that contains a comma in quotes"
    ),
    "while parsing a flow sequence": (
        "the `[` on this line has no matching `]`; close the list with `]`, and put "
        "any item that contains a comma in quotes"
    ),
    "while scanning a quoted scalar": (
        "the quoted value that starts on this line has no closing quote; "
        "end it with the same quote mark it starts with"
    ),
}


def _explain(problem: str, text: str, mark: yaml.Mark | None) -> str:
    """Turn libyaml's wording into advice a non-programmer can act on."""
    if "found character '\\t'" in problem or "found a tab" in problem:
        return "a tab character is used for indentation; indent with spaces instead"
    lines = text.splitlines() if mark is not None else []
    line = lines[mark.line] if mark is not None and 0 <= mark.line < len(lines) else None
    column = mark.column if mark is not None else 0
    if line is not None and "\t" in line:
        return f"{problem}; this line contains a tab: indent with spaces instead"
    if "cannot start any token" in problem and line is not None and column < len(line):
        return f"a value cannot start with `{line[column]}` in YAML; put the value in quotes"
    if "mapping values are not allowed" in problem:
        # libyaml says this both for `summary: Purpose: to review` and for a
        # `key:` line indented under a plain value (YAML reads it as more of that
        # value). On the second, the colon it points at is the line's first.
        if line is not None:
            before = line[:column]
            key = before.strip().lstrip("- ").strip()
            if key and ": " not in before and before.startswith((" ", "-")):
                return (
                    f"`{key}:` is indented more than the line above it, so YAML reads "
                    f"it as part of the value above; line `{key}:` up with the key "
                    "above it (or, if it continues the value above, put that whole "
                    "value in quotes)"
                )
        return (
            f"{problem}: a value that contains `: ` must be put in quotes, "
            'e.g. summary: "Purpose: to review"'
        )
    return f"this is not valid YAML: {problem}"


def line_at(data: Any, path: tuple[int | str, ...], default: int = 1) -> int:
    """The line of the deepest part of ``path`` that exists in ``data``."""
    line = getattr(data, "line", default)
    node = data
    for part in path:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]  # type: ignore[index]  # keys are usually str, never required
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
