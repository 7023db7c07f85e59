"""Reading YAML as plain text values with the line of every value.

YAML's implicit typing turns ``2015`` into an integer, ``2015-09-30`` into a date and ``no`` into
``False``; a dataset wants the text the curator wrote. Composing the node tree ourselves keeps
every scalar as text and remembers where it stood, so errors can name the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from loaders.problems import Problem

__all__ = ["Located", "read_yaml"]

_NULLS = {"", "~", "null", "Null", "NULL"}
#: libyaml's parser when PyYAML was built with it (about ten times faster), the pure-Python one otherwise;
#: both give the same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located:
    """A parsed document plus the 1-based line of each value, keyed by its path of keys and indexes."""

    def __init__(self, value: Any, lines: dict[tuple, int]):
        self.value = value
        self.lines = lines

    def line(self, path: tuple) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(path: Path, display: str) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file; a syntax error comes back as a located problem instead of an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 1, "", f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8")]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return None, [Problem(display, line, "", f"YAML syntax error: {getattr(exc, 'problem', exc)}")]
    lines: dict[tuple, int] = {}
    if node is None:
        return Located(None, lines), []
    problems: list[Problem] = []
    value = _plain(node, (), lines, problems, display)
    return Located(value, lines), problems


def _plain(node, path: tuple, lines: dict, problems: list, display: str):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*path, i), lines, problems, display) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(display, key_node.start_mark.line + 1, "", "a key must be plain text"))
                continue
            key = key_node.value
            if key in out:
                problems.append(Problem(display, key_node.start_mark.line + 1, key,
                                        f"the key {key!r} appears twice in the same record; keep one"))
            out[key] = _plain(value_node, (*path, key), lines, problems, display)
        return out
    return None  # pragma: no cover - yaml has no other node kinds
