"""Red-team corpus: hostile pull requests against the knowledge base, tested from outside.

Each case in ``tests/redteam/cases.yaml`` is a set of files a contributor could put in a
pull request. For each, the example repository is copied, the case's files are laid over
it, and ``kb check`` and ``mkdocs build`` run as their console scripts would, each in a
process of its own (forked from a warm one: tests/warmrun.py), from the parse cache the
example left, as CI's kept cache would be. Then:

- neither may time out or print a Python traceback;
- the case's ``secret`` (the identifying, draft or embargoed text, or the hostile payload)
  must not be in any byte of the site or of the reports, in any form (raw, HTML-entity
  decoded, URL-decoded, JSON-unescaped, in file names), unless the case says that escaping
  it is enough (``escape_ok``), in which case it may only appear as inert text;
- the markup of every file that differs from the example's is scanned for handlers,
  scripts, script URLs and resources from other hosts that the example does not have;
- for script and request cases, every HTML page that differs is also loaded in Debian's
  Chromium from a local server, and the site's search is typed into: no dialog may open
  and no request may leave 127.0.0.1;
- no page of the example is lost;
- ``loosen`` cases must still be reported by ``kb check`` (an error at ``report_file``);
- ``all-clear`` cases must not make the site show zero counts.

Cases that only add new files under docs/ or data/ share one build (a failure is pinned to
a case by its secret or id); the rest get one build each. Builds run two at a time in
threads while the browser checks the previous ones.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gzip
import hashlib
import html
import json
import os
import posixpath
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from warmrun import WarmRunner

from checks.speed.cache import cache_file

REPO = Path(__file__).resolve().parent.parent
CASES_FILE = Path(__file__).resolve().parent / "redteam" / "cases.yaml"
AS_OF = "2026-11-25"
TIMEOUT = 60
TRACEBACK = "Traceback (most recent call last)"
CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
CLASSES = ("script", "request", "leak", "loosen", "crash", "all-clear")
WITHHELD_CLASSES = {"script", "request", "leak", "loosen"}
EXAMPLE_PARTS = ("docs", "data", "hooks", "overrides", "kb.yaml", "mkdocs.yml")
BATCH_SIZE = 30
WORKERS = 2
#: Builds finished ahead of the tests that judge them, at most.
READY_AHEAD = 4

#: What the site must never say after a broken file: the counts it shows when the data
#: that failed to load is simply missing.
ALL_CLEAR_FORBID = {
    "index.html": [
        r"\b0 overdue actions\b",
        r"\b0 late or overdue review",
        r"\b0 terms of reference\b",
        r"(?i)\ball clear\b",
        r"(?i)nothing needs attention",
    ],
    "actions/index.html": [r"\b0 actions\b", r"\b0 overdue\b"],
    "compliance/index.html": [r"\b0 errors\b", r"(?i)\bno findings\b"],
}


# -- the corpus ----------------------------------------------------------------


def _load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in sorted(CASES_FILE.parent.glob("cases*.yaml")):
        cases += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return cases


CASES = _load_cases()
BY_ID = {case["id"]: case for case in CASES}


def _longer_names() -> dict[str, tuple[str, ...]]:
    """For each case's id and secret (lower case), the others that go on from it
    after a hyphen or underscore: what :func:`has` must not mistake for it."""
    names = {n.lower() for c in CASES for n in (c["id"], secret_of(c)) if n}
    return {
        n: tuple(m for m in names if m.startswith((n + "-", n + "_")))
        for n in names
        if any(m.startswith((n + "-", n + "_")) for m in names)
    }


#: Cases the product does not yet pass, each with the reason, kept apart from the
#: corpus (which the red team wrote) by the developers: an expected failure here is
#: a known gap, listed in the README's guarantees, never a silent one.
KNOWN: dict[str, str] = (
    yaml.safe_load((CASES_FILE.parent / "known.yaml").read_text(encoding="utf-8")) or {}
)


#: Controls that cannot publish their marker, each with the reason (see the file).
KNOWN_CONTROLS: dict[str, str] = (
    yaml.safe_load((CASES_FILE.parent / "known_controls.yaml").read_text(encoding="utf-8")) or {}
)


def has(hay: str, needle: str, fold: bool = True) -> bool:
    """``needle`` in ``hay``, not followed by a letter or digit, nor by the rest of
    another case's longer id or secret ("r2-foo" in "r2-foo-bar"). A secret followed
    by a hyphen or underscore is found ("Kipper" in "Kipper-07")."""
    if fold:
        hay, needle = hay.lower(), needle.lower()
    longer = _LONGER.get(needle, ())
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle)
        if j >= len(hay) or not (
            hay[j].isalnum() or (hay[j] in "-_" and hay.startswith(longer, i))
        ):
            return True
        i = hay.find(needle, i + 1)
    return False


def secret_of(case: dict[str, Any]) -> str | None:
    if case.get("secret"):
        return str(case["secret"])
    if case["class"] == "script":
        return f"RTXSS-{case['id']}"
    if case["class"] == "request":
        return f"evil.example/{case['id']}"
    return None


_LONGER = _longer_names()


def secret_is_read(case: dict[str, Any]) -> bool:
    """The secret comes from a file the case links to (a symlink's target)."""
    return any(isinstance(v, dict) and "symlink" in v for v in case["files"].values())


def escape_ok(case: dict[str, Any]) -> bool:
    """Script and request cases whose payload sits in a value the site shows as text
    (a title, a role, a label, a file name): escaping it is as good as leaving it out."""
    return bool(case.get("escape_ok")) and case["class"] in {"script", "request"}


def batchable(case: dict[str, Any]) -> bool:
    if case.get("solo") or case.get("delete") or case["class"] not in {"script", "request", "leak"}:
        return False
    for path, value in case["files"].items():
        if not isinstance(value, str) and "bytes_hex" not in value:
            return False
        if not path.startswith(("docs/", "data/")):
            return False
        # Static files may make the build refuse; each costs a split of the batch.
        if not path.lower().endswith((".md", ".markdown", ".yaml")):
            return False
        if (REPO / path).exists() or (REPO / path).is_symlink():
            return False
    return True


def touched_pages(case: dict[str, Any]) -> set[str]:
    """Pages of the example that the case edits or deletes the source of."""
    pages = set()
    for path in [*case["files"], *case.get("delete", [])]:
        if path.startswith("docs/") and path.endswith(".md"):
            rel = path[len("docs/") : -len(".md")]
            if rel == "index":
                pages.add("index.html")
            elif rel.endswith("/index"):
                pages.add(rel[: -len("index")] + "index.html")
            else:
                pages.add(rel + "/index.html")
        elif path.rstrip("/") == "docs":
            pages.add("*")
    return pages


# -- building ------------------------------------------------------------------


@dataclass
class Proc:
    cmd: str
    rc: int | None
    out: str
    err: str
    timed_out: bool
    seconds: float


@functools.cache
def trusted_copy() -> Path:
    """The example as the target branch has it: CI names its checkout in KB_TRUSTED
    (checks/authoring/templates/kb.yml), so every case is checked and built as a
    pull request against the unchanged example."""
    root = Path(tempfile.mkdtemp(prefix="rt-trusted-"))
    copy_example(root)
    atexit.register(shutil.rmtree, root, True)
    return root


def _env() -> dict[str, str]:
    env = {**os.environ, "KB_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    env["KB_TRUSTED"] = str(trusted_copy())
    env.pop("KB_SITE_URL", None)
    env.pop("KB_OFFLINE", None)
    return env


@functools.cache
def runners() -> queue.Queue[WarmRunner]:
    """One warm process per build thread (tests/warmrun.py): each command is a child
    forked from it, run as the installed console script would run."""
    pool: queue.Queue[WarmRunner] = queue.Queue()
    for _ in range(WORKERS):
        runner = WarmRunner(_env())
        atexit.register(runner.close)
        pool.put(runner)
    return pool


def run(script: str, argv: list[str], cwd: Path) -> Proc:
    pool = runners()
    runner = pool.get()
    try:
        ran = runner.run(script, argv, cwd, _env(), TIMEOUT)
    finally:
        pool.put(runner)
    return Proc(
        " ".join([script, *argv][:4]),
        ran.rc,
        ran.out,
        ran.err,
        ran.timed_out,
        ran.seconds,
    )


@functools.cache
def example_files() -> tuple[str, ...]:
    cmd = ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others"]
    listing = subprocess.run(
        [*cmd, "--exclude-standard", "--", *EXAMPLE_PARTS],
        capture_output=True,
        check=True,
    ).stdout.decode()
    return tuple(sorted({p for p in listing.split("\0") if p}))


def copy_example(dest: Path) -> None:
    for rel in example_files():
        src = REPO / rel
        if not src.exists() and not src.is_symlink():
            continue  # deleted in the working tree
        if "__pycache__" in rel:
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target, follow_symlinks=False)


def _remove(target: Path) -> None:
    if target.is_symlink() or target.is_file() or (target.exists() and not target.is_dir()):
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target)


