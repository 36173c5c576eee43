"""Story clustering: batch ``fit`` and incremental ``partial_fit`` with stable story ids.

Interface shared by the store and the ``cluster`` command::

    clusterer = StoryClusterer(seed=1)
    assignments = clusterer.fit(articles)          # {article.id: story_id}, whole collection
    assignments = clusterer.partial_fit(articles)  # new articles; returns their assignments
    clusterer.merged_                              # {merged-away story: story holding it now}
    state: bytes = clusterer.to_state(); clusterer = StoryClusterer.from_state(state)

``cluster_articles`` groups a list of articles into stories in one call (the ``cluster``
command uses it).
"""

from storyweave.cluster.clusterer import StoryClusterer, story_id_for
from storyweave.cluster.stories import cluster_articles

__all__ = ["StoryClusterer", "cluster_articles", "story_id_for"]
