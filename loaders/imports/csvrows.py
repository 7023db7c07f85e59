"""Reading an outside CSV file row by row with the line each row starts on.

Text comes through :mod:`graph.textfile` (bad bytes reported with line and column, a byte-order mark
dropped). Comma, semicolon and bar files are parsed in strict mode, so a broken quote is an error
at its line, never a silently merged row; tab-separated files (ICEWS) keep the lenient reading, as
their fields are not quoted and a quote there is text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from graph.textfile import text_lines
from loaders.csvfile import csv_error
from ontology import ActorGraphError

__all__ = ["CsvRows", "ImportInputError", "detect_delimiter", "read_rows"]


class ImportInputError(ActorGraphError, ValueError):
    """An input file that cannot be read at all (wrong layout, not CSV, not UTF-8)."""


class CsvRows:
    """The header (as written, and lower-cased) and an iterator of (line, row) pairs."""

    def __init__(self, path: Path, header: list[str], rows: Iterator[tuple[int, dict[str, str]]], delimiter: str = ","):
        self.path, self.header, self.rows, self.delimiter = path, header, rows, delimiter

    @property
    def columns(self) -> set[str]:
        return {h.strip().lower() for h in self.header}

    def width_problem(self, row: dict[str, str]) -> str:
        """Why a row cannot be read cell by cell (its number of cells differs from the header's), or ``""``."""
        return f"{row['__width__']} cells, but the header has {len(self.header)}" if "__width__" in row else ""


def detect_delimiter(header_line: str) -> str:
    r"""Comma, unless the header has none and has tabs (ICEWS ``.tab`` files), semicolons or bars.

    >>> detect_delimiter("Event ID\tEvent Date\tSource Name"), detect_delimiter("a,b"), detect_delimiter("a;b")
    ('\t', ',', ';')
    """
    if "," in header_line:
        return ","
    counts = {d: header_line.count(d) for d in ("\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_rows(path: str | Path, *, delimiter: str | None = None) -> CsvRows:
    """Open ``path`` as UTF-8 CSV (a byte-order mark is allowed); keys are lower-cased column names.

    ``delimiter`` (a comma, tab, ``;``...) is detected from the header when not given.

    Raises:
        InputFileError: the file is missing, unreadable or has bad bytes (with line and column).
        ImportInputError: it is empty, or its header row is not CSV.
    """
    path = Path(path)
    lines = text_lines(path, display=str(path))
    try:
        first = next(lines, "")
    finally:
        lines.close()  # the rows are read again from the start, on first use: nothing stays open meanwhile
    if not first.strip():
        raise ImportInputError(f"{path}: empty file; expected a header row")
    if delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    delimiter = delimiter or detect_delimiter(first)
    if len(delimiter) != 1:
        raise ImportInputError(f"--delimiter must be one character (or \\t for tab), not {delimiter!r}")
    strict = delimiter != "\t"

    def reader(source):
        return csv.reader(source, delimiter=delimiter, strict=strict)

    source = text_lines(path, display=str(path))
    try:
        header = next(reader(source), [])
    except csv.Error as exc:
        raise ImportInputError(f"{path}:1: {csv_error(exc, 1, 1)[1]}") from None
    finally:
        source.close()
    keys = [h.strip().lower() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        source = text_lines(path, display=str(path))
        cells_of = reader(source)
        start = 1
        try:
            next(cells_of, None)
            start = cells_of.line_num + 1
            for cells in cells_of:
                if any(c.strip() for c in cells):
                    row = dict(zip(keys, (c.strip() for c in cells), strict=False))
                    if len(cells) != len(keys):
                        row["__width__"] = str(len(cells))
                    yield start, row
                start = cells_of.line_num + 1
        except csv.Error as exc:
            line, message = csv_error(exc, start, cells_of.line_num)
            raise ImportInputError(f"{path}:{line}: {message}") from None
        finally:
            source.close()

    return CsvRows(path, header, rows(), delimiter)
