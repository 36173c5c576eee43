"""A Brief as typed JSON, and back, exactly (records of any storyweave module included).

The contract JSON of a brief (``render.json_out``) is for readers and drops type details
that rendering needs (a stage may return a subclass of a model record with extra fields).
This codec keeps them: each record is tagged with its class, which must be a dataclass
or enum defined in the ``storyweave`` package, so decoding never runs foreign code (unlike
pickle). Articles are saved as their id and come back from the store.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from storyweave.models import Article

PACKAGE = "storyweave"
TAG = "@"  # key holding the class name of a tagged value


class UnsupportedValue(TypeError):
    """A brief holds a value the codec has no form for (then it is rebuilt, not stored)."""


def type_name(value: Any) -> str:
    cls = type(value)
    return f"{cls.__module__}:{cls.__qualname__}"


def encode(value: Any) -> Any:
    """``value`` as plain JSON values, with records, enums and tuples tagged."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, Enum):
        return {TAG: type_name(value), "value": value.value}
    if isinstance(value, int | float):
        return int(value) if isinstance(value, int) else float(value)
    if isinstance(value, Article):
        return {TAG: "article", "id": value.id}
    if is_dataclass(value) and not isinstance(value, type):
        body = {f.name: encode(getattr(value, f.name)) for f in fields(value)}
        return {TAG: type_name(value), "fields": body}
    if isinstance(value, tuple):
        return {TAG: "tuple", "items": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {TAG: "dict", "items": {k: encode(v) for k, v in value.items()}}
    raise UnsupportedValue(f"cannot store a {type(value).__name__} in a brief record")


def record_class(name: str) -> type:
    """The storyweave dataclass or enum named ``module:QualName``; nothing else."""
    module_name, _, qualname = name.partition(":")
    if module_name != PACKAGE and not module_name.startswith(PACKAGE + "."):
        raise ValueError(f"{name} is not a storyweave record")
    target: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    if not isinstance(target, type) or not (is_dataclass(target) or issubclass(target, Enum)):
        raise ValueError(f"{name} is not a record class")
    return target


def decode(data: Any, article: Callable[[str], Article]) -> Any:
    """The value :func:`encode` gave ``data`` for; ``article`` looks up stored articles.

    Raises KeyError, TypeError or ValueError on data this codec did not write.
    """
    if isinstance(data, list):
        return [decode(v, article) for v in data]
    if not isinstance(data, Mapping):
        return data
    tag = data[TAG]
    if tag == "article":
        return article(data["id"])
    if tag == "tuple":
        return tuple(decode(v, article) for v in data["items"])
    if tag == "dict":
        return {k: decode(v, article) for k, v in data["items"].items()}
    cls = record_class(tag)
    if issubclass(cls, Enum):
        return cls(data["value"])
    return cls(**{k: decode(v, article) for k, v in data["fields"].items()})
