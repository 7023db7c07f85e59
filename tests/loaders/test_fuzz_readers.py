"""Hypothesis fuzzing of the readers that take files from outside: never a traceback, always a located problem.

The YAML reader, the dataset CSV reader, the import CSV reader, the crosswalk reader and the whole
dataset loader get random text, random bytes, YAML-looking token soup and mutations of valid files.
Each may only answer with its documented result (values and problems) or its documented errors
(``InputFileError``, ``ImportInputError``, ``CrosswalkError``), every problem located in the file.
``ACTORGRAPH_FUZZ_EXAMPLES`` sets the number of examples per reader: 500 by default, to keep the suite
quick on two cores; the README gives the figures of a run with 3,000.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.csvfile import read_csv
from loaders.dataset import read_dataset
from loaders.imports import Crosswalk, CrosswalkError, ImportInputError
from loaders.imports.csvrows import read_rows
from loaders.yamlfile import Located, parse_yaml, read_yaml
from ontology import InputFileError
from tests.loaders.test_bad_input import ACTORS, CLAIMS, GOOD_ACTORS_CSV, SOURCES

EXAMPLES = int(os.environ.get("ACTORGRAPH_FUZZ_EXAMPLES", "500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
HEAVY = settings(FUZZ, max_examples=max(EXAMPLES // 4, 100))

YAML_TOKENS = ["&a ", "&b ", "*a", "*b", "[", "]", "{", "}", ": ", "- ", "\n", "  ", "\t", "'", '"', "? ",
               "!!python/object:os.system ", "!x ", "---\n", "...\n", "# c\n", ",", "id", "actors", "claims",
               "2015", "~", "null", "\\", "|\n", ">\n", "%YAML 1.1\n", "\ufeff", "\x00", "\x1b", "é", "\u202e"]
CSV_TOKENS = ["id", "name", "kind", ",", '"', '""', "\n", "\r\n", "\r", "armed_group", "hts", ";", "=",
              "\x00", "\xff", " ", "é", "x" * 50]


def mutated(base: str):
    """``base`` with a few characters inserted, deleted or replaced."""
    def apply(edits):
        text = base
        for pos, kind, ch in edits:
            pos %= len(text) + 1
            text = text[:pos] + ch + text[pos:] if kind == 0 else text[:pos] + ch + text[pos + 1:] if kind == 1 \
                else text[:pos] + text[pos + 1:]
        return text

    edit = st.tuples(st.integers(0, 10_000), st.integers(0, 2), st.sampled_from(YAML_TOKENS + list(": -[]{}&*!'\"")))
    return st.lists(edit, min_size=1, max_size=6).map(apply)


def _check_problems(problems, text: str) -> None:
    lines = len(re.split(r"\r\n|\r|\n", text)) + 1
    for p in problems:
        assert 0 <= p.line <= lines, p
        assert p.message and "\n" not in p.message, p


def _check_value(value) -> None:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            assert all(isinstance(k, str) for k in v)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        else:
            assert v is None or isinstance(v, str), type(v)


def _yaml(text: str) -> None:
    located, problems = parse_yaml(text, "f.yaml")
    assert located is None or isinstance(located, Located)
    _check_problems(problems, text)
    if located is not None and not problems:
        _check_value(located.value)
    if located is None:
        assert problems  # nothing read: it says why


@FUZZ
@given(st.text(max_size=300))
def test_yaml_reader_on_random_text(text):
    _yaml(text)


@FUZZ
@given(st.lists(st.sampled_from(YAML_TOKENS), max_size=60).map("".join))
def test_yaml_reader_on_yaml_token_soup(text):
    _yaml(text)


@FUZZ
@given(mutated(ACTORS + SOURCES.replace("sources:", "sources_x:") + CLAIMS.replace("claims:", "claims_x:")))
def test_yaml_reader_on_mutated_datasets(text):
    _yaml(text)


@FUZZ
@given(st.binary(max_size=300))
def test_yaml_reader_on_random_bytes(scratch, data):
    path = scratch / "f.yaml"
    path.write_bytes(data)
    located, problems = read_yaml(path, "f.yaml")
    assert located is not None or problems


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One folder for all examples (a new folder per example would cost more than the reading)."""
    return tmp_path_factory.mktemp("fuzz")


def _csv_file(scratch: Path, data: bytes, name: str = "actors.csv") -> Path:
    path = scratch / name
    path.write_bytes(data)
    return path


csv_bytes = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(CSV_TOKENS), max_size=60).map(lambda parts: "".join(parts).encode("utf-8",
                                                                                             "surrogatepass")),
    st.lists(st.sampled_from(CSV_TOKENS), max_size=30).map(lambda p: GOOD_ACTORS_CSV + "".join(p).encode()),
)


@FUZZ
@given(csv_bytes)
def test_dataset_csv_reader(scratch, data):
    path = _csv_file(scratch, data)
    located, problems = read_csv(path, "actors.csv", "actors")
    assert located is not None or problems
    _check_problems(problems, data.decode("utf-8", errors="replace"))


@FUZZ
@given(csv_bytes)
def test_import_csv_reader(scratch, data):
    path = _csv_file(scratch, data, "rows.csv")
    try:
        rows = read_rows(path)
        for line, row in rows.rows:
            assert line >= 2 and all(isinstance(k, str) and isinstance(v, str) for k, v in row.items())
    except (InputFileError, ImportInputError) as exc:
        assert str(path) in str(exc)


@FUZZ
@given(st.one_of(csv_bytes, st.lists(st.sampled_from(CSV_TOKENS + ["scheme,key,actor,from,to,note\n", "2015",
                                                                   "2016", "acled", "1999-13"]),
                                     max_size=40).map(lambda p: "".join(p).encode())))
def test_crosswalk_reader(scratch, data):
    path = _csv_file(scratch, data, "cw.csv")
    try:
        cw = Crosswalk.load(path)
        assert all(e.scheme and e.key and e.actor for e in cw.entries)
    except (InputFileError, CrosswalkError) as exc:
        assert str(path) in str(exc)


@HEAVY
@given(st.sampled_from(["actors.yaml", "sources.yaml", "claims.yaml"]), st.data())
def test_whole_dataset_loader_on_a_mutated_file(scratch, which, data):
    folder = scratch / "dataset"
    folder.mkdir(exist_ok=True)
    files = {"actors.yaml": ACTORS, "sources.yaml": SOURCES, "claims.yaml": CLAIMS}
    files[which] = data.draw(mutated(files[which]))
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    ds = read_dataset([folder])
    for p in ds.problems:
        assert p.file.endswith(tuple(files)) and p.message
    if not ds.problems:
        assert ds.actors or ds.claims or ds.sources or files[which].strip() == ""
