"""The "page not found" page: served at any missing address, it must link from
the site's root path, and say where to go next."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment
from mkdocs.structure.files import File, Files

from checks.site.not_found import not_found_html
from sitehelp import hook_config, load_hook

MATERIAL_404 = "{% block content %}<h1>404 - Not found</h1>{% endblock %} base={{ base_url }}"


def _files(*src_uris: str, directory_urls: bool = True) -> Files:
    return Files(
        [File(uri, "/docs", "/site", use_directory_urls=directory_urls) for uri in src_uris]
    )


def _urls(*src_uris: str, directory_urls: bool = True) -> dict[str, str]:
    """The pages' URLs as MkDocs makes them."""
    return {f.src_uri: f.url for f in _files(*src_uris, directory_urls=directory_urls)}


ALL = ("index.md", "briefs/index.md", "groups.md")


def test_links_start_from_the_sites_root_path() -> None:
    html = not_found_html("/kb/", _urls(*ALL))
    assert '<a href="/kb/">Home</a>' in html
    assert 'href="/kb/briefs/"' in html and 'href="/kb/groups/"' in html
    assert not_found_html("/kb", _urls(*ALL)) == html  # a path without its slash
    assert 'href="/briefs/"' in not_found_html("/", _urls(*ALL))  # no KB_SITE_URL: the root


def test_links_follow_the_sites_url_style() -> None:
    html = not_found_html("/kb/", _urls(*ALL, directory_urls=False))
    assert 'href="/kb/index.html"' in html and 'href="/kb/briefs/index.html"' in html
    assert 'href="/kb/groups.html"' in html


def test_a_starting_point_the_site_lacks_is_left_out() -> None:
    html = not_found_html("/", _urls("index.md", "briefs/index.md"))
    assert "Groups" not in html and "Learning briefs" in html


def test_the_base_is_escaped() -> None:
    html = not_found_html('/"><script>/', _urls("index.md"))
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_the_hook_puts_it_in_materials_page() -> None:
    hook = load_hook()
    env = Environment(loader=DictLoader({"404.html": MATERIAL_404}))
    env = hook.on_env(env, hook_config(), _files("index.md", "groups.md"))
    page = env.get_template("404.html").render(base_url="/kb/")
    assert "<h1>Page not found</h1>" in page and "404 - Not found" not in page
    assert 'href="/kb/groups/"' in page and "Learning briefs" not in page
    assert page.endswith("base=/kb/")  # the rest of Material's page is kept


def test_a_partnerships_own_not_found_page_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text("theirs")
    hook = load_hook()
    env = Environment(loader=DictLoader({"404.html": "theirs"}))
    env = hook.on_env(env, hook_config(tmp_path), _files("index.md"))
    assert env.get_template("404.html").render(base_url="/") == "theirs"
