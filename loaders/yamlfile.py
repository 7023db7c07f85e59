"""Reading YAML as plain text values with the line of every value, within limits that hostile files cannot pass.

YAML's implicit typing turns ``2015`` into an integer, ``2015-09-30`` into a date and ``no`` into
``False``; a dataset wants the text the curator wrote. Building the values ourselves from the
parser's events keeps every scalar as text and remembers where it stood, so errors can name the line.

Building from events (not from PyYAML's composed node tree) is also what makes the reader safe on
files nobody checked: the tree is built with an explicit stack, so depth is limited by
:class:`YamlLimits`, not by Python's recursion limit; an alias reuses the value its anchor built
(no copy) and the values it stands for are counted, so a few hundred bytes of nested aliases (an
"alias bomb") are refused instead of expanding to gigabytes; an alias inside its own anchor is
refused with its line; tags are never constructed (``!!python/object`` is an error, not a call);
and a file holds one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graph.textfile import read_text
from loaders.problems import Problem
from ontology import InputFileError

__all__ = ["Located", "YamlLimits", "parse_yaml", "read_yaml"]

_NULLS = {"", "~", "null", "Null", "NULL"}
#: libyaml's parser when PyYAML was built with it (about ten times faster), the pure-Python one otherwise;
#: both give the same events and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Tags that only restate what plain text already is; any other tag (``!!python/...``, ``!custom``) is refused.
_CORE_TAGS = {"!", *(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map"))}
#: What YAML 1.1 allows in a stream (tab, line breaks, printable Unicode); libyaml would stop at anything
#: else with a less precise location, so it is found first here.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class YamlLimits:
    """How much one YAML file may hold; far beyond any real dataset, far below what exhausts a machine.

    ``max_bytes`` bounds the file; ``max_depth`` the nesting of collections (a dataset needs five);
    aliases may stand for at most ``alias_values`` values, or ``alias_ratio`` times the values the
    file itself writes out, whichever is more (sharing a source list among many claims stays fine).
    """

    max_bytes: int = 1 << 30
    max_depth: int = 64
    alias_values: int = 100_000
    alias_ratio: int = 10


class Located:
    """A parsed document plus the 1-based line of each value, keyed by its path of keys and indexes.

    ``complete`` is false when reading stopped early (a CSV syntax error): what was read is kept,
    and the records after the error are missing.
    """

    def __init__(self, value: Any, lines: dict[tuple, int], *, complete: bool = True):
        self.value = value
        self.lines = lines
        self.complete = complete

    def line(self, path: tuple) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(path: Path, display: str, *, limits: YamlLimits = YamlLimits()) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file; anything wrong comes back as located problems, never as an exception.

    ``None`` (with the problems) when the file cannot be read or parsed as a whole.
    """
    try:
        text = read_text(path, display=display, limit=limits.max_bytes)
    except InputFileError as exc:
        return None, [Problem(display, exc.line, "", exc.message, exc.column)]
    return parse_yaml(text, display, limits=limits)


def parse_yaml(text: str, display: str, *, limits: YamlLimits = YamlLimits()) -> tuple[Located | None, list[Problem]]:
    """Parse YAML ``text`` (from ``display``) into plain values; see :func:`read_yaml`.

    >>> doc, problems = parse_yaml("a: &x [1, 2]\\nb: *x\\nc: ~\\n", "t.yaml")
    >>> doc.value, doc.line(("b",)), problems
    ({'a': ['1', '2'], 'b': ['1', '2'], 'c': None}, 2, [])
    >>> parse_yaml("a: &x [*x]\\n", "t.yaml")[1][0].message
    'the alias *x is used inside its own anchor &x (a recursive structure); a dataset cannot hold one'
    """
    bad = _NOT_YAML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - text.rfind("\n", 0, bad.start())
        return None, [Problem(display, line, "", f"control character U+{ord(bad.group()):04X} is not allowed in "
                                                 "YAML; remove it", column)]
    builder = _Builder(display, limits)
    loader = _LOADER(text)
    try:
        builder.run(loader)
    except _Stop as stop:
        return None, [*builder.problems, stop.problem]
    except yaml.YAMLError as exc:
        return None, [*builder.problems, _syntax_problem(exc, display, text)]
    finally:
        loader.dispose()
    return Located(builder.value, builder.lines), builder.problems


def _syntax_problem(exc: yaml.YAMLError, display: str, text: str) -> Problem:
    """A parser error at the line to fix: where an unclosed quote or bracket opened, not the end of the file."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours on deep flow collections
        problem = "nesting too deep; a dataset file needs a handful of levels (file > section > record > field)"
    at_end = mark is None or not text[getattr(mark, "index", 0) or 0 :].strip()
    what = re.sub(r"^while (scanning|parsing) (an? )?", "", context or "")
    if context_mark is not None and what and ("end of stream" in problem or at_end):
        return Problem(display, context_mark.line + 1, "", f"YAML syntax error: {problem}; the {what} that starts "
                                                           "here is never closed", context_mark.column + 1)
    if context_mark is not None and re.search(r"flow (sequence|mapping)|quoted scalar", what) and mark is not None \
            and mark.line != context_mark.line:  # the bracket or quote that opened it is what to look at
        return Problem(display, context_mark.line + 1, "", f"YAML syntax error: {problem} in the {what} that starts "
                                                           f"here (noticed on line {mark.line + 1})",
                       context_mark.column + 1)
    line = mark.line + 1 if mark is not None else 1
    lines = text.split("\n", line)
    hint = "; indent with spaces, not tabs" if len(lines) >= line and "\t" in lines[line - 1] else ""
    return Problem(display, line, "", f"YAML syntax error: {problem}{hint}")


class _Stop(Exception):
    """The file cannot be read on: one problem says why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


