"""`model.record`: the records' faster constructor builds exactly what dataclass's own would."""

import dataclasses
from datetime import date

import pytest

from timeline import model
from timeline.model import Interval, Sentence, TimeExpression

RECORDS = [cls for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)
           and cls.__module__ == model.__name__]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_record_is_frozen_slotted_and_keeps_its_signature(cls):
    params = cls.__init__.__code__.co_varnames[1 : cls.__init__.__code__.co_argcount]
    assert params == tuple(f.name for f in dataclasses.fields(cls))
    assert cls.__dataclass_params__.frozen and "__slots__" in vars(cls)


@pytest.mark.parametrize(
    "made, expected",
    [
        (TimeExpression("Senin (27/3)", 10, 22, "date", Interval(date(2023, 3, 27), date(2023, 3, 27))),
         dict(text="Senin (27/3)", start=10, end=22, kind="date", anchor="explicit", valid=True, tense=None)),
        (TimeExpression(text="pekan depan", start=0, end=11, kind="relative", tense="future", anchor="reference"),
         dict(text="pekan depan", value=None, tense="future", anchor="reference", year_inferred=False)),
        (Sentence(0, 42, "Wali Kota Bontang Basri Rase berangkat."),
         dict(start=0, end=42, text="Wali Kota Bontang Basri Rase berangkat.")),
    ],
)
def test_fields_and_defaults_as_written(made, expected):
    for name, value in expected.items():
        assert getattr(made, name) == value


def test_equal_hash_replace_and_frozen_as_a_dataclass():
    day = Interval(date(2025, 1, 15), date(2025, 1, 15))
    a = TimeExpression("Selasa (15/1/2025)", 4, 22, "date", day)
    b = TimeExpression("Selasa (15/1/2025)", 4, 22, "date", day)
    assert a == b and hash(a) == hash(b) and repr(a) == repr(b)
    assert dataclasses.replace(a, start=5) == TimeExpression("Selasa (15/1/2025)", 5, 22, "date", day)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.start = 0
    with pytest.raises(TypeError, match="missing 3 required positional arguments"):
        TimeExpression("Senin")
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        TimeExpression("Senin", 0, 5, "date", tanggal=None)
