"""Paths and files: the path that means standard input, file stamps (has a file changed
since it was read?), and atomic file writes (a reader never sees a half-written file)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

# The input path that means standard input, read as JSON Lines (name a file called "-" by
# its full path).
STDIN = "-"


@dataclass(frozen=True)
class FileStamp:
    """A file as last seen: its full path, size and modification time (nanoseconds).

    A store that has read a file with this stamp need not read it again.
    """

    path: str
    size: int
    mtime_ns: int


def stamp_of(path: Path) -> FileStamp | None:
    """The stamp of a regular file (None when it cannot be read or is not a file)."""
    try:
        status = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    return FileStamp(str(path.resolve()), status.st_size, status.st_mtime_ns)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and an atomic rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp creates the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
