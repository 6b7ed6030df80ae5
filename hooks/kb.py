"""MkDocs hooks: the site's entry point. Every event goes to the site layer
(checks/site/plugin.py), which is given the parts of MkDocs and Material it
uses: the ``checks`` package never imports them. Hooks are not reloaded by
``mkdocs serve``, so nothing else belongs here.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import material
from material.plugins.tags.structure.tag import Tag
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure import files as mkdocs_files
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from checks.site.plugin import MkDocsParts, SitePlugin

site = SitePlugin(
    MkDocsParts(
        abort=Abort,
        error=PluginError,
        file=File,
        relative_url=get_relative_url,
        files_module=mkdocs_files,
        tag=Tag,
        theme_dir=Path(material.__file__).parent / "templates",
    )
)

# Before the tags plugin's on_config, which copies its allow list (the themes).
on_config = event_priority(100)(partial(site.on_config))
# Before any other plugin sees a file: what may not be published is removed first.
on_files = event_priority(100)(partial(site.on_files))
# Before the tags plugin (-50) reads the themes this sets as the page's tags.
on_page_markdown = event_priority(50)(partial(site.on_page_markdown))
# First: the search plugin and the theme see only sanitised HTML.
on_page_content = event_priority(100)(partial(site.on_page_content))
# Pagefind indexes the finished pages, then the output gate reads every file. In
# the offline copy: after Material's search plugin (0) writes its index, before
# the offline plugin (-100) inlines it.
on_post_build = event_priority(-50)(partial(site.on_post_build))
on_pre_build = site.on_pre_build
on_build_error = site.on_build_error
on_serve = site.on_serve
on_env = site.on_env
on_post_page = site.on_post_page
on_post_template = site.on_post_template
