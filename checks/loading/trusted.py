"""The trusted copy of a knowledge base: what a pull request's checks compare with.

On a pull request, CI checks out the target branch beside the change (the
template in checks/authoring/templates/kb.yml puts it in ``../trusted``) and
names it in ``KB_TRUSTED``. The change's own kb.yaml and data/partnership.yaml
are untrusted: a pull request could list a child's initials as a "public name"
or an agency's short name and so let them through in its own build. The checks
that allow text on purpose (ANO001) count only what the trusted copy allows too.

A ``KB_TRUSTED`` that is not a knowledge base fails closed: the trusted copy is
then an empty one, which allows nothing of the partnership's own.
"""

from __future__ import annotations

import os
from pathlib import Path

from checks.model.config import Config
from checks.model.knowledge_base import KnowledgeBase

#: The environment variable naming the trusted copy's folder.
TRUSTED_ENV = "KB_TRUSTED"


def trusted_folder(root: Path) -> Path | None:
    """The folder ``KB_TRUSTED`` names (relative to the working directory), unless
    it is unset, empty, or ``root`` itself."""
    value = os.environ.get(TRUSTED_ENV, "").strip()
    if not value:
        return None
    folder = Path(value).resolve()
    return None if folder == root.resolve() else folder


def empty(root: Path) -> KnowledgeBase:
    """A knowledge base with nothing in it: allows nothing of a partnership's own."""
    return KnowledgeBase(root=root, config=Config())
