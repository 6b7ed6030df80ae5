from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checks.loading import load
from checks.rules.engine import Result, run
from kbfactory import TODAY, compliant, write
from sitehelp import SERVED_AT, mkdocs

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """`kb check` and the site build cache parses under $KB_CACHE_DIR: keep the
    tests' cache out of the home folder (and exercise it on every CLI test)."""
    os.environ["KB_CACHE_DIR"] = str(tmp_path_factory.mktemp("kb-cache"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example partnership's site, built once per test session, for
    publishing where the browser tests serve it."""
    out = tmp_path_factory.mktemp("site")
    proc = mkdocs(REPO, out, site_url=SERVED_AT)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's offline copy (KB_OFFLINE=true), built once per test session."""
    out = tmp_path_factory.mktemp("offline")
    proc = mkdocs(REPO, out, offline=True)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture
def files() -> dict[str, Any]:
    """A compliant knowledge base as data; change it, then call ``check``."""
    return compliant()


@pytest.fixture
def check(tmp_path: Path) -> Callable[..., Result]:
    def _check(files: dict[str, Any], today: Any = TODAY, **kw: Any) -> Result:
        root = write(tmp_path / "kb", files)
        return run(load(root), today, **kw)

    return _check


@pytest.fixture
def repo() -> Path:
    return REPO


CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")


# Per module: Playwright's sync API cannot run twice in one thread, so each browser
# test module starts Debian's Chromium and closes it before the next one does.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            # No calls of Chromium's own: background networking, updates, sync.
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--disable-default-apps",
            ],
        )
        yield b
        b.close()
