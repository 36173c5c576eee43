"""Where the database lives by default."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "STORYWEAVE_DB"
DB_NAME = "storyweave.db"


def default_db_path() -> Path:
    """``$STORYWEAVE_DB``, else ``$XDG_DATA_HOME/storyweave/storyweave.db``.

    Without ``XDG_DATA_HOME`` the data folder is ``~/.local/share`` (the XDG default).
    """
    explicit = os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "storyweave" / DB_NAME


def resolve_db_path(db: str | Path | None) -> Path:
    """The ``--db`` value when given, else :func:`default_db_path`."""
    return Path(db).expanduser() if db is not None else default_db_path()
