"""Query templates: a named pair of files, ``NAME.cypher`` and ``NAME.rq``, with a typed header.

The header is the comment lines at the top of each file::

    # name: supporters-of
    # description: Who supported an actor, as of a date when one is given.
    # param: actor: actor -- the supported actor (id, name or alias)
    # param: as_of: date = none -- only what holds then (EDTF; 2016 is the whole year)
    # param: certainty: certainty = possible -- possible or certain reading of partial dates
    # columns: claim_id, supporter, supporter_name, valid, status

``= none`` makes a parameter optional and unset by default. Both files of a pair must declare the
same parameters and columns. Values are only ever bound, never put into query text: the binding
below turns each typed value into the form an engine binds (an RDF term for SPARQL, a plain value
for Cypher's ``$param``) and adds the derived values that make time filters plain comparisons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.pointofview import PointOfView
from graph.textfile import read_text
from graph.time import PartialDate, day_span
from ontology import ActorGraphError, Certainty, RelationKind, SupportType, parse_term

__all__ = [
    "BoundParams",
    "PARAM_TYPES",
    "Param",
    "Template",
    "TemplateError",
    "bundled_templates_dir",
    "load_templates",
    "parse_header",
]

#: The parameter types a header may declare.
PARAM_TYPES = ("actor", "place", "entity", "date", "certainty", "relation_kind", "support_type", "int", "text")

_PARAM_RE = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s*:\s*(?P<type>[a-z_]+)\s*"
                       r"(?:=\s*(?P<default>[^-]*?))?\s*--\s*(?P<help>.*)$")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MAX_BYTES = 16 * 1024 * 1024  # a template is a page of text; read through the one decoding path (graph.textfile)


class TemplateError(ActorGraphError, ValueError):
    """A template file that is malformed, a template that does not exist, or a bad parameter value."""


@dataclass(frozen=True, slots=True)
class Param:
    """One declared parameter: its name, type, default (``None``: unset) and help text."""

    name: str
    type: str
    default: str | None = None
    required: bool = True
    help: str = ""

    def line(self) -> str:
        default = "" if self.required else f" = {self.default if self.default is not None else 'none'}"
        return f"{self.name}: {self.type}{default} -- {self.help}"


@dataclass(frozen=True, slots=True)
class Header:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]


def parse_header(text: str, where: str = "<template>") -> Header:
    """Read the comment header of a template file.

    >>> h = parse_header("# name: x\\n# description: d\\n"
    ...                  "# param: as_of: date = none -- when\\n# columns: a, b\\nRETURN 1")
    >>> h.name, [p.name for p in h.params], h.columns, h.params[0].required
    ('x', ['as_of'], ('a', 'b'), False)
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if not (stripped.startswith("#") or stripped.startswith("//")):
            break
        body = stripped.lstrip("#/").strip()
        key, sep, value = body.partition(":")
        if not sep or key.strip() not in ("name", "description", "param", "columns"):
            continue
        key, value = key.strip(), value.strip()
        if key == "param":
            m = _PARAM_RE.match(value)
            if not m:
                raise TemplateError(f"{where}:{number}: a param line must read 'name: type [= default] -- help', "
                                    f"not {value!r}")
            ptype = m["type"]
            if ptype not in PARAM_TYPES:
                raise TemplateError(f"{where}:{number}: unknown param type {ptype!r}; "
                                    f"use one of {', '.join(PARAM_TYPES)}")
            default = m["default"]
            required = default is None
            if default is not None and default.strip() in ("", "none"):
                default = None
            params.append(Param(m["name"], ptype, default.strip() if default else None, required, m["help"].strip()))
        else:
            fields[key] = value
    for key in ("name", "description", "columns"):
        if key not in fields:
            raise TemplateError(f"{where}: the header has no '# {key}: ...' line")
    if not _NAME_RE.match(fields["name"]):
        raise TemplateError(f"{where}: template name {fields['name']!r} must be lower-case words joined by '-'")
    columns = tuple(c.strip() for c in fields["columns"].split(",") if c.strip())
    return Header(fields["name"], fields["description"], tuple(params), columns)


