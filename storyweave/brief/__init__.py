"""Cross-source reading: support, figures, timeline, summary."""
