"""Reading the bulk CSV layout of a dataset into the same records as the YAML layout."""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.problems import Problem
from loaders.yamlfile import Located

__all__ = ["CSV_SECTIONS", "read_csv", "section_of_csv"]

CSV_SECTIONS = ("actors", "places", "sources", "claims")
_LISTS = {"aliases", "support_types"}


def section_of_csv(path: Path) -> str | None:
    """``actors.csv`` and ``syria.actors.csv`` hold actors; ``None`` for a CSV of no known section."""
    stem = path.name[: -len(".csv")]
    for section in CSV_SECTIONS:
        if stem == section or stem.endswith("." + section):
            return section
    return None


def read_csv(path: Path, display: str, section: str) -> tuple[Located | None, list[Problem]]:
    """Read one CSV file as ``{section: [record, ...]}`` with the line of every record and field."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        return None, [Problem(display, 0, "", f"cannot read: {exc.strerror}")]
    records, lines, problems = [], {(): 1, (section,): 1}, []
    with handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "id" not in reader.fieldnames:
            return None, [Problem(display, 1, "", "the header row must name the columns, starting with 'id'")]
        line = 1
        try:
            for i, row in enumerate(reader):
                line_here = line + 1
                line = reader.line_num
                if None in row:
                    problems.append(Problem(display, line_here, "", "more cells than header columns"))
                record = {}
                for key, value in row.items():
                    if key is None or value is None or value.strip() == "":
                        continue
                    record[key] = _cell(key, value.strip(), section)
                    lines[(section, i, key)] = line_here
                records.append(record)
                lines[(section, i)] = line_here
        except csv.Error as exc:
            problems.append(Problem(display, reader.line_num, "", f"CSV syntax error: {exc}"))
        except UnicodeDecodeError as exc:
            problems.append(Problem(display, line + 1, "", f"not UTF-8 text ({exc.reason}); save it as UTF-8"))
    return Located({section: records}, lines), problems


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
