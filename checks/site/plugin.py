"""The site layer: one object that handles MkDocs' build events for this project.

``hooks/kb.py`` (the hook file mkdocs.yml names) makes one :class:`SitePlugin`,
hands it the parts of MkDocs and Material it needs (:class:`MkDocsParts`: this
package never imports MkDocs) and sends it every event, at the priority each
needs. All state is on the object and set afresh in :meth:`SitePlugin.on_config`,
once per build: ``mkdocs serve`` keeps the hook module, and so this object,
from one build to the next.

Settings are read from mkdocs.yml, under ``extra: kb:`` (:class:`SiteSettings`).
None of them can switch off or loosen a safety property: the allow list, the
sanitiser, the output gate and the Content-Security-Policy take no settings,
"today" comes only from the clock or ``KB_AS_OF`` (a later date in a pull
request would publish embargoed briefs early), and an unknown key stops the
build rather than being ignored.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, DictLoader, PrefixLoader
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checks.anonymise.model import ModelUnavailable
from checks.loading import KnowledgeBaseNotFound
from checks.loading.files import named_in_utf8
from checks.model.findings import Severity
from checks.model.publication import VENDORED
from checks.model.working_days import DateError, parse_date
from checks.rules.sec004_unpublished_file import identifying_names
from checks.site.allowed_files import refused_files
from checks.site.brief_page import note_unsearched
from checks.site.build import SiteBuild
from checks.site.csp import with_policy
from checks.site.gate import Gate, Violation
from checks.site.hidden_links import without_hidden_links
from checks.site.masked_paths import mask_addresses, mask_fragments
from checks.site.not_found import not_found_html
from checks.site.pagefind import index_site, marks_for, searched, with_search
from checks.site.paging import Anchors
from checks.site.sanitise import clean_content, page_meta, plain

log = logging.getLogger("mkdocs.plugins.kb")

#: Material's "page not found" page with our content (checks/site/not_found.py);
#: the theme's own copy is reached as "kb-theme/".
NOT_FOUND = (
    '{% extends "kb-theme/404.html" %}{% block content %}{{ kb_not_found(base_url) }}{% endblock %}'
)

#: The iframe-worker shim, vendored under docs/ (MIT licence beside it).
LOCAL_IFRAME_WORKER = "assets/vendor/iframe-worker-shim.js"


class SiteSettings(BaseModel):
    """``extra: kb:`` in mkdocs.yml. Nothing here touches what is published."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    #: The branch the dashboard's "source" links point at (``repo_url``/blob/BRANCH/...).
    branch: str = Field(default="main", pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")
    #: Say on ToR pages when git history cannot be shown in full (a shallow clone).
    explain_history: bool = True
    #: Keep parsed files in the user's cache folder between builds (checks.speed).
    cache: bool = True


@dataclass(frozen=True)
class MkDocsParts:
    """What the site layer uses of MkDocs and Material, passed in by the hook."""

    #: mkdocs.exceptions.Abort: stop the build with a message and no traceback
    abort: type[Exception]
    #: mkdocs.exceptions.PluginError: a build error MkDocs reports as such
    error: type[Exception]
    #: mkdocs.structure.files.File: a page's URL, and (``.generated``) a page we add
    file: Any
    #: mkdocs.utils.get_relative_url(url, other): ``url`` as linked from ``other``
    relative_url: Callable[[str, str], str]
    #: mkdocs.structure.files, whose ``os`` the file-walk guard stands in for
    files_module: ModuleType
    #: material.plugins.tags.structure.tag.Tag: a tag in the tags plugin's allow list
    tag: Callable[[str], object]
    #: Material's templates folder: only its scripts and assets pass the output gate
    theme_dir: Path


class _Config(Protocol):
    """The parts of MkDocs' configuration read here."""

    @property
    def config_file_path(self) -> str: ...
    @property
    def docs_dir(self) -> str: ...
    @property
    def site_dir(self) -> str: ...
    @property
    def site_url(self) -> str | None: ...
    @property
    def repo_url(self) -> str | None: ...
    @property
    def edit_uri(self) -> str | None: ...
    @property
    def use_directory_urls(self) -> bool: ...
    @property
    def strict(self) -> bool: ...
    @property
    def extra(self) -> Any: ...
    @property
    def plugins(self) -> Any: ...
    @property
    def theme(self) -> Any: ...


class _WalkWithoutLinks:
    """The ``os`` MkDocs' file listing sees while it lists the docs folder: ``os``
    itself, except that ``walk`` never follows a link to a folder. MkDocs walks
    with ``followlinks=True`` before any event sees a file, so two links back up
    (``docs/a -> ..``) had it walk for ever, and a link out of the repository had
    it list the files there; removing them in on_files would be too late."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    @staticmethod
    def walk(top: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs["followlinks"] = False
        for dirpath, dirnames, filenames in os.walk(top, *args, **kwargs):
            # A name that is not UTF-8 cannot be written into a page or the
            # sitemap (MkDocs fails on it); the loader reports it (KB001).
            dirnames[:] = [d for d in dirnames if named_in_utf8(d)]
            yield dirpath, dirnames, [f for f in filenames if named_in_utf8(f)]


class SitePlugin:
    """The knowledge base, checked and published through one MkDocs build."""

    def __init__(self, mkdocs: MkDocsParts) -> None:
        self.mkdocs = mkdocs
        self._start()

    def _start(self) -> None:
        """The state of one build (see the module's docstring)."""
        self.settings = SiteSettings()
        self.build: SiteBuild | None = None
        self.gate: Gate | None = None
        self.offline = False
        self.directory_urls = True
        #: The pages the knowledge base adds (docs-relative): left out of search.
        self.generated: frozenset[str] = frozenset()
        #: Where the sections of the long generated pages landed (checks/site/paging.py).
        self.anchors = Anchors()
        #: The source of each site file (dest_uri -> src_uri), to name it in gate errors.
        self.sources: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        self.moved: dict[str, str] = {}
        self._walk_restore: Any = None

    # -- configuration ---------------------------------------------------------

    def on_config(self, config: _Config) -> _Config:
        self._start()
        self.settings = self._settings(config.extra.get("kb"))
        root = Path(config.config_file_path).parent
        try:
            build = self.build = SiteBuild.prepare(
                root,
                self._today(),
                use_cache=self.settings.cache,
                repo_url=config.repo_url,
                branch=self.settings.branch,
                edit_uri=config.edit_uri,
                site_url=config.site_url,
                explain_history=self.settings.explain_history,
                link=self._link,
            )
        except (KnowledgeBaseNotFound, ModelUnavailable) as exc:
            # The anonymisation gate cannot run without its language model: the build
            # stops with one line rather than publish unchecked pages.
            raise self.mkdocs.error(f"kb: {exc}") from None
        checked = (root / build.kb.config.docs_dir).resolve()
        if Path(config.docs_dir).resolve() != checked:
            raise self.mkdocs.error(
                f"kb: mkdocs.yml builds {config.docs_dir} but the checks read {checked}; "
                "the docs folder must be inside the repository, and named in mkdocs.yml only"
            )
        host = urlsplit(config.site_url).hostname if config.site_url else None
        self.gate = Gate(self.mkdocs.theme_dir, vendored=VENDORED, site_host=host)
        self._report(build, config.strict)
        # The vocabulary of themes is the tags plugin's allow list: a brief tagged
        # with anything else stops the build. The plugin copies the list in its own
        # on_config (the hook runs this one first), and compares Tag objects; the
        # labels are escaped as on_page_markdown escapes a page's tags.
        tags, vocabulary = config.plugins.get("material/tags"), build.theme_vocabulary()
        if tags is not None and vocabulary is not None:
            tags.config.tags_allowed = {self.mkdocs.tag(plain(t)) for t in vocabulary}
        return config

    def _settings(self, raw: object) -> SiteSettings:
        try:
            return SiteSettings.model_validate(raw or {})
        except ValidationError as exc:
            where = ", ".join(
                f"{'.'.join(['extra', 'kb', *map(str, e['loc'])])}: {e['msg']}"
                for e in exc.errors()
            )
            raise self.mkdocs.error(f"kb: mkdocs.yml: {where}") from None

    def _today(self) -> date:
        """``KB_AS_OF``, as for ``kb check``, else the real date (the only clock read)."""
        value = os.environ.get("KB_AS_OF")
        if not value:
            return date.today()
        try:
            return parse_date(value)
        except DateError as exc:
            raise self.mkdocs.error(f"kb: KB_AS_OF: {exc}") from None

    def _report(self, build: SiteBuild, strict: bool) -> None:
        errors = 0
        for f in build.result.findings:
            text = f"kb: {f.file}:{f.line}: {f.code} {f.message}"
            if f.severity is Severity.ERROR:
                errors += 1
                log.error(f"{text} (error)")
            else:
                log.info(text)
        log.info(f"kb: {build.summary()}")
        if errors and strict:
            # Decided here, not by MkDocs' count of logged warnings, which `-q`
            # empties; and before anything is written to the site folder.
            raise self.mkdocs.abort(f"Aborted with {errors} kb errors in strict mode")

    def on_serve(self, server: Any, config: _Config, builder: object) -> None:
        # MkDocs watches docs/ only; the register, actions, meetings and settings
        # live outside it, and an edit to them must rebuild the site too.
        kb = self._build().kb
        for path in (kb.root / kb.config.data_dir, kb.root / "kb.yaml"):
            if path.exists():
                server.watch(str(path))

    # -- files -----------------------------------------------------------------

    def on_pre_build(self, config: _Config) -> None:
        # MkDocs lists the docs folder between this event and on_files.
        module: Any = self.mkdocs.files_module
        self._walk_restore, module.os = module.os, _WalkWithoutLinks()

    def on_build_error(self, error: Exception) -> None:
        self._restore_walk()

    def _restore_walk(self) -> None:
        if self._walk_restore is not None:
            module: Any = self.mkdocs.files_module
            module.os, self._walk_restore = self._walk_restore, None

    def on_files(self, files: Any, config: _Config) -> Any:
        self._restore_walk()
        build = self._build()
        self._offline_settings(config)
        # Confidentiality first: only what is allowed stays (pages that loaded and
        # may be published, images and style sheets, vendored files), before
        # anything (page, search index, sitemap) sees the rest.
        extra = frozenset(build.kb.config.publish_types)
        # A file whose name could identify someone is held back whatever kb.yaml
        # says of SEC004, and not named in the log, like a file withheld for a
        # finding (ANO001 reads the text even an image carries); a page's link or
        # image to it loses its target (checks/site/hidden_links.py).
        build.hidden |= {p.removeprefix(build.docs_prefix) for p in identifying_names(build.kb)}
        refused = refused_files(
            files, Path(config.docs_dir), build.pages, extra, frozenset(build.hidden)
        )
        for file, why in refused:
            files.remove(file)
            if why is not None:
                log.error(f"kb: docs/{file.src_uri} is not published: {why} (error)")
        held = sum(1 for _, why in refused if why is None)
        if held:
            log.info(
                f"kb: {held} pages and files held back (drafts, embargoed, invalid or unsafe, "
                "or named in a way that could identify someone)"
            )
        # A new file's address holds no word nobody has vetted (checks/site/masked_paths.py).
        self.moved = mask_addresses(files, Path(config.docs_dir), build.unvetted)
        self._urls.update(self.moved)
        pages = build.generated()
        self.generated = frozenset(pages)
        self.anchors = Anchors.of(pages)
        for src_uri, content in pages.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                log.warning(f"kb: docs/{src_uri} is replaced by the generated page of that name")
                files.remove(existing)
            generated = self.mkdocs.file.generated(config, src_uri, content=content)
            generated.edit_uri = build.edit_path(src_uri)
            files.append(generated)
        self.sources = {f.dest_uri: f.src_uri for f in files}
        return files

    def _offline_settings(self, config: _Config) -> None:
        """Read once every plugin's on_config has run: the offline plugin turns
        directory URLs off in its own, and adds a polyfill from a CDN (an intranet
        serves its own copy)."""
        self.directory_urls = bool(config.use_directory_urls)
        offline = config.plugins.get("material/offline")
        self.offline = bool(offline is not None and offline.config.enabled)
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [
            LOCAL_IFRAME_WORKER if "iframe-worker" in url else url for url in polyfills
        ]

    def _url(self, src_uri: str) -> str:
        """The site URL of a docs page, as MkDocs' File makes it."""
        url = self._urls.get(src_uri)
        if url is None:
            url = self._urls[src_uri] = self.mkdocs.file(src_uri, None, "", self.directory_urls).url
        return url

    def _link(self, target: str, page: str) -> str:
        """A link written as HTML from docs page ``page`` to ``target`` (which may
        end in ``#anchor``): MkDocs rewrites links only in Markdown."""
        path, hash_, anchor = self.anchors.resolve(target).partition("#")
        return self.mkdocs.relative_url(self._url(path), self._url(page)) + hash_ + anchor

    # -- pages -----------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Any, config: _Config, files: Any) -> str:
        build = self._build()
        # The theme prints front matter into templates without escaping: it sees only
        # the keys it needs, as plain text (`template`, `author` and the records' own
        # fields never reach it; a record's `status` is shown in the page's banner).
        page.meta, _ = page_meta(page.meta)
        tags = [plain(t) for t in build.tags(page.file.src_uri)]
        if tags:
            page.meta["tags"] = tags
        if self.offline and not searched(page.file.src_uri, self.generated):
            # The offline copy searches with Material's index: the data pages are
            # left out of it, as they are out of Pagefind's.
            page.meta["search"] = {"exclude": True}
        # A link to a withheld page would print its file name (checks/site/hidden_links.py).
        markdown = without_hidden_links(markdown, page.file.src_uri, build.hidden)
        # So would an id nobody has vetted (checks/site/masked_paths.py).
        markdown = mask_fragments(markdown, build.unvetted)
        # Links to a section of a long generated page go to the page it is on.
        return self.anchors.in_markdown(
            build.decorate(page.file.src_uri, markdown), page.file.src_uri
        )

    def on_page_content(self, html: str, page: Any, config: _Config, files: Any) -> str:
        html = clean_content(html)
        # A title from the first heading is unescaped text, and the theme prints it
        # raw (or through `striptags`, which unescapes): kept in meta, escaped once,
        # it is printed as it is everywhere.
        if page.title is not None:
            title = page.title
            if page.file.src_uri in self.moved:
                # A page with no title of its own is titled from its file name.
                title = self._build().unvetted.mask(title)
            page.title = page.meta["title"] = plain(title)
        _plain_toc(page.toc)
        return html

    def on_env(self, env: Any, config: _Config, files: Any) -> Any:
        # The partnership's own "page not found" page (custom_dir) is left alone.
        custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        if custom is not None and (custom / "404.html").exists():
            return env
        # The "page not found" page, with ways on instead of Material's bare heading.
        urls = {f.src_uri: f.url for f in files.documentation_pages()}
        env.globals["kb_not_found"] = lambda base_url: not_found_html(base_url, urls)
        theme = env.loader
        env.loader = ChoiceLoader(
            [DictLoader({"404.html": NOT_FOUND}), PrefixLoader({"kb-theme": theme}), theme]
        )
        return env

    def on_post_page(self, output: str, page: Any, config: _Config) -> str:
        # A second layer behind the output gate; a copy for the file system has no
        # origin for the policy to name (checks/site/csp.py).
        if self.gate is None or self.offline:
            return output
        # Pagefind's interface on every page; practitioners' pages marked for its index.
        marks = marks_for(self._build(), page.file.src_uri, page.title or "", self.generated)
        output = with_search(note_unsearched(output), page.url.count("/"), marks)
        return with_policy(output, self.gate.theme_script)

    def on_post_template(self, output_content: str, template_name: str, config: _Config) -> str:
        # The "page not found" page is a template, not a page: it gets the policy too.
        if self.gate is None or self.offline or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content, self.gate.theme_script)

    # -- after the build -------------------------------------------------------

    def on_post_build(self, config: _Config) -> None:
        # The search index is built from the finished pages, so it holds only what
        # was published; the output gate then reads it with everything else.
        if not self.offline:
            index_site(Path(config.site_dir))
        self.gate_site(Path(config.site_dir), config.strict)

    def gate_site(self, site: Path, strict: bool) -> None:
        """The output gate: read every published file against the allow list,
        withhold what fails, and fail a strict build (checks.site.gate)."""
        assert self.gate is not None
        violations = self.gate.inspect(site)
        for v in violations:
            source = self.sources.get(v.path, "the theme or a plugin")
            log.error(f"kb: {v.path} (from {source}) {v.what}; it is withheld (error)")
            withhold(site, v)
        # What failed is gone from the site either way; a strict build (CI) fails,
        # and `mkdocs serve` keeps serving the rest.
        if violations and strict:
            raise self.mkdocs.abort(
                f"Aborted: {len(violations)} published files failed the output gate"
            )

    def _build(self) -> SiteBuild:
        if self.build is None:
            raise self.mkdocs.error("kb: the knowledge base was not loaded (no on_config)")
        return self.build


def _plain_toc(items: Any) -> None:
    for item in items or ():
        item.title = plain(item.title)
        _plain_toc(getattr(item, "children", None))


def withhold(site: Path, violation: Violation) -> None:
    """Remove what failed the gate: a search document from the index, or the file."""
    path = site / violation.path
    if violation.locations and path.suffix == ".json":
        index = json.loads(path.read_text(encoding="utf-8"))
        drop = set(violation.locations)
        index["docs"] = [d for d in index["docs"] if d.get("location") not in drop]
        path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    elif path.is_symlink() or path.is_file():
        path.unlink()