def overlay(root: Path, case: dict[str, Any], control: bool = False) -> None:
    for rel in case.get("delete", []):
        target = root / rel
        if target.exists() or target.is_symlink():
            _remove(target)
    for rel, value in case["files"].items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            _remove(target)
        if isinstance(value, str):
            text = value
            if control:
                for old, new in case.get("control", {}).items():
                    assert old in text or old not in value, (case["id"], old)
                    text = text.replace(old, new)
            target.write_bytes(text.encode("utf-8"))
        elif "symlink" in value:
            os.symlink(value["symlink"], target)
        elif value.get("fifo"):
            os.mkfifo(target)
        elif "bytes_hex" in value:
            target.write_bytes(bytes.fromhex(re.sub(r"\s+", "", value["bytes_hex"])))
        else:
            raise AssertionError(f"{case['id']}: unknown file value for {rel}: {value!r}")


@dataclass
class Build:
    name: str
    root: Path
    cases: list[str]
    check: Proc
    check_text: Proc | None
    mkdocs: Proc
    report: dict[str, Any] | None
    general: list[str] = field(default_factory=list)

    @property
    def site(self) -> Path:
        return self.root / "site"


#: The example's parse cache after its own build, laid under each case's copy (see
#: :func:`build`); None until the example is built.
SEED: dict[str, Path] = {}


def _seed_cache(root: Path) -> None:
    """Give ``root`` the cache the example left, as CI's kept cache would: the files a
    case leaves alone are answered from it, and every file it adds or edits is read
    afresh (answers are filed under a digest of the bytes they came from). That the
    cache never changes a finding is test_cache's promise, hostile files included."""
    seed = SEED.get("file")
    if seed is not None and seed.is_file():
        shutil.copy2(seed, cache_file(root))


def discard(b: Build) -> None:
    shutil.rmtree(b.root, ignore_errors=True)
    with contextlib.suppress(OSError):
        cache_file(b.root).unlink()


