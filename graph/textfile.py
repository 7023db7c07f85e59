"""Reading text files: one decoding path for every input, so bad bytes are reported with file and line.

Every file a command reads as text (dataset YAML and CSV, crosswalks, outside CSV and JSON, articles,
gold sets, query files) comes through here. Python's own decoding errors name a byte offset in a
buffer, not a line, and an unreadable file may raise an error that names no file; here every
failure becomes an :class:`ontology.InputFileError` with the file, the line and the column, and says
how to fix it. The encoding is UTF-8 (a byte-order mark is allowed and dropped); UTF-16 and UTF-32
are accepted only with a byte-order mark, which is how Windows tools write them. A NUL character is
refused wherever it appears: it is never part of text, and it means a binary file or a wrong encoding.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp(), "names.csv")
>>> _ = path.write_bytes(b"id,name\\nhts,Hay\\xe2\\x80\\x99at\\nbad,Caf\\xe9\\n")
>>> try:
...     read_text(path, display="names.csv")
... except InputFileError as exc:
...     print(exc.file, exc.line, exc.column, exc.message[:40])
names.csv 3 8 not UTF-8 text: byte 0xe9 cannot be read
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator

from ontology import InputFileError

__all__ = ["MAX_LINE_BYTES", "decode", "display_name", "read_bytes", "read_stdin", "read_text", "text_lines"]

#: No real input line (a CSV row, a JSON line) comes near this; a longer one is a binary or broken file.
MAX_LINE_BYTES = 64 * 1024 * 1024

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def display_name(path: str | os.PathLike) -> str:
    """``path`` as errors show it: relative to the working folder when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _bom(head: bytes) -> tuple[str | None, int]:
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding, len(mark)
    return None, 0


def _cannot_read(display: str, exc: OSError) -> InputFileError:
    if isinstance(exc, IsADirectoryError):
        return InputFileError(display, "is a folder, not a file; give a file here")
    if isinstance(exc, FileNotFoundError):
        return InputFileError(display, "no such file; check the path")
    if isinstance(exc, PermissionError):
        return InputFileError(display, "cannot be read: permission denied; check its permissions")
    reason = exc.strerror or type(exc).__name__
    return InputFileError(display, f"cannot be read: {reason} (an I/O error; is the disk or file damaged?)")


def read_bytes(path: str | os.PathLike, *, display: str | None = None, limit: int | None = None) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; every failure names the file.

    Raises:
        InputFileError: missing, a folder, unreadable, not a regular file, or larger than ``limit``.
    """
    display = display or display_name(path)
    too_large = InputFileError(display, f"is larger than {_size(limit or 0)}, the most this command reads from "
                                        "one file; split it into smaller files")
    try:
        with open(path, "rb") as handle:
            if limit is not None and os.fstat(handle.fileno()).st_size > limit:
                raise too_large  # a regular file's size is known: refused without reading it
            data = handle.read() if limit is None else handle.read(limit + 1)  # pipes and devices: read to see
    except OSError as exc:
        raise _cannot_read(display, exc) from None
    if limit is not None and len(data) > limit:
        raise too_large
    return data


def read_stdin(*, limit: int | None = None) -> str:
    """Standard input, decoded like a file (shown as ``<stdin>`` in errors)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (tests): already decoded
        return _checked(sys.stdin.read(), "<stdin>")
    data = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise InputFileError("<stdin>", f"is larger than {_size(limit)}, the most this command reads")
    return decode(data, "<stdin>")


def read_text(path: str | os.PathLike, *, display: str | None = None, limit: int | None = None) -> str:
    """The whole text of ``path`` (UTF-8, or UTF-16/32 with a byte-order mark, which is dropped).

    Raises:
        InputFileError: unreadable, too large, bad bytes or a NUL character (with line and column).
    """
    display = display or display_name(path)
    return decode(read_bytes(path, display=display, limit=limit), display)


