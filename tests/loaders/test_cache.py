"""loaders.cache: a dataset is compiled once into a store keyed by its content, and never trusted blindly."""

from __future__ import annotations

import shutil

import pytest

from loaders import bundled_dataset
from loaders.cache import CACHE_ENV, cache_folder, cache_key, load_cached
from loaders.cli.main import main
from ontology import DatasetInvalid


@pytest.fixture
def seed_copy(tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(bundled_dataset("seed"), folder)
    return folder


def _claims(graph):
    return sorted((c.id, c.subject, c.predicate.value, c.object, c.valid.edtf, c.note) for c in graph.all_claims())


def test_the_second_load_comes_from_the_cache_and_is_the_same_graph(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    first = load_cached([seed_copy], folder=cache)
    again = load_cached([seed_copy], folder=cache)
    assert (first.cached, again.cached) == (False, True)
    assert _claims(again.graph) == _claims(first.graph)
    assert [p.name for p in cache.iterdir()] == [f"{cache_key([seed_copy])}.agstore"]


def test_a_changed_added_or_renamed_file_gives_a_new_key(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    before = load_cached([seed_copy], folder=cache)
    claims = next(p for p in sorted(seed_copy.rglob("*.yaml")) if "claims" in p.name)
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text + "\n# a comment changes the bytes\n", encoding="utf-8")
    assert load_cached([seed_copy], folder=cache).cached is False
    key = cache_key([seed_copy])
    claims.rename(claims.with_name("renamed-" + claims.name))
    assert cache_key([seed_copy]) != key
    (seed_copy / "notes.txt").write_text("not a data file", encoding="utf-8")
    assert cache_key([seed_copy]) == cache_key([seed_copy])
    assert _claims(load_cached([seed_copy], folder=cache).graph) == _claims(before.graph)


def test_an_edit_to_the_data_is_seen_at_once(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    load_cached([seed_copy], folder=cache)
    actors = seed_copy / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("name: Assad government", "name: EDITED", 1),
                      encoding="utf-8")
    fresh = load_cached([seed_copy], folder=cache)
    assert fresh.cached is False and fresh.graph.get("assad-government").name == "EDITED"
    again = load_cached([seed_copy], folder=cache)
    assert again.cached is True and again.graph.get("assad-government").name == "EDITED"


def test_a_damaged_cache_file_is_rebuilt_not_read(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    good = _claims(load_cached([seed_copy], folder=cache).graph)
    (stored,) = cache.iterdir()
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0xFF
    stored.write_bytes(bytes(data))
    again = load_cached([seed_copy], folder=cache)
    assert again.cached is False and _claims(again.graph) == good
    assert load_cached([seed_copy], folder=cache).cached is True  # rewritten whole


def test_a_dataset_with_problems_is_never_cached(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    claims = next(p for p in sorted(seed_copy.rglob("*.yaml")) if "claims" in p.name)
    claims.write_text(claims.read_text(encoding="utf-8").replace("predicate: supports", "predicate: suports", 1),
                      encoding="utf-8")
    with pytest.raises(DatasetInvalid):
        load_cached([seed_copy], folder=cache)
    assert not cache.exists() or not list(cache.iterdir())


def test_the_cache_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "mine"))
    assert cache_folder() == tmp_path / "mine"
    monkeypatch.setenv(CACHE_ENV, "off")
    assert cache_folder() is None
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "actorgraph"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: ignore a relative path
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "actorgraph"


def test_commands_use_the_cache_and_validate_never_does(seed_copy, tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cmd-cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    assert main(["validate", str(seed_copy)]) == 0
    assert not cache.exists() or not list(cache.iterdir())
    assert main(["info", "--data", str(seed_copy)]) == 0
    assert len(list(cache.iterdir())) == 1
    capsys.readouterr()
    claims = next(p for p in sorted(seed_copy.rglob("*.yaml")) if "claims" in p.name)
    claims.write_text(claims.read_text(encoding="utf-8").replace("predicate: supports", "predicate: suports", 1),
                      encoding="utf-8")
    assert main(["validate", str(seed_copy)]) == 1  # the broken file is read, not the cached store
    assert "suports" in capsys.readouterr().out


def test_commands_in_one_process_share_the_graph_until_a_file_changes(seed_copy, tmp_path, monkeypatch, capsys):
    """Many commands run in one process (a notebook, the question sets' scorer) decode a dataset once, and an edit
    between two of them is seen by the next (the shared graph is keyed by the files' bytes)."""
    import argparse

    import graph.store
    from loaders.cli import common

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "shared-cache"))
    common._LOADED.clear()
    reads = []
    real_read = graph.store.read_store
    monkeypatch.setattr(graph.store, "read_store", lambda *a, **k: reads.append(a) or real_read(*a, **k))
    import loaders.cache

    hashed = []
    real_key = loaders.cache.cache_key
    monkeypatch.setattr(loaders.cache, "cache_key", lambda paths: hashed.append(1) or real_key(paths))
    args = argparse.Namespace(data=[str(seed_copy)], no_cache=False)
    first = common.load_graph(args)
    assert len(hashed) == 1  # a command hashes the data files once, to find the shared graph and the cache file
    assert common.load_graph(args) is first
    for ask in (["relations", "--subject", "russia"], ["explain", "Who supports the Assad government?"]):
        assert main([*ask, "--data", str(seed_copy), "--as-of", "2016-06-01", "--format", "json"]) == 0
    assert len(reads) <= 1  # the first load may compile the store instead of reading it; none is read again
    assert '"russia"' in capsys.readouterr().out
    actors = seed_copy / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("name: Assad government", "name: EDITED", 1),
                      encoding="utf-8")
    edited = common.load_graph(args)
    assert edited is not first and edited.get("assad-government").name == "EDITED"
    assert main(["explain", "Who supports EDITED?", "--data", str(seed_copy), "--as-of", "2016-06-01"]) == 0
    assert "Russia" in capsys.readouterr().out
    # --no-cache and ACTORGRAPH_CACHE=off read the files every time
    assert common.load_graph(argparse.Namespace(data=[str(seed_copy)], no_cache=True)) is not edited
    monkeypatch.setenv(CACHE_ENV, "off")
    assert common.load_graph(args) is not common.load_graph(args)


def test_the_explain_command_reuses_its_question_reader_for_the_same_graph_only(seed_copy):
    from loaders.cli.explain import _explainer
    from loaders.dataset import load_datasets

    one, other = load_datasets([seed_copy]), load_datasets([seed_copy])
    reader = _explainer(one)
    assert _explainer(one) is reader
    assert _explainer(other) is not reader and _explainer(other).graph is other
