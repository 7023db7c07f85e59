"""Turning claims into plain English: dates that stay as precise as the record, and hedged statuses.

A partial date is never dressed up as a day: ``2015`` reads "in 2015" or "since 2015", never
"since 1 January 2015". Claims the record only reports, alleges or disputes say so in the sentence.
"""

from __future__ import annotations

from graph.integrity import extent_of
from graph.time import Bound, Interval, PartialDate, Precision
from ontology import RelationKind, Status

__all__ = [
    "change_date",
    "change_sentence",
    "claim_clause",
    "claim_sentence",
    "date_text",
    "grouped_change_sentence",
    "join",
    "lineage_sentence",
    "period_text",
    "sentence_case",
]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")

_HEDGE = {"~": "around ", "?": "possibly ", "%": "possibly around "}

# present (third person), infinitive; '{o}' marks where the object goes
_VERBS: dict[RelationKind, tuple[str, str]] = {
    RelationKind.SUPPORTS: ("supports {o}", "support {o}"),
    RelationKind.OPPOSES: ("opposes {o}", "oppose {o}"),
    RelationKind.FIGHTS: ("fights {o}", "fight {o}"),
    RelationKind.ALLIED_WITH: ("is allied with {o}", "be allied with {o}"),
    RelationKind.OFFSHOOT_OF: ("is an offshoot of {o}", "be an offshoot of {o}"),
    RelationKind.SUCCESSOR_OF: ("is the successor of {o}", "be the successor of {o}"),
    RelationKind.MERGED_INTO: ("merged into {o}", "merge into {o}"),
    RelationKind.MEMBER_OF: ("is a member of {o}", "be a member of {o}"),
    RelationKind.PART_OF: ("is part of {o}", "be part of {o}"),
    RelationKind.LEADS: ("leads {o}", "lead {o}"),
    RelationKind.DESIGNATES_TERRORIST: ("designates {o} as terrorist", "designate {o} as terrorist"),
    RelationKind.CONTROLS: ("controls {o}", "control {o}"),
    RelationKind.BASED_IN: ("is based in {o}", "be based in {o}"),
}

_ADVERB = {Status.REPORTED: "reportedly", Status.ALLEGED: "allegedly"}


def date_text(d: PartialDate, *, preposition: bool = False) -> str:
    """A partial date in words, at the precision the record has.

    With ``preposition`` the right one comes first ("in 2017", "in September 2015", "on 30 September 2015").

    >>> date_text(PartialDate.parse("2015")), date_text(PartialDate.parse("2015-09"), preposition=True)
    ('2015', 'in September 2015')
    >>> date_text(PartialDate.parse("2015-09-30~"), preposition=True)
    'on around 30 September 2015'
    """
    if d.precision is Precision.YEAR:
        text, prep = f"{d.year}", "in"
    elif d.precision is Precision.MONTH:
        text, prep = f"{_MONTHS[d.month - 1]} {d.year}", "in"
    else:
        text, prep = f"{d.day} {_MONTHS[d.month - 1]} {d.year}", "on"
    text = _HEDGE.get(d.qualifier, "") + text
    return f"{prep} {text}" if preposition else text


def period_text(valid: Interval) -> str:
    """When a claim held, in words; empty when the record has no dates.

    >>> period_text(Interval.parse("2015/..")), period_text(Interval.parse("2017"))
    ('since 2015', 'in 2017')
    >>> period_text(Interval.parse("2015-09/2024-12-08"))
    'from September 2015 to 8 December 2024'
    >>> period_text(Interval.parse("/2024-12-08")), period_text(Interval.parse("2014/"))
    ('until 8 December 2024', 'from 2014 (end not recorded)')
    """
    start, end = valid.start, valid.end
    if valid.single:
        return date_text(start, preposition=True)
    if isinstance(start, PartialDate):
        if isinstance(end, PartialDate):
            return f"from {date_text(start)} to {date_text(end)}"
        if end is Bound.OPEN:
            return f"since {date_text(start)}"
        return f"from {date_text(start)} (end not recorded)"
    if isinstance(end, PartialDate):
        return f"until {date_text(end)}"
    return ""


