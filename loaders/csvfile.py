"""Reading the bulk CSV layout of a dataset into the same records as the YAML layout.

Text comes through :mod:`graph.textfile` (bad bytes and NULs reported with line and column) and is
parsed with the csv module in strict mode, so a quote that is never closed is an error at the line
where it opened, not a field that silently swallows the rest of the file.
"""

from __future__ import annotations

import csv
from pathlib import Path

from graph.textfile import text_lines
from loaders.problems import Problem
from loaders.yamlfile import Located
from ontology import InputFileError

__all__ = ["CSV_SECTIONS", "csv_error", "read_csv", "section_of_csv"]

CSV_SECTIONS = ("actors", "places", "sources", "claims")
_LISTS = {"aliases", "support_types"}


def section_of_csv(path: Path) -> str | None:
    """``actors.csv`` and ``syria.actors.csv`` hold actors; ``None`` for a CSV of no known section."""
    stem = path.name[: -len(".csv")]
    for section in CSV_SECTIONS:
        if stem == section or stem.endswith("." + section):
            return section
    return None


def csv_error(exc: csv.Error, record_line: int, current_line: int) -> tuple[int, str]:
    """The line to fix and a message for a csv module error met while reading the record begun on ``record_line``.

    >>> csv_error(csv.Error("unexpected end of data"), 4, 9)
    (4, 'CSV syntax error: the quoted field that starts on this line is never closed; close it with "')
    """
    text = str(exc)
    if "unexpected end of data" in text:
        return record_line, ('CSV syntax error: the quoted field that starts on this line is never closed; '
                             'close it with "')
    if "field larger than field limit" in text:
        return record_line, (f"CSV syntax error: a field longer than {csv.field_size_limit():,} characters; "
                             "is a quote missing, or is this not a CSV file?")
    if "expected after" in text:
        return current_line, (f"CSV syntax error: {text}: a quoted field must end at its closing quote; write a "
                              'quote inside a field as ""')
    return current_line, f"CSV syntax error: {text}"


def read_csv(path: Path, display: str, section: str) -> tuple[Located | None, list[Problem]]:
    """Read one CSV file as ``{section: [record, ...]}`` with the line of every record and field.

    Rows before a syntax error are kept; the error ends the file (what follows cannot be trusted).
    """
    records, lines, problems, complete = [], {(): 1, (section,): 1}, [], True
    source = text_lines(path, display=display)
    reader = csv.reader(source, strict=True)
    start = 1
    try:
        header = _header(reader, display, problems)
        if header is None:
            return None, problems
        start = reader.line_num + 1
        for cells in reader:
            if not any(c.strip() for c in cells):
                start = reader.line_num + 1
                continue
            if len(cells) > len(header):
                problems.append(Problem(display, start, "", f"{len(cells)} cells but the header names "
                                                            f"{len(header)} columns; remove the extra cells"))
            record = {}
            for key, value in zip(header, cells, strict=False):
                if key and value.strip():
                    record[key] = _cell(key, value.strip(), section)
                    lines[(section, len(records), key)] = start
            lines[(section, len(records))] = start
            records.append(record)
            start = reader.line_num + 1
    except InputFileError as exc:
        problems.append(Problem(display, exc.line, "", exc.message, exc.column))
        if not records:
            return None, problems
        complete = False
    except csv.Error as exc:
        line, message = csv_error(exc, start, reader.line_num)
        problems.append(Problem(display, line, "", message))
        complete = False
    finally:
        source.close()
    return Located({section: records}, lines, complete=complete), problems


def _header(reader, display: str, problems: list[Problem]) -> list[str] | None:
    header = next(reader, None)
    if not header or "id" not in [h.strip() for h in header]:
        problems.append(Problem(display, 1, "", "the header row must name the columns, one of them 'id' "
                                                "(see loaders/FORMAT.md)"))
        return None
    names = [h.strip() for h in header]
    seen = set()
    for name in names:
        if name and name in seen:
            problems.append(Problem(display, 1, name, f"the column {name!r} appears twice in the header; keep one"))
        seen.add(name)
    return names


def _cell(key: str, value: str, section: str):
    if key in _LISTS or (section == "claims" and key == "sources"):
        return [part.strip() for part in value.split(";") if part.strip()]
    if key == "external_ids":
        out = {}
        for part in value.split(";"):
            scheme, _, ident = part.partition("=")
            if scheme.strip():
                out[scheme.strip()] = ident.strip()
        return out
    return value
