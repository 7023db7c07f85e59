"""The one decoding path: every encoding problem named with file, line and column; every odd but valid file read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graph.textfile as textfile
from graph.textfile import decode, display_name, read_bytes, read_text, text_lines
from ontology import InputFileError


@pytest.mark.parametrize("data, text", [
    (b"a,b\nc,d\n", "a,b\nc,d\n"),
    (b"\xef\xbb\xbfa,b\n", "a,b\n"),
    ("a,b\nç,d\n".encode("utf-16"), "a,b\nç,d\n"),
    ("a,b\nç,d\n".encode("utf-16-be"), None),  # no byte-order mark: not guessed (NUL error below)
    (b"\xfe\xff" + "x\ny".encode("utf-16-be"), "x\ny"),
    ("x\ny".encode("utf-32"), "x\ny"),
    (b"", ""),
])
def test_encodings_with_a_byte_order_mark_are_read_others_are_utf8(data, text):
    if text is None:
        with pytest.raises(InputFileError, match="UTF-16 text without a byte-order mark"):
            decode(data, "f.csv")
    else:
        assert decode(data, "f.csv") == text


@pytest.mark.parametrize("data, line, column, words", [
    (b"ok\nalso ok\nbad \xe9 here\n", 3, 5, "0xe9"),
    (b"\xff\xfe", None, None, None),  # a UTF-16 mark with nothing after it: empty text
    (b"caf\xc3", 1, 4, "unexpected end of data"),
    (b"one\r\ntwo\r\n\x80", 3, 1, "0x80"),
    (b"tab\tand \xf0\x28\x8c\x28", 1, 9, "0xf0"),
])
def test_bad_bytes_are_located(data, line, column, words):
    if line is None:
        assert decode(data, "x") == ""
        return
    with pytest.raises(InputFileError) as caught:
        decode(data, "x.txt")
    exc = caught.value
    assert (exc.file, exc.line, exc.column) == ("x.txt", line, column)
    assert words in exc.message and str(exc).startswith(f"x.txt:{line}:{column}: ")


def test_a_nul_is_located_and_explained():
    with pytest.raises(InputFileError, match=r"^x:2:3: contains a NUL.*binary"):
        decode(b"abc\nde\0f\n", "x")


def test_text_lines_give_the_same_lines_as_the_csv_module_expects(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"\xef\xbb\xbfa\r\nb\rc\nd")
    assert list(text_lines(path)) == ["a\r\n", "b\r", "c\n", "d"]
    path.write_bytes("a\r\nb\rc".encode("utf-16"))
    assert list(text_lines(path)) == ["a\r\n", "b\r", "c"]


def test_text_lines_report_the_line_of_a_bad_byte_after_lone_carriage_returns(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"a\rb\rc\xff\n")
    lines = text_lines(path)
    assert next(lines) == "a\r" and next(lines) == "b\r"
    with pytest.raises(InputFileError) as caught:
        next(lines)
    assert (caught.value.line, caught.value.column) == (3, 2)


def test_an_endless_line_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(textfile, "MAX_LINE_BYTES", 100)  # the limit is a setting, not our code's behaviour
    path = tmp_path / "f.csv"
    path.write_bytes(b"short\n" + b"x" * 1000)
    with pytest.raises(InputFileError, match="f.csv:2: line longer than"):
        list(text_lines(path, display="f.csv"))


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(10 << 30)  # sparse: 10 GiB that take no room
    with pytest.raises(InputFileError, match="larger than 1 MiB"):
        read_bytes(path, limit=1 << 20)


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: None, "no such file"),
])
def test_unreadable_paths_are_named(tmp_path, make, words):
    path = tmp_path / "thing.txt"
    make(path)
    with pytest.raises(InputFileError, match=words) as caught:
        read_text(path)
    assert caught.value.file.endswith("thing.txt")


def test_an_io_error_on_read_names_the_file(tmp_path):
    link = tmp_path / "disk.txt"
    link.symlink_to("/proc/self/mem")  # opens, then every read fails with EIO
    with pytest.raises(InputFileError, match=r"disk\.txt: cannot be read: .*I/O error"):
        read_text(link)


def test_display_names_are_relative_below_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_name(tmp_path / "a" / "b.yaml") == "a/b.yaml"
    assert display_name("/etc/hostname") == "/etc/hostname"


@settings(max_examples=1000, deadline=None, database=None)
@given(st.binary(max_size=200))
def test_decoding_random_bytes_gives_text_or_a_located_error(data):
    try:
        text = decode(data, "r")
    except InputFileError as exc:
        assert exc.line >= 1 and exc.column >= 1 and exc.file == "r"
    else:
        assert "\0" not in text
