"""A problem found in an input file, located to the file, line, column and field."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with an input file; ``str()`` gives ``file:line[:column]: field: message``.

    ``line`` is 0 when the problem is about the whole file; ``column`` (1-based) is given for problems
    in the bytes of a line (a bad byte, a control character), 0 otherwise.

    >>> str(Problem("a.yaml", 3, "", "not UTF-8 text", column=7))
    'a.yaml:3:7: not UTF-8 text'
    """

    file: str
    line: int
    field: str
    message: str
    column: int = 0

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column, "field": self.field,
                "message": self.message}
