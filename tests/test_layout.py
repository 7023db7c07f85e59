"""The folders are the architecture: dependencies point one way, and the public surface is pinned."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["ontology", "graph", "queries", "loaders"]
# what each package may import from the others
ALLOWED = {
    "ontology": set(),
    "graph": {"ontology"},
    "queries": {"ontology", "graph"},
    "loaders": {"ontology", "graph", "queries"},
}


def _our_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {n.split(".")[0] for n in names if n.split(".")[0] in PACKAGES}
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_dependencies_point_one_way(package):
    offenders = {}
    for path in (ROOT / package).rglob("*.py"):
        bad = _our_imports(path) - ALLOWED[package] - {package}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}, f"{package} may only import {sorted(ALLOWED[package])}"


def test_top_level_is_the_design_card():
    required = {"pyproject.toml", "ontology", "graph", "loaders", "queries", "tests", "README.md", ".ci", "benchmarks"}
    present = {p.name for p in ROOT.iterdir() if (not p.name.startswith(".") or p.name == ".ci")
               and not p.name.endswith(".egg-info") and p.name not in ("build", "dist", "test-artifacts")}
    assert required <= present
    allowed_extra = {".ci"}
    unexpected = present - required - allowed_extra
    assert unexpected == set(), f"unexpected top-level entries: {sorted(unexpected)}"


@pytest.mark.parametrize("module", ["ontology", "graph", "loaders"])
def test_public_surface_is_explicit_and_importable(module):
    mod = __import__(module)
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.{name} is in __all__ but missing"


def test_pinned_public_names():
    import graph
    import loaders
    import ontology
    assert {"ActorGraph", "Actor", "Claim", "Source", "Place", "PartialDate", "Interval"} <= set(graph.__all__)
    assert {"load_datasets", "read_dataset", "validate_paths", "bundled_dataset"} <= set(loaders.__all__)
    assert {"RelationKind", "ActorKind", "SupportType", "Status", "Certainty", "ActorGraphError"} <= set(
        ontology.__all__)


def test_nothing_happens_at_import(tmp_path):
    import subprocess
    import sys
    code = ("import sys, socket; sys.modules['socket'].socket = None\n"
            "import ontology, graph, loaders, queries\nprint('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.strip() == "ok", done.stderr
