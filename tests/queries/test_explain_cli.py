"""The ``actorgraph explain`` command: a thin shell over :func:`queries.explain.explain`."""

from __future__ import annotations

import json

import pytest

from loaders.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_explain_json_on_the_seed(capsys):
    code, out, _ = run(capsys, "explain", "Who is fighting in Syria?", "--data", "seed", "--as-of", "2024-12-05",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    sides = {m["id"]: c["number"] for c in data["camps"] for m in c["members"] + c["partners"]}
    assert sides["hts"] != sides["assad-government"]
    assert sides["russia"] == sides["assad-government"]
    assert all(x["claims"] for s in data["sections"] for x in s["sentences"])


@pytest.mark.parametrize("fmt,marker", [("markdown", "# Who supports"), ("html", "<!DOCTYPE html>")])
def test_explain_formats(capsys, fmt, marker):
    code, out, _ = run(capsys, "explain", "Who supports the regime?", "--data", "seed", "--as-of", "2024-12-05",
                       "--known-as-of", "2024-12-06", "--format", fmt)
    assert code == 0 and marker in out
    assert "Ukrainska Pravda" not in out  # published 2024-12-08, after --known-as-of


def test_unknown_actor_is_one_line_with_suggestions(capsys):
    code, out, err = run(capsys, "explain", "Who supports Rusija?", "--data", "seed")  # (Rusia: read as Russia)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Russia" in err


def test_unknown_question_lists_the_forms(capsys):
    code, _, err = run(capsys, "explain", "Why is the sky blue?", "--data", "seed")
    assert code == 2
    assert "Who is fighting in PLACE?" in err and "closest" in err


def test_bad_date_is_refused(capsys):
    code, _, err = run(capsys, "explain", "Who supports the regime?", "--data", "seed", "--as-of", "5/12/2024")
    assert code == 2 and "EDTF" in err
