"""storyweave: weave many news reports of one event into one sourced, cross-checked brief."""

__version__ = "0.1.0"
