"""The collector is paused only for the stage that asks, and comes back as it was, even on an error."""

import gc

import pytest

from timeline.engine.gc_pause import paused_gc


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_paused_inside_and_back_after(collector_on):
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner block must not switch it back on early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_error(collector_on):
    with pytest.raises(ValueError):
        with paused_gc():
            raise ValueError("a stage failed")
    assert gc.isenabled()


def test_left_off_when_it_was_off(collector_on):
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_cycles_made_while_paused_are_collected_after(collector_on):
    import weakref

    class Node:
        pass

    with paused_gc():
        a, b = Node(), Node()
        a.other, b.other = b, a
        alive = weakref.ref(a)
        del a, b
        assert alive() is not None  # only the collector frees a cycle
    gc.collect()
    assert alive() is None
