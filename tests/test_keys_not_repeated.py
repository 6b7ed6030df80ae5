"""A key the checker does not know is named in its message only when it is a
mistyped key (red-team round 17: a child's name written as a key of an action,
a meeting, kb.yaml or a page's front matter was quoted back into `kb check`'s
output, CI's log and the dashboard). Any other is "a key" at its line."""

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
    # A mistyped key is named, with the key it was meant to be.
    assert [m for m in kb003 if "`actions[1].recomendation`" in m and "`recommendation`" in m]


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


def test_only_keys_close_to_an_accepted_one_are_named():
    accepted = ["status", "publish_on", "review_by"]
    assert key_shown("publsh_on", accepted) == "publsh_on"
    assert key_shown("status", accepted) == "status"
    assert key_shown("stasia", accepted) is None  # a given name 0.67 from "status"
    assert key_shown("Publish_on", accepted) is None  # not written as keys are
    assert key_shown("rosalind_verhoeven", accepted) is None
