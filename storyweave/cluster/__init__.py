"""Story clustering: batch ``fit`` and incremental ``partial_fit`` with stable story ids.

Interface shared by the store and the ``cluster`` command (implementation in progress)::

    clusterer = StoryClusterer(seed=1)
    assignments = clusterer.fit(articles)          # {article.id: story_id}, whole collection
    assignments = clusterer.partial_fit(articles)  # new articles; returns their assignments
                                                   # (and keeps earlier articles' story ids)
    state: bytes = clusterer.to_state(); clusterer = StoryClusterer.from_state(state)
"""
