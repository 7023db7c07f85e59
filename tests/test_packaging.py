"""`pip install .` ships everything needed at run time."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    [path] = out.glob("actorgraph-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_data_files(wheel):
    names = set(wheel.namelist())
    for needed in ["ontology/actorgraph.ttl", "loaders/schema/dataset.schema.json", "loaders/FORMAT.md",
                   "loaders/data/seed/claims.yaml", "loaders/data/seed/sources.yaml"]:
        assert needed in names, needed
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "actorgraph = loaders.cli.main:main" in wheel.read(entry).decode()


def test_every_repository_data_file_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    missing = []
    for package in ["ontology", "graph", "queries", "loaders"]:
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                rel = path.relative_to(ROOT).as_posix()
                if rel not in names:
                    missing.append(rel)
    assert missing == []
