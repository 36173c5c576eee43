"""Commands over the embedded store: ingest, stories, search."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add the store commands to the main command group."""
