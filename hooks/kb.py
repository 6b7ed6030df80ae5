"""MkDocs hooks: a thin adapter from MkDocs' build events to the ``checks`` package.

The knowledge base is loaded and checked once per build, in ``on_config``. Error
findings are logged as warnings, so ``mkdocs build --strict`` fails on them;
warning findings are logged at info level. ``KB_AS_OF`` pins "today" exactly as
it does for ``kb check``. Hooks are not reloaded by ``mkdocs serve``, so all the
logic lives in the installed package.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import material
from jinja2 import ChoiceLoader, DictLoader, PrefixLoader
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure import files as mkdocs_files
from mkdocs.structure.files import File, Files

from checks.anonymise.model import ModelUnavailable
from checks.cli import UsageError, resolve_today
from checks.loading import KnowledgeBaseNotFound
from checks.model.findings import Severity
from checks.model.publication import VENDORED
from checks.site.allowed_files import refused_files
from checks.site.build import SiteBuild
from checks.site.csp import with_policy
from checks.site.gate import Gate, Violation
from checks.site.not_found import not_found_html
from checks.site.sanitise import clean_content, page_meta, plain
from checks.site.search_index import published_index
from checks.site.search_text import brief_search_document
from checks.site.urls import shared_nav_key

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.kb")

#: Material's navigation partial, wrapped so that it is rendered once for all the
#: pages that share it (see on_env); the theme's own copy is reached as "kb-theme/".
NAV_ONCE = (
    '{%- call kb_nav_once(page, nav) -%}{%- include "kb-theme/partials/nav.html" -%}{%- endcall -%}'
)

#: Material's "page not found" page with our content (checks/site/not_found.py).
NOT_FOUND = (
    '{% extends "kb-theme/404.html" %}{% block content %}{{ kb_not_found(base_url) }}{% endblock %}'
)

#: The iframe-worker shim, vendored under docs/ (MIT licence beside it).
LOCAL_IFRAME_WORKER = "assets/vendor/iframe-worker-shim.js"

_build: SiteBuild | None = None
#: The site URLs of this build's published briefs.
_brief_urls: frozenset[str] = frozenset()
#: Briefs' search documents by URL. Kept from build to build: `mkdocs serve
#: --dirty` rebuilds only the pages that changed, and the index needs them all.
_brief_search: dict[str, dict[str, Any]] = {}
#: Pages in the order they are built, for keeping the search index in page order.
_page_order: dict[str, int] = {}
#: The site file each source was written to (dest_uri -> src_uri), for naming the
#: source of anything the output gate refuses.
_sources: dict[str, str] = {}
_gate: Gate | None = None
#: The theme's own templates: only its scripts and assets pass the output gate
#: (never the partnership's overrides, which a pull request can change).
THEME_DIR = Path(material.__file__).parent / "templates"


class _WalkWithoutLinks:
    """The ``os`` that mkdocs.structure.files sees: os itself, except that walking
    a folder never follows a link to a folder. MkDocs' get_files walks the docs
    folder with ``followlinks=True`` before any hook sees a file, so a link back
    up (``docs/a -> ..``) had it walk for ever, and a link out of the repository
    had it list the files there. Links themselves are KB001 findings, and the
    allow list keeps them out of the site."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    @staticmethod
    def walk(top: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs["followlinks"] = False
        return os.walk(top, *args, **kwargs)


mkdocs_files.os = _WalkWithoutLinks()  # type: ignore[assignment]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _brief_urls, _gate
    root = Path(config.config_file_path).parent
    try:
        today = resolve_today(None, dict(os.environ))
        _build = SiteBuild.prepare(
            root,
            today,
            repo_url=config.repo_url,
            explain_history=True,
            directory_urls=config.use_directory_urls,
        )
    except (KnowledgeBaseNotFound, UsageError, ModelUnavailable) as exc:
        # The anonymisation gate cannot run without its language model: the build
        # stops with one line rather than publish unchecked pages.
        raise PluginError(f"kb: {exc}") from None
    checked = (root / _build.kb.config.docs_dir).resolve()
    if Path(config.docs_dir).resolve() != checked:
        raise PluginError(
            f"kb: mkdocs.yml builds {config.docs_dir} but the checks read {checked}; "
            "the docs folder must be inside the repository, and named in mkdocs.yml only"
        )
    _brief_urls = frozenset(_build.brief_urls())
    host = urlsplit(config.site_url).hostname if config.site_url else None
    _gate = Gate(THEME_DIR, vendored=VENDORED, site_host=host)
    errors = 0
    for f in _build.result.findings:
        text = f"kb: {f.file}:{f.line}: {f.code} {f.message}"
        if f.severity is Severity.ERROR:
            errors += 1
            log.error(f"{text} (error)")
        else:
            log.info(text)
    log.info(f"kb: {_build.summary()}")
    if errors and config.strict:
        # Decided here, not by MkDocs' count of logged warnings, which `-q` empties;
        # and before anything is written to the site folder.
        raise Abort(f"Aborted with {errors} kb errors in strict mode")
    # The offline plugin adds a polyfill from a CDN; an intranet serves its own copy.
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [
        LOCAL_IFRAME_WORKER if "iframe-worker" in url else url for url in polyfills
    ]
    # The vocabulary of themes is the tags plugin's allow list.
    tags = config.plugins.get("material/tags")
    if tags is not None:
        tags.config.tags_allowed = {plain(t.label) for t in _build.kb.themes.values()}
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> None:
    # MkDocs watches docs/ only; the register, actions, meetings and settings
    # live outside it, and an edit to them must rebuild the site too.
    assert _build is not None
    root = _build.kb.root
    for path in (root / _build.kb.config.data_dir, root / "kb.yaml"):
        if path.exists():
            server.watch(str(path))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Templates of the partnership's own (custom_dir) are left alone.
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    overrides: dict[str, str] = {}
    if custom is None or not (custom / "404.html").exists():
        # The "page not found" page, with ways on instead of Material's bare heading.
        pages = frozenset(f.src_uri for f in files.documentation_pages())
        directory_urls = config.use_directory_urls
        env.globals["kb_not_found"] = lambda base_url: not_found_html(
            base_url, directory_urls, pages
        )
        overrides["404.html"] = NOT_FOUND
    # The site navigation is a sixth of a 1,000-brief build, and it is the same
    # HTML on every brief: render it once per folder for pages it does not list.
    if custom is None or not (custom / "partials" / "nav.html").exists():
        overrides["partials/nav.html"] = NAV_ONCE
        env.globals["kb_nav_once"] = _nav_once()
    theme = env.loader
    assert theme is not None
    env.loader = ChoiceLoader([DictLoader(overrides), PrefixLoader({"kb-theme": theme}), theme])
    return env


def _nav_once() -> Callable[[object, object, Callable[[], str]], str]:
    """The template global that keeps the first rendering of the navigation for
    each folder and depth, for the pages the navigation does not list."""
    rendered: dict[str, str] = {}
    listed: dict[int, frozenset[str]] = {}

    def nav_once(page: object, nav: object, caller: Callable[[], str]) -> str:
        url = getattr(page, "url", None)
        pages = getattr(nav, "pages", None)
        if not isinstance(url, str) or pages is None:
            return caller()
        urls = listed.get(id(nav))
        if urls is None:
            urls = listed[id(nav)] = _listed_urls(nav)
        key = shared_nav_key(url, urls)
        if key is None:
            return caller()
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    return nav_once


def _listed_urls(nav: Any) -> frozenset[str]:
    """The URL of every page the navigation can mark as current: its pages, and
    pages that an entry stands for (Material's blog index lists its posts in
    ``pages``; the navigation template looks there too)."""
    urls = {p.url for p in nav.pages}
    stack = list(getattr(nav, "items", ()))
    while stack:
        item = stack.pop()
        stack.extend(getattr(item, "children", None) or ())
        for page in getattr(item, "pages", None) or ():
            urls.add(getattr(page, "url", ""))
    return frozenset(urls)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    # Confidentiality first: only what is allowed stays (pages that loaded and may
    # be published, images and style sheets, vendored files), before anything
    # (page, search index, sitemap) sees the rest.
    extra = frozenset(_build.kb.config.publish_types)
    refused = refused_files(files, Path(config.docs_dir), _build.pages, extra)
    for file, why in refused:
        files.remove(file)
        if why is not None:
            log.error(f"kb: docs/{file.src_uri} is not published: {why} (error)")
    if any(why is None for _, why in refused):
        held = sum(1 for _, why in refused if why is None)
        log.info(f"kb: {held} pages held back (drafts, embargoed, invalid or unsafe)")
    for src_uri, content in _build.generated(defer_html=True).items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            log.warning(f"kb: docs/{src_uri} is replaced by the generated page of that name")
            files.remove(existing)
        generated = File.generated(config, src_uri, content=content)
        generated.edit_uri = _build.edit_path(src_uri)
        files.append(generated)
    _build.remember()
    _sources.clear()
    _sources.update({f.dest_uri: f.src_uri for f in files})
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    # The theme prints front matter into templates without escaping: it sees only
    # the keys it needs, as plain text (`template`, `author` and the records' own
    # fields never reach it; a record's `status` is shown in the page's banner).
    page.meta, _ = page_meta(page.meta)
    tags = [plain(t) for t in _build.tags(page.file.src_uri)]
    if tags:
        page.meta["tags"] = tags
    return _build.decorate(page.file.src_uri, markdown, defer_html=True)


@event_priority(100)  # first: the search plugin and the theme see only clean HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    html = clean_content(_build.deferred.fill(html, page.file.src_uri))
    # A title from the first heading is unescaped text, and the theme prints it
    # raw (or through `striptags`, which unescapes): kept in meta, escaped once,
    # it is printed as it is everywhere.
    if page.title is not None:
        page.title = page.meta["title"] = plain(page.title)
    _plain_toc(page.toc)
    _page_order.setdefault(page.url, len(_page_order))
    if page.url in _brief_urls and "search" not in page.meta:
        # A brief becomes one search document (see on_post_build). Written here
        # from its plain HTML, it costs a third of Material reading it section by
        # section; HTML it cannot be sure of is left to Material.
        title = str(page.meta.get("title", page.title))
        document = brief_search_document(html, page.url, title, page.meta.get("tags"))
        if document is not None:
            _brief_search[page.url] = document
            page.meta["search"] = {"exclude": True}
        else:
            _brief_search.pop(page.url, None)
    return html


def _plain_toc(items: Any) -> None:
    for item in items or ():
        item.title = plain(item.title)
        _plain_toc(getattr(item, "children", None))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # A second layer behind the output gate; a copy for the file system has no
    # origin for the policy to name (checks/site/csp.py).
    if _gate is None or _offline(config):
        return output
    return with_policy(output, _gate.theme_script)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The "page not found" page is a template, not a page: it gets the policy too.
    if _gate is None or _offline(config) or not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, _gate.theme_script)


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


