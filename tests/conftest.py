"""Shared fixtures: the bundled graphs, and the rule for tests that need an outside service.

A test that needs a service (Virtuoso, FalkorDB, Chromium...) calls :func:`require_service` when
the service cannot be started. Locally that skips; when ``ACTORGRAPH_REQUIRE_SERVICES=1`` (which
``.ci/test`` sets under CI) it fails, so CI can never pass by skipping what it should run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from loaders import bundled_dataset, load_datasets

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"  # screenshots, to look at; gitignored
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def services_required() -> bool:
    return os.environ.get("ACTORGRAPH_REQUIRE_SERVICES") == "1"


def require_service(name: str, reason: str) -> None:
    """Skip (locally) or fail (in CI) a test whose service ``name`` is unavailable for ``reason``."""
    message = f"{name} is not available: {reason}"
    if services_required():
        pytest.fail(message + " (ACTORGRAPH_REQUIRE_SERVICES=1: required services must run)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The dataset cache of commands run by the tests: a folder of the session's own, never the user's."""
    folder = tmp_path_factory.mktemp("actorgraph-cache")
    before = os.environ.get("ACTORGRAPH_CACHE")
    os.environ["ACTORGRAPH_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("ACTORGRAPH_CACHE", None)
    else:
        os.environ["ACTORGRAPH_CACHE"] = before


@pytest.fixture(scope="session")
def seed_graph():
    """The bundled seed dataset, loaded once (tests must not modify it)."""
    return load_datasets([bundled_dataset("seed")])


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder with the seed report and the UCDP files."""
    if not SHARED.is_dir():
        pytest.fail(f"the shared folder {SHARED} is missing; tests read third-party inputs from it")
    return SHARED


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, started once for the session (the browser tests share it)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        require_service("chromium", f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_service("chromium", "playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure means the service is unavailable
            require_service("chromium", f"it did not start: {exc}")
        yield b
        b.close()
