"""Explainers: short, dated, sourced answers to plain-English questions, generated from the graph alone.

>>> from queries.explain import FAMILIES
>>> sorted(FAMILIES)[:4]
['allies', 'changes', 'connection', 'control']

``explain(graph, "Who is fighting in Syria?", as_of="2016-06-01")`` returns an :class:`Explanation`
whose every sentence lists the claim ids it rests on; :func:`render` writes it as Markdown, HTML
(with an SVG diagram of the sides) or JSON.
"""

from queries.explain.camps import Partition, SignedEdge, partition, unbalanced_cycle
from queries.explain.explainer import Explainer, explain
from queries.explain.model import Camp, Explanation, Footnote, Question, Section, Sentence, Tension
from queries.explain.questions import FAMILIES, QuestionParser, UnknownQuestion
from queries.explain.render import FORMATS, render, to_data

__all__ = [
    "FAMILIES",
    "FORMATS",
    "Camp",
    "Explainer",
    "Explanation",
    "Footnote",
    "Partition",
    "Question",
    "QuestionParser",
    "Section",
    "Sentence",
    "SignedEdge",
    "Tension",
    "UnknownQuestion",
    "explain",
    "partition",
    "render",
    "to_data",
    "unbalanced_cycle",
]
