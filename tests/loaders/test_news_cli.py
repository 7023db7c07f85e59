"""The extract and eval-extract commands, run through the real entry point."""

from __future__ import annotations

import io
import json

from loaders.cli.main import main
from tests.conftest import FIXTURES


def test_extract_from_stdin_as_json(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("Russia and Iran backed Assad's forces on Monday."))
    assert main(["extract", "-", "--published", "2024-12-05", "--data", "seed", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    got = {(c["subject"]["id"], c["predicate"], c["object"]["id"], c["valid"]) for c in out["claims"]}
    assert ("russia", "supports", "syrian-arab-army", "2024-12-02") in got


def test_extract_merge_twice_changes_nothing(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("HTS captured Hama on Thursday.", encoding="utf-8")
    out = tmp_path / "news"
    args = ["extract", str(text), "--published", "2024-12-05", "--publisher", "X", "--url", "https://x.org/1",
            "--data", "seed", "--merge-into", str(out)]
    assert main(args) == 0
    (written,) = list(out.iterdir())
    first = written.read_text(encoding="utf-8")
    assert main(args) == 0
    assert written.read_text(encoding="utf-8") == first and "hama" in first


def test_extract_bad_date_is_one_line_error(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("HTS captured Hama.", encoding="utf-8")
    assert main(["extract", str(text), "--published", "yesterday", "--data", "seed"]) == 2
    assert "EDTF" in capsys.readouterr().err


def test_eval_extract_reports_scores(capsys):
    assert main(["eval-extract", str(FIXTURES / "extraction" / "gold.yaml"), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["paragraphs"] >= 80
    for part in ("entities", "claims"):
        s = out[part]
        assert 0 < s["precision"] <= 1 and 0 < s["recall"] <= 1
        assert s["tp"] + s["fn"] > 0


def test_extract_with_a_model_that_is_not_installed_says_how_to_install(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("HTS captured Hama.", encoding="utf-8")
    assert main(["extract", str(text), "--published", "2024-12-05", "--data", "seed", "--model", "en_no_such"]) == 2
    assert "spacy download" in capsys.readouterr().err


def test_extract_shows_what_it_would_merge_and_counts_the_rest(monkeypatch, capsys):
    """Precision first: by default only candidates at or above the calibrated threshold are shown."""
    from loaders.news.model import DEFAULT_MIN_CONFIDENCE

    text = ("Russia and Iran backed Assad's forces on Monday. Turkey, which has troops in Idlib, said the Kurdish "
            "YPG militia controls Manbij while Hezbollah fighters were seen near Aleppo.")

    def run(*extra):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        assert main(["extract", "-", "--published", "2017-03-06", "--data", "syria", "--format", "json", *extra]) == 0
        return json.loads(capsys.readouterr().out)

    every = run("--min-confidence", "0")
    confidences = sorted(c["confidence"] for c in every["claims"] + every["new_actor_claims"])
    assert every["below_min_confidence"] == 0 and len(confidences) >= 2
    cut = (confidences[0] + confidences[-1]) / 2  # a threshold with candidates on both sides
    some = run("--min-confidence", str(cut))
    shown = [c["confidence"] for c in some["claims"] + some["new_actor_claims"]]
    assert shown and all(c >= cut for c in shown)
    assert some["below_min_confidence"] == len(confidences) - len(shown) > 0
    assert run()["min_confidence"] == DEFAULT_MIN_CONFIDENCE


def test_eval_extract_scores_what_extract_shows_by_default(capsys):
    from loaders.news.model import DEFAULT_MIN_CONFIDENCE

    gold = str(FIXTURES / "extraction" / "gold.yaml")
    assert main(["eval-extract", gold, "--format", "json"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert main(["eval-extract", gold, "--format", "json", "--min-confidence", "0"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert default["min_confidence"] == DEFAULT_MIN_CONFIDENCE and every["min_confidence"] == 0
    assert default["claims"]["tp"] + default["claims"]["fp"] < every["claims"]["tp"] + every["claims"]["fp"]