def build(workdir: Path, name: str, cases: list[dict[str, Any]], control: bool = False) -> Build:
    # Named by a digest of the case's id: the id holds words of its secret
    # ("r18-key-near-statius"), and the build's log and reports print this path.
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    root = Path(tempfile.mkdtemp(prefix=f"b{digest}-", dir=workdir))
    copy_example(root)
    _seed_cache(root)
    for case in cases:
        overlay(root, case, control)
    check = run("kb", ["check", ".", "--as-of", AS_OF, "--format", "json"], root)
    check_text = None
    if len(cases) > 1 and any(c["class"] in {"leak", "loosen"} for c in cases):
        check_text = run("kb", ["check", ".", "--as-of", AS_OF], root)
    site = root / "site"
    mk = run("mkdocs", ["build", "-f", str(root / "mkdocs.yml"), "-d", str(site)], root)
    report = None
    general: list[str] = []
    for proc in (check, check_text, mk):
        if proc is None:
            continue
        if proc.timed_out:
            general.append(f"`{proc.cmd}` timed out after {TIMEOUT} s")
        if TRACEBACK in proc.out or TRACEBACK in proc.err:
            tail = (proc.err if TRACEBACK in proc.err else proc.out).strip().splitlines()[-1:]
            general.append(f"`{proc.cmd}` printed a traceback: {tail}")
    if not check.timed_out:
        if check.rc not in (0, 1):
            general.append(f"kb check exited {check.rc}: {check.err.strip()[-300:]}")
        try:
            report = json.loads(check.out)
        except ValueError:
            general.append(f"kb check --format json printed no JSON: {check.out[:200]!r}")
    if not mk.timed_out and mk.rc != 0:
        errors = [line for line in mk.err.splitlines() if "ERROR" in line] or [
            mk.err.strip()[-300:]
        ]
        general.append(f"mkdocs build refused to build (exit {mk.rc}): {errors[-1][:300]}")
    if not any(site.glob("*.html")):
        general.append("the build produced no HTML pages in site/")
    return Build(name, root, [c["id"] for c in cases], check, check_text, mk, report, general)


# -- reading the output ----------------------------------------------------------


def _read(path: Path) -> bytes:
    try:
        if path.is_fifo() or not path.is_file():
            return b""
        return path.read_bytes()
    except OSError:
        return b""


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def text_forms(data: bytes, name: str) -> list[str]:
    """Every form a secret could take in a file: as written, entity-decoded,
    URL-decoded, JSON-unescaped; gzip is opened."""
    if name.endswith(".gz") or data.startswith(b"\x1f\x8b"):  # Pagefind's files too
        with contextlib.suppress(OSError, EOFError):
            data = gzip.decompress(data).removeprefix(b"pagefind_dcd")
    text = data.decode("utf-8", "replace")
    forms = [text, html.unescape(text), unquote(text), html.unescape(html.unescape(text))]
    if name.endswith(".json") or text.lstrip().startswith(("{", "[")):
        try:
            strings = "\n".join(_json_strings(json.loads(text)))
        except ValueError:
            strings = ""
        forms += [strings, html.unescape(strings)]
    return [f.lower() for f in forms]


@dataclass
class SiteIndex:
    files: dict[str, bytes]  # relative path -> bytes
    #: every form of each file that can hold a secret (see :func:`index_site`)
    forms: dict[str, list[str]]

    def where(self, secret: str) -> list[str]:
        low = secret.lower()
        return [rel for rel, forms in self.forms.items() if any(has(f, low, False) for f in forms)]


def index_site(site: Path, example: dict[str, str] | None = None) -> SiteIndex:
    """The site's files; with ``example`` (the example site's hashes), only the files
    that differ from it are read for secrets: the example holds none of the corpus's
    (test_the_example_is_clean), so a file it has byte for byte cannot."""
    files: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(site):
        for name in filenames + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
            path = Path(dirpath) / name
            rel = path.relative_to(site).as_posix()
            files[rel] = _read(path)
    forms = {
        rel: [*text_forms(data, rel), rel.lower(), unquote(rel).lower()]
        for rel, data in files.items()
        if example is None or example.get(rel) != _hash(data)
    }
    return SiteIndex(files, forms)


def report_forms(b: Build) -> dict[str, list[str]]:
    out = {
        "kb check --format json": text_forms((b.check.out + b.check.err).encode(), "x.json"),
        "mkdocs build log": text_forms((b.mkdocs.out + b.mkdocs.err).encode(), "log"),
    }
    if b.report is not None:
        out["kb check --format json"] += text_forms(json.dumps(b.report).encode(), "r.json")
        strings = "\n".join(_json_strings(b.report))
        out["kb check --format json"].append(strings.lower())
    if b.check_text is not None:
        out["kb check (text)"] = text_forms((b.check_text.out + b.check_text.err).encode(), "t")
    return out


URL_ATTRS = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "xlink:href",
    "codebase",
    "ping",
    "manifest",
    "lowsrc",
    "dynsrc",
    "archive",
    "icon",
    "imagesrcset",
    "itemtype",
}
LINK_ONLY = {("a", "href"), ("area", "href")}
BAD_SCHEME = re.compile(
    r"^(javascript|vbscript|livescript|data:text/html|data:image/svg|data:application)"
)
LOCAL_HOSTS = {"", "127.0.0.1", "localhost"}


def _squash(value: str) -> str:
    return re.sub(r"[\x00-\x20\x7f]+", "", value).lower().replace("\\", "/")


def _host_of(url: str) -> str | None:
    """The host a squashed URL points at, or None for a relative URL."""
    if url.startswith("//"):
        url = "http:" + url
    elif not re.match(r"^[a-z][a-z0-9+.-]*://", url):
        return None
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return "?"


def _external_urls(css: str) -> list[str]:
    found = []
    for m in re.finditer(r"url\(\s*['\"]?([^'\")]*)|@import\s+['\"]([^'\"]*)", css, re.I):
        url = _squash(m.group(1) or m.group(2) or "")
        if url.startswith("//") or re.match(r"^(https?|ftp):", url):
            found.append(url)
    return found


