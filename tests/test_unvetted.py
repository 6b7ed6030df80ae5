"""Words a pull request brings unvetted are not printed (checks/rules/unvetted.py), and
links to withheld pages lose their targets (checks/site/hidden_links.py)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from checks.rules.unvetted import Unvetted, harmless
from checks.site.hidden_links import without_hidden_links
from kbfactory import TODAY, compliant, kb, write

#: An invented child's name, used as an id by a careless contributor.
NAME = "tavish-quennell"


def _check(root: Path, trusted: Path | None) -> tuple[str, list[dict[str, Any]]]:
    with pytest.MonkeyPatch.context() as mp:
        if trusted is None:
            mp.delenv("KB_TRUSTED", raising=False)
        else:
            mp.setenv("KB_TRUSTED", str(trusted))
        _, text, _ = kb("check", str(root), "--as-of", TODAY.isoformat())
        _, out, _ = kb("check", str(root), "--as-of", TODAY.isoformat(), "--format", "json")
    return text, json.loads(out)["findings"]


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    """The target branch (compliant), and a change whose brief cites an unknown theme
    id made of a name, and whose plan has an action id made of a surname."""
    base = write(tmp_path / "trusted", compliant())
    files = copy.deepcopy(compliant())
    front, body = files["docs/briefs/lb-2026-01.md"]
    files["docs/briefs/lb-2026-01.md"] = ({**front, "themes": ["neglect", NAME]}, body)
    plan = files["data/actions/CSPR-2026-01.yaml"]
    plan["actions"][1]["id"] = "QUENNELL-7"
    return base, write(tmp_path / "change", files)


def test_an_unvetted_id_is_not_printed_on_a_pull_request(tmp_path):
    base, change = _pair(tmp_path)
    text, found = _check(change, base)
    assert "BRF002" in {f["code"] for f in found}  # the finding stays...
    for out in (text, json.dumps(found)):
        assert "tavish" not in out.lower() and "quennell" not in out.lower()  # ...its name goes
    assert "withheld-" in text


def test_the_example_against_itself_masks_nothing(tmp_path, monkeypatch):
    """The example as its own pull request: links, front matter and data all read."""
    from checks.loading import load

    monkeypatch.setenv("KB_TRUSTED", str(Path(__file__).resolve().parent.parent))
    repo = Path(__file__).resolve().parent.parent
    import shutil

    copy_ = tmp_path / "example"
    for part in ("docs", "data"):
        shutil.copytree(repo / part, copy_ / part)
    shutil.copy(repo / "kb.yaml", copy_ / "kb.yaml")
    shutil.copy(repo / "mkdocs.yml", copy_ / "mkdocs.yml")
    kb_ = load(copy_)
    assert kb_.trusted is not None
    assert not Unvetted.of(kb_)


def test_without_a_trusted_copy_nothing_is_masked(tmp_path):
    _, change = _pair(tmp_path)
    text, _ = _check(change, None)
    assert NAME in text


def test_the_trusted_copy_s_own_words_and_harmless_shapes_are_shown():
    vetted = {"neglect", "review"}
    assert harmless("a17") and harmless("2026") and harmless("mash") and harmless("pdf")
    assert harmless("neglect", vetted) and harmless("reviews", vetted)
    # Names, long numbers, and dictionary words the trusted copy never used.
    assert not harmless("quennell", vetted) and not harmless("rt5lk01", vetted)
    assert not harmless("grace", vetted | {"grace"}) and not harmless("4829917318")
    assert not harmless("sorrel", vetted) and not harmless("thistle", vetted)
    masked = Unvetted(["quennell"])
    assert masked.mask("Action QUENNELL-7 of Quennell's plan") == (
        "Action withheld-1-7 of withheld-1's plan"
    )
    assert Unvetted().mask("Quennell") == "Quennell"


def test_a_generated_page_is_masked_but_links_to_a_published_page_name_its_file(tmp_path):
    base = write(tmp_path / "trusted", compliant())
    files = copy.deepcopy(compliant())
    # An action id is a code (at most three letters first), but those letters are
    # still text the target branch never had.
    files["data/actions/CSPR-2026-01.yaml"]["actions"][1]["id"] = "QEX-7"
    # A new brief whose file name holds a word the target branch does not have.
    files["docs/briefs/kooth-notes.md"] = files.pop("docs/briefs/lb-2026-01.md")
    change = write(tmp_path / "change", files)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KB_TRUSTED", str(base))
        from checks.site.build import SiteBuild

        build = SiteBuild.prepare(change, TODAY, use_cache=False)
        pages = build.generated()
    assert "briefs/kooth-notes.md" in build.pages
    body = "\n".join(pages.values())
    assert "qex" not in body.lower() and "withheld-" in body
    # Links name the brief by its source file, which MkDocs turns into its masked
    # address (checks/site/masked_paths.py); nowhere else is its file name printed.
    links = re.findall(r"\]\(([^()\s]*kooth[^()\s]*)\)", body)
    assert links and all(link.endswith("kooth-notes.md") for link in links)
    assert body.lower().count("kooth") == len(links)


def test_a_new_page_named_in_unvetted_words_is_published_at_a_masked_address(tmp_path):
    from sitehelp import mkdocs, write_site_config

    base = write(tmp_path / "trusted", compliant())
    files = copy.deepcopy(compliant())
    files["docs/briefs/kooth-notes.md"] = files.pop("docs/briefs/lb-2026-01.md")
    change = write_site_config(write(tmp_path / "change", files))
    site = tmp_path / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KB_TRUSTED", str(base))
        proc = mkdocs(change, site, "--strict", as_of=TODAY.isoformat())
    assert proc.returncode == 0, proc.stderr
    assert "kooth" not in proc.stderr.lower()
    moved = [p for p in site.glob("briefs/withheld-*-notes/index.html")]
    assert len(moved) == 1, sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    page = moved[0].read_text(encoding="utf-8")
    assert files["docs/briefs/kooth-notes.md"][0]["title"] in page
    # The briefs list links to it at its new address, and no file names it.
    address = moved[0].parent.name + "/"
    assert f'href="{address}"' in (site / "briefs/index.html").read_text(encoding="utf-8")
    for path in site.rglob("*"):
        if path.is_file():
            assert b"kooth" not in path.read_bytes().lower(), path
            assert "kooth" not in str(path.relative_to(site)).lower()


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("See [the draft](draft-kayla.md) now.", "See the draft now."),
        ("See [it](../briefs/draft-kayla.md#part) now.", "See it now."),
        ("See [it](draft-kayla/) now.", "See it now."),
        ("![x](draft-kayla.md)", ""),
        ("[r]: draft-kayla.md", "[r]: #"),
        # an address with a space, in angle brackets or percent-encoded
        ("See [it](<draft kayla.md>) now.", "See it now."),
        ("See [it](draft%20kayla.md) now.", "See it now."),
        # a draft saved as a folder's index, reached by its folder
        ("See [it](kayla-folder/) now.", "See it now."),
        ('<a href="draft-kayla.md">x</a>', '<a href="#">x</a>'),
        # Other links, and addresses elsewhere, are left as written.
        ("See [ok](ok.md) and [web](https://example.org/draft-kayla.md).", None),
    ],
)
def test_a_link_to_a_withheld_page_keeps_its_text_only(markdown, expected):
    hidden = {"briefs/draft-kayla.md", "briefs/draft kayla.md", "briefs/kayla-folder/index.md"}
    out = without_hidden_links(markdown, "briefs/pub.md", hidden)
    assert out == (markdown if expected is None else expected)


@pytest.mark.parametrize(
    "text",
    [
        "published_on: 2024-11-32\n",  # a date that is not one
        "a: &x [*x, kayden]\n",  # an alias inside itself
        "a: [unclosed, kayden\n",  # no parse at all
        "a: !!python/object:os.system kayden\n",  # a tag the safe loaders refuse
        "- " * 5000 + "kayden\n",  # deep nesting
    ],
)
def test_hostile_yaml_gives_its_words_never_an_error(text):
    from checks.rules.unvetted import _yaml_ids

    assert "kayden" in _yaml_ids(text) or "published_on" in text


def test_unvetted_words_in_link_fragments_and_heading_ids_are_masked():
    from checks.site.masked_paths import mask_fragments

    unvetted = Unvetted(["wennabolitho", "kensatrewhella"])
    page = (
        "See [the plan](#wennaBolitho) and [that](other.md#kensaTrewhella).\n"
        "### Notes {#kensaTrewhella}\n"
        '<a href="#wennaBolitho">x</a> and [kept](#background) {: .wide }\n'
    )
    masked = mask_fragments(page, unvetted)
    assert "bolitho" not in masked.lower() and "trewhella" not in masked.lower()
    assert "[the plan](#withheld-2)" in masked and "{#withheld-1}" in masked
    assert "[kept](#background) {: .wide }" in masked
    assert mask_fragments(page, Unvetted()) == page


def test_an_action_with_a_new_id_and_a_name_is_withheld_on_a_pull_request(tmp_path):
    """The finding's subject is masked on a pull request ("CSPR-2026-01/withheld-1");
    the text is still withheld by the action's own id (red team, round 9)."""
    base = write(tmp_path / "trusted", compliant())
    files = copy.deepcopy(compliant())
    action = files["data/actions/CSPR-2026-01.yaml"]["actions"][1]
    action["id"] = "R9A16"
    action["recommendation"] = "The school nurse sees Mary Trewin every week."
    change = write(tmp_path / "change", files)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KB_TRUSTED", str(base))
        from checks.site.build import SiteBuild

        build = SiteBuild.prepare(change, TODAY, use_cache=False)
        pages = build.generated()
    found = [f.subject for f in build.result.findings if f.code == "ANO001"]
    assert found and "R9A16" not in " ".join(found)  # the id is masked in findings
    assert not [p for p, text in pages.items() if "Trewin" in text]
