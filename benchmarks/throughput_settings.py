"""pcplan's production settings with one more page: a bare view, the yardstick of
`page_throughput.py`, answering "ok" through the same middleware."""

from pcplan.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.throughput_urls"