class Scanner(HTMLParser):
    """Markup that runs script, loads from another host or navigates away, and the
    places where a secret would be live (handlers, script and style text)."""

    def __init__(self, secret: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.secret = secret
        self.findings: list[str] = []
        self.live: list[str] = []
        self.stack: list[str] = []
        self.script: list[str] = []
        #: the src of each script element (see :func:`static_findings`)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k: (v or "") for k, v in attrs}
        for name, raw in attrs:
            value = raw or ""
            squashed = _squash(value)
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}={value[:120]!r}>")
            if name in URL_ATTRS or (tag in {"use", "image", "feimage"} and name.endswith("href")):
                urls = [squashed]
                if name in {"srcset", "imagesrcset"}:
                    urls = [_squash(p.strip().split(" ")[0]) for p in value.split(",")]
                for url in urls:
                    if BAD_SCHEME.match(url):
                        self.findings.append(f"<{tag} {name}={value[:120]!r}> (script URL)")
                    host = _host_of(url)
                    if (
                        host is not None
                        and host not in LOCAL_HOSTS
                        and (tag, name) not in LINK_ONLY
                    ):
                        self.findings.append(f"<{tag} {name}={value[:120]!r}> (other host)")
            if name == "style" or name == "srcdoc":
                for url in _external_urls(value):
                    self.findings.append(f"<{tag} style> loads {url[:120]}")
                if "expression(" in squashed:
                    self.findings.append(f"<{tag} style> expression()")
            if self.secret and has(value, self.secret, False):
                if name.startswith("on") or name in {"style", "srcdoc"}:
                    self.live.append(f"in <{tag} {name}=...>")
                elif name in URL_ATTRS and BAD_SCHEME.match(squashed):
                    self.live.append(f"in a script URL <{tag} {name}=...>")
        if tag == "base":
            self.findings.append(f"<base href={names.get('href', '')[:120]!r}>")
        if tag == "meta" and "http-equiv" in names:
            content = names.get("content", "")[:120]
            self.findings.append(f"<meta http-equiv={names['http-equiv']!r} content={content!r}>")
        if tag in {"iframe", "frame", "object", "embed", "applet", "frameset", "portal"}:
            self.findings.append(f"<{tag} {sorted(names.items())!r}>"[:200])
        if tag == "script" and names.get("src"):
            self.sources.append(names["src"])
        if tag in {"script", "style"}:
            self.stack.append(tag)
            self.script = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self.stack:
            kind = self.stack.pop()
            body = "".join(self.script)
            if kind == "style":
                for url in _external_urls(body):
                    self.findings.append(f"<style> loads {url[:120]}")
            elif body.strip():
                # Every inline script, so that one the example does not have is
                # found without a browser (judge() loads pages only for the cases
                # that aim at script).
                text = " ".join(_norm(line) for line in body.splitlines())
                digest = hashlib.sha256(text.encode()).hexdigest()[:12]
                self.findings.append(f"<script> {text[:100]!r} #{digest}")
            if self.secret and has(body, self.secret, False):
                self.live.append(f"in a <{kind}> element")
            self.script = []

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.script.append(data)


def _norm(line: str) -> str:
    # A page's policy lists the hashes of its inline scripts, and the theme's
    # inline script names the site's root relative to the page: the same policy
    # at another depth has other hashes.
    line = re.sub(r"sha256-[A-Za-z0-9+/=]*", "sha256-", line)
    return re.sub(r"(\.\./)+|\.\.(?=[\"'/])", "", line).strip()


def scan_html(text: str, secret: str | None = None) -> Scanner:
    scanner = Scanner(secret)
    try:
        scanner.feed(text)
        scanner.close()
    except Exception as exc:
        scanner.findings.append(f"HTML the parser cannot read: {exc!r}")
    return scanner


def static_findings(index: SiteIndex, only: set[str] | None = None) -> dict[str, set[str]]:
    """Each page's suspicious markup, normalised so that the same markup at another
    depth compares equal."""
    out: dict[str, set[str]] = {}
    for rel, data in index.files.items():
        if only is not None and rel not in only:
            continue
        if rel.endswith((".html", ".htm", ".xhtml", ".svg", ".xml")) and not rel.startswith(
            "sitemap"
        ):
            scanner = scan_html(data.decode("utf-8", "replace"))
            out[rel] = {_norm(f) for f in scanner.findings}
            # A script from a file of the site (one from another host is found
            # above); a reference to a file that is not there runs nothing.
            for src in scanner.sources:
                path = unquote(urlsplit(src.strip()).path)
                here = posixpath.dirname(rel)
                local = posixpath.normpath(
                    path.lstrip("/") if path.startswith("/") else posixpath.join(here, path)
                )
                if local in index.files:
                    out[rel].add(_norm(f"<script src={src[:120]!r}>"))
        elif rel.endswith(".css"):
            out[rel] = {f"css loads {u}" for u in _external_urls(data.decode("utf-8", "replace"))}
    return out


# -- the example, built once ------------------------------------------------------


@dataclass
class Baseline:
    build: Build
    index: SiteIndex
    pages: set[str]
    hashes: dict[str, str]
    lines: dict[str, set[str]]
    static: set[str]
    version: tuple[tuple[str, int, int], ...] = ()


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _lines(data: bytes) -> set[str]:
    return {_norm(line) for line in data.decode("utf-8", "replace").splitlines()}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("redteam")


