"""Links from the dashboard to a finding's line in the repository's web view.

Each host writes a file's address, and a line within it, its own way. The host
is told from mkdocs.yml's ``repo_url`` (github.com, gitlab.com, bitbucket.org,
or a host named for one of them, as self-hosted GitLab usually is) and, failing
that, from its ``edit_uri``: ``edit/...`` is the GitHub and GitLab form (MkDocs'
own default for both), ``-/edit/...`` GitLab's. A host that cannot be told gets
a link to the file without a line: a wrong anchor would land on the wrong line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, urlsplit

Host = Literal["github", "gitlab", "bitbucket", "unknown"]

#: A function from a repository path and a line to the address that shows it.
SourceOf = Callable[[str, int], str | None]

_NAMED: tuple[Host, ...] = ("github", "gitlab", "bitbucket")


def host_kind(repo_url: str, edit_uri: str | None) -> Host:
    """What kind of host ``repo_url`` is, by its name, then by ``edit_uri``."""
    host = (urlsplit(repo_url).hostname or "").lower()
    labels = host.split(".")
    for kind in _NAMED:
        if kind in labels:
            return kind
    edit = (edit_uri or "").lstrip("/")
    if edit.startswith("-/edit/"):
        return "gitlab"
    if edit.startswith("edit/"):
        return "github"  # GitHub's form; GitLab answers it too
    return "unknown"


@dataclass(frozen=True, slots=True)
class SourceLinks:
    repo_url: str | None
    branch: str = "main"
    edit_uri: str | None = None

    def __call__(self, path: str, line: int) -> str | None:
        """The address of ``path`` at ``line`` on the branch the site is built from."""
        if not self.repo_url:
            return None
        base = self.repo_url.rstrip("/")
        where = quote(path)
        kind = host_kind(self.repo_url, self.edit_uri)
        if kind == "bitbucket":
            return f"{base}/src/{self.branch}/{where}" + (f"#lines-{line}" if line > 0 else "")
        blob = "-/blob" if kind == "gitlab" else "blob"
        anchor = f"#L{line}" if line > 0 and kind != "unknown" else ""
        return f"{base}/{blob}/{self.branch}/{where}{anchor}"
