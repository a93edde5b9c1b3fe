"""How a cached value is stored: pickle protocol 5 + zlib, loading only the record classes timeline
writes, because a cache file inside a shared archive is input we did not write."""

from __future__ import annotations

import dataclasses
import io
import pickle
import zlib
from typing import Any

_PICKLE_PROTOCOL = 5
_ZLIB_LEVEL = 1  # fast; pickled digests repeat class names and text, ~3-5x smaller

# Record modules whose dataclasses a row may hold, and the few other globals they are made of.
_RECORD_MODULES = frozenset({"timeline.model", "timeline.lang"})
_VALUE_CLASSES = frozenset({("timeline.engine.plan", "FileResult")})
_ALLOWED_GLOBALS = frozenset({
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timezone"),  # an article's metadata time keeps its zone (Article.published_at)
    ("datetime", "timedelta"),
    ("builtins", "frozenset"),
    ("builtins", "set"),
    ("builtins", "tuple"),
    ("builtins", "list"),
    ("builtins", "dict"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
})


def _allowed(module: str, name: str) -> bool:
    return module in _RECORD_MODULES or (module, name) in _ALLOWED_GLOBALS or (module, name) in _VALUE_CLASSES


_RESOLVED: dict[tuple[str, str], Any] = {}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _RESOLVED.get((module, name))
        if found is not None:
            return found
        if _allowed(module, name):
            found = _RESOLVED[(module, name)] = super().find_class(module, name)
            return found
        raise pickle.UnpicklingError(f"forbidden global {module}.{name}")


_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def _init_fields(cls: type) -> tuple[str, ...]:
    """The constructor fields of a cached record class; () for anything else (pickled as usual)."""
    names = _INIT_FIELDS.get(cls)
    if names is None:
        names = ()
        if dataclasses.is_dataclass(cls) and _allowed(cls.__module__, cls.__qualname__):
            fields = dataclasses.fields(cls)
            if all(f.init for f in fields):
                names = tuple(f.name for f in fields)
        _INIT_FIELDS[cls] = names
    return names


class _Pickler(pickle.Pickler):
    """Pickles records as `Class(*values)`: loading calls the constructor, about 30% faster than the
    per-object `__setstate__` frozen slotted dataclasses get by default."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        names = _init_fields(cls)
        if names:
            return cls, tuple([getattr(obj, name) for name in names])
        return NotImplemented


def dumps(value: Any) -> bytes:
    """A cache row's blob: a record (or the engine's FileResult), pickled and compressed."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=_PICKLE_PROTOCOL).dump(value)
    return zlib.compress(buffer.getvalue(), _ZLIB_LEVEL)


def loads(blob: bytes) -> Any:
    """The value of a blob; raises on anything that is not one of the cached record types."""
    value = _Unpickler(io.BytesIO(zlib.decompress(blob))).load()
    cls = type(value)
    if not (cls.__module__ in _RECORD_MODULES or (cls.__module__, cls.__qualname__) in _VALUE_CLASSES):
        raise pickle.UnpicklingError(f"not a cached record: {cls.__name__}")
    return value