def code_version() -> tuple[tuple[str, int, int], ...]:
    """When the product's code last changed (other people edit it while this runs):
    names, sizes and times only."""
    out = []
    for part in ("checks", "hooks"):
        for dirpath, _dirs, files in os.walk(REPO / part):
            for name in files:
                if name.endswith(".py"):
                    st = os.stat(Path(dirpath) / name)
                    out.append((f"{dirpath}/{name}", st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


def make_baseline(workdir: Path) -> Baseline:
    version = code_version()
    b = build(workdir, "example", [])
    assert not b.general, b.general
    seed = workdir / "example-cache.pickle"
    shutil.copy2(cache_file(b.root), seed)
    SEED["file"] = seed
    index = index_site(b.site)
    pages = {rel for rel in index.files if rel.endswith(".html")}
    assert "index.html" in pages and len(pages) > 20, sorted(pages)
    static = set().union(*static_findings(index).values())
    return Baseline(
        b,
        index,
        pages,
        {rel: _hash(d) for rel, d in index.files.items()},
        {rel: _lines(d) for rel, d in index.files.items() if rel.endswith(".html")},
        static,
        version,
    )


@pytest.fixture(scope="module")
def baseline(workdir: Path) -> Baseline:
    return make_baseline(workdir)


def current(base: Baseline) -> Baseline:
    """The example built by the code as it is now: pages the example itself no longer
    publishes are not blamed on a case."""
    if base.version == code_version():
        return base
    try:
        fresh = make_baseline(base.build.root.parent)
    except AssertionError:  # the example itself does not build with the code as it is now
        return base
    base.__dict__.update(fresh.__dict__)
    return base


# -- the browser -------------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Events:
    dialogs: list[tuple[str, str]] = field(default_factory=list)  # (message, page)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (url, page)
    errors: list[str] = field(default_factory=list)


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def browse(browser: Any, site: Path, pages: list[str], search: list[str]) -> Events:
    """Load each page (and type each search query on the home page) and record every
    dialog and every request that leaves 127.0.0.1.

    Each page has a tab of its own, so that whatever a page does late (a timer, an
    image that loads after the event) is still told apart from its neighbours'; the
    wait for it is one wait for all the tabs, which run side by side."""
    events = Events()
    httpd, base = _serve(site)
    context = browser.new_context(service_workers="block")
    labels: dict[Any, str] = {}

    def label(req: Any) -> str:
        try:
            return labels.get(req.frame.page, "a page it opened")
        except Exception:  # a worker's request has no frame
            return "a worker"

    def local(url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return url.startswith(("data:", "blob:", "about:")) or host == "127.0.0.1"

    def route(r: Any) -> None:
        if local(r.request.url):
            r.continue_()
        else:
            events.requests.append((r.request.url, label(r.request)))
            r.abort()

    def on_request(req: Any) -> None:
        if not local(req.url) and (req.url, label(req)) not in events.requests:
            events.requests.append((req.url, label(req)))

    def open_tab(name: str) -> Any:
        page = context.new_page()
        labels[page] = name

        def on_dialog(d: Any) -> None:
            events.dialogs.append((d.message, labels.get(page, name)))
            with contextlib.suppress(Exception):  # the page may be gone
                d.dismiss()

        page.on("dialog", on_dialog)
        page.on("popup", lambda p: events.requests.append((f"popup {p.url}", labels[page])))
        return page

    context.route("**/*", route)
    context.on("request", on_request)
    try:
        tab = None
        for rel in pages:
            tab = open_tab(rel)
            try:
                tab.goto(base + rel, wait_until="load", timeout=15000)
            except Exception as exc:
                events.errors.append(f"{rel}: {str(exc).splitlines()[0][:160]}")
        if tab is not None:
            tab.wait_for_timeout(250)
        if search:
            tab = open_tab("the search")
            try:
                tab.goto(base, wait_until="load", timeout=15000)
            except Exception as exc:
                events.errors.append(f"the home page: {str(exc).splitlines()[0][:160]}")
        for query in search:
            labels[tab] = f"search for {query!r}"
            try:
                # The site's search (Pagefind's interface in the header): its results
                # show each page's title, headings and an excerpt of its text.
                box = tab.locator(".kb-search input.pagefind-ui__search-input")
                if box.count():
                    box.fill("")
                    box.click()
                    box.press_sequentially(query, delay=10)
                    tab.locator(".kb-search .pagefind-ui__message").wait_for(timeout=10000)
                    tab.wait_for_timeout(600)
            except Exception as exc:
                events.errors.append(f"search {query}: {str(exc).splitlines()[0][:160]}")
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
    return events


# -- judging a build -----------------------------------------------------------------


def pages_to_visit(index: SiteIndex, base: Baseline) -> tuple[list[str], set[str]]:
    """Changed pages, skipping those whose new lines were all on a page already chosen;
    every new file a browser would run (svg, html, xml) is loaded."""
    changed = {
        rel
        for rel, data in index.files.items()
        if base.hashes.get(rel) != _hash(data) and rel not in {"sitemap.xml"}
    }
    chosen: list[str] = []
    seen: set[str] = set()
    for rel in sorted(changed, key=lambda r: (r.count("/"), r)):
        if rel.endswith((".svg", ".xml", ".xhtml", ".htm", ".shtml", ".xht")):
            chosen.append(rel)
        elif rel.endswith(".html"):
            new = _lines(index.files[rel]) - base.lines.get(rel, set())
            if rel not in base.pages or not new <= seen:
                chosen.append(rel)
                seen |= new
    if "404.html" in index.files and "404.html" in changed and "404.html" not in chosen:
        chosen.append("404.html")
    return chosen, changed


def _attribute(text: str, cases: list[dict[str, Any]]) -> list[str]:
    hits = []
    for case in cases:
        secret = secret_of(case)
        if has(text, case["id"]) or (secret and has(text, secret)):
            hits.append(case["id"])
    return hits


def judge(
    b: Build, cases: list[dict[str, Any]], base: Baseline, browser: Any
) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {c["id"]: list(b.general) for c in cases}
    if not b.site.is_dir():
        return problems
    index = index_site(b.site, base.hashes)
    reports = report_forms(b)

    # 1. secrets
    for case in cases:
        secret = secret_of(case)
        if not secret:
            continue
        where = problems[case["id"]]
        if escape_ok(case):
            for rel in index.forms:
                text = index.files[rel].decode("utf-8", "replace")
                if secret not in text and secret not in html.unescape(text):
                    continue
                if rel.endswith((".html", ".htm", ".xhtml", ".svg", ".xml")):
                    live = scan_html(text, secret).live
                    where += [f"the payload is live in site/{rel} {x}" for x in live]
                    if rel.endswith(".svg") and not live:
                        where.append(f"the payload is in site/{rel}, an SVG a browser runs")
                elif rel.endswith((".js", ".mjs", ".css")):
                    where.append(f"the payload is in site/{rel}")
                elif rel == "search/search_index.json":
                    try:
                        docs = json.loads(text).get("docs", [])
                    except ValueError:
                        docs = []
                    for doc in docs:
                        for key in ("title", "text"):
                            live = scan_html(str(doc.get(key, "")), secret).live
                            at = doc.get("location")
                            where += [
                                f"the payload is live in the search index ({at}) {x}" for x in live
                            ]
        else:
            for rel in index.where(secret):
                how = ""
                markup = case["class"] in {"script", "request"}
                if markup and rel.endswith((".html", ".svg", ".htm", ".xhtml", ".xml")):
                    text = index.files[rel].decode("utf-8", "replace")
                    live = scan_html(text, secret).live
                    how = f" (live: {live[0]})" if live else " (as text)"
                where.append(f"secret {secret!r} is in site/{rel}{how}")
            # A secret that is only in a file's name may be named by kb check.
            in_content = any(isinstance(v, str) and secret in v for v in case["files"].values())
            for name, forms in reports.items() if in_content or secret_is_read(case) else ():
                if any(has(f, secret.lower(), False) for f in forms):
                    where.append(f"secret {secret!r} is in the {name}")

    # 2. markup scan of changed files
    visit, changed = pages_to_visit(index, base)
    for rel, found in static_findings(index, changed).items():
        for finding in sorted(found - base.static):
            owners = _attribute(finding, cases)
            for cid in owners or [c["id"] for c in cases]:
                tag = "" if owners else " (not attributable to one case in this batch)"
                problems[cid].append(f"site/{rel} has {finding}{tag}")

    # 3. the browser, for the cases that aim at script or requests; for the rest, the
    # markup scan above stands in (every handler, script, script URL and resource
    # from another host that the example does not have is a problem already)
    aimed = any(c["class"] in {"script", "request"} for c in cases)
    events = browse(browser, b.site, visit, ["RTXSS", "alert"]) if aimed else Events()
    for message, page in events.dialogs:
        owners = _attribute(message, cases)
        for cid in owners or [c["id"] for c in cases]:
            problems[cid].append(f"a dialog opened on {page}: {message[:100]!r}")
    for url, page in events.requests:
        owners = _attribute(url, cases)
        for cid in owners or [c["id"] for c in cases]:
            problems[cid].append(f"{page} requested {url[:160]}")

    # 4. pages of the example that are gone
    base = current(base)
    present = {rel for rel in index.files if rel.endswith(".html")}
    for case in cases:
        touched = (
            set().union(*(touched_pages(c) for c in cases))
            if len(cases) > 1
            else touched_pages(case)
        )
        if "*" in touched:
            continue
        lost = sorted(base.pages - present - touched)
        if lost:
            problems[case["id"]].append(f"{len(lost)} pages of the example are lost: {lost[:6]}")

    # 5. class-specific promises
    for case in cases:
        where = problems[case["id"]]
        target = case.get("report_file")
        if target:
            # A hostile value gives a finding; what a pull request hides must be an error.
            severities = {"error"} if case["class"] != "crash" else {"error", "warning", "info"}
            # A page withheld as possibly unpublished (a brief that fails validation
            # may be a draft) is reported without its name, in its own folder.
            masked = re.compile(re.escape(posixpath.dirname(target)) + r"/\(unpublished [^)]+\)")
            found = [
                f
                for f in (b.report or {}).get("findings", [])
                if (f.get("file") == target or masked.fullmatch(f.get("file", "")))
                and f.get("severity") in severities
            ]
            if not found:
                kind = "error" if case["class"] != "crash" else "finding"
                where.append(f"kb check reports no {kind} in {target}")
            if b.check.rc == 0 and case["class"] != "crash":
                where.append("kb check exited 0")
        if case["class"] == "all-clear":
            forbid = case.get("forbid", ALL_CLEAR_FORBID)
            for rel, patterns in forbid.items():
                text = page_text(index.files.get(rel, b""))
                for pattern in patterns:
                    m = re.search(pattern, text)
                    if m:
                        where.append(
                            f"site/{rel} says {text[max(0, m.start() - 40) : m.end() + 40]!r}"
                        )
            for rel, patterns in case.get("require", {}).items():
                text = page_text(index.files.get(rel, b""))
                for pattern in patterns:
                    if not re.search(pattern, text):
                        where.append(f"site/{rel} does not say /{pattern}/")
    return problems


def page_text(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"(?is)^.*?<article", "<article", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))


# -- scheduling: builds in threads, judging in the main thread ------------------------


class Plan:
    """Builds run in worker threads, nearest-needed first and a few ahead of the tests;
    the main thread judges them (Playwright's sync API stays in one thread). A shared
    build that breaks is split in two until the case that breaks it builds alone."""

    def __init__(self, workdir: Path, selected: list[str]) -> None:
        self.workdir = workdir
        self.position = {cid: n for n, cid in enumerate(selected)}
        self.members: dict[str, list[dict[str, Any]]] = {}
        self.key_of: dict[str, str] = {}
        self.pending: dict[str, int] = {}
        self.results: dict[str, Build | BaseException] = {}
        self.judged: dict[str, dict[str, list[str]]] = {}
        self.wanted = 0
        self.closed = False
        self.cond = threading.Condition()
        batch = [BY_ID[i] for i in selected if batchable(BY_ID[i])]
        for n in range(0, len(batch), BATCH_SIZE):
            self.add(f"batch{n // BATCH_SIZE}", batch[n : n + BATCH_SIZE])
        for cid in selected:
            if cid not in self.key_of:
                self.add(f"solo-{cid}", [BY_ID[cid]])
        self.threads = [threading.Thread(target=self.work, daemon=True) for _ in range(WORKERS)]
        for t in self.threads:
            t.start()

    def add(self, key: str, cases: list[dict[str, Any]]) -> None:
        with self.cond:
            self.members[key] = cases
            for case in cases:
                self.key_of[case["id"]] = key
            self.pending[key] = min(self.position.get(c["id"], 10**6) for c in cases)
            self.cond.notify_all()

    def work(self) -> None:
        while True:
            with self.cond:
                while not self.closed and not (
                    self.pending
                    and (
                        len(self.results) < READY_AHEAD or min(self.pending.values()) <= self.wanted
                    )
                ):
                    self.cond.wait()
                if self.closed:
                    return
                key = min(self.pending, key=self.pending.__getitem__)
                del self.pending[key]
            try:
                result: Build | BaseException = build(self.workdir, key, self.members[key])
            except BaseException as exc:
                result = exc
            with self.cond:
                self.results[key] = result
                self.cond.notify_all()

    def take(self, key: str) -> Build:
        with self.cond:
            while key not in self.results:
                self.cond.wait()
            result = self.results.pop(key)
            self.cond.notify_all()
        if isinstance(result, BaseException):
            raise result
        return result

    def problems(self, cid: str, base: Baseline, browser: Any) -> list[str]:
        with self.cond:
            self.wanted = self.position.get(cid, 0)
            if cid not in self.key_of:  # not selected when the plan was made
                self.position[cid] = self.wanted = -1
                self.add(f"solo-{cid}", [BY_ID[cid]])
            key = self.key_of[cid]
            self.cond.notify_all()
        if key not in self.judged:
            b = self.take(key)
            cases = self.members[key]
            if len(cases) > 1 and b.general:
                # Something broke the shared build: split it and build the halves.
                discard(b)
                half = len(cases) // 2
                self.add(f"{key}a", cases[:half])
                self.add(f"{key}b", cases[half:])
                return self.problems(cid, base, browser)
            started = time.monotonic()
            self.judged[key] = judge(b, cases, base, browser)
            if os.environ.get("RT_TIMES"):  # where a run's time goes, for tuning
                with open(os.environ["RT_TIMES"], "a", encoding="utf-8") as out:
                    seconds = {
                        "check": b.check.seconds,
                        "mkdocs": b.mkdocs.seconds,
                        "judge": time.monotonic() - started,
                    }
                    out.write(json.dumps({"build": key, "cases": len(cases), **seconds}) + "\n")
            discard(b)
        return self.judged[key][cid]

    def close(self) -> None:
        with self.cond:
            self.closed = True
            self.pending.clear()
            self.cond.notify_all()
        for t in self.threads:
            t.join()
        for result in self.results.values():
            if isinstance(result, Build):
                discard(result)


@pytest.fixture(scope="module")
def plan(request: pytest.FixtureRequest, workdir: Path, baseline: Baseline) -> Iterator[Plan]:
    selected = [
        item.callspec.params["case_id"]
        for item in request.session.items
        if item.module is not None
        and item.module.__name__ == __name__
        and hasattr(item, "callspec")
        and "case_id" in item.callspec.params
    ]
    p = Plan(workdir, selected)
    yield p
    p.close()


# -- the tests -------------------------------------------------------------------------


def _files_text(case: dict[str, Any], root: Path) -> str:
    texts = []
    for rel, value in case["files"].items():
        path = root / rel
        if isinstance(value, str):
            texts.append(value)
        elif "bytes_hex" in value:
            texts.append(
                bytes.fromhex(re.sub(r"\s+", "", value["bytes_hex"])).decode("utf-8", "replace")
            )
        else:
            data = _read(path)
            if not data and "symlink" in value:  # a link into the example itself
                data = _read(REPO / Path(rel).parent / value["symlink"])
            texts.append(data.decode("utf-8", "replace"))
    return "\n".join(texts)


def test_corpus_is_well_formed(tmp_path: Path) -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    counts = {k: sum(c["class"] == k for c in CASES) for k in CLASSES}
    assert len(CASES) >= 170 and all(counts.values()), counts
    secrets: dict[str, str] = {}
    batch_paths: dict[str, str] = {}
    for case in CASES:
        cid = case["id"]
        assert set(case) <= {
            "id",
            "class",
            "note",
            "files",
            "delete",
            "secret",
            "escape_ok",
            "solo",
            "control",
            "report_file",
            "forbid",
            "require",
        }, cid
        assert case["class"] in CLASSES, cid
        assert case.get("note") and "\n" not in case["note"], cid
        assert case["files"] or case.get("delete"), cid
        root = tmp_path / cid
        root.mkdir()
        overlay(root, {**case, "delete": []})
        text = _files_text(case, root) + "\n" + "\n".join(case["files"])
        secret = secret_of(case)
        if case["class"] in WITHHELD_CLASSES:
            assert secret, f"{cid}: a {case['class']} case needs a secret"
        if case["class"] == "script":
            assert f"RTXSS-{cid}" in text, f"{cid}: the payload must alert('RTXSS-{cid}')"
        if case["class"] == "request":
            assert f"evil.example/{cid}" in text or f"evil&#46;example/{cid}" in text, cid
        if secret:
            assert secret in text, f"{cid}: the secret {secret!r} is not in the case's files"
            assert secret not in secrets, f"{cid}: secret shared with {secrets.get(secret)}"
            secrets[secret] = cid
        if case["class"] == "loosen":
            assert case.get("report_file"), f"{cid}: a loosen case names the file to report"
        if batchable(case):
            for rel in case["files"]:
                assert rel.lower() not in batch_paths, (
                    f"{cid}: {rel} also in {batch_paths[rel.lower()]}"
                )
                batch_paths[rel.lower()] = cid
    # A secret must not be part of another case's text, or blame would be shared.
    texts = {c["id"]: _files_text(c, tmp_path / c["id"]) for c in CASES}
    for secret, owner in secrets.items():
        for cid, text in texts.items():
            if cid != owner and batchable(BY_ID[cid]) and batchable(BY_ID[owner]):
                assert not has(text, secret), f"{owner}'s secret is in {cid}"


@pytest.mark.browser
def test_the_harness_sees_a_dialog_a_request_and_a_live_secret(
    tmp_path: Path, browser: Any
) -> None:
    """The checks can fail: a page that alerts and loads an image from another host."""
    (tmp_path / "index.html").write_text(
        "<p>x</p><img src='https://evil.example/selftest'><script>alert('RTXSS-self')</script>"
        "<a href=' jav&#x61;script:alert(1)'>x</a>"
    )
    events = browse(browser, tmp_path, ["index.html"], [])
    assert [m for m, _ in events.dialogs] == ["RTXSS-self"]
    assert any("evil.example/selftest" in u for u, _ in events.requests)
    found = scan_html((tmp_path / "index.html").read_text(), "RTXSS-self")
    assert found.live and any("script URL" in f for f in found.findings)
    index = SiteIndex(
        {"a.json": b'{"t": "\\u0052TLEAK9"}'},
        {"a.json": text_forms(b'{"t": "\\u0052TLEAK9"}', "a.json")},
    )
    assert index.where("RTLEAK9") == ["a.json"]
    # Without a browser (cases that do not aim at script), the markup scan still
    # names a script the example does not have, inline or from a file.
    page = (
        b"<p>x</p><script>fetch('/x?' + document.title)</script><script src='a.js'></script>"
        b"<script src='gone.js'></script>"
    )
    found = static_findings(SiteIndex({"d/p.html": page, "d/a.js": b"alert(1)"}, {}))["d/p.html"]
    assert any(f.startswith('<script> "fetch(') for f in found), found
    assert "<script src='a.js'>" in found, found
    assert not any("gone.js" in f for f in found), found


@pytest.mark.slow
@pytest.mark.browser
def test_the_example_is_clean(baseline: Baseline, browser: Any) -> None:
    """The unmodified example shows none of the corpus's secrets, nothing runs and nothing
    is requested from another host; otherwise every case would fail for no reason of its own."""
    for case in CASES:
        secret = secret_of(case)
        if secret and not escape_ok(case):
            assert not baseline.index.where(secret), (case["id"], baseline.index.where(secret))
    assert not [f for f in baseline.static if "other host" in f or "script URL" in f], (
        baseline.static
    )
    sample = [
        "index.html",
        "briefs/index.html",
        "register/index.html",
        "actions/index.html",
        "compliance/index.html",
    ]
    events = browse(browser, baseline.build.site, sample, [])
    assert not events.dialogs and not events.requests, (events.dialogs, events.requests)


@pytest.mark.slow
@pytest.mark.browser
def test_controls_publish(workdir: Path, baseline: Baseline) -> None:
    """Each batched case with a ``control`` (the identifying detail swapped for a neutral
    one, a draft made published) is published: the corpus's files are valid pages, so a
    withheld secret is withheld for the right reason. The few controls that cannot
    publish are listed with their reasons in known_controls.yaml, and each of those
    must still be unpublished, so that the list cannot go stale."""
    controls = [c for c in CASES if c.get("control") and batchable(c)]
    assert controls
    b = build(workdir, "controls", controls, control=True)
    assert not b.general, b.general
    index = index_site(b.site)
    published = {c["id"] for c in controls if index.where(secret_of(c) or "")}
    discard(b)
    missing = [c["id"] for c in controls if c["id"] not in published | KNOWN_CONTROLS.keys()]
    assert not missing, (
        f"these controls were not published, so their cases prove nothing: {missing}"
    )
    stale = sorted(KNOWN_CONTROLS.keys() & published)
    assert not stale, f"these controls now publish; take them off known_controls.yaml: {stale}"
    assert KNOWN_CONTROLS.keys() <= {c["id"] for c in controls}


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize(
    "case_id",
    [
        pytest.param(c["id"], marks=pytest.mark.xfail(reason=KNOWN[c["id"]], strict=False))
        if c["id"] in KNOWN
        else c["id"]
        for c in CASES
    ],
)
def test_hostile_case(case_id: str, plan: Plan, baseline: Baseline, browser: Any) -> None:
    case = BY_ID[case_id]
    problems = plan.problems(case_id, baseline, browser)
    unique = list(dict.fromkeys(problems))
    if os.environ.get("RT_REPORT"):  # a JSON-lines summary for triage
        with open(os.environ["RT_REPORT"], "a", encoding="utf-8") as out:
            out.write(
                json.dumps({"id": case_id, "class": case["class"], "problems": unique}) + "\n"
            )
    assert not unique, f"[{case['class']}] {case['note']}\n  - " + "\n  - ".join(unique[:12])
