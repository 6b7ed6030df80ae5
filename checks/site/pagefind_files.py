"""What the output gate admits of Pagefind's search bundle (``site/pagefind/``).

Pagefind's indexer writes the search bundle after the build. Nothing in it is
taken on trust, and nothing a contributor writes can widen what it admits:

- its scripts, style sheet and WebAssembly by exact name and SHA-256
  (:data:`PINNED`, Pagefind 1.5.2's own files: another version fails the gate
  until the pins are updated with it);
- its data files by exact name pattern (:data:`_DATA`), each one compressed
  with Pagefind's signature, its filters free of markup (the interface writes
  filter names and values with ``innerHTML``; everything else as text) and
  every address in it a path on this site;
- ``pagefind-entry.json`` as JSON data (checked by the gate like any other).

Anything else under ``pagefind/`` is refused.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from typing import Any

from checks.site.sanitise import is_relative_url

#: The bundle's folder in the site.
BUNDLE = "pagefind"

#: The bundle's description (version, languages): read by the gate as JSON data.
ENTRY = f"{BUNDLE}/pagefind-entry.json"

#: Pagefind 1.5.2's own files, as its indexer writes them, by SHA-256.
PINNED: dict[str, str] = {
    "pagefind/pagefind.js": "252d272bd34d483d19a752060f6a065114d15ab12c42d8f905ca565e2768a009",
    "pagefind/pagefind-worker.js": (
        "4ca50d25bcab9e1c3afbc00ab5f7761114e83c8fc1b83d38655af1558b650c2a"
    ),
    "pagefind/pagefind-ui.js": "2efa93f2e80a199ca742a69bd4cfffabc5c591ebe7763f64f7c655fd00d2209f",
    "pagefind/pagefind-ui.css": "e113b816110ed07b017613e901addfe635350f2a5b84990aa76c91a74b158084",
    "pagefind/wasm.en.pagefind": (
        "bb16c9e6d3d214d4d05cccca51df7b487b86b3657318da767f6ca9e0a2e7259d"
    ),
}

#: The index's data files: the index chunks, one fragment per page, the filters
#: and the metadata, each named by language (English only: the build forces it)
#: and a hash.
_DATA = re.compile(
    r"^pagefind/(?:index/en_[0-9a-f]{1,40}\.pf_index|fragment/en_[0-9a-f]{1,40}\.pf_fragment"
    r"|filter/en_[0-9a-f]{1,40}\.pf_filter|pagefind\.en_[0-9a-f]{1,40}\.pf_meta)$"
)
_SIGNATURE = b"pagefind_dcd"
#: No data file of a knowledge base comes near this once unpacked; a larger one
#: is refused rather than unpacked (a small file can unpack to gigabytes).
_MAX_UNPACKED = 64 * 1024 * 1024
_PATH = re.compile(r"^/(?!/)[^\\\s:<>\"']*$")
_META_KEYS = frozenset({"title", "image", "image_alt"})
_FRAGMENT_KEYS = frozenset({"url", "content", "word_count", "filters", "meta", "anchors"})


def problems(rel: str, data: bytes, digest: str) -> Iterator[str]:
    """What is wrong with one file of the bundle (``digest``: its SHA-256)."""
    if rel in PINNED:
        if PINNED[rel] != digest:
            yield "is not Pagefind 1.5.2's own file of that name"
        return
    if not _DATA.match(rel):
        yield "is not a file of Pagefind's search index"
        return
    body = _unpack(data)
    if body is None or not body.startswith(_SIGNATURE):
        yield "is not Pagefind index data"
        return
    body = body[len(_SIGNATURE) :]
    if rel.endswith(".pf_fragment"):
        yield from _fragment(body)
    else:
        strings = cbor_strings(body)
        if strings is None:
            yield "is not Pagefind index data"
        elif rel.endswith(".pf_filter") and any("<" in s for s in strings):
            yield "is search data with markup in it"


def _unpack(data: bytes) -> bytes | None:
    try:
        unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip
        body = unpacker.decompress(data, _MAX_UNPACKED)
        if unpacker.unconsumed_tail:
            return None
        return body
    except (zlib.error, gzip.BadGzipFile, EOFError):
        return None


def _fragment(body: bytes) -> Iterator[str]:
    """One page's search document: its address, text, filters and metadata."""
    try:
        doc = json.loads(body)
    except ValueError:
        yield "is not a Pagefind fragment"
        return
    if not isinstance(doc, dict) or not set(doc) <= _FRAGMENT_KEYS:
        yield "is not a Pagefind fragment"
        return
    meta = doc.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    url, image = doc.get("url"), meta.get("image")
    if not (isinstance(url, str) and _PATH.match(url)) or not (
        image is None or (isinstance(image, str) and (_PATH.match(image) or is_relative_url(image)))
    ):
        yield "is a search entry that points off the site"
    if not set(meta) <= _META_KEYS:
        yield "is a search entry with metadata the site does not write"
    # Pagefind 1.5.2's interface writes the page text, titles and headings as
    # text (the excerpt escaped first), but filter names and values as HTML.
    if any("<" in s for s in _strings(doc.get("filters"))):
        yield "is a search entry with markup in its filters"


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def cbor_strings(data: bytes) -> list[str] | None:
    """Every text string in a sequence of CBOR items (RFC 8949), or None
    if ``data`` is not well-formed CBOR. Pagefind writes its index, filters and
    metadata in CBOR; the gate needs only the strings in them."""
    out: list[str] = []
    pos = 0
    try:
        while pos < len(data):
            pos = _item(data, pos, out, 0)
    except (IndexError, ValueError, RecursionError):
        return None
    return out


def _item(data: bytes, pos: int, out: list[str], depth: int) -> int:
    if depth > 64:
        raise ValueError("nested too deep")
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        if pos + size > len(data):
            raise ValueError("truncated")
        arg = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    elif info == 31 and major in (2, 3, 4, 5, 7):
        arg = -1  # indefinite length
    else:
        raise ValueError("reserved")
    if major in (0, 1) or (major == 7 and arg != -1):
        return pos
    if major in (2, 3):
        if arg == -1:
            while data[pos] != 0xFF:
                pos = _item(data, pos, out, depth + 1)
            return pos + 1
        if pos + arg > len(data):
            raise ValueError("truncated")
        if major == 3:  # text; a byte string holds no markup the interface shows
            out.append(data[pos : pos + arg].decode("utf-8", errors="replace"))
        return pos + arg
    if major == 6:
        return _item(data, pos, out, depth + 1)
    if major == 7:  # a "break" outside an indefinite item
        raise ValueError("stray break")
    count = arg * (2 if major == 5 else 1)
    if arg == -1:
        while data[pos] != 0xFF:
            pos = _item(data, pos, out, depth + 1)
        return pos + 1
    for _ in range(count):
        pos = _item(data, pos, out, depth + 1)
    return pos
