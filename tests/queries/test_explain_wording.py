"""Dates read as precisely as the record has them; hedged statuses say so."""

from __future__ import annotations

import pytest

from graph import Citation, Claim, Interval
from queries.explain.wording import change_sentence, claim_sentence, period_text


@pytest.mark.parametrize("valid,text", [
    ("2015/..", "since 2015"),
    ("2015-09/..", "since September 2015"),
    ("2015-09-30/..", "since 30 September 2015"),
    ("2017", "in 2017"),
    ("2016-12", "in December 2016"),
    ("2024-12-08", "on 8 December 2024"),
    ("2015-09/2024-12-08", "from September 2015 to 8 December 2024"),
    ("../2012", "until 2012"),
    ("/2024-12-08", "until 8 December 2024"),
    ("2014/", "from 2014 (end not recorded)"),
    ("2015~/..", "since around 2015"),
    ("", ""),
])
def test_period_text_keeps_the_precision(valid, text):
    assert period_text(Interval.parse(valid)) == text


NAMES = {"russia": "Russia", "assad": "the Assad government", "al-qaeda": "al-Qaeda", "hts": "HTS"}.get


def claim(status="confirmed", predicate="supports", subject="russia", obj="assad", **extra):
    return Claim("c", subject, predicate, obj, Interval.parse("2015-09-30/2024-12-08"), status=status,
                 citations=[Citation("s")], **extra)


@pytest.mark.parametrize("status,needle", [
    ("confirmed", "Russia supports the Assad government"),
    ("reported", "Russia reportedly supports the Assad government"),
    ("alleged", "Russia allegedly supports the Assad government"),
    ("disputed", "According to disputed claims, Russia supports the Assad government"),
])
def test_status_is_worded(status, needle):
    assert claim_sentence(claim(status), NAMES).startswith(needle)


def test_copular_verbs_take_the_adverb_after_is():
    text = claim_sentence(claim("alleged", "member_of", "hts", "al-qaeda"), NAMES)
    assert text.startswith("HTS is allegedly a member of al-Qaeda")


def test_support_types_are_named_and_sentences_start_with_a_capital():
    text = claim_sentence(claim(support_types=["troops", "diplomatic"]), NAMES)
    assert "with troops and diplomatic backing" in text
    assert claim_sentence(claim(predicate="fights", subject="al-qaeda", obj="hts"), NAMES).startswith("Al-Qaeda fights")


def test_changes_use_the_date_of_the_end_that_changed():
    c = claim()
    assert change_sentence(c, NAMES, began=True).endswith("began to support the Assad government on 30 September 2015.")
    assert change_sentence(c, NAMES, began=False).endswith("ceased to support the Assad government on 8 December 2024.")