def on_post_build(config: MkDocsConfig) -> None:
    # Runs after the search plugin has written its index, and before the offline
    # plugin inlines it (that one runs last): one search document per brief.
    assert _build is not None
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        index = json.loads(path.read_text(encoding="utf-8"))
        shaped = published_index(index, _brief_urls, _brief_search, _page_order)
        path.write_text(json.dumps(shaped, separators=(",", ":")), encoding="utf-8")
    gate_site(config)


def gate_site(config: MkDocsConfig) -> None:
    """The output gate: read every published file against the allow list, withhold
    what fails, and fail the build (checks.site.gate)."""
    site = Path(config.site_dir)
    assert _gate is not None
    violations = _gate.inspect(site)
    if not violations:
        return
    for v in violations:
        source = _sources.get(v.path, "the theme or a plugin")
        log.error(f"kb: {v.path} (from {source}) {v.what}; it is withheld (error)")
        withhold(site, v)
    # What failed is gone from the site either way; a strict build (CI) fails, and
    # `mkdocs serve` keeps serving the rest.
    if config.strict:
        raise Abort(f"Aborted: {len(violations)} published files failed the output gate")


def withhold(site: Path, violation: Violation) -> None:
    path = site / violation.path
    if violation.locations and path.suffix == ".json":
        index = json.loads(path.read_text(encoding="utf-8"))
        drop = set(violation.locations)
        index["docs"] = [d for d in index["docs"] if d.get("location") not in drop]
        path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    elif path.is_symlink() or path.is_file():
        path.unlink()
