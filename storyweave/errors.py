"""Errors and rejection reasons.

Misuse (bad flag, bad config) raises a :class:`StoryweaveError` whose message names the bad
value and the fix. Bad *input* is data: it becomes a :class:`storyweave.models.Rejected`.
"""

from __future__ import annotations

from enum import StrEnum


class StoryweaveError(Exception):
    """Base class of every error storyweave raises on purpose.

    Args:
        code: short stable code, e.g. ``"E001"``, shown to users and in JSON errors.
        message: what went wrong and how to fix it.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message

    def to_json(self) -> dict[str, str]:
        """The one JSON error shape every front end uses."""
        return {"error": self.code, "message": self.message}


class UsageError(StoryweaveError):
    """A command or function was called with values it cannot use."""


class ConfigError(StoryweaveError):
    """A configuration value is invalid."""


class Reason(StrEnum):
    """Why an input was rejected. The value is what users see in reports."""

    MISSING = "missing"
    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too_large"
    NO_ARTICLE = "no_article"
    BAD_JSON = "bad_json"
    BAD_RECORD = "bad_record"
    BAD_FEED = "bad_feed"
    UNSUPPORTED = "unsupported"
    UNREADABLE = "unreadable"
