"""Readings that need a dependency parse: passive agents and fronted subjects.

Used only when the Doc has dependency labels (a trained pipeline such as ``en_core_web_sm``). Without
one, :mod:`loaders.news.rules` covers the common word orders with token rules; the parse adds the
cases where the subject or agent is far from the trigger ("Supporting Assad, both diplomatically and
militarily, over the years has been Russia").
"""

from __future__ import annotations

from loaders.news.mentions import TokMention
from loaders.news.resources import Resources, Trigger
from loaders.news.rules import Found

__all__ = ["parsed_claims"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _mention_at(mentions: list[TokMention], token) -> TokMention | None:
    for m in mentions:
        if m.start <= token.i < m.end:
            return m
    return None


def _with_conjuncts(mentions: list[TokMention], token) -> list[TokMention]:
    out = []
    for t in [token, *token.conjuncts]:
        m = _mention_at(mentions, t)
        if m is not None and m not in out:
            out.append(m)
    return out


def _objects(mentions, verb) -> list[TokMention]:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr", "oprd"):
            found = _with_conjuncts(mentions, child)
            if found:
                return found
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found = _with_conjuncts(mentions, grand)
                    if found:
                        return found
    return []


def parsed_claims(doc, mentions: list[TokMention], triggers: tuple[Trigger, ...], forms: dict,
                  res: Resources) -> list[Found]:
    """Readings from the parse for verb triggers of one word: passive (``nsubjpass`` + ``agent``) and
    fronted clausal subjects (``csubj``: "Supporting Assad ... has been Russia")."""
    out: list[Found] = []
    for token in doc:
        defs = [triggers[i] for i in forms.get(token.lower_, ()) if triggers[i].role == "verb"]
        if not defs or _mention_at(mentions, token) is not None:
            continue
        trig = defs[0]
        subjects: list[TokMention] = []
        objects: list[TokMention] = []
        rule = ""
        agent = [c for c in token.children if c.dep_ == "agent"]
        if agent:
            pobj = [g for g in agent[0].children if g.dep_ == "pobj"]
            subjects = _with_conjuncts(mentions, pobj[0]) if pobj else []
            passive_subj = [c for c in token.children if c.dep_ == "nsubjpass"]
            if passive_subj:
                objects = _with_conjuncts(mentions, passive_subj[0])
            elif token.dep_ in ("acl", "relcl"):
                m = _mention_at(mentions, token.head)
                objects = [m] if m else []
            rule = "parsed-passive"
        elif token.dep_ == "csubj":
            head = token.head
            objects = _objects(mentions, token)
            for c in head.children:
                if c.dep_ in ("attr", "nsubj") and c.i != token.i:
                    subjects = _with_conjuncts(mentions, c)
                    if subjects:
                        break
            rule = "parsed-fronted"
        if not subjects or not objects:
            continue
        for s in subjects:
            for o in objects:
                if s is not o:
                    out.append(Found(s, o, trig, token.i, token.i + 1, rule, trig.phase, "confirmed",
                                     tuple(sorted(set(trig.types))), None, 0))
    return out
