"""The templates/query/sparql/cypher commands, through the real entry point."""

from __future__ import annotations

import json

import pytest

from loaders.cli.main import main

COUNT = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/actorgraph/ns#Claim> }"


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_templates_lists_parameters(capsys):
    code, out, _ = _run(capsys, "templates")
    assert code == 0 and "supporters-of:" in out and "as_of: date = none" in out and "path-between:" in out


def test_templates_show(capsys):
    code, out, _ = _run(capsys, "templates", "show", "lineage")
    assert code == 0 and "MATCH" in out and "SELECT" in out


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph", pytest.param("falkordb", marks=pytest.mark.falkordb)])
def test_query_by_alias_as_json(capsys, engine):
    code, out, _ = _run(capsys, "query", "supporters-of", "--param", "actor=Assad government", "--param",
                        "as_of=2024-12-05", "--engine", engine, "--data", "seed", "--format", "json")
    assert code == 0
    assert {r["supporter"] for r in json.loads(out)} == {"russia", "iran"}


def test_query_errors_are_one_line(capsys):
    code, _, err = _run(capsys, "query", "supporters-of", "--param", "actor=Nobody at all", "--data", "seed")
    assert code == 2 and err.startswith("actorgraph: error:") and err.count("\n") == 1
    code, _, err = _run(capsys, "query", "no-such-template", "--data", "seed")
    assert code == 2 and "known templates" in err
    code, _, err = _run(capsys, "query", "supporters-of", "--param", "colour=red", "--data", "seed")
    assert code == 2 and "no parameter 'colour'" in err


def test_user_templates_folder(capsys, tmp_path):
    header = "name: claim-count\n description: how many claims\n columns: n\n"
    (tmp_path / "claim-count.cypher").write_text("".join(f"// {line.strip()}\n" for line in header.splitlines())
                                                 + "MATCH ()-[r]->() RETURN count(r) AS n\n")
    (tmp_path / "claim-count.rq").write_text("".join(f"# {line.strip()}\n" for line in header.splitlines())
                                             + COUNT + "\n")
    code, out, _ = _run(capsys, "query", "claim-count", "--templates", str(tmp_path), "--data", "seed",
                        "--format", "csv")
    assert code == 0 and out.splitlines()[1] == "15"


def test_raw_sparql_and_cypher(capsys):
    code, out, _ = _run(capsys, "sparql", COUNT, "--data", "seed", "--format", "csv")
    assert code == 0 and out.splitlines()[1] == "15"


@pytest.mark.falkordb
def test_raw_cypher(capsys, tmp_path):
    query = tmp_path / "q.cypher"
    query.write_text("MATCH ()-[r]->() RETURN count(r) AS n")
    code, out, _ = _run(capsys, "cypher", f"@{query}", "--data", "seed", "--format", "csv")
    assert code == 0 and out.splitlines()[1] == "15"
