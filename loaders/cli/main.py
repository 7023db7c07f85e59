"""Entry point of the ``actorgraph`` command."""

from __future__ import annotations

import argparse
import importlib
import sys

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actorgraph",
        description="Who supported whom, when, and says who: a sourced, time-scoped graph of conflict actors.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; user mistakes print one clear line on stderr and exit non-zero, without a traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result = args.run(args)
    except DatasetInvalid as exc:
        print(f"actorgraph: error: the data has {len(exc.problems)} problem(s); nothing was loaded "
              f"(run 'actorgraph validate PATH' for the list):", file=sys.stderr)
        for problem in exc.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except (ActorGraphError, OSError) as exc:  # user mistakes and unreadable or unwritable files
        print(f"actorgraph: error: {exc}", file=sys.stderr)
        return 2
    code = 0
    if isinstance(result, tuple):
        result, code = result
    if result:
        sys.stdout.write(result)
    return code


if __name__ == "__main__":
    sys.exit(main())
