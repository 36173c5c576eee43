"""Language analysis: sentences, entities, dates, numbers, quotes."""
