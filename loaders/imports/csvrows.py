"""Reading an outside CSV file row by row with the line each row starts on.

Text comes through :mod:`graph.textfile` (bad bytes reported with line and column, a byte-order mark
dropped) and is parsed in strict mode, so a broken quote is an error at its line, never a silently
merged row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from graph.textfile import text_lines
from loaders.csvfile import csv_error
from ontology import ActorGraphError

__all__ = ["CsvRows", "ImportInputError", "read_rows"]


class ImportInputError(ActorGraphError, ValueError):
    """An input file that cannot be read at all (wrong layout, not CSV, not UTF-8)."""


class CsvRows:
    """The header (as written, and lower-cased) and an iterator of (line, row) pairs."""

    def __init__(self, path: Path, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]):
        self.path, self.header, self.rows = path, header, rows

    @property
    def columns(self) -> set[str]:
        return {h.strip().lower() for h in self.header}


def read_rows(path: str | Path) -> CsvRows:
    """Open ``path`` as UTF-8 CSV (a byte-order mark is allowed); keys are lower-cased column names.

    Raises:
        InputFileError: the file is missing, unreadable or has bad bytes (with line and column).
        ImportInputError: it is empty, or its header row is not CSV.
    """
    path = Path(path)
    lines = text_lines(path, display=str(path))
    try:
        header = next(csv.reader(lines, strict=True), None)
    except csv.Error as exc:
        raise ImportInputError(f"{path}:1: {csv_error(exc, 1, 1)[1]}") from None
    finally:
        lines.close()  # the rows are read again from the start, on first use: nothing stays open meanwhile
    if not header or not any(h.strip() for h in header):
        raise ImportInputError(f"{path}: empty file; expected a header row")
    keys = [h.strip().lower() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        source = text_lines(path, display=str(path))
        reader = csv.reader(source, strict=True)
        start = 1
        try:
            next(reader, None)
            start = reader.line_num + 1
            for cells in reader:
                if any(c.strip() for c in cells):
                    row = dict(zip(keys, (c.strip() for c in cells), strict=False))
                    if len(cells) != len(keys):
                        row["__width__"] = str(len(cells))
                    yield start, row
                start = reader.line_num + 1
        except csv.Error as exc:
            line, message = csv_error(exc, start, reader.line_num)
            raise ImportInputError(f"{path}:{line}: {message}") from None
        finally:
            source.close()

    return CsvRows(path, header, rows())