def join(items: list[str] | tuple[str, ...]) -> str:
    """``a``, ``a and b``, ``a, b and c``.

    >>> join(["Russia", "Iran", "Hezbollah"])
    'Russia, Iran and Hezbollah'
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def sentence_case(text: str) -> str:
    """Upper-case the first letter (``al-Qaeda ...`` starts a sentence as ``Al-Qaeda ...``)."""
    return text[:1].upper() + text[1:] if text else text


def _hedged(subject: str, verb_phrase: str, status: Status) -> str:
    adverb = _ADVERB.get(status)
    if adverb is None:
        core = f"{subject} {verb_phrase}"
    elif verb_phrase.startswith("is "):
        core = f"{subject} is {adverb} {verb_phrase[3:]}"
    else:
        core = f"{subject} {adverb} {verb_phrase}"
    if status is Status.DISPUTED:
        core = f"according to disputed claims, {core}"
    return core


_SUPPORT_WORDS = {
    "troops": "troops", "access_to_territory": "access to its territory",
    "access_to_infrastructure": "access to its infrastructure", "weapons": "weapons",
    "materiel_logistics": "materiel", "training_expertise": "training", "funding": "funding",
    "intelligence": "intelligence", "political": "political backing", "diplomatic": "diplomatic backing",
}


def _support_phrase(claim) -> str:
    """" with troops and weapons": the support types in words (``other`` and ``unknown`` say nothing)."""
    words = [_SUPPORT_WORDS[t.value] for t in claim.support_types if t.value in _SUPPORT_WORDS]
    return f" with {join(words)}" if words else ""


def claim_clause(claim, name, *, dates: bool = True) -> str:
    """One claim as a clause (no capital, no full stop), in the present tense of the explainer's date.

    ``name`` maps an entity id to its display name.
    """
    present, _ = _VERBS[claim.predicate]
    verb = present.format(o=name(claim.object))
    if claim.predicate is RelationKind.SUPPORTS:
        verb += _support_phrase(claim)
    elif claim.predicate is RelationKind.CONTROLS:
        verb = _control_phrase(claim, name(claim.object)) or verb
    elif claim.predicate is RelationKind.LEADS and claim.qualifiers.get("role"):
        verb += f" ({claim.qualifiers['role']})"  # a minister and a chief of staff both lead an army
    text = _hedged(name(claim.subject), verb, claim.status)
    when = period_text(claim.valid) if dates else ""
    return f"{text}, {when}" if when else text


def _control_phrase(claim, place: str) -> str | None:
    """How much of a place a control claim says its subject holds (None: the record does not say).

    >>> from graph.model import Claim, Citation
    >>> c = Claim("c", "a", "controls", "p", qualifiers={"extent": "part: eastern districts"},
    ...           citations=(Citation("s"),))
    >>> _control_phrase(c, "Aleppo")
    'controls part of Aleppo (eastern districts)'
    """
    extent = extent_of(claim)
    if extent is None:
        return None
    how, where = extent
    if how == "part":
        return f"controls part of {place}" + (f" ({where})" if where else "")
    if how == "contested":
        return f"contests control of {place}" + (f" ({where})" if where else "")
    return f"controls {place}"


def claim_sentence(claim, name, *, dates: bool = True) -> str:
    """One claim as a sentence, with its period and status.

    >>> from graph.model import Claim, Citation
    >>> c = Claim("c1", "iran", "supports", "hezbollah", Interval.parse("2012/.."), support_types=("weapons",),
    ...           status="reported", citations=(Citation("s"),))
    >>> claim_sentence(c, {"iran": "Iran", "hezbollah": "Hezbollah"}.get)
    'Iran reportedly supports Hezbollah with weapons, since 2012.'
    """
    return sentence_case(claim_clause(claim, name, dates=dates)) + "."


_LINEAGE_PAST = {
    RelationKind.OFFSHOOT_OF: "split from {o}",
    RelationKind.SUCCESSOR_OF: "succeeded {o}",
    RelationKind.MERGED_INTO: "merged into {o}",
    RelationKind.MEMBER_OF: "joined {o} at its founding",  # told only of the founding members (explain_lineage)
}


def lineage_sentence(claim, name) -> str:
    """A split, renaming or merger as a past event, dated by its start.

    >>> from graph.model import Claim, Citation
    >>> c = Claim("c1", "jfs", "successor_of", "nusra", Interval.parse("2016-07-28"), citations=(Citation("s"),))
    >>> lineage_sentence(c, {"jfs": "Jabhat Fateh al-Sham", "nusra": "Jabhat al-Nusra"}.get)
    'Jabhat Fateh al-Sham succeeded Jabhat al-Nusra on 28 July 2016.'
    """
    verb = _LINEAGE_PAST[claim.predicate].format(o=name(claim.object))
    start = claim.valid.start
    when = f" {date_text(start, preposition=True)}" if isinstance(start, PartialDate) else ""
    return sentence_case(f"{_hedged(name(claim.subject), verb, claim.status)}{when}.")


def change_date(claim, *, began: bool) -> PartialDate | None:
    """The date of the end of ``claim`` that changed (its start when it began), if the record has one."""
    side = claim.valid.start if began or claim.valid.single else claim.valid.end
    return side if isinstance(side, PartialDate) else None


def grouped_change_sentence(claims, name, *, began: bool, by: str) -> str:
    """Several confirmed changes of one kind on the same date, in one sentence.

    ``by="subject"``: many subjects, one object ("Iran and Russia ceased to support X on D");
    ``by="object"``: one subject, many objects ("X ceased to control A, B and C on D").
    """
    first = claims[0]
    _, base = _VERBS[first.predicate]
    if by == "subject":
        who = join(list(dict.fromkeys(name(c.subject) for c in claims)))
        verb = base.format(o=name(first.object))
    else:
        who = name(first.subject)
        verb = base.format(o=join(list(dict.fromkeys(name(c.object) for c in claims))))
    when = change_date(first, began=began)
    tail = f" {date_text(when, preposition=True)}" if when else ""
    return sentence_case(f"{who} {'began' if began else 'ceased'} to {verb}{tail}.")


def change_sentence(claim, name, *, began: bool) -> str:
    """A claim that began or ended, as "X began to support Y in 2015" / "X ceased to control Y on ..."."""
    _, base = _VERBS[claim.predicate]
    verb = base.format(o=name(claim.object))
    if claim.predicate is RelationKind.SUPPORTS:
        verb += _support_phrase(claim)
    side = claim.valid.start if began else claim.valid.end
    if claim.valid.single:
        side = claim.valid.start
    when = f" {date_text(side, preposition=True)}" if isinstance(side, PartialDate) else ""
    text = _hedged(name(claim.subject), f"{'began' if began else 'ceased'} to {verb}", claim.status)
    return sentence_case(f"{text}{when}.")
