"""The output gate: every file of the built site, checked against an allow list.

The sanitiser (:mod:`checks.site.sanitise`) decides what a page may hold before
the theme renders it; this gate does not trust that it worked. After the build
it reads every file written to the site folder and allows only:

- HTML whose elements and attributes are in :data:`ELEMENTS` and
  :data:`ATTRIBUTES`, with no event handler, links only to the site or by
  :data:`LINK_SCHEMES`, and every resource (image, style sheet, script, icon)
  from the site itself;
- scripts that are the theme's own: files byte-identical to one the theme ships,
  and inline scripts that match one of the theme's own script templates;
- style sheets that load nothing from another host;
- the search index, sitemap and calendar, read as what they are, and
  Pagefind's search bundle by exact name and hash (checks/site/pagefind_files.py);
- images whose bytes are what their names say, and SVG with nothing that runs;
- files the project vendors, by their SHA-256.

Anything else is a :class:`Violation`, naming the file and the source page it
was built from; the hook deletes the file (and its search entries) and fails
the build. The gate imports no MkDocs: the hook hands it the theme's folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from checks.site import pagefind_files
from checks.site.sanitise import ATTRIBUTES as CONTENT_ATTRIBUTES
from checks.site.sanitise import LINK_SCHEMES, TAGS, is_relative_url
from checks.site.stylesheet import declarations_problems, stylesheet_problems

#: Elements of a finished page: the content's (sanitise.TAGS), the theme's
#: structure, and the SVG the theme draws its icons and the site its charts with.
ELEMENTS = TAGS | frozenset(
    """html head body title meta link script header footer main article aside section
    nav form input label button svg path g circle rect line polyline polygon ellipse
    defs desc text tspan clippath lineargradient stop symbol use""".split()
)

#: Attributes allowed on any element of a finished page; `aria-*` and `data-*`
#: (the theme's own state) also, and nothing starting with "on".
ATTRIBUTES = frozenset(
    set().union(*CONTENT_ATTRIBUTES.values())
    | set(
        """charset content name rel href src type tabindex hidden for checked placeholder
        autocapitalize autocomplete autocorrect spellcheck required rel viewbox xmlns d
        fill stroke stroke-width stroke-linecap stroke-linejoin stroke-dasharray opacity
        fill-opacity x y x1 y1 x2 y2 cx cy r rx ry points transform text-anchor font-size
        font-weight dominant-baseline focusable version preserveaspectratio offset
        stop-color clip-path aria-hidden xmlns:xlink http-equiv""".split()
    )
)

#: <link rel> values the theme writes; each href must stay on the site.
LINK_RELS = frozenset({"stylesheet", "icon", "canonical", "prev", "next", "alternate"})
#: <meta name> values the theme writes. The only http-equiv is the site's own
#: policy (checks.site.csp): never refresh, cookies or another policy.
META_NAMES = frozenset({"viewport", "description", "author", "generator"})
CSP_START = "default-src 'self'; script-src 'self'"
_STYLE = re.compile(r"^\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*$", re.I)

IMAGE_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".ico": (b"\x00\x00\x01\x00",),
}

SVG_ELEMENTS = frozenset(
    """svg path g circle rect line polyline polygon ellipse defs desc title text tspan
    clippath lineargradient radialgradient stop symbol use""".split()
)


@dataclass(frozen=True)
class Violation:
    """A published file, or a part of one, that the allow list does not cover."""

    path: str  # relative to the site folder
    what: str
    #: the search index is cut, not deleted: the locations whose entries go
    locations: tuple[str, ...] = ()


@dataclass
class Gate:
    """The allow list for one build.

    ``theme_dir`` is the theme's own template folder (never the partnership's
    overrides, which a pull request can change); ``vendored`` maps site paths of
    files the project ships itself to their SHA-256; ``site_host`` is the host the
    site is published on, if known, for canonical links and the sitemap.
    """

    theme_dir: Path
    vendored: Mapping[str, str] = field(default_factory=dict)
    site_host: str | None = None
    _theme_hashes: frozenset[str] = field(init=False)
    _inline: tuple[re.Pattern[str], ...] = field(init=False)
    #: Each distinct element's verdict, by (tag, attributes, script text): every
    #: page repeats the theme's header, navigation and footer, so a build of
    #: 1,000 pages has about 300,000 elements but only about 8,000 distinct ones.
    _verdicts: dict[tuple[str, tuple[tuple[str, str | None], ...], str], tuple[str, ...]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self._theme_hashes = frozenset(
            _sha256(p.read_bytes())
            for p in sorted((self.theme_dir / "assets").rglob("*"))
            if p.is_file() and not p.is_symlink()
        )
        self._inline = tuple(theme_scripts(self.theme_dir))

    # -- the whole site ------------------------------------------------------------

    def inspect(self, site: Path) -> list[Violation]:
        """Every violation in the site folder, file by file, in path order."""
        found: list[Violation] = []
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_symlink() or (not path.is_file() and not path.is_dir()):
                found.append(Violation(rel, "is a link or a special file"))
            elif path.is_file():
                found.extend(Violation(rel, what) for what in self.file(rel, path.read_bytes()))
        found.extend(self.search_index(site))
        return found

    def file(self, rel: str, data: bytes) -> Iterator[str]:
        """What is wrong with one file, by its kind."""
        digest = _sha256(data)
        if digest in self._theme_hashes or self.vendored.get(rel) == digest:
            return  # the theme's own file, or one the project ships, unchanged
        suffix = PurePosixPath(rel).suffix.lower()
        name = PurePosixPath(rel).name
        if rel in ("search/search_index.json", "search/search_index.js"):
            return  # read with every page's entries (search_index)
        if rel.startswith(f"{pagefind_files.BUNDLE}/") and rel != pagefind_files.ENTRY:
            yield from pagefind_files.problems(rel, data, digest)
            return
        if name == "sitemap.xml.gz":
            unpacked = sitemap_gz(data)
            if unpacked is None:
                yield "is not a compressed sitemap"
            else:
                yield from self.sitemap(unpacked)
            return
        text = _text(data)
        if suffix in IMAGE_MAGIC:
            if not data.startswith(IMAGE_MAGIC[suffix]):
                yield f"is not the {suffix} image its name says"
        elif text is None:
            yield "is not UTF-8 text, nor an image type the site publishes"
        elif suffix == ".html":
            yield from self.html(text, rel)
        elif suffix == ".css":
            yield from css(text, rel)
        elif suffix == ".svg":
            yield from svg(text)
        elif name == "sitemap.xml":
            yield from self.sitemap(text)
        elif suffix == ".ics":
            yield from calendar(text)
        elif suffix == ".js":
            yield "is a script that is not the theme's own"
        elif suffix == ".json":
            yield from self.json_data(text)
        else:
            yield f"is a {suffix or 'extensionless'} file, which the site does not publish"

    # -- HTML ------------------------------------------------------------------------

    def html(self, text: str, rel: str, fragment: bool = False) -> Iterator[str]:
        tree = LexborHTMLParser(text)
        root = tree.body if fragment else tree.root
        if root is None:
            return
        seen: set[str] = set()
        for node in root.traverse(include_text=False):
            tag = node.tag or ""
            if tag.startswith("-"):  # -comment, -text, -doctype
                continue
            # What an element may hold depends only on these three, never on the
            # page: each distinct one is judged once per build.
            key = (
                tag,
                tuple(node.attributes.items()),
                node.text(deep=True) if tag == "script" else "",
            )
            verdict = self._verdicts.get(key)
            if verdict is None:
                verdict = self._verdicts[key] = tuple(self.element(*key))
            for what in verdict:
                if what not in seen:
                    seen.add(what)
                    yield what

    def element(
        self, tag: str, attributes: Iterable[tuple[str, str | None]], body: str
    ) -> Iterator[str]:
        """What is wrong with one element: its tag, its attributes as the parser
        gives them, and (a script) its text."""
        if tag not in ELEMENTS:
            yield f"has a <{tag}> element"
            return
        attrs = {k.lower(): v or "" for k, v in attributes}
        for name, value in attrs.items():
            if name.startswith("on"):
                yield f"has an event handler ({name}=) on <{tag}>"
            elif not (name in ATTRIBUTES or name.startswith(("aria-", "data-"))):
                yield f"has a {name}= attribute on <{tag}>"
            elif name == "style" and not _STYLE.match(value):
                yield f"has a style= attribute on <{tag}> that is not a text alignment"
        yield from self.urls(tag, attrs)
        if tag == "script":
            yield from self.script(body, attrs)
        elif tag == "meta":
            yield from self.meta(attrs)
        elif tag == "link" and not set(attrs.get("rel", "").lower().split()) <= LINK_RELS:
            yield f"has a <link rel={attrs.get('rel', '')}>"
        elif tag == "form" and ({"action", "method"} & attrs.keys()):
            yield "has a form that submits somewhere"

    def meta(self, attrs: Mapping[str, str]) -> Iterator[str]:
        if "name" in attrs and attrs["name"].lower() not in META_NAMES:
            yield f"has a <meta name={attrs['name']}>"
        equiv = attrs.get("http-equiv")
        if equiv is not None and (
            equiv.lower() != "content-security-policy"
            or not attrs.get("content", "").startswith(CSP_START)
        ):
            yield f"has a <meta http-equiv={equiv}>"

    def urls(self, tag: str, attrs: Mapping[str, str]) -> Iterator[str]:
        href, src = attrs.get("href"), attrs.get("src")
        if href is not None:
            if tag == "a":
                if not (is_relative_url(href) or _scheme(href) in LINK_SCHEMES):
                    yield f"links to {_short(href)}"
            elif tag in ("use",):
                if not href.startswith("#"):
                    yield f"has a <{tag}> that points outside the page"
            elif not self.local(href, own_host_ok=tag == "link"):
                yield f"loads <{tag}> from {_short(href)}"
        if src is not None and not is_relative_url(src):
            yield f"loads <{tag}> from {_short(src)}"

    def local(self, url: str, own_host_ok: bool = False) -> bool:
        """A URL on this site: relative, or (for a canonical link) the site's own host."""
        if is_relative_url(url):
            return True
        parts = urlsplit(url.strip())
        return (
            own_host_ok and parts.scheme in ("http", "https") and parts.hostname == self.site_host
        )

    def script(self, body: str, attrs: Mapping[str, str]) -> Iterator[str]:
        if "src" in attrs:
            if body.strip():
                yield "has a script with both a source and text"
            return  # the file it names is checked as a file: only the theme's own pass
        if attrs.get("type", "").lower() == "application/json":
            yield from self.config_json(body)
        elif not self.theme_script(body):
            yield "has an inline script that is not one of the theme's own"

    def theme_script(self, body: str) -> bool:
        """Whether an inline script is one the theme's own templates write."""
        return any(p.fullmatch(body) for p in self._inline)

    def config_json(self, body: str) -> Iterator[str]:
        try:
            data = json.loads(body)
        except ValueError:
            yield "has a JSON script block that is not JSON"
            return
        for value in _strings(data):
            if _looks_like_url(value) and not is_relative_url(value):
                yield f"has a JSON script block naming {_short(value)}"

    def json_data(self, text: str) -> Iterator[str]:
        """Data the theme's plugins export (the tags plugin's tags.json): no markup,
        no address off the site."""
        try:
            data = json.loads(text)
        except ValueError:
            yield "is not JSON"
            return
        for value in _strings(data):
            if "<" in value:
                yield "is JSON with markup in it"
                return
            if _looks_like_url(value) and not is_relative_url(value):
                yield f"is JSON naming {_short(value)}"

    # -- the search index and the sitemap ------------------------------------------

    def search_index(self, site: Path) -> Iterator[Violation]:
        for name in ("search/search_index.json", "search/search_index.js"):
            path = site / name
            if not path.is_file():
                continue
            text = _text(path.read_bytes()) or ""
            if name.endswith(".js"):
                text = text.removeprefix("var __index = ").rstrip().rstrip(";")
            try:
                index = json.loads(text)
            except ValueError:
                yield Violation(name, "is not a search index")
                continue
            docs = index.get("docs") if isinstance(index, dict) else None
            if not isinstance(docs, list):
                yield Violation(name, "is not a search index")
                continue
            bad: list[str] = []
            whats: list[str] = []
            for doc in docs:
                problems = list(self.search_doc(doc))
                if problems:
                    bad.append(str(doc.get("location", "")) if isinstance(doc, dict) else "")
                    whats.extend(problems)
            if bad:
                yield Violation(name, f"has entries that {whats[0]}", tuple(bad))

    def search_doc(self, doc: Any) -> Iterator[str]:
        if not isinstance(doc, dict):
            yield "are not search entries"
            return
        location = doc.get("location", "")
        if not isinstance(location, str) or not is_relative_url(location):
            yield "point off the site"
        for key in ("title", "text"):
            value = doc.get(key, "")
            if isinstance(value, str) and ("<" in value or "&" in value):
                # Material's search shows these as HTML.
                for what in self.html(value, "search", fragment=True):
                    yield what.replace("has ", "hold ", 1)

    def sitemap(self, text: str) -> Iterator[str]:
        try:
            tree = ET.fromstring(text)
        except ET.ParseError:
            yield "is not a sitemap"
            return
        for node in tree.iter():
            loc = node.text if node.tag.rsplit("}", 1)[-1] == "loc" else None
            if loc and loc != "None" and not self.local(loc, own_host_ok=True):
                yield f"lists {_short(loc)}"


