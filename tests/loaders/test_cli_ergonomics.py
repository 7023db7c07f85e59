"""The command line's rough edges (issue 17, part 7) and its fast start (part 1), as a user meets them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from loaders.cli.main import chosen_command, main
from loaders.cli.output import fit_widths, render_rows

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_data_may_come_before_the_command(capsys):
    after = run(capsys, "relations", "--actor", "HTS", "--data", "seed", "--format", "json")
    before = run(capsys, "--data", "seed", "relations", "--actor", "HTS", "--format", "json")
    assert after[0] == before[0] == 0 and after[1] == before[1] and json.loads(before[1])
    assert chosen_command(["--data", "seed", "--data", "x", "actor", "HTS"]) == "actor"
    with pytest.raises(SystemExit) as exc:
        main(["--data", "seed", "templates"])
    assert exc.value.code == 2
    assert "--data does not apply to 'templates'" in capsys.readouterr().err


def warm_seed_cache(capsys) -> None:
    """Run one command in this process so the session's cache holds the seed dataset (a cold load reads YAML)."""
    assert run(capsys, "relations", "--data", "seed", "--actor", "HTS")[0] == 0


def test_only_the_running_command_is_imported(capsys):
    warm_seed_cache(capsys)
    code = ("import sys, io, contextlib\n"
            "from loaders.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['relations', '--data', 'seed', '--actor', 'HTS']) == 0\n"
            "print(sorted(m for m in ('loaders.cli.querying', 'loaders.cli.export', 'loaders.cli.extract',"
            " 'loaders.cli.explain', 'spacy', 'rdflib', 'pyoxigraph', 'matplotlib', 'jsonschema', 'yaml')"
            " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    # the seed dataset is cached by the session's fixture (ACTORGRAPH_CACHE), so not even YAML is read
    assert done.stdout.strip() == "[]"


def test_relations_and_explain_do_not_import_networkx(capsys):
    """Start-up goal of issue 17: a cached ``relations`` or ``explain`` never loads networkx.

    networkx costs about as much as the rest of such a command; it is imported only where a
    multigraph or a graph algorithm is needed (``graph.integrity`` checks, exports, snapshots).
    """
    warm_seed_cache(capsys)
    code = ("import sys, io, contextlib\n"
            "from loaders.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['relations', '--data', 'seed', '--predicate', 'supports', '--as-of', '2016']) == 0\n"
            "    assert main(['relations', '--data', 'seed', '--actor', 'HTS', '--format', 'json']) == 0\n"
            "    assert main(['explain', '--data', 'seed', 'Who supports HTS?', '--as-of', '2019']) == 0\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('networkx', 'scipy', 'pandas')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", "a module imported at ActorGraph import time loads networkx again"


def test_query_help_lists_the_templates_parameters(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["query", "path-between", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "parameters of path-between" in out
    for flag in ("--actor", "--other", "--as-of", "--certainty", "--known-as-of"):
        assert flag in out
    assert "columns: hops, path, relations, claims" in " ".join(out.split())
    with pytest.raises(SystemExit):
        main(["query", "--help"])
    assert "'actorgraph query NAME --help'" in " ".join(capsys.readouterr().out.split())


def test_template_parameters_as_options_give_the_same_rows(capsys):
    flags = run(capsys, "query", "supporters-of", "--actor", "the regime", "--as-of", "2024-12-05",
                "--data", "seed", "--format", "json")
    params = run(capsys, "query", "supporters-of", "--param", "actor=the regime", "--param", "as_of=2024-12-05",
                 "--data", "seed", "--format", "json")
    assert flags[0] == params[0] == 0 and json.loads(flags[1]) == json.loads(params[1]) != []


def test_changes_are_listed_by_date(capsys):
    from graph.time import PartialDate

    code, out, _ = run(capsys, "changes", "2011", "2024-12-31", "--data", "syria", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) > 20 and {r["change"] for r in rows} == {"started", "ended"}
    days = [PartialDate.parse(r["date"]).earliest for r in rows]
    assert days == sorted(days), "changes must be listed in date order"
    data = json.loads(run(capsys, "changes", "2011", "2024-12-31", "--data", "syria", "--format", "json")[1])
    firsts = [PartialDate.parse(r["valid_from"]).earliest for r in data["started"]]
    assert len(firsts) > 10 and firsts == sorted(firsts)


def test_tables_fit_the_width_asked_for(capsys):
    code, out, _ = run(capsys, "relations", "--data", "syria", "--predicate", "supports", "--width", "130")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) > 10 and max(len(line) for line in lines) <= 130
    assert any(line.endswith("…") or "…" in line for line in lines)  # long names were cut, visibly
    wide = run(capsys, "relations", "--data", "syria", "--predicate", "supports", "--width", "0")[1]
    assert max(len(line) for line in wide.splitlines()) > 130  # 0: no limit
    assert fit_widths([30, 10, 40], ["id", "kind", "name"], 60) == [23, 10, 23]
    table = render_rows([["x" * 50, "y"]], ["long", "b"], "table", width=30)
    assert max(len(line) for line in table.splitlines()) <= 30


def test_json_output_of_dates_from_an_engine(capsys):
    pytest.importorskip("falkordb")
    from queries.engines.base import EngineError

    try:
        code, out, err = run(capsys, "cypher", "MATCH ()-[r]->() WHERE r.start_earliest IS NOT NULL "
                             "RETURN r.claim_id AS id, r.start_earliest AS start ORDER BY id LIMIT 3",
                             "--data", "seed", "--format", "json")
    except EngineError as exc:  # pragma: no cover - the service rule applies
        from tests.conftest import require_service
        require_service("falkordb", str(exc))
    if code != 0 and "FalkorDB" in err:
        from tests.conftest import require_service
        require_service("falkordb", err)
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 3
    for r in rows:
        assert date.fromisoformat(r["start"])  # a date, written as ISO text


def test_a_misspelt_transliteration_suggests_the_usual_spelling_first(capsys):
    code, _, err = run(capsys, "actor", "Asad", "--data", "syria")
    assert code == 2
    suggestions = err.split("did you mean", 1)[-1] if "did you mean" in err else err
    assert "Assad" in suggestions
    first = suggestions.split(",")[0]
    assert "Assad" in first, err
    assert "Syrian Democratic Forces" not in first
