"""Load a knowledge base from its folder, never raising on bad input.

Every problem becomes a :class:`Problem` with a file, a line and advice, filed
under the ``KB`` rule code that reports it. A bad file (or a bad entry in a list)
is left out, and everything else is still loaded, so one mistake never hides the
findings in the rest of the knowledge base.

- :mod:`~checks.loading.reader`: one file, from bytes to a validated record;
- :mod:`~checks.loading.data`: the data folder (partnership, register, actions...);
- :mod:`~checks.loading.docs`: the Markdown pages and the records in their front matter;
- :mod:`~checks.loading.files`: which files are read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checks.loading.data import load_data
from checks.loading.docs import load_docs
from checks.loading.files import markdown_files, yaml_files
from checks.loading.reader import INVALID, Reader
from checks.loading.site_config import site_docs_dir
from checks.model.config import Config
from checks.model.knowledge_base import KnowledgeBase
from checks.model.yaml_source import LineDict
from checks.speed.cache import ParseCache

CONFIG_FILE = "kb.yaml"

__all__ = [
    "CONFIG_FILE",
    "KnowledgeBaseNotFound",
    "cache_setting",
    "divisible_files",
    "load",
    "load_config",
]


class KnowledgeBaseNotFound(Exception):
    """The path is not a knowledge base at all (exit code 2)."""


def cache_setting(config: Config) -> str:
    """The settings that change what a file parses to (see ParseCache.configure)."""
    return f"data_dir={config.data_dir} docs_dir={config.docs_dir}"


def divisible_files(root: Path, config: Config) -> list[str]:
    """The files a ``share`` divides (action plans, meeting logs and pages), by
    path from the root: the files :func:`load` would read, bar the few read whole."""
    data_dir, docs_dir = root / config.data_dir, root / config.docs_dir
    paths = [
        *yaml_files(data_dir / "actions"),
        *yaml_files(data_dir / "meetings"),
        *(markdown_files(docs_dir) if docs_dir.is_dir() else ()),
    ]
    return [p.relative_to(root).as_posix() for p in paths]


def load_config(root: Path, loader: Reader | None = None) -> Config:
    """kb.yaml's settings, with the docs folder the site is built from.

    The site builds the folder mkdocs.yml names, so that is the one checked: a
    kb.yaml that names another is reported, never followed (otherwise a pull
    request could point the checks at a clean folder and publish another).
    """
    own = loader or Reader(root)
    path = root / CONFIG_FILE
    raw = own.read_yaml(path, required=False) if path.exists() else None
    config = (own.validate(Config, raw, CONFIG_FILE) if raw is not None else None) or Config()
    site_docs = site_docs_dir(root)
    if site_docs is None:
        return config
    if isinstance(raw, LineDict) and "docs_dir" in raw and config.docs_dir != site_docs:
        own.report(
            INVALID,
            CONFIG_FILE,
            raw.key_lines.get("docs_dir", raw.line),
            f"`docs_dir` is {config.docs_dir!r} but mkdocs.yml builds the site from "
            f"{site_docs!r}, which is what is checked; remove `docs_dir` from kb.yaml",
        )
    return config.model_copy(update={"docs_dir": site_docs})


def load(
    root: Path | str,
    cache: ParseCache | None = None,
    share: Callable[[str], bool] | None = None,
) -> KnowledgeBase:
    """Load the knowledge base under ``root``. Only a missing folder raises.

    With a ``cache``, files unchanged since it was saved are not parsed again;
    the caller saves it (after the checks, which memoise into it too). With a
    ``share``, only the action plans, meeting logs and pages it accepts (by path
    from the root) are read: a part of the knowledge base, for filling a cache.
    """
    root = Path(root)
    if not root.is_dir():
        raise KnowledgeBaseNotFound(f"{root} is not a folder")
    loader = Reader(root, cache, share)
    config = load_config(root, loader)
    loader.max_bytes = int(config.max_file_mb * 1024 * 1024)
    if cache is not None:
        cache.configure(cache_setting(config))
    data_dir, docs_dir = root / config.data_dir, root / config.docs_dir
    if not data_dir.is_dir() and not docs_dir.is_dir():
        raise KnowledgeBaseNotFound(
            f"{root} has neither a {config.data_dir}/ nor a {config.docs_dir}/ folder; "
            "is this a knowledge base?"
        )
    kb = KnowledgeBase(root=root, config=config, cache=cache)
    # Links and special files are reported before anything is read, so that
    # nothing reads through them (Reader.read_bytes refuses them again).
    loader.refuse_all(data_dir)
    loader.refuse_all(docs_dir)
    load_data(loader, kb, data_dir)
    load_docs(loader, kb, docs_dir)
    kb.load_problems = loader.problems
    kb.files_read = loader.files_read
    return kb
