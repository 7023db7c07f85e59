"""A private Virtuoso server (Debian's ``virtuoso-opensource``) in a temporary folder, on free loopback ports.

Used by the tests and the benchmark; users point the ``sparql`` engine at their own endpoint instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

from queries.engines.base import EngineError

__all__ = ["VirtuosoServer", "virtuoso_available"]

_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
DirsAllowed = ., {d}, /usr/share/virtuoso-opensource-7/vad
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
DefaultGraph = https://w3id.org/actorgraph/id/graph
"""


def virtuoso_available() -> str | None:
    """Why Virtuoso cannot run here (``None`` when it can)."""
    for exe in ("virtuoso-t", "isql-vt"):
        if shutil.which(exe) is None:
            return f"{exe} is not installed (Debian: apt-get install virtuoso-opensource)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VirtuosoServer:
    """Start ``virtuoso-t`` in a fresh folder, grant SPARQL updates, stop it (by its own PID) on :meth:`stop`."""

    def __init__(self, *, startup_timeout: float = 60.0) -> None:
        why = virtuoso_available()
        if why:
            raise EngineError(why)
        self.folder = tempfile.mkdtemp(prefix="actorgraph-virtuoso-")
        self.port, self.http_port = _free_port(), _free_port()
        with open(os.path.join(self.folder, "virtuoso.ini"), "w") as f:
            f.write(_INI.format(d=self.folder, port=self.port, http=self.http_port))
        self.process = subprocess.Popen(["virtuoso-t", "+configfile", "virtuoso.ini", "+foreground"],
                                        cwd=self.folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.endpoint = f"http://127.0.0.1:{self.http_port}/sparql"
        deadline = time.monotonic() + startup_timeout
        while True:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise EngineError(f"Virtuoso did not start; see {self.folder}/virtuoso.log")
            try:
                with urllib.request.urlopen(self.endpoint + "?query=ASK%7B%7D", timeout=2):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.3)
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')

    def isql(self, *statements: str, timeout: float = 600) -> str:
        """Run SQL statements through ``isql-vt`` as the admin user (dba/dba on a fresh database)."""
        args = ["isql-vt", f"127.0.0.1:{self.port}", "dba", "dba"] + [f"exec={s}" for s in statements]
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise EngineError(f"isql failed: {done.stdout[-500:]} {done.stderr[-500:]}")
        return done.stdout

    def bulk_load(self, ntriples_path: str, graph: str) -> None:
        """Load an N-Triples file (inside :attr:`folder`) with Virtuoso's bulk loader."""
        folder, name = os.path.split(os.path.abspath(ntriples_path))
        self.isql(f"ld_dir('{folder}', '{name}', '{graph}');", "rdf_loader_run();", "checkpoint;")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> VirtuosoServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
