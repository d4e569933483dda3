"""YAML bombs in plan files: refused early with FILE:LINE, never a traceback or gigabytes."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pcplan.plans.models import Plan


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def refusal(path: Path) -> str:
    with pytest.raises(CommandError) as caught:
        call_command("import_plan", str(path))
    return str(caught.value)


@pytest.mark.django_db
def test_a_billion_laughs_plan_is_refused_early_naming_file_and_line(tmp_path: Path):
    path = tmp_path / "bomb.yaml"
    path.write_text(billion_laughs())
    tracemalloc.start()
    try:
        message = refusal(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "nothing was changed" in message
    # lol3, on line 4, is the first to repeat more than 10,000 values through its aliases.
    assert f"{path}:4: aliases ('*name') repeat more than 10,000 values" in message
    assert peak < 50 * 1024 * 1024
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_more_than_a_hundred_aliases_written_out_are_refused(tmp_path: Path):
    path = tmp_path / "aliases.yaml"
    path.write_text("a: &a 1\nb:\n" + "".join("  - *a\n" for _ in range(101)))
    message = refusal(path)
    assert f"{path}:103: more than 100 aliases" in message


@pytest.mark.django_db
def test_a_recursive_anchor_is_refused_without_a_traceback(tmp_path: Path):
    path = tmp_path / "loop.yaml"
    path.write_text("key: example\nloop: &loop\n  - *loop\n")
    message = refusal(path)
    assert f"{path}:3: an alias ('*name') refers to the value it is inside" in message


@pytest.mark.django_db
def test_a_recursive_mapping_anchor_is_refused(tmp_path: Path):
    path = tmp_path / "loop.yaml"
    path.write_text("loop: &loop\n  again: *loop\n")
    message = refusal(path)
    assert f"{path}:2: an alias ('*name') refers to the value it is inside" in message


@pytest.mark.django_db
def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path):
    path = tmp_path / "deep.yaml"
    path.write_text("key: " + "[" * 10_000 + "]" * 10_000 + "\n")
    message = refusal(path)
    assert f"{path}:1: values nested more than 50 levels deep" in message


@pytest.mark.django_db
def test_an_aliased_list_as_a_key_is_refused(tmp_path: Path):
    path = tmp_path / "key.yaml"
    path.write_text(billion_laughs(2) + "? *lol2\n: x\n")
    message = refusal(path)
    assert f"{path}:4: a key must be a plain value" in message
