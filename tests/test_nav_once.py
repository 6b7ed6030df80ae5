"""The site navigation is rendered once per folder for the pages it does not list.

Material renders the whole navigation on every page; on a 1,000-brief site that is
a sixth of the build, and it is the same HTML on every brief. The hook renders it
once for all pages that share it (``shared_nav_key``). These tests hold it to
producing exactly the HTML Material would.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import material.templates
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import DictLoader, Environment
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from checks.site.urls import shared_nav_key
from sitehelp import REPO, hook_config, load_hook, mkdocs

PART = st.sampled_from(["briefs", "tor", "x", "x.html", "index.html", "a", "b"])
URL = st.lists(PART, max_size=3).map(lambda parts: "/".join(parts)) | st.lists(
    PART.filter(lambda p: "." not in p), max_size=3
).map(lambda parts: "/".join(parts) + "/" if parts else "")


@given(listed=st.frozensets(URL, max_size=6), first=URL, second=URL)
def test_pages_with_one_key_see_every_listed_link_alike(listed, first, second):
    key = shared_nav_key(first, listed)
    if key is None or key != shared_nav_key(second, listed):
        return
    for url in listed:
        assert get_relative_url(url, first) == get_relative_url(url, second), (url, first, second)


def test_a_listed_page_or_a_folder_the_navigation_reaches_into_has_its_own():
    listed = frozenset({"", "briefs/", "tor/exec/", "tor/exec/v1/"})
    assert shared_nav_key("briefs/", listed) is None
    assert shared_nav_key("tor/exec/", listed) is None
    assert shared_nav_key("briefs/a/", listed) == shared_nav_key("briefs/b/", listed)
    assert shared_nav_key("briefs/a/", listed) != shared_nav_key("tor/a/", listed)
    assert shared_nav_key("briefs/a/", listed) != shared_nav_key("briefs/a/b/", listed)


def _example_copy(root: Path, custom_dir: Path | None = None) -> Path:
    for part in ("docs", "data"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "kb.yaml", root / "kb.yaml")
    config = (REPO / "mkdocs.yml").read_text().replace("hooks/kb.py", str(REPO / "hooks/kb.py"))
    if custom_dir is not None:
        theme = "  name: material\n"
        config = config.replace(theme, f"{theme}  custom_dir: {custom_dir}\n")
    (root / "mkdocs.yml").write_text(config)
    return root


def test_every_page_is_byte_for_byte_what_material_renders(tmp_path):
    # A custom_dir with Material's own navigation template turns the hook's off:
    # the two builds must then be identical, file for file.
    theirs = tmp_path / "overrides" / "partials"
    theirs.mkdir(parents=True)
    shutil.copy(Path(material.templates.__file__).parent / "partials" / "nav.html", theirs)
    once = _example_copy(tmp_path / "once")
    every = _example_copy(tmp_path / "every", custom_dir=theirs.parent)
    for root in (once, every):
        proc = mkdocs(root, root / "site")
        assert proc.returncode == 0, proc.stderr
    pages = sorted(p.relative_to(once / "site") for p in (once / "site").rglob("*.html"))
    assert len(pages) > 50
    assert pages == sorted(p.relative_to(every / "site") for p in (every / "site").rglob("*.html"))
    briefs = 0
    for page in pages:
        assert (once / "site" / page).read_bytes() == (every / "site" / page).read_bytes(), page
        briefs += (
            page.parts[0] == "briefs"
            and 'class="md-nav md-nav--primary"' in (once / "site" / page).read_text()
        )
    assert briefs >= 9


def test_the_hook_renders_a_shared_navigation_once(tmp_path):
    hook = load_hook()
    env = Environment(loader=DictLoader({"partials/nav.html": "<nav>{{ page.url }}</nav>"}))
    env = hook.on_env(env, hook_config(), Files([]))
    nav = SimpleNamespace(pages=[SimpleNamespace(url=""), SimpleNamespace(url="briefs/")])
    render = env.get_template("partials/nav.html").render
    assert render(page=SimpleNamespace(url="briefs/a/"), nav=nav) == "<nav>briefs/a/</nav>"
    # A sibling gets the navigation already rendered; listed pages get their own.
    assert render(page=SimpleNamespace(url="briefs/b/"), nav=nav) == "<nav>briefs/a/</nav>"
    assert render(page=SimpleNamespace(url="briefs/"), nav=nav) == "<nav>briefs/</nav>"
    assert render(page=SimpleNamespace(url=""), nav=nav) == "<nav></nav>"


def test_pages_an_entry_stands_for_get_their_own_navigation():
    # Material's blog index keeps its posts in `pages`, and its navigation
    # template marks the current post there: posts must not share.
    hook = load_hook()
    env = Environment(loader=DictLoader({"partials/nav.html": "<nav>{{ page.url }}</nav>"}))
    env = hook.on_env(env, hook_config(), Files([]))
    posts = [SimpleNamespace(url="blog/2026/01/a/"), SimpleNamespace(url="blog/2026/01/b/")]
    blog = SimpleNamespace(url="blog/", pages=posts, children=None)
    nav = SimpleNamespace(pages=[SimpleNamespace(url=""), blog], items=[blog])
    render = env.get_template("partials/nav.html").render
    assert render(page=posts[0], nav=nav) == "<nav>blog/2026/01/a/</nav>"
    assert render(page=posts[1], nav=nav) == "<nav>blog/2026/01/b/</nav>"
