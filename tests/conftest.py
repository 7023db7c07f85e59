"""Shared fixtures: the bundled graphs, third-party inputs, and the rule for tests that need something outside.

A test that needs a service (Virtuoso, FalkorDB, Chromium...) calls :func:`require_service` when
the service cannot be started. Locally that skips; when ``ACTORGRAPH_REQUIRE_SERVICES=1`` (which
``.ci/test`` sets under CI) or ``CI=true`` it fails, so CI can never pass by skipping what it should run.

Third-party inputs: the UCDP releases (CC BY 4.0) are vendored, gzipped, under ``tests/fixtures/ucdp``
(:func:`ucdp_full`). The DW report the project started from may not be redistributed: it is read
from ``../shared/seed`` beside the repository (:func:`seed_report`), which a user's clone does not
have; there the test skips, saying why, and under CI, which has the folder, it must run.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from loaders import bundled_dataset, load_datasets

# Speed is measured in benchmarks, not in unit tests: no per-example deadline (a loaded machine
# would otherwise fail correct code at random).
settings.register_profile("actorgraph", deadline=None)
settings.load_profile("actorgraph")

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"  # screenshots, to look at; gitignored
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def services_required() -> bool:
    return os.environ.get("ACTORGRAPH_REQUIRE_SERVICES") == "1" or os.environ.get("CI", "").lower() == "true"


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
def seed_report() -> str:
    """The text of the DW report of 2024-12-05 (../shared/seed; not redistributable, so not in the repository)."""
    path = SHARED / "seed" / "dw-2024-12-05-syria-hama.txt"
    if not path.is_file():
        require_service("the DW seed report", f"{path} is missing: the report may not be redistributed, so it "
                                              "is read from ../shared beside the repository, which only CI has")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ucdp_full(tmp_path_factory) -> dict[str, Path]:
    """The whole UCDP ESD v18.1 (actor-year) and Actor List v22.1, unpacked from tests/fixtures/ucdp."""
    folder = tmp_path_factory.mktemp("ucdp")
    out = {}
    for key, name in (("esd", "ucdp-esd-ay-181.csv"), ("actors", "ucdp-actor-221.csv")):
        with gzip.open(FIXTURES / "ucdp" / f"{name}.gz", "rb") as packed:
            (folder / name).write_bytes(packed.read())
        out[key] = folder / name
    return out


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