class _Frame:
    """A collection being built: its value, path, line, anchor, size so far and (mappings) the pending key."""

    __slots__ = ("value", "path", "anchor", "size", "key", "key_line", "skip")

    def __init__(self, value, path: tuple, anchor: str | None):
        self.value, self.path, self.anchor, self.size = value, path, anchor, 1
        self.key: str | None = None
        self.key_line = 0
        self.skip = False  # the next value belongs to a key that was refused


_NO_KEY = object()


class _Builder:
    """Plain values from parser events, with an explicit stack and counted aliases."""

    def __init__(self, display: str, limits: YamlLimits):
        self.display, self.limits = display, limits
        self.problems: list[Problem] = []
        self.lines: dict[tuple, int] = {}
        self.value: Any = None
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, number of values it holds)
        self.open_anchors: set[str] = set()
        self.written = 0  # values written out in the file
        self.aliased = 0  # values that aliases stand for

    def problem(self, line: int, message: str, fieldname: str = "") -> None:
        self.problems.append(Problem(self.display, line, fieldname, message))

    def stop(self, line: int, message: str) -> _Stop:
        return _Stop(Problem(self.display, line, "", message))

    def run(self, loader) -> None:
        documents = 0
        while True:
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.ScalarEvent):
                self.written += 1
                self._tag(event.tag, line)
                plain = event.style in (None, "")
                value = None if plain and event.value in _NULLS else event.value
                self._anchor(event.anchor, value, 1)
                self._add(value, 1, line, key_text=event.value)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.written += 1
                self._tag(event.tag, line)
                if len(self.stack) >= self.limits.max_depth:
                    raise self.stop(line, f"nesting deeper than {self.limits.max_depth} levels; a dataset file "
                                          "needs a handful (file > section > record > field > item)")
                path = self._child_path(line)
                frame = _Frame({} if isinstance(event, yaml.MappingStartEvent) else [], path, event.anchor)
                if event.anchor:
                    self.open_anchors.add(event.anchor)
                self.stack.append(frame)
                self.lines[path] = line
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = self.stack.pop()
                if frame.anchor:
                    self.open_anchors.discard(frame.anchor)
                    self._anchor(frame.anchor, frame.value, frame.size)
                self._add(frame.value, frame.size, line, placed=True)
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event.anchor, line)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.stop(line, "a second YAML document ('---') in one file; a dataset file holds one "
                                          "mapping: split the file or remove the '---'")
            elif isinstance(event, yaml.StreamEndEvent):
                return

    def _tag(self, tag: str | None, line: int) -> None:
        if tag is not None and tag not in _CORE_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(line, f"the tag {shown!r} is not allowed: dataset values are plain text (nothing in a "
                               "file is ever run or built as an object); remove the tag")

    def _anchor(self, anchor: str | None, value, size: int) -> None:
        if anchor:
            self.anchors[anchor] = (value, size)

    def _alias(self, anchor: str, line: int) -> None:
        if anchor in self.open_anchors:
            raise self.stop(line, f"the alias *{anchor} is used inside its own anchor &{anchor} (a recursive "
                                  "structure); a dataset cannot hold one")
        if anchor not in self.anchors:
            raise self.stop(line, f"the alias *{anchor} refers to no anchor &{anchor} defined before it")
        value, size = self.anchors[anchor]
        self.aliased += size
        allowed = max(self.limits.alias_values, self.limits.alias_ratio * self.written)
        if self.aliased > allowed:
            raise self.stop(line, f"aliases here stand for more than {allowed:,} values, far more than the file "
                                  "writes out (an alias bomb?); write the values out or use fewer aliases")
        self._add(value, size, line)

    def _child_path(self, line: int) -> tuple:
        """The path the next value will have in its parent (for a mapping, under the pending key)."""
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        if parent.key is None:  # this collection is a key
            return (*parent.path, _NO_KEY)
        return (*parent.path, parent.key)

    def _add(self, value, size: int, line: int, *, key_text: str | None = None, placed: bool = False) -> None:
        """Put a finished value into the collection on top of the stack (or make it the document)."""
        if not self.stack:
            self.value = value
            self.lines.setdefault((), line)
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            path = (*parent.path, len(parent.value))
            parent.value.append(value)
            if not placed:
                self.lines[path] = line
            return
        if parent.key is None and not parent.skip:  # this value is a key
            if key_text is None:
                self.problem(line, "a key must be plain text")
                parent.skip = True
                return
            parent.key, parent.key_line = key_text, line
            if key_text in parent.value:
                self.problem(line, f"the key {key_text!r} appears twice in the same record; keep one", key_text)
            return
        if parent.skip:  # the value of a refused key
            parent.skip = False
            return
        path = (*parent.path, parent.key)
        parent.value[parent.key] = value
        if not placed:
            self.lines[path] = line
        parent.key = None
