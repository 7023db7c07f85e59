"""The ``actorgraph explain "QUESTION"`` command: a dated, sourced explainer in Markdown, HTML or JSON."""

from __future__ import annotations

import argparse

from loaders.cli.common import add_data_option, add_time_options, load_graph
from queries.explain.render import FORMATS

__all__ = ["configure", "cmd_explain"]


def configure(name: str, p: argparse.ArgumentParser, argv: list[str]) -> None:
    """The options of ``explain``."""
    p.description = ("Understood questions: Who is fighting in PLACE? | Who are the sides in PLACE? | "
                     "Who supports/backs/arms ACTOR? | Whom does ACTOR support? | Who opposes ACTOR? | "
                     "What is ACTOR? | How are ACTOR and ACTOR connected? | "
                     "What changed in PLACE between D1 and D2? | What changed in PLACE in the last N "
                     "days? | Who controls PLACE? (any may end with its date: ... in 2016)")
    p.add_argument("question", help='a question in plain English, e.g. "Who is fighting in Syria?"')
    add_data_option(p)
    add_time_options(p)
    p.add_argument("--format", choices=FORMATS, default="markdown", help="output format (default: markdown)")
    p.set_defaults(run=cmd_explain)


#: The explainer of the graph the last ``explain`` command of this process read: with the graph shared between
#: commands (:func:`loaders.cli.common.load_graph`), its question reader (names, forms, spaCy's matchers; ~1 s
#: to build for the Syria corpus) is built once per process, not once per question.
_LAST_EXPLAINER: list = []


def _explainer(graph):
    from queries.explain import Explainer

    if not _LAST_EXPLAINER or _LAST_EXPLAINER[0].graph is not graph:
        _LAST_EXPLAINER[:] = [Explainer(graph)]
    return _LAST_EXPLAINER[0]


def cmd_explain(args) -> str:
    from queries.explain import render

    explanation = _explainer(load_graph(args)).explain(args.question, as_of=args.as_of, known_as_of=args.known_as_of,
                                                       certainty=args.certainty)
    return render(explanation, args.format)