@dataclass(frozen=True, slots=True)
class Template:
    """A named query in Cypher and SPARQL, with its declared parameters and result columns."""

    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    cypher: str
    sparql: str
    folder: Path = field(compare=False)

    @classmethod
    def from_files(cls, cypher_path: Path, sparql_path: Path) -> Template:
        """Read a pair; both headers must agree on name, parameters and columns."""
        cypher, sparql = (read_text(p, display=str(p), limit=_MAX_BYTES) for p in (cypher_path, sparql_path))
        hc, hs = parse_header(cypher, str(cypher_path)), parse_header(sparql, str(sparql_path))
        if (hc.name, hc.params, hc.columns) != (hs.name, hs.params, hs.columns):
            raise TemplateError(f"{cypher_path} and {sparql_path} declare different names, parameters or columns; "
                                "make their headers identical")
        if hc.name != cypher_path.stem:
            raise TemplateError(f"{cypher_path}: the header names {hc.name!r}; name the file {hc.name}.cypher")
        return cls(hc.name, hc.description, hc.params, hc.columns, cypher, sparql, cypher_path.parent)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise TemplateError(f"template {self.name!r} has no parameter {name!r}; it takes "
                            f"{', '.join(p.name for p in self.params) or 'none'}")

    def bind(self, graph, values: Mapping[str, Any] | None = None) -> BoundParams:
        """Check and convert parameter values (text or Python values) against the declaration.

        Actor, place and entity values may be ids, names or aliases; they are resolved with
        ``graph.resolve`` (the in-memory graph, or any object with the same method).

        Raises:
            TemplateError: an unknown or missing parameter, or a value of the wrong type.
            EntityNotFound, AmbiguousName: an actor or place that cannot be resolved.
        """
        values = dict(values or {})
        for name in values:
            self.param(name)
        typed: dict[str, Any] = {}
        # dates first: a name shared by two actors over time is read as the one alive at ``as_of``
        names_last = sorted(self.params, key=lambda p: p.type in ("actor", "place", "entity"))
        for p in names_last:
            raw = values.get(p.name, p.default)
            if raw is None:
                if p.required:
                    raise TemplateError(f"template {self.name!r} needs the parameter {p.name!r} ({p.type}): {p.help}")
                typed[p.name] = None
                continue
            typed[p.name] = _convert(p, raw, graph, self.name, on=typed.get("as_of"))
        typed = {p.name: typed[p.name] for p in self.params}
        places = frozenset(v for p in self.params if p.type in ("place", "entity") and (v := typed[p.name])
                           and getattr(graph.get(v), "is_place", p.type == "place"))
        return BoundParams(self.name, typed, {p.name: p.type for p in self.params}, places)


def _resolve(graph, raw: Any, places: bool | None, on) -> str:
    """``graph.resolve``, with the date for a name shared over time when the graph takes one."""
    if on is not None and hasattr(graph, "alive_on"):
        return graph.resolve(str(raw), places=places, on=on)
    return graph.resolve(str(raw), places=places)


def _convert(p: Param, raw: Any, graph, template: str, *, on=None) -> Any:
    try:
        if p.type == "actor":
            return _resolve(graph, raw, False, on)
        if p.type == "place":
            return _resolve(graph, raw, True, on)
        if p.type == "entity":
            return _resolve(graph, raw, None, on)
        if p.type == "date":
            return raw if isinstance(raw, PartialDate) else PartialDate.parse(str(raw))
        if p.type == "certainty":
            return parse_term(Certainty, raw)
        if p.type == "relation_kind":
            return parse_term(RelationKind, raw)
        if p.type == "support_type":
            return parse_term(SupportType, raw)
        if p.type == "int":
            if isinstance(raw, bool):
                raise ValueError("a boolean is not an int")
            return int(raw)
        return str(raw)
    except (ValueError, TypeError) as exc:
        if isinstance(exc, ActorGraphError):
            raise TemplateError(f"template {template!r}, parameter {p.name!r}: {exc}") from None
        raise TemplateError(f"template {template!r}, parameter {p.name!r} ({p.type}): "
                            f"{raw!r} is not valid ({exc})") from None


