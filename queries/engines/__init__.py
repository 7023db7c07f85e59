"""Engines that run query templates: one small protocol (:mod:`queries.engines.base`), several backends.

Backends are imported lazily by :func:`queries.engines.base.open_engine`, so importing this package
needs none of their client libraries and starts nothing.
"""

from queries.engines.base import ENGINES, Engine, EngineError, open_engine

__all__ = ["ENGINES", "Engine", "EngineError", "open_engine"]
