"""What a report means as a whole: a MiniLM embedding of its title and opening prose.

TF-IDF sees two reports of one broad story that use different words (a budget's date and a
budget's measures) as unrelated; their embeddings still agree. The clusterer uses this only to
confirm a join that word overlap already half supports (see ``clusterer.EMBED_AGREEMENT``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyweave.cluster.features import prose_lines
from storyweave.models import Article

# Characters of title and prose embedded: MiniLM reads 256 word pieces (about 1,000
# characters), so the title and the first prose lines carry what it sees.
EMBED_CHARS = 1500


def meaning_text(article: Article) -> str:
    """The text embedded for a report: its title, then its prose lines, cut to EMBED_CHARS."""
    return ((article.title or "") + "\n" + "\n".join(prose_lines(article.text)))[:EMBED_CHARS]


def meanings(articles: Sequence[Article]) -> dict[str, np.ndarray]:
    """Unit embedding (float64) of each article, by content id."""
    from storyweave.nlp.embed import embed

    if not articles:
        return {}
    vectors = embed([meaning_text(a) for a in articles]).astype(np.float64)
    return {a.id: vectors[k] for k, a in enumerate(articles)}
