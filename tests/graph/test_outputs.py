"""Outputs replace only what they wrote before, unless forced, and never leave half a file."""

from __future__ import annotations

import pytest

from graph import Actor, ActorGraph
from graph.exports import FORMATS, MULTI_FILE, export
from graph.exports.targets import FILE_KINDS, FOLDER_FILES
from graph.outputs import check_file, check_folder, replacing_file, replacing_folder
from ontology import OutputRefused


@pytest.fixture(scope="module")
def graph():
    g = ActorGraph()
    g.add(actors=[Actor("a", "A", "armed_group"), Actor("b", "B", "state")])
    return g


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_export_replaces_its_own_earlier_output(graph, tmp_path, fmt):
    target = tmp_path / ("out" if fmt in MULTI_FILE else f"out.{fmt}")
    first = export(graph, fmt, target)
    second = export(graph, fmt, target)  # recognised as its own: replaced without --force
    assert first == second and all(p.exists() for p in second)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file left beside it


@pytest.mark.parametrize("fmt", sorted(FILE_KINDS))
def test_no_single_file_export_replaces_another_kind_of_file(graph, tmp_path, fmt):
    other = "png" if fmt != "png" else "gexf"
    victim = tmp_path / f"victim.{other}"
    export(graph, other, victim)
    before = victim.read_bytes()
    with pytest.raises(OutputRefused, match="--force"):
        export(graph, fmt, victim)
    assert victim.read_bytes() == before
    export(graph, fmt, victim, force=True)
    assert FILE_KINDS[fmt](victim.read_bytes()[:4096])


@pytest.mark.parametrize("fmt", sorted(FOLDER_FILES))
def test_folder_exports_keep_out_of_folders_they_did_not_write(graph, tmp_path, fmt):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "actors.yaml").write_text("actors: []\n")
    with pytest.raises(OutputRefused, match="actors.yaml"):
        export(graph, fmt, folder)
    assert [p.name for p in folder.iterdir()] == ["actors.yaml"]
    written = export(graph, fmt, folder, force=True)  # forced: its files are added, the others stay
    assert {p.name for p in folder.iterdir()} == {"actors.yaml", *(p.name for p in written)}


def test_an_edited_export_file_is_no_longer_its_own(graph, tmp_path):
    export(graph, "csv", tmp_path / "out")
    (tmp_path / "out" / "nodes.csv").write_text("my own notes\n")
    with pytest.raises(OutputRefused, match="nodes.csv"):
        export(graph, "csv", tmp_path / "out")


def test_check_file_accepts_missing_and_empty_files_and_refuses_folders(tmp_path):
    def never(head):
        return False

    assert check_file(tmp_path / "new.x", kind="x", recognise=never) == tmp_path / "new.x"
    (tmp_path / "empty.x").write_bytes(b"")
    check_file(tmp_path / "empty.x", kind="x", recognise=never)
    with pytest.raises(OutputRefused, match="is a folder"):
        check_file(tmp_path, kind="x", recognise=never, force=True)
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputRefused, match="is a file"):
        check_folder(tmp_path / "f", kind="x", files={}, force=True)


def test_a_failure_inside_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), replacing_file(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.csv").write_text("old")
    with pytest.raises(RuntimeError), replacing_folder(folder) as tmp:
        (tmp / "a.csv").write_text("half")
        raise RuntimeError("interrupted")
    assert (folder / "a.csv").read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == [
        "folder", "out.txt"]
