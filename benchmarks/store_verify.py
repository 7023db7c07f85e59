"""What verifying a store's checksum on every read costs, against the same read without it, in one run.

Usage: .venv/bin/python benchmarks/store_verify.py [N]     (default: 1000000 claims)

Builds the synthetic graph of ``benchmarks/scale.py`` (N ``supports`` claims, N/10 actors), writes it
once, then alternates whole loads with and without the checksum (``read_store(path, verify=...)``),
best of three each; then the container read alone (file to arrays, no graph) with and without it,
best of five; and the checksum pass alone (SHA-256 over the file's bytes). The ratio is what
``actorgraph`` pays on each load for never loading a damaged store as another graph.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))


def main(n: int) -> None:
    from scale import build

    from graph.store import read_store
    from graph.store.container import read_container

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.agstore")
        built = build(n, path)
        size = os.path.getsize(path)
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(3):
            for verify in (False, True):
                t0 = time.perf_counter()
                g = read_store(path, verify=verify)
                times[verify].append(time.perf_counter() - t0)
                del g
        container: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(5):  # the container alone (bytes in, arrays out): what the checksum adds, undiluted
            for verify in (False, True):
                t0 = time.perf_counter()
                read_container(path, verify=verify)
                container[verify].append(time.perf_counter() - t0)
        with open(path, "rb") as handle:
            data = handle.read()
        t0 = time.perf_counter()
        hashlib.sha256(data).hexdigest()
        sha = time.perf_counter() - t0
    plain, checked = min(times[False]), min(times[True])
    print(f"claims {n:,}; store {size / 1e6:.0f} MB (built in {built['build_s']:.1f} s)")
    print(f"load without checksum (best of 3): {plain:.2f} s")
    print(f"load with checksum    (best of 3): {checked:.2f} s")
    print(f"ratio: {checked / plain:.3f}; SHA-256 alone over the file: {sha:.3f} s ({size / sha / 1e9:.2f} GB/s)")
    print(f"container read without / with checksum (best of 5): {min(container[False]):.3f} s / "
          f"{min(container[True]):.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