@dataclass(frozen=True, slots=True)
class BoundParams:
    """Typed parameter values of one template run, and the derived values the templates compare.

    Derived values, present when the template declares the parameters they come from:

    - for each date parameter ``D``: ``D_first`` and ``D_last``, the first and last day it stands for;
    - with ``certainty``: ``certain`` (a boolean);
    - with ``as_of`` and ``certainty``: ``as_of_lo`` and ``as_of_hi``, so that a claim holds when
      ``from <= as_of_lo and to > as_of_hi`` with the bounds of the chosen reading;
    - with ``known_as_of``: ``known_at``, the knowledge day templates pick a claim's known state with
      (``known_since <= known_at < known_until``); when unset, a day after every real date, so the last
      state (everything known) is picked.

    All of them come from one :class:`graph.pointofview.PointOfView` built from the values.
    """

    template: str
    values: Mapping[str, Any]
    types: Mapping[str, str] = field(default_factory=dict)
    places: frozenset[str] = frozenset()

    def point_of_view(self) -> PointOfView:
        """The point of view the values describe (no date, possible reading and no cut-off when not declared)."""
        return PointOfView(self.values.get("as_of"), self.values.get("certainty") or Certainty.POSSIBLE,
                           self.values.get("known_as_of"))

    def days(self) -> dict[str, int | bool | None]:
        """The derived values, with days as ordinal day numbers (``None`` when the date is unset)."""
        out: dict[str, int | bool | None] = {}
        for name, value in self.values.items():
            if isinstance(value, PartialDate):
                first, last = day_span(value)
                _check_day_range(first, last, name)
                out[f"{name}_first"], out[f"{name}_last"] = first, last
        pov = self.point_of_view()
        if "certainty" in self.values:
            out["certain"] = pov.certain
            if "as_of" in self.values:
                first, last = pov.first_day, pov.last_day
                out["as_of_lo"], out["as_of_hi"] = (first, last) if pov.certain else (last, first)
        if "known_as_of" in self.values:
            out["known_at"] = pov.known_by
        for name, value in self.values.items():
            if value is None and self.types.get(name) == "date":
                out.setdefault(f"{name}_first", None)
                out.setdefault(f"{name}_last", None)
        return out


def _check_day_range(first: int, last: int, name: str) -> None:
    from graph.rdf import query_day_limits  # rdflib is heavy; only needed once a date is bound

    try:
        query_day_limits(first, last)
    except ValueError as exc:
        raise TemplateError(f"parameter {name!r}: {exc}") from None


def bundled_templates_dir() -> Path:
    """The folder of the templates that ship with actorgraph."""
    return Path(__file__).resolve().parent / "templates"


def load_templates(folders: Iterable[Path | str] = ()) -> dict[str, Template]:
    """The bundled templates, then those of ``folders`` (a later folder's template replaces one of the same name).

    Raises:
        TemplateError: a folder that does not exist, a file without its pair, or a malformed header.
    """
    out: dict[str, Template] = {}
    for folder in [bundled_templates_dir(), *map(Path, folders)]:
        if not folder.is_dir():
            raise TemplateError(f"template folder {folder} does not exist; give a folder of NAME.cypher/NAME.rq pairs")
        stems = {p.stem for p in folder.glob("*.cypher")} | {p.stem for p in folder.glob("*.rq")}
        for stem in sorted(stems):
            cypher, sparql = folder / f"{stem}.cypher", folder / f"{stem}.rq"
            missing = [p.name for p in (cypher, sparql) if not p.exists()]
            if missing:
                raise TemplateError(f"{folder}: template {stem!r} lacks {', '.join(missing)}; a template is a pair")
            out[stem] = Template.from_files(cypher, sparql)
    return out
