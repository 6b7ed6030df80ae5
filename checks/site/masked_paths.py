"""A contributor's new file published at an address that holds no unvetted word.

On a pull request a file's name is chosen as freely as its text: a clean brief
saved as ``docs/briefs/tansy-fennel.md`` (or ``docs/briefs/tansy-fennel/index.md``)
would be published at ``briefs/tansy-fennel/``, and that address reaches the
sitemap, the search index, the page's "edit" link, and every link to the page.
Its words are not prose, so ANO001 does not read them as a name, and English
words are not harmless (checks/rules/unvetted.py).

So each file from the docs folder whose address holds a word the trusted copy
lacks is published at the same address with each such word shown as its
placeholder (``briefs/withheld-3-withheld-4/``), and without an "edit" link. The
page itself is still published: a new page named in ordinary new words must not
be lost. MkDocs resolves a Markdown link by the file it names, so links to the
page follow it; the title MkDocs makes from a file name when a page has none is
masked too (in the plugin's ``on_page_content``).

The same holds for the ids a page writes where no reader sees them: a link's
fragment (``#wennaBolitho``) and an attribute list's id (``{#kensaTrewhella}``)
become the page's anchors, its contents' links and its search index's
(:func:`mask_fragments`).

Outside a pull request nothing is masked: what is merged was reviewed, file
names included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checks.rules.unvetted import Unvetted


def mask_addresses(files: Iterable[Any], docs_dir: Path, unvetted: Unvetted) -> dict[str, str]:
    """Give each of ``files`` (MkDocs' File objects) from ``docs_dir`` whose
    address holds an unvetted word an address without it; return the source
    path -> new URL of each file moved. The theme's own files keep theirs (a
    contributor who writes "bundle" as an id must not rename the theme's script)."""
    moved: dict[str, str] = {}
    if not unvetted:
        return moved
    docs = docs_dir.resolve()
    for file in files:
        if file.generated_by is not None or file.src_dir is None:
            continue  # generated pages are masked where they are made
        if Path(file.src_dir).resolve() != docs:
            continue
        dest = unvetted.mask(file.dest_uri)
        if dest == file.dest_uri:
            continue
        url = unvetted.mask(file.url)
        # Both are cached properties of MkDocs' File, there to be overridden.
        file.dest_uri, file.url = dest, url
        file.edit_uri = None  # the edit link names the source file
        moved[file.src_uri] = url
    return moved


#: The part after ``#`` of a link's target, in Markdown (``](x.md#part)``, a
#: reference ``[r]: x.md#part``) or HTML (``href="#part"``).
_FRAGMENT = re.compile(
    r"(?:\]\(\s*<?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?|\bhref[ \t]*=[ \t]*[\"']?)"
    r"[^\s()<>\"'#]*#(?P<f>[^\s()<>\"']+)",
    re.M | re.I,
)
#: An attribute list (``{#an-id .class}``, ``{: #an-id }``), whose id becomes the
#: element's id, the contents' link and the search index's anchor.
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<f>[^{}\n]*#[^{}\n]*)\}")


def mask_fragments(markdown: str, unvetted: Unvetted) -> str:
    """``markdown`` with each unvetted word in a link's fragment or an attribute
    list's id masked: "#wennaBolitho" and ``{#kensaTrewhella}`` are ids, written
    where no reader sees them, so ANO001 does not read them as prose; a reader
    follows them, and the page's address shows them."""
    if not unvetted:
        return markdown

    def masked(m: re.Match[str]) -> str:
        start, end = m.span("f")
        whole = m.group(0)
        at = start - m.start()
        return whole[:at] + unvetted.mask(m.group("f")) + whole[at + end - start :]

    return _ATTR_LIST.sub(masked, _FRAGMENT.sub(masked, markdown))
