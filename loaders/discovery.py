"""Finding the files of a dataset folder, saying what was passed over and why.

A dataset folder is walked with symbolic links followed (a folder may link to shared data), each
real file read once. What cannot be read is reported, never skipped in silence: a broken link, a
link that leads back into a folder it is in (a loop), a named pipe or device where a data file
should be, a sub-folder that cannot be listed.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from graph.textfile import display_name
from loaders.csvfile import section_of_csv
from loaders.problems import Problem

__all__ = ["DATA_SUFFIXES", "dataset_files", "is_data_name"]

DATA_SUFFIXES = (".yaml", ".yml", ".csv")


def is_data_name(path: Path) -> bool:
    """Whether a file of this name would be read as part of a dataset folder."""
    return path.suffix in (".yaml", ".yml") or (path.suffix == ".csv" and section_of_csv(path) is not None)


def _link_problem(path: Path) -> Problem | None:
    """Why the link ``path`` leads nowhere readable (``None`` when it does)."""
    try:
        os.stat(path)
    except OSError as exc:
        where = display_name(path)
        if exc.errno == errno.ELOOP:
            return Problem(where, 0, "", "symbolic link loop (the link leads back to itself); remove or fix it")
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return Problem(where, 0, "", f"broken symbolic link to {target!r} (nothing is there); remove or fix it")
    return None


def dataset_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The dataset files under ``path`` (or ``path`` itself), sorted, and what could not be read.

    >>> dataset_files(Path("no-such-folder"))[1][0].message
    'no such file or folder'
    """
    if path.is_symlink() and not path.exists():
        return [], [_link_problem(path) or Problem(display_name(path), 0, "", "cannot be followed")]
    if not path.exists():
        return [], [Problem(str(path), 0, "", "no such file or folder")]
    if not path.is_dir():
        if not path.is_file():
            return [], [Problem(display_name(path), 0, "", "not a regular file or folder (a pipe or a device?); "
                                                           "give a dataset folder or file")]
        return [path], []
    found: dict[str, Path] = {}  # real path -> the path it was found under (first one wins)
    problems: list[Problem] = []
    ancestors: list[str] = []
    _walk(path, found, problems, ancestors)
    return sorted(found.values()), problems


def _walk(folder: Path, found: dict[str, Path], problems: list[Problem], ancestors: list[str]) -> None:
    real = os.path.realpath(folder)
    if real in ancestors:
        problems.append(Problem(display_name(folder), 0, "", "symbolic link loop: this folder leads back to a "
                                                             "folder that contains it; remove the link"))
        return
    ancestors.append(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(display_name(folder), 0, "", f"cannot list this folder ({exc.strerror})"))
        ancestors.pop()
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            if entry.is_symlink() and (is_data_name(path) or not path.suffix) and not entry.name.startswith(".#"):
                problems.append(_link_problem(path))  # ".#name" is an editor's lock link, not data
            continue
        if stat.S_ISDIR(mode):
            _walk(path, found, problems, ancestors)
        elif is_data_name(path):
            if not stat.S_ISREG(mode):
                problems.append(Problem(display_name(path), 0, "", "not a regular file (a pipe or a device?); "
                                                                   "a dataset file must be a plain file"))
                continue
            found.setdefault(os.path.realpath(path), path)
    ancestors.pop()
