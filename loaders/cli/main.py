"""Entry point of the ``actorgraph`` command."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from graph.exports.escaping import visible
from ontology import ActorGraphError, DatasetInvalid

__all__ = ["build_parser", "main"]

#: Modules that register sub-commands, in the order their commands are listed in --help.
COMMAND_MODULES = [
    "loaders.cli.browse",
    "loaders.cli.export",
    "loaders.cli.explain",
    "loaders.cli.imports",
    "loaders.cli.extract",
    "loaders.cli.querying",
]
#: Exit status of a failure that is actorgraph's fault, not the input's (BSD's EX_SOFTWARE).
INTERNAL_ERROR = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actorgraph",
        description="Who supported whom, when, and says who: a sourced, time-scoped graph of conflict actors.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _error(message: str) -> None:
    """One line on stderr: data may hold line breaks or terminal controls, which must not reach the terminal."""
    print(f"actorgraph: error: {visible(' '.join(message.split()))}", file=sys.stderr)


def _os_error(exc: OSError) -> str:
    """An OS error as a sentence that names the file (Python's own text omits it when the error came on read)."""
    reason = exc.strerror or type(exc).__name__
    names = [n for n in (exc.filename, exc.filename2) if n is not None]
    where = " -> ".join(str(n) for n in names) if names else "a file this command read or wrote"
    return f"{where}: {reason}; check the path, its permissions and the free space"


def main(argv: list[str] | None = None) -> int:
    """Run one command; bad input prints a clear error on stderr (first line names the file) and exits 2.

    Exit status: 0 success; 1 ``validate`` found problems; 2 bad input or usage; 70 an internal error
    (a bug: the message says so, and ``ACTORGRAPH_DEBUG=1`` shows the traceback).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result = args.run(args)
    except DatasetInvalid as exc:
        first, rest = exc.problems[0], exc.problems[1:]
        more = f" (and {len(rest)} more problem(s), below)" if rest else ""
        _error(f"nothing was loaded: {first}{more}")
        for problem in rest[:19]:
            print(f"  {visible(str(problem))}", file=sys.stderr)
        if len(rest) > 19:
            print(f"  ... {len(rest) - 19} more: run 'actorgraph validate PATH' for the list", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130
    except ActorGraphError as exc:  # bad input, named with its file and line
        _error(str(exc))
        return 2
    except OSError as exc:  # unreadable or unwritable files
        _error(_os_error(exc))
        return 2
    except RecursionError:
        _error("the input is nested too deeply to process; simplify it")
        return 2
    except MemoryError:
        _error("not enough memory for this input; split it, or use a store file (actorgraph pack)")
        return 2
    except Exception as exc:  # noqa: BLE001 - the last resort: a bug must not look like a crash of the data
        if os.environ.get("ACTORGRAPH_DEBUG") == "1":
            raise
        _error(f"internal error ({type(exc).__name__}: {exc}); this is a bug in actorgraph, not in your data: "
               "please report it with the command line (ACTORGRAPH_DEBUG=1 shows the traceback)")
        return INTERNAL_ERROR
    code = 0
    if isinstance(result, tuple):
        result, code = result
    if result:
        sys.stdout.write(result)
    return code


if __name__ == "__main__":
    sys.exit(main())