def decode(data: bytes, display: str) -> str:
    """``data`` as text; a bad byte or a NUL character is an error naming its line and column.

    >>> decode(b"\\xef\\xbb\\xbfid,name\\r\\n", "x.csv")
    'id,name\\r\\n'
    >>> decode("a\\nb".encode("utf-16"), "x.csv")
    'a\\nb'
    """
    encoding, skip = _bom(data[:4])
    encoding = encoding or "utf-8"
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise _bad_bytes(data[skip:], encoding, exc, display, 1) from None
    return _checked(text, display)


def _checked(text: str, display: str, line_offset: int = 0) -> str:
    at = text.find("\0")
    if at >= 0:
        line = text.count("\n", 0, at) + 1 + line_offset
        column = at - text.rfind("\n", 0, at)
        hint = ("it looks like UTF-16 text without a byte-order mark; save it as UTF-8"
                if text.count("\0") * 3 >= len(text) else "a text file never holds one; is this a binary file?")
        raise InputFileError(display, f"contains a NUL character (U+0000); {hint}", line=line, column=column)
    return text


def _bad_bytes(data: bytes, encoding: str, exc: UnicodeDecodeError, display: str, first_line: int) -> InputFileError:
    """The error for bytes ``data[exc.start:exc.end]`` that ``encoding`` cannot read, located by line and column."""
    before = data[: exc.start].decode(encoding, errors="replace")
    line = before.count("\n") + first_line
    column = len(before) - before.rfind("\n")
    bad = data[exc.start : exc.start + 1].hex()
    name = "UTF-8" if encoding == "utf-8" else encoding.upper().replace("-LE", "").replace("-BE", "")
    if encoding == "utf-8" and data.count(b"\0") * 4 >= len(data):
        hint = "it looks like UTF-16 text without a byte-order mark; save it as UTF-8"
    else:
        hint = "save the file as UTF-8" + (" (it may be Latin-1 or Windows-1252)" if encoding == "utf-8" else "")
    return InputFileError(display, f"not {name} text: byte 0x{bad} cannot be read ({exc.reason}); {hint}",
                          line=line, column=column)


def text_lines(path: str | os.PathLike, *, display: str | None = None) -> Iterator[str]:
    """The lines of ``path`` with their line endings, decoded one by one (for large CSV files).

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as the csv module expects with ``newline=""``.
    A decoding error names the line and column where it happened; nothing before it is lost.

    Raises:
        InputFileError: as :func:`read_text`, raised when the bad line is reached; also for a line
            longer than :data:`MAX_LINE_BYTES`.
    """
    display = display or display_name(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the generator's finally
    except OSError as exc:
        raise _cannot_read(display, exc) from None
    return _lines(handle, display)


def _lines(handle, display: str) -> Iterator[str]:
    with handle:
        try:
            head = handle.read(4)
            encoding, skip = _bom(head)
            if encoding not in (None, "utf-8"):  # UTF-16/32 (rare): whole file, newlines found after decoding
                text = decode(head + handle.read(), display)
                yield from io.StringIO(text, newline="")
                return
            handle.seek(skip)
            number = 0
            while True:
                raw = handle.readline(MAX_LINE_BYTES + 1)
                if not raw:
                    return
                if len(raw) > MAX_LINE_BYTES:
                    raise InputFileError(display, f"line longer than {_size(MAX_LINE_BYTES)}; this is not a text "
                                                  "file of the expected kind", line=number + 1)
                for piece in raw.splitlines(keepends=True) if b"\r" in raw[:-2] else (raw,):
                    number += 1
                    try:
                        text = piece.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        raise _bad_bytes(piece, "utf-8", exc, display, number) from None
                    yield _checked(text, display, number - 1)
        except OSError as exc:
            raise _cannot_read(display, exc) from None


def _size(n: int) -> str:
    return f"{n / 2**30:g} GiB" if n >= 2**30 else f"{n / 2**20:g} MiB" if n >= 2**20 else f"{n} bytes"
