"""Story clustering: batch ``fit`` and incremental ``partial_fit`` with stable story ids.

Planned interface (shared by the store and the ``cluster`` command)::

    clusterer = StoryClusterer(seed=1)
    assignments = clusterer.fit(articles)          # {article.id: story_id}
    assignments = clusterer.partial_fit(articles)  # new articles only; existing ids stay
    state = clusterer.to_state(); StoryClusterer.from_state(state)
"""
