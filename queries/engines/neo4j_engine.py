"""Neo4j through the official driver (``bolt://``, ``neo4j://``, ``neo4j+s://``), for a server or Aura.

It runs the same templates and the same batched ``UNWIND ... MERGE`` writes as FalkorDB.
"""

from __future__ import annotations

from queries.engines.base import EngineError, Row, rows_for_columns
from queries.engines.cypher_params import cypher_params
from queries.engines.propertygraph import INDEXES_NEO4J, write_batches

__all__ = ["Neo4jEngine"]


class Neo4jEngine:
    """Templates and raw Cypher on a Neo4j server.

    Args:
        uri: ``bolt://host:7687``, ``neo4j://...`` or ``neo4j+s://...``.
        user, password: credentials (``None`` for a server without authentication).
        database: the database name (the server's default when ``None``).
    """

    name = "neo4j"
    language = "cypher"

    def __init__(self, *, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, batch: int = 5000) -> None:
        try:
            from neo4j import GraphDatabase
        except ImportError:
            raise EngineError("the Neo4j driver is not installed; install it: pip install neo4j") from None
        auth = (user, password) if user else None
        try:
            self._driver = GraphDatabase.driver(uri, auth=auth)
            self._driver.verify_connectivity()
        except Exception as exc:
            raise EngineError(f"cannot connect to Neo4j at {uri}: {exc}") from None
        self._database = database
        self._batch = batch

    def _run(self, text: str, params=None) -> tuple[list[str], list[list]]:
        try:
            records, _, keys = self._driver.execute_query(text, params or {}, database_=self._database)
        except Exception as exc:
            raise EngineError(f"neo4j: the query failed: {exc}") from None
        return list(keys), [list(r.values()) for r in records]

    def create_indexes(self) -> None:
        """Create the uniqueness constraints and claim indexes (explicit; running it twice is harmless)."""
        for statement in INDEXES_NEO4J:
            self._run(statement)

    def clear(self) -> None:
        for label in ("Actor", "Place", "Source"):
            self._run(f"MATCH (n:{label}) DETACH DELETE n")

    def load(self, graph, *, replace: bool = True) -> None:
        self.load_batches(write_batches(graph, batch=self._batch), replace=replace)

    def load_batches(self, batches, *, replace: bool = True) -> None:
        """Run (statement, rows) write batches, e.g. :func:`queries.engines.propertygraph.csv_batches` of an export."""
        if replace:
            self.clear()
        self.create_indexes()
        for statement, rows in batches:
            self._run(statement, {"rows": rows})

    def run(self, template, params) -> list[Row]:
        _, rows = self._run(template.cypher, cypher_params(params))
        return rows_for_columns(template.columns, rows, template.name)

    def raw(self, text: str) -> list[Row]:
        keys, rows = self._run(text)
        return [dict(zip(keys, row, strict=False)) for row in rows]

    def close(self) -> None:
        self._driver.close()
