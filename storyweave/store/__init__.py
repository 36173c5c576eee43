"""Embedded store (SQLite): articles, rejected inputs, stories, briefs."""
