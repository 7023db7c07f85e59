"""Every .cypher template, and every write statement, parses and checks with Neo4j's own Cypher parser.

The parser is the npm package @neo4j-cypher/language-support, installed in .ci/node by
``.ci/setup --test`` (``npm ci``); the check runs under the machine's node.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from queries.engines.cypher_params import cypher_params
from queries.engines.propertygraph import INDEXES_NEO4J, write_batches
from queries.template import load_templates
from tests.conftest import require_service
from tests.queries.randomgraph import random_graph

NODE_DIR = Path(__file__).resolve().parents[2] / ".ci" / "node"

SAMPLES = {"actor": "a1", "other": "a2", "place": "p1", "as_of": "2014", "start": "2012", "end": "2014-06",
           "known_as_of": "2015", "relation": "supports", "support_type": "troops", "text": "x"}


def _lint(jobs, tmp_path):
    if shutil.which("node") is None or not (NODE_DIR / "node_modules" / "@neo4j-cypher").is_dir():
        require_service("neo4j-cypher-parser", "run .ci/setup --test (npm ci in .ci/node) and install node")
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps(jobs))
    done = subprocess.run(["node", str(NODE_DIR / "check-cypher.cjs"), str(path)], capture_output=True, text=True,
                          timeout=120)
    return [json.loads(line) for line in done.stdout.splitlines()], done.returncode


def test_templates_parse(tmp_path):
    graph = random_graph(1)
    jobs = []
    for t in load_templates().values():
        values = {p.name: SAMPLES[p.name] for p in t.params if p.name in SAMPLES}
        jobs.append({"name": t.name, "text": t.cypher, "parameters": cypher_params(t.bind(graph, values))})
    results, code = _lint(jobs, tmp_path)
    assert [r for r in results if r["errors"]] == [] and code == 0
    assert len(results) == len(jobs)


def test_writes_and_indexes_parse(tmp_path):
    jobs = [{"name": s[:40], "text": s, "parameters": {"rows": rows[:1]}}
            for s, rows in write_batches(random_graph(2), batch=10**6)]
    jobs += [{"name": s, "text": s} for s in INDEXES_NEO4J]
    results, code = _lint(jobs, tmp_path)
    assert [r for r in results if r["errors"]] == [] and code == 0


def test_the_parser_catches_errors(tmp_path):
    results, code = _lint([{"name": "bad", "text": "MATCH (a) RETURN a a"}], tmp_path)
    assert code == 1 and results[0]["errors"]


pytestmark = pytest.mark.filterwarnings("error")
