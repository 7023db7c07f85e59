"""A damaged store never loads as another graph: hypothesis flips bits, cuts and overwrites store files.

Every change to a store's bytes must end in a :class:`StoreError` naming the file (never a
traceback, never a graph that answers differently); the unchanged file must load as it was
written. Also: the checksum covers the header, a store of the first version (payload checksum
only) still loads, and a file that passes its checksum but lies in its columns is refused.
``ACTORGRAPH_FUZZ_EXAMPLES`` sets the number of examples (500 by default).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.store import StoreError, read_store, store_notes, write_store
from graph.store.container import read_container, write_container
from graph.store.encode import encode_graph
from tests.graph.storefiles import first_version
from tests.graph.test_store import _varied_graph

EXAMPLES = int(os.environ.get("ACTORGRAPH_FUZZ_EXAMPLES", "500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "g.agstore"
    write_store(_varied_graph(), path, notes={"unmatched": [{"key": "=1+1"}]})
    return path.read_bytes()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("damaged")


def _ids(g) -> list:
    return [(c.id, c.subject, c.object, c.valid.edtf, c.citations) for c in g.all_claims()]


damage = st.one_of(
    st.lists(st.tuples(st.integers(0, 1 << 30), st.integers(0, 7)), min_size=1, max_size=8).map(lambda f: ("flip", f)),
    st.integers(0, 1 << 30).map(lambda n: ("cut", n)),
    st.tuples(st.integers(0, 1 << 30), st.binary(min_size=1, max_size=16)).map(lambda w: ("write", w)),
    st.tuples(st.integers(0, 1 << 30), st.binary(min_size=1, max_size=16)).map(lambda w: ("insert", w)),
)


def _apply(data: bytes, how) -> bytes:
    kind, what = how
    out = bytearray(data)
    if kind == "flip":
        for pos, bit in what:
            out[pos % len(out)] ^= 1 << bit
    elif kind == "cut":
        del out[what % len(out):]
    elif kind == "write":
        pos, chunk = what
        pos %= len(out)
        out[pos:pos + len(chunk)] = chunk
    else:
        pos, chunk = what
        pos %= len(out) + 1
        out[pos:pos] = chunk
    return bytes(out)


@FUZZ
@given(damage)
def test_any_damage_is_a_store_error_never_another_graph(original, scratch, how):
    data = _apply(original, how)
    path = scratch / "g.agstore"
    path.write_bytes(data)
    if data == original:
        assert _ids(read_store(path)) == _ids(_varied_graph())
        return
    with pytest.raises(StoreError) as caught:
        read_store(path)
    assert str(path) in str(caught.value)
    with pytest.raises(StoreError):
        store_notes(path)


def test_the_undamaged_file_loads_and_its_notes_read_back(original, tmp_path):
    path = tmp_path / "g.agstore"
    path.write_bytes(original)
    assert _ids(read_store(path)) == _ids(_varied_graph())
    assert store_notes(path) == {"unmatched": [{"key": "=1+1"}]}


def test_a_header_change_is_caught_by_the_checksum(original, tmp_path):
    """A digit of the claim count in the header: valid JSON, a plausible value, and caught."""
    path = tmp_path / "g.agstore"
    text = original.replace(b'"claims":21', b'"claims":20', 1)
    assert text != original
    path.write_bytes(text)
    with pytest.raises(StoreError, match="checksum"):
        read_store(path)


def test_a_first_version_store_still_loads_and_its_payload_is_checked(original, tmp_path):
    path = tmp_path / "old.agstore"
    old = first_version(original)
    path.write_bytes(old)
    assert _ids(read_store(path)) == _ids(_varied_graph())
    damaged = bytearray(old)
    damaged[-20] ^= 4
    path.write_bytes(bytes(damaged))
    with pytest.raises(StoreError, match="checksum"):
        read_store(path)


@pytest.mark.parametrize("column, value", [("claim.object", 99), ("claim.predicate", 200), ("claim.start", 500),
                                           ("citation.source", 7), ("claim.note", 10_000), ("claim.subject", -3)])
def test_columns_that_point_outside_their_tables_are_refused(tmp_path, column, value):
    arrays, meta = encode_graph(_varied_graph())
    changed = arrays[column].copy()
    changed[0] = value
    write_container(tmp_path / "x.agstore", {**arrays, column: changed}, meta)  # a valid checksum
    with pytest.raises(StoreError, match=column.replace(".", r"\.")):
        read_store(tmp_path / "x.agstore")


def test_broken_citation_pointers_are_refused(tmp_path):
    arrays, meta = encode_graph(_varied_graph())
    ptr = arrays["citation.ptr"].copy()
    ptr[3], ptr[4] = ptr[4], ptr[3]  # no longer non-decreasing
    write_container(tmp_path / "x.agstore", {**arrays, "citation.ptr": ptr}, meta)
    with pytest.raises(StoreError, match="citation pointers"):
        read_store(tmp_path / "x.agstore")


def test_verify_false_skips_only_the_checksum(original, tmp_path):
    path = tmp_path / "g.agstore"
    path.write_bytes(_apply(original, ("flip", [(len(original) - 30, 0)])))
    read_container(path, verify=False)  # inspection of a damaged file stays possible
    with pytest.raises(StoreError):
        read_container(path)