def theme_scripts(theme_dir: Path) -> Iterator[re.Pattern[str]]:
    """The inline scripts the theme's own templates write, as patterns.

    A template value (``{{ base_url }}``) may stand only for a path on the site:
    letters, digits and ``./_-``, never a quote, a colon or a backslash. The
    templates are the installed theme's, so a new release of the theme brings
    its own scripts with it.
    """
    for template in sorted((theme_dir / "partials" / "javascripts").glob("*.html")):
        source = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script>(.*?)</script>", source, re.S):
            parts = re.split(r"\{\{.*?\}\}", match.group(1))
            yield re.compile(r"[A-Za-z0-9_./-]*".join(re.escape(p) for p in parts))


def css(text: str, rel: str) -> Iterator[str]:
    """A style sheet that is not the theme's own may load nothing from elsewhere
    (checks/site/stylesheet.py reads it as a browser does)."""
    yield from stylesheet_problems(text)


def svg(text: str) -> Iterator[str]:
    """An SVG file: drawing elements only, no script, no events, no links out."""
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        yield "is an SVG with a document type declaration"
        return
    # A processing instruction such as <?xml-stylesheet href=...?> is followed by
    # browsers, before or inside the drawing: the pull parser reports every one.
    parser: ET.XMLPullParser[Any] = ET.XMLPullParser(events=("pi",))
    try:
        parser.feed(text)
        parser.close()
        if any(True for _ in parser.read_events()):
            yield "is an SVG with a processing instruction"
            return
        tree = ET.fromstring(text)
    except ET.ParseError:
        yield "is not a well-formed SVG"
        return
    for node in tree.iter():
        tag = node.tag.rsplit("}", 1)[-1].lower() if isinstance(node.tag, str) else ""
        if tag not in SVG_ELEMENTS:
            yield f"is an SVG with a <{tag}> element"
        for name, value in node.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                yield f"is an SVG with an event handler ({local}=)"
            elif local == "href" and not value.startswith("#"):
                yield "is an SVG that points outside itself"
            elif local == "style" and any(declarations_problems(value)):
                yield "is an SVG with a style that loads or runs something"


