"""How a cached value is stored: pickle protocol 5, deflated with zlib when it is large, loading only
the record classes timeline writes, because a cache file inside a shared archive is input we did not
write."""

from __future__ import annotations

import dataclasses
import io
import pickle
import zlib
from operator import attrgetter
from typing import Any, Callable

_PICKLE_PROTOCOL = 5
_ZLIB_LEVEL = 1  # fast; a large pickle (a long article's claims) repeats class names and text: ~2x smaller
# A smaller pickle is stored as it is: deflating a typical row (1.7 kB of pickle) took 34 us, as long
# as pickling it, to save 0.8 kB, and 9 us more to inflate it again.
_DEFLATE_FROM = 4096
# A 4 kB window and a small hash table: a cached value is a few kB, and zlib's defaults (a 32 kB window,
# 256 kB of state set up at every call) took longer to set up than to compress it (54 -> 29 us a row,
# 16 -> 9 us to inflate; the same bytes out on generated and real articles).
_ZLIB_WINDOW_BITS = 12
_ZLIB_MEM_LEVEL = 6

# Record modules whose dataclasses a row may hold, and the few other globals they are made of.
_RECORD_MODULES = frozenset({"timeline.model", "timeline.lang"})
_VALUE_CLASSES = frozenset({
    ("timeline.archive.identity", "Identity"),
    ("timeline.engine.plan", "FileResult"),
    ("timeline.engine.plan", "FileHead"),
    ("timeline.engine.plan", "OfficialResult"),
})
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
    ("timeline.engine.codec", "_new"),
    ("timeline.engine.codec", "_same"),
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
    """The fields of a cached record class that `_new` can fill; () for anything else (pickled as usual)."""
    names = _INIT_FIELDS.get(cls)
    if names is None:
        names = ()
        if dataclasses.is_dataclass(cls) and _allowed(cls.__module__, cls.__qualname__):
            fields = dataclasses.fields(cls)
            if all(f.init for f in fields) and not hasattr(cls, "__post_init__"):
                names = tuple(f.name for f in fields)
        _INIT_FIELDS[cls] = names
    return names


_MAKERS: dict[type, Any] = {}


def fast_constructor(cls: type):
    """A function that builds a `cls` from its field values positionally, setting each slot directly:
    about twice as fast as a frozen dataclass's `__init__`, which goes through `object.__setattr__`."""
    names = _init_fields(cls)
    if not names or not hasattr(cls, "__slots__"):
        return cls
    args = ", ".join(f"a{i}" for i in range(len(names)))
    body = "".join(f"    s{i}(o, a{i})\n" for i in range(len(names)))
    namespace = {"new": object.__new__, "C": cls, **{f"s{i}": getattr(cls, n).__set__ for i, n in enumerate(names)}}
    exec(f"def make({args}):\n    o = new(C)\n{body}    return o\n", namespace)
    return namespace["make"]


def _new(cls: type, *values: Any) -> Any:
    """A cached record from its field values (what a blob's REDUCE calls); only record classes."""
    make = _MAKERS.get(cls)
    if make is None:
        if not _init_fields(cls):
            raise pickle.UnpicklingError(f"not a cached record: {cls!r}")
        make = _MAKERS[cls] = fast_constructor(cls)
    return make(*values)


# Small value records that repeat across a row (the same participant, place, day, weekday in many
# events): pickled once each and referred to after, so loading builds each of them once.
_SHARED = frozenset({
    ("timeline.model", "Participant"),
    ("timeline.model", "Place"),
    ("timeline.model", "Interval"),
    ("timeline.model", "WeekdayCheck"),
    ("timeline.model", "ClockTime"),
    ("timeline.model", "Duration"),
    ("timeline.model", "Role"),
})


def _same(value: Any) -> Any:
    """What a blob's REDUCE calls for a record equal to one loaded before: that record."""
    return value


_PLANS: dict[type, tuple[bool, Callable[[Any], tuple]] | None] = {}


def _plan(cls: type) -> tuple[bool, Callable[[Any], tuple]] | None:
    """How the pickler writes a `cls`: (whether it is a shared value record, a getter of its field
    values as a tuple), or None to pickle it as usual. Worked out once per class (`_PLANS`)."""
    names = _init_fields(cls)
    plan = None
    if names:
        getter = attrgetter(*names)
        values = getter if len(names) > 1 else (lambda obj, get=getter: (get(obj),))
        plan = ((cls.__module__, cls.__qualname__) in _SHARED, values)
    _PLANS[cls] = plan
    return plan


class _Pickler(pickle.Pickler):
    """Pickles records as `_new(Class, *values)`: loading fills the slots directly, about twice as fast
    as calling the constructor and three times as fast as the per-object `__setstate__` frozen slotted
    dataclasses get by default. A shared value record equal to one pickled before is `_same(that one)`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._first: dict[Any, Any] = {}

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        plan = _PLANS.get(cls, False)
        if plan is False:
            plan = _plan(cls)
        if plan is None:
            return NotImplemented
        shared, values = plan
        if shared:
            first = self._first.setdefault(obj, obj)
            if first is not obj:
                return _same, (first,)
        return _new, (cls, *values(obj))


_PICKLE_START = b"\x80"  # the PROTO opcode a pickle starts with; no zlib stream starts with it


def dumps(value: Any) -> bytes:
    """A cache row's blob: a record (or the engine's FileResult), pickled, and deflated when large."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=_PICKLE_PROTOCOL).dump(value)
    data = buffer.getvalue()
    return compress(data) if len(data) >= _DEFLATE_FROM else data


def compress(data: bytes) -> bytes:
    """`data` deflated as every cached value is (zlib format: `zlib.decompress` reads it)."""
    packer = zlib.compressobj(_ZLIB_LEVEL, zlib.DEFLATED, _ZLIB_WINDOW_BITS, _ZLIB_MEM_LEVEL)
    return packer.compress(data) + packer.flush()


def loads(blob: bytes, expect: type | None = None) -> Any:
    """The value of a blob; raises on anything that is not one of the cached record types (or, with
    `expect`, not an instance of it: a tuple of records, say)."""
    data = blob if blob[:1] == _PICKLE_START else zlib.decompress(blob)
    value = _Unpickler(io.BytesIO(data)).load()
    cls = type(value)
    if expect is not None:
        if not isinstance(value, expect):
            raise pickle.UnpicklingError(f"not a cached {expect.__name__}: {cls.__name__}")
    elif not (cls.__module__ in _RECORD_MODULES or (cls.__module__, cls.__qualname__) in _VALUE_CLASSES):
        raise pickle.UnpicklingError(f"not a cached record: {cls.__name__}")
    return value

