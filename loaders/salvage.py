"""The ids a file would have defined, read from its raw text when the file itself cannot be parsed.

One indentation error in ``actors.yaml`` loses every actor in it; each claim that names one of them
would then add an "unknown actor" problem, and twenty-five such lines hide the one that matters.
The loader treats the ids found here like those of records that failed their checks: they exist,
they are broken, and references to them are not reported again. The reading is deliberately loose
(a line ``id: X`` or ``- id: X``; the id column of a CSV): it only ever silences follow-on problems,
it never makes anything load.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

__all__ = ["ids_in_broken_file"]

_YAML_ID = re.compile(r"""^[ \t-]*id[ \t]*:[ \t]*["']?([^\s"'#,\]}]+)""", re.MULTILINE)
_LIMIT = 256 * 1024 * 1024


def ids_in_broken_file(path: Path) -> set[str]:
    """Every id a YAML or CSV dataset file seems to define, whatever else is wrong with it.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "actors.yaml"
    >>> _ = p.write_text("actors:\\n  - id: hts\\n    name: [unclosed\\n  - id: 'sdf'\\n")
    >>> sorted(ids_in_broken_file(p))
    ['hts', 'sdf']
    """
    try:
        with path.open("rb") as handle:
            text = handle.read(_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return set()
    if path.suffix != ".csv":
        return set(_YAML_ID.findall(text))
    ids = set()
    try:
        rows = csv.reader(io.StringIO(text.replace("\0", ""), newline=""))
        header = [h.strip() for h in next(rows, [])]
        column = header.index("id") if "id" in header else 0
        for row in rows:
            if len(row) > column and row[column].strip():
                ids.add(row[column].strip())
    except csv.Error:
        pass  # the ids before the broken row are kept
    return ids
