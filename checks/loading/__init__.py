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

from pathlib import Path

from checks.loading.data import load_data
from checks.loading.docs import load_docs
from checks.loading.reader import INVALID, Reader
from checks.loading.site_config import site_docs_dir
from checks.loading.trusted import empty, trusted_folder
from checks.model.config import Config
from checks.model.knowledge_base import KnowledgeBase
from checks.model.yaml_source import LineDict

CONFIG_FILE = "kb.yaml"

__all__ = [
    "CONFIG_FILE",
    "KnowledgeBaseNotFound",
    "load",
    "load_config",
]


class KnowledgeBaseNotFound(Exception):
    """The path is not a knowledge base at all (exit code 2)."""


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


def load(root: Path | str) -> KnowledgeBase:
    """Load the knowledge base under ``root``. Only a folder that is not a
    knowledge base raises (:class:`KnowledgeBaseNotFound`).

    Where ``KB_TRUSTED`` names another folder (a pull request's target branch),
    that copy is loaded too, as ``kb.trusted`` (see :mod:`checks.loading.trusted`)."""
    kb = _load(Path(root))
    folder = trusted_folder(kb.root)
    if folder is not None:
        try:
            kb.trusted = _load(folder)
        except KnowledgeBaseNotFound:
            kb.trusted = empty(folder)
    return kb


def _load(root: Path) -> KnowledgeBase:
    if not root.is_dir():
        raise KnowledgeBaseNotFound(f"{root} is not a folder")
    loader = Reader(root)
    config = load_config(root, loader)
    loader.max_bytes = int(config.max_file_mb * 1024 * 1024)
    data_dir, docs_dir = root / config.data_dir, root / config.docs_dir
    if not data_dir.is_dir() and not docs_dir.is_dir():
        raise KnowledgeBaseNotFound(
            f"{root} has neither a {config.data_dir}/ nor a {config.docs_dir}/ folder; "
            "is this a knowledge base?"
        )
    kb = KnowledgeBase(root=root, config=config)
    # Links and special files are reported before anything is read, so that
    # nothing reads through them (Reader.read_bytes refuses them again).
    loader.refuse_all(data_dir)
    loader.refuse_all(docs_dir)
    load_data(loader, kb, data_dir)
    load_docs(loader, kb, docs_dir)
    kb.load_problems = loader.problems
    kb.files_read = loader.files_read
    return kb
