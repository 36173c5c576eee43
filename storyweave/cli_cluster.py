"""The `cluster` command: group inputs into stories without a database."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add the cluster command to the main command group."""
