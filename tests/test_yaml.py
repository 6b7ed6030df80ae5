from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from checks.model.yaml_source import YamlError, line_at, load_yaml
from checks.model.yaml_source import _BaseLoader as _SafeBase
from checks.model.yaml_source import _Loader as _KbLoader


def test_lines_of_keys_and_items_are_kept():
    data = load_yaml("a: 1\nb:\n  - x: 2\n    y: 3\n  - z\n", line_offset=1)
    assert data.key_lines == {"a": 2, "b": 3}
    assert data["b"].item_lines == [4, 6]
    assert line_at(data, ("b", 0, "y")) == 5
    assert line_at(data, ("b", 0, "missing")) == 4


def test_dates_and_floats_stay_text():
    data = load_yaml("d: 2026-02-30\nv: 3.10\nn: 3\n")
    assert data == {"d": "2026-02-30", "v": "3.10", "n": 3}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: [1\n", 1, "the `[` on this line has no matching `]`"),
        ("a: - b\n", 1, "not valid YAML"),
        ("owner: @council\n", 1, "a value cannot start with `@` in YAML; put the value in quotes"),
        ("a:\n\tb: 1\n", 2, "tab"),
        ("a: 1\na: 2\n", 2, "appears twice"),
        ("summary: Purpose: x\n", 1, "quotes"),
        ("a: 1\nb:\n  c: d\n  e: f: g\n", 4, "quotes"),
        ("title: x\n  owner: y\n", 2, "`owner:` is indented more than the line above"),
        ("items:\n  - id: 1\n     due: 2\n", 3, "line `due:` up with the key above"),
        ("m:\n  - {a: 1, b: 2\n  - {a: 3}\n", 2, "the `{` on this line has no matching `}`"),
        ("q: [a, b\nr: 1\n", 1, "the `[` on this line has no matching `]`"),
        ('x: 1\ny: "abc\n', 2, "no closing quote"),
        ("[" * 10_000 + "]" * 10_000, 1, "nest"),
    ],
)
def test_unreadable_yaml_says_where_and_why(text, line, words):
    with pytest.raises(YamlError) as info:
        load_yaml(text)
    assert info.value.line == line
    assert words in info.value.message


def test_alias_bomb_is_refused_before_expanding():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(YamlError, match="expand"):
        load_yaml("\n".join(lines))


def test_a_few_aliases_are_fine():
    data = load_yaml("base: &b {agency: council, role: Chair}\nchair: *b\n")
    assert data["chair"] == {"agency": "council", "role": "Chair"}


def test_recursive_alias_is_refused():
    with pytest.raises(YamlError, match=r"contains it|nested"):
        load_yaml("a: &a [1, *a]\n")


@pytest.mark.parametrize("text", ["a: !!binary aGVsbG8=\n", "a: !custom x\n", "<<: {a: 1}\n"])
def test_unusual_tags_are_refused(text):
    with pytest.raises(YamlError):
        load_yaml(text)


class _PyYamlResolver(_SafeBase):
    """PyYAML's own resolve(), with the same table as the knowledge base's loader."""

    yaml_implicit_resolvers = _KbLoader.yaml_implicit_resolvers


_TRICKY = ["", "~", "null", "NULL", "yes", "No", "on", "OFF", "true", "False", "0", "-1", "+3",
           "0x1F", "0o17", "1_000", "3.10", "1e3", "2024-01-01", "<<", "=", "abc", ".inf",
           "12:30", "0b101", "-", "y", "N"]  # fmt: skip


@given(st.lists(st.one_of(st.sampled_from(_TRICKY), st.text(max_size=12)), max_size=20))
def test_the_fast_resolver_gives_pyyamls_tags(values):
    ours, theirs = _KbLoader(""), _PyYamlResolver("")
    for value in [*_TRICKY, *values]:
        for implicit in [(True, False), (False, True), (False, False)]:
            expected = theirs.resolve(yaml.ScalarNode, value, implicit)
            assert ours.resolve(yaml.ScalarNode, value, implicit) == expected, value
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert ours.resolve(kind, None, (True, True)) == theirs.resolve(kind, None, (True, True))
