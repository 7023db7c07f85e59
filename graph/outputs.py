"""Where commands write: never over a file or into a folder they did not write, unless forced; never half.

``export``, ``pack``, ``import`` and ``extract --merge-into`` name their output with ``-o``. A typo
there must not destroy data: ``export neo4j-csv -o loaders/data/syria`` would write CSV files into a
dataset folder (which then no longer loads), ``pack -o claims.yaml`` would replace a curated file.
So an output path that exists is used only when it holds what this kind of output writes: a file
whose first bytes are of that kind (a store's magic line, a GEXF root element...) or a folder
holding only the files this output writes, each recognised the same way. ``force=True`` (``--force``
on the command line) overrides that check, never the check that a file is not given for a folder.

What is written goes to a temporary name in the same folder first and is renamed into place, so a
failure halfway (a full disk, an interrupt) leaves the old output as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from pathlib import Path

from ontology import OutputRefused

__all__ = ["Recognise", "check_file", "check_folder", "replacing_file", "replacing_folder"]

#: Whether the first bytes of a file (up to 4 kB) are what an output of some kind writes.
Recognise = Callable[[bytes], bool]
_HEAD = 4096


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_HEAD)


def _force_hint(flag: str) -> str:
    return f"choose another output, or add {flag} to replace it" if flag else "choose another output"


def check_file(path: str | os.PathLike, *, kind: str, recognise: Recognise, force: bool = False,
               flag: str = "--force") -> Path:
    """``path`` if a ``kind`` file may be written there; an :class:`ontology.OutputRefused` otherwise.

    Missing and empty files may be written; so may a file whose first bytes ``recognise`` accepts.

    Raises:
        OutputRefused: ``path`` is a folder, or (unless ``force``) a file of another kind.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputRefused(path, f"{path} is a folder; give a file name for the {kind} output")
    if not path.exists() and not path.is_symlink():
        return path
    if force:
        return path
    if not path.is_file():
        raise OutputRefused(path, f"{path} exists and is not a regular file; {_force_hint(flag)}")
    try:
        head = _head(path)
    except OSError as exc:
        raise OutputRefused(path, f"{path} exists and cannot be read to check what it is ({exc.strerror}); "
                                  f"{_force_hint(flag)}") from None
    if head and not recognise(head):
        raise OutputRefused(path, f"{path} exists and is not a {kind} file (it begins {head[:24]!r}); "
                                  f"it was left as it is: {_force_hint(flag)}")
    return path


def check_folder(path: str | os.PathLike, *, kind: str, files: Mapping[str, Recognise], force: bool = False,
                 flag: str = "--force") -> Path:
    """``path`` if the ``kind`` output (the folder of ``files``) may be written there.

    A missing or empty folder may be used, and one that holds only files named in ``files``, each
    recognised by its own test: an earlier output of the same kind.

    Raises:
        OutputRefused: ``path`` is a file, or (unless ``force``) a folder holding anything else.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputRefused(path, f"{path} is a file; the {kind} output is a folder of files: give a folder")
    if not path.exists() or force:
        return path
    foreign = []
    for entry in sorted(path.iterdir()):
        test = files.get(entry.name)
        try:
            ours = test is not None and entry.is_file() and not entry.is_symlink() and test(_head(entry))
        except OSError:
            ours = False
        if not ours:
            foreign.append(entry.name + ("/" if entry.is_dir() else ""))
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise OutputRefused(path, f"{path} holds files that are not a {kind} output ({shown}); nothing was "
                                  f"written: choose a new or empty folder, or add {flag} to write into it anyway")
    return path


@contextmanager
def replacing_file(path: Path):
    """A temporary path next to ``path``; renamed to ``path`` when the block ends without an error.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with replacing_file(target) as tmp:
    ...     _ = tmp.write_text("new")
    >>> target.read_text()
    'new'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def replacing_folder(path: Path):
    """A temporary folder next to ``path`` whose files are moved into ``path`` when the block succeeds.

    Files of ``path`` that the block did not write are left where they are (with ``--force``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield tmp
        path.mkdir(exist_ok=True)
        for item in sorted(tmp.iterdir()):
            os.replace(item, path / item.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
