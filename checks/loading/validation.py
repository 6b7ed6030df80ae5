"""Turn pydantic's validation errors into findings a non-programmer can act on.

Each error names the field, the line it is on, what was wrong and what would be
accepted. An unknown key also gets a "did you mean" from the accepted fields.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from checks.model.findings import Problem
from checks.model.quoting import has_words
from checks.model.yaml_source import LineDict, line_at


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc``."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            field = next((f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType, dict):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _dotted(loc: tuple[int | str, ...]) -> str:
    """A field's place, as ``actions[2].owner.role``. A key a contributor chose
    (an id in a mapping) is shown only when written as keys and codes are; any
    other is ``…``: its words may be a name."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            text = str(part) if _SHOWN_KEY.fullmatch(str(part)) else "…"
            out += ("." if out else "") + text
    return out


_SHOWN_KEY = re.compile(r"[a-z][a-z0-9_-]{0,39}|[A-Z]{2,4}[0-9]{3}")


def _describe(model: type[BaseModel] | None, name: str) -> str:
    if model is None:
        return ""
    field = model.model_fields.get(name)
    if field is None:
        return ""
    hint = field.description or ""
    if field.examples:
        hint = (hint + "; " if hint else "") + "e.g. " + ", ".join(map(str, field.examples))
    return hint


def _shorten(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + "…" + text[-4:]


def _split_by_comma(raw: Any, loc: tuple[int | str, ...]) -> tuple[str, Any] | None:
    """For an unknown key with no value, written on the same line as the key
    before it (``{agency: council, role: Head of Service, Voluntary Action}``):
    that key, which an unquoted comma cut short, and its value.

    YAML reads ``Voluntary Action`` there as a key of its own with no value; the
    usual cause is a comma in a value that needed quotes.
    """
    parent: Any = raw
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    name = str(loc[-1]) if loc else ""
    if not isinstance(parent, LineDict) or name not in parent or parent[name] is not None:
        return None
    keys = list(parent)
    at = keys.index(name)
    if at == 0 or parent.key_lines.get(keys[at - 1]) != parent.key_lines.get(name):
        return None
    return str(keys[at - 1]), parent[keys[at - 1]]


def explain(
    exc: ValidationError,
    model: type[BaseModel],
    raw: Any,
    file: str,
    subject: str = "",
    prefix: tuple[int | str, ...] = (),
    quote: bool = True,
) -> list[Problem]:
    """One problem per pydantic error, at the line of the offending field.

    With ``quote=False`` the offending values are not repeated (for files that may
    be drafts: a report must not carry their content).
    """
    problems: list[Problem] = []

    def _short(value: object) -> str:
        # Words are never repeated (checks/model/quoting.py says why).
        return _shorten(value) if quote and not has_words(value) else "the value given"

    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        # Skip pydantic's union branch labels such as 'str' or 'constrained-str'.
        owner = _model_at(model, loc) if loc else model
        field = str(loc[-1]) if loc else ""
        where = _dotted(prefix + loc) or "this entry"
        line = line_at(raw, loc)
        kind = err["type"]
        split = _split_by_comma(raw, loc) if kind == "extra_forbidden" else None
        if split is not None:
            # An unquoted comma in a `{...}` entry: say so, not "unknown field".
            before, cut = split
            # Without quote (a possible draft), the words cut off are its text too.
            part = f"`{field}`" if quote else "part of a value"
            example = f'"{cut}, {field}"' if quote and isinstance(cut, str) else '"..., ..."'
            msg = (
                f"{part} is read as a field of its own: inside `{{...}}` a comma ends "
                f"a value, so the comma before it cut the value of `{before}` short; "
                f"put the whole value in quotes: {before}: {example}"
            )
        elif kind == "extra_forbidden":
            accepted = _field_names(owner) if owner else []
            guess = difflib.get_close_matches(field, accepted, n=1)
            # Its name is not repeated: a key's words may be anything, a name too.
            at = _dotted(prefix + loc[:-1])
            msg = "unknown field" + (f" in `{at}`" if at else "") + " (its name is not repeated)"
            if guess:
                msg += f"; did you mean `{guess[0]}`?"
            if accepted:
                msg += " Accepted fields here: " + ", ".join(accepted)
        elif kind == "missing":
            msg = f"`{where}` is missing and is required"
            hint = _describe(owner, field)
            if hint:
                msg += f" ({hint})"
        elif kind in ("date_format", "duration_format", "version_format"):
            msg = f"`{where}`: {err['msg']}"
        elif kind == "string_pattern_mismatch":
            hint = _describe(owner, field)
            msg = f"`{where}` is {_short(err['input'])}, which is not in the expected form"
            msg += f" ({hint})" if hint else f" ({err['ctx']['pattern']})"
        elif kind == "literal_error":
            expected = err["msg"].replace("Input should be", "expected")
            msg = f"`{where}` is {_short(err['input'])}; {expected}"
        elif kind == "value_error":
            msg = f"{err['msg'].removeprefix('Value error, ')}"
            if loc:
                msg = f"`{where}`: {msg}"
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            msg = f"`{where}` should be a block of `key: value` lines, not {_short(err['input'])}"
        elif kind in ("int_parsing", "int_type", "int_from_float"):
            msg = f"`{where}` should be a whole number, such as 5, not {_short(err['input'])}"
        elif kind in ("bool_parsing", "bool_type"):
            msg = f"`{where}` should be true or false, not {_short(err['input'])}"
        elif kind == "string_type":
            msg = f"`{where}` should be text, not {_short(err['input'])}; put the value in quotes"
        elif kind == "list_type":
            msg = (
                f"`{where}` should be a list (lines starting with `- `), not {_short(err['input'])}"
            )
        else:
            msg = f"`{where}`: {err['msg']}, got {_short(err['input'])}"
        problems.append(Problem(file, line, msg, subject))
    return problems