def calendar(text: str) -> Iterator[str]:
    """The deadlines calendar: plain iCalendar, no attachments or addresses elsewhere."""
    if not text.startswith("BEGIN:VCALENDAR"):
        yield "is not an iCalendar file"
    for line in text.splitlines():
        name = line.split(":", 1)[0].split(";", 1)[0].upper()
        if name in ("ATTACH", "URL", "IMAGE", "CONFERENCE"):
            yield f"has a {name} line"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _scheme(url: str) -> str:
    value = re.sub(r"[\x00-\x20]", "", url)
    return value.split(":", 1)[0].lower() if ":" in value else ""


def _looks_like_url(value: str) -> bool:
    return bool(re.match(r"^\s*([a-z][a-z0-9+.-]*:|//|\\\\)", value, re.I))


def _short(url: str) -> str:
    """Where a URL points, without the URL: the build log is read by many, and a
    URL can carry what it was meant to send (a name, a token)."""
    value = re.sub(r"[\x00-\x20]", "", url).replace("\\", "/")
    scheme = _scheme(value)
    if scheme in ("javascript", "vbscript", "data", "file"):
        return f"a {scheme}: address"
    return "another host" if scheme in ("", "http", "https") else "another address"


def _strings(data: Any) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def sitemap_gz(data: bytes) -> str | None:
    """The text of a compressed sitemap, or None if it is not gzip."""
    try:
        return gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        return None
