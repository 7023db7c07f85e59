"""Options shared by many commands, and loading the graph they ask for."""

from __future__ import annotations

import argparse
from collections import OrderedDict
from pathlib import Path

from loaders.bundled import DEFAULT_DATASET, bundled_dataset, bundled_names
from ontology import Certainty

__all__ = ["add_data_option", "add_format_option", "add_time_options", "load_graph", "data_paths", "point_of_view"]


def add_data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", action="append", metavar="PATH", default=None,
                        help="a dataset folder or file, or the name of a bundled dataset; repeatable "
                             f"(default: the bundled {DEFAULT_DATASET!r} dataset); may also come before the command")
    parser.add_argument("--no-cache", action="store_true",
                        help="read and check the dataset files again instead of using the cache "
                             "(also: ACTORGRAPH_CACHE=off)")


def add_time_options(parser: argparse.ArgumentParser, *, as_of: bool = True) -> None:
    if as_of:
        parser.add_argument("--as-of", metavar="DATE", help="only what holds on DATE (EDTF: 2016, 2016-06, 2016-06-01)")
    parser.add_argument("--certainty", choices=[c.value for c in Certainty], default="possible",
                        help="with partial dates: 'possible' (may hold; default) or 'certain' (must hold)")
    parser.add_argument("--known-as-of", metavar="DATE",
                        help="as the record stood on DATE: only what sources published by then report "
                             "(an end reported later reads as open, '..')")


def point_of_view(args: argparse.Namespace):
    """The one point of view of a command: ``--as-of``, ``--certainty`` and ``--known-as-of`` as one value."""
    from graph.pointofview import PointOfView

    return PointOfView(getattr(args, "as_of", None), getattr(args, "certainty", None) or Certainty.POSSIBLE,
                       getattr(args, "known_as_of", None))


def add_format_option(parser: argparse.ArgumentParser, choices=("table", "json", "csv")) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=f"output format (default: {choices[0]})")
    if "table" in choices:
        parser.add_argument("--width", type=int, default=None, metavar="N",
                            help="fit tables in N characters, shortening long cells with '…' (default: the "
                                 "terminal's width when writing to one, else no limit; 0: no limit)")


def data_paths(args: argparse.Namespace) -> list[Path]:
    """The dataset paths named by ``--data`` (bundled names allowed), or the default bundled dataset."""
    names = args.data or [DEFAULT_DATASET]
    out = []
    for name in names:
        path = Path(name)
        if not path.exists() and name in bundled_names():
            path = bundled_dataset(name)
        out.append(path)
    return out


#: The graphs this process loaded for its commands, by the content key of their files, newest last. A program that
#: runs many commands in one process (a notebook calling :func:`loaders.cli.main` in a loop, the question sets'
#: scorer) then decodes a dataset once instead of once per command (~0.4 s for the Syria corpus). Sharing is safe
#: because no command changes the graph it loads, and the key covers every byte of the data files and of the
#: loading code, so a file edited between two commands is read again.
_LOADED: OrderedDict[str, object] = OrderedDict()
_LOADED_KEEP = 3


def load_graph(args: argparse.Namespace):
    """The graph of ``--data``, from the cache when its files have not changed (see :mod:`loaders.cache`).

    With the cache on, a graph this process already loaded from the same bytes is given again (see ``_LOADED``);
    ``--no-cache`` or ``ACTORGRAPH_CACHE=off`` reads and checks the files every time.
    """
    from loaders.cache import cache_folder, cache_key, load_cached

    paths = data_paths(args)
    if getattr(args, "no_cache", False):
        from loaders.dataset import load_datasets

        return load_datasets(paths)
    if cache_folder() is None:
        return load_cached(paths).graph
    try:
        key = cache_key(paths)
    except OSError:  # an unreadable file: the loader reports it in its own words
        return load_cached(paths).graph
    if key in _LOADED:
        _LOADED.move_to_end(key)
        return _LOADED[key]
    graph = load_cached(paths, key=key).graph  # the files are hashed once per command, not twice
    _LOADED[key] = graph
    while len(_LOADED) > _LOADED_KEEP:
        _LOADED.popitem(last=False)
    return graph
