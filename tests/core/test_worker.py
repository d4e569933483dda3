"""`pcplan worker --batch` leaves the caller's signal handlers as they were."""

from __future__ import annotations

import signal
from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db(transaction=True)
def test_a_batch_run_puts_back_the_callers_interrupt_handler():
    def mine(signum, frame):  # pragma: no cover - never called
        raise AssertionError

    before = signal.signal(signal.SIGINT, mine)
    try:
        call_command("worker", "--batch", "--no-startup-delay", "--interval=0", stdout=StringIO())
        assert signal.getsignal(signal.SIGINT) is mine
    finally:
        signal.signal(signal.SIGINT, before)
