"""Reading an outside CSV file row by row with the line each row starts on."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

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
        ImportInputError: the file is missing, empty or not UTF-8.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
    except OSError as exc:
        raise ImportInputError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ImportInputError(f"{path}: not UTF-8 text ({exc.reason}); save it as UTF-8") from None
    if not first.strip():
        raise ImportInputError(f"{path}: empty file; expected a header row")
    if delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    delimiter = delimiter or detect_delimiter(first)
    if len(delimiter) != 1:
        raise ImportInputError(f"--delimiter must be one character (or \\t for tab), not {delimiter!r}")
    header = next(csv.reader([first], delimiter=delimiter))
    keys = [h.strip().lower() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        # opened again here, on first use, so that a caller who stops after the header leaks no file
        with path.open(encoding="utf-8-sig", newline="") as handle:
            handle.readline()
            reader = csv.reader(handle, delimiter=delimiter)
            line = 1  # the header was line 1; reader.line_num counts the lines after it
            try:
                for cells in reader:
                    start, line = line + 1, reader.line_num + 1
                    if not any(c.strip() for c in cells):
                        continue
                    row = dict(zip(keys, (c.strip() for c in cells), strict=False))
                    if len(cells) != len(keys):
                        row["__width__"] = str(len(cells))
                    yield start, row
            except UnicodeDecodeError as exc:
                raise ImportInputError(f"{path}:{line + 1}: not UTF-8 text ({exc.reason}); save it as UTF-8") from None
            except csv.Error as exc:
                raise ImportInputError(f"{path}:{line + 1}: CSV syntax error: {exc}") from None

    return CsvRows(path, header, rows(), delimiter)
