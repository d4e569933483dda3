"""`core.bulk.cycle_collector_paused`: the bulk imports pause Python's cycle collector and
always leave it as they found it, whatever happens inside and however many run at once."""

from __future__ import annotations

import gc
import threading

import pytest

from pcplan.core import bulk


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_paused_inside_and_on_again_after():
    with bulk.cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failed_import_turns_it_on_again():
    with pytest.raises(ValueError), bulk.cycle_collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_it_stays_paused_until_the_last_of_two_overlapping_imports_ends():
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with bulk.cycle_collector_paused():
            first_in.set()
            second_done.wait(5)
            seen.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with bulk.cycle_collector_paused():
        pass
    second_done.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with bulk.cycle_collector_paused():
        pass
    assert not gc.isenabled()
