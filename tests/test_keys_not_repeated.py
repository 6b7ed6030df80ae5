"""A key the checker does not know is never named in its message (red-team
round 17: a child's name written as a key of an action, a meeting, kb.yaml or a
page's front matter was quoted back into `kb check`'s output, CI's log and the
dashboard; round 18: a name one letter from a key, "statius"). The message gives
its line and the accepted key it is closest to."""

from __future__ import annotations

from checks.model.quoting import key_shown

NAME = "Rosalind Verhoeven"


def _messages(result, code: str) -> list[str]:
    return [f"{f.file}:{f.line} {f.message}" for f in result.findings if f.code == code]


def test_a_name_written_as_an_actions_key_is_not_repeated(files, check):
    plan = files["data/actions/CSPR-2026-01.yaml"]
    plan["actions"][0][NAME] = "x"
    plan["actions"][0]["recomendation"] = "y"
    result = check(files)
    kb003 = _messages(result, "KB003")
    assert kb003 and not [m for m in kb003 if "Rosalind" in m]
    assert [m for m in kb003 if "(its name is not repeated)" in m]
    # A mistyped key is not named either, but the key it was meant to be is.
    assert [m for m in kb003 if "did you mean `recommendation`" in m]
    assert not [m for m in kb003 if "recomendation" in m]


def test_a_name_as_a_check_code_or_an_option_is_not_repeated(files, check):
    files["kb.yaml"] = (
        f"rules:\n  {NAME}: {{enabled: false}}\n  TOR999: {{enabled: false}}\n"
        f"  MTG004:\n    options: {{{NAME}: 3}}\n"
    )
    messages = _messages(check(files), "CFG002")
    assert len(messages) == 3 and not [m for m in messages if "Rosalind" in m]
    assert [m for m in messages if "`TOR999` is not a check code" in m]
    assert [m for m in messages if m.startswith("kb.yaml:2 this key is not a check code")]


def test_a_name_as_a_pages_key_is_not_repeated(files, check):
    files["docs/notes.md"] = f"---\ntitle: Notes\n{NAME}: yes\ntemplate: x.html\n---\n# Notes\n"
    messages = _messages(check(files), "SEC005")
    assert [m for m in messages if m.startswith("docs/notes.md:3 the site does not use this key")]
    assert [m for m in messages if m.startswith("docs/notes.md:4 the site does not use `template`")]
    assert not [m for m in messages if "Rosalind" in m]


def test_only_keys_on_the_list_are_named():
    accepted = ["status", "publish_on", "review_by"]
    assert key_shown("status", accepted) == "status"
    assert key_shown("statius", accepted) is None  # a name one letter from "status"
    assert key_shown("Status", accepted) is None


def test_a_yaml_tag_or_value_of_a_contributors_own_is_not_repeated(files, check):
    """Round 18: a tag that is a name (`status: !Odalys_Ferreira open`) was quoted
    by KB002. Only YAML's own tags (`!!binary`) are named."""
    files["data/meetings/2027.yaml"] = (
        "meetings:\n  - group: exec\n    date: !Odalys_Ferreira 2027-01-05\n"
        "    present: [council]\n"
    )
    messages = _messages(check(files), "KB002")
    assert [m for m in messages if "data/meetings/2027.yaml:3" in m and "own" in m]
    assert not [m for m in messages if "Odalys" in m]
