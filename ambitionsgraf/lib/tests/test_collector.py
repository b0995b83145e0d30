"""The garbage collector paused around a heavy page, and always switched back on."""

import gc

import pytest

from ambitionsgraf.lib import collector


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error():
    with pytest.raises(ValueError), collector.paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pause_inside_a_pause_ends_with_the_outer_one():
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_as_a_decorator_it_pauses_each_call():
    @collector.paused()
    def view():
        return gc.isenabled()

    assert view() is False
    assert view() is False
    assert gc.isenabled()
