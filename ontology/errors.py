"""The one exception tree of actorgraph.

Every error the library raises on purpose derives from :class:`ActorGraphError`, and also from the
builtin exception a caller would naturally catch (``KeyError`` for a missing actor, ``ValueError``
for a malformed date), so code that knows nothing of actorgraph still behaves sensibly.
Messages say what was wrong and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "ActorGraphError",
    "AmbiguousName",
    "DatasetInvalid",
    "EntityNotFound",
    "InputFileError",
    "InvalidDate",
    "InvalidInterval",
    "OutputRefused",
    "UnknownTerm",
]


class ActorGraphError(Exception):
    """Root of every error raised by actorgraph on purpose."""


class UnknownTerm(ActorGraphError, ValueError):
    """A word that is not in the closed vocabulary (relation kind, actor kind, support type...)."""


class InvalidDate(ActorGraphError, ValueError):
    """A date that is not a valid EDTF date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""


class InvalidInterval(ActorGraphError, ValueError):
    """An interval whose end is before its start, or that is not valid EDTF."""


class EntityNotFound(ActorGraphError, KeyError):
    """No actor or place has this id, name or alias.

    ``suggestions`` holds the closest known names, best first.
    """

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = (), what: str = "actor or place"):
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {what} is called {name!r}{hint}")

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])


class NotYetKnown(ActorGraphError, LookupError):
    """The record did not know an entity by the knowledge date asked about."""


class AmbiguousName(ActorGraphError, LookupError):
    """A name or alias that belongs to several entities; ``candidates`` lists them as (id, name)."""

    def __init__(self, name: str, candidates: list[tuple[str, str]], hint: str = ""):
        self.name = name
        self.candidates = tuple(candidates)
        listed = "; ".join(f"{cid} ({cname})" for cid, cname in self.candidates)
        more = f" {hint}" if hint else ""
        super().__init__(f"{name!r} is ambiguous: it may mean {listed}. Use one of these ids instead.{more}")


class DatasetInvalid(ActorGraphError, ValueError):
    """A dataset failed validation. ``problems`` lists every problem found, each with file, line, field."""

    def __init__(self, problems: list):
        self.problems = tuple(problems)
        shown = "\n".join(str(p) for p in self.problems[:50])
        more = f"\n... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{len(self.problems)} problem(s) found; nothing was loaded:\n{shown}{more}")


class InputFileError(ActorGraphError, ValueError):
    """A file that cannot be read as text of the expected kind: unreadable, bad bytes, too large, too deep.

    ``file``, ``line`` (1-based; 0 when the whole file is meant) and ``column`` (1-based, or 0) locate
    the problem; ``str()`` reads ``file:line:column: message`` so that editors can jump to it.
    """

    def __init__(self, file: str, message: str, *, line: int = 0, column: int = 0):
        self.file, self.line, self.column, self.message = str(file), line, column, message
        where = self.file + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{where}: {message}")


class OutputRefused(ActorGraphError, FileExistsError):
    """An output path holds something the command did not write; it is left alone unless forced.

    ``path`` is the file or folder that was kept; the message says what it holds and how to proceed.
    """

    def __init__(self, path, message: str):
        self.path = path
        super().__init__(message)

    def __str__(self) -> str:  # FileExistsError would otherwise print its arguments as a tuple
        return str(self.args[0])
