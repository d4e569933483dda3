"""The `pcplan` command: every Django management command, plus pcplan's own.

`pcplan import-plan FILE` and `pcplan import_plan FILE` are the same command: hyphens in the
command name are accepted because that is how the documentation spells them.
"""

from __future__ import annotations

import os
import sys

# Asking for help reads no data and signs nothing, so it must work on a machine that has no
# SECRET_KEY yet: that is where a newcomer first types `pcplan --help`.
HELP_WORDS = frozenset({"help", "--help", "-h", "--version"})
_HELP_ONLY_KEY = "pcplan-help-only-never-used-to-sign-anything"  # noqa: S105


def wants_help(args: list[str]) -> bool:
    return len(args) < 2 or any(arg in HELP_WORDS for arg in args[1:])


def load_settings(args: list[str]) -> None:
    """Load the settings now, so a bad environment is one line on stderr, not a traceback."""
    from django.conf import settings

    from pcplan.lib.env import ImproperlyConfiguredEnv

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading a setting is what loads them
        return
    except ImproperlyConfiguredEnv as exc:
        problem = exc
    if wants_help(args) and not os.environ.get("SECRET_KEY"):
        os.environ.pop("SECRET_KEY_FILE", None)
        os.environ["SECRET_KEY"] = _HELP_ONLY_KEY
        try:
            settings.INSTALLED_APPS  # noqa: B018
            return
        except ImproperlyConfiguredEnv as exc:
            problem = exc
    sys.stderr.write(f"pcplan: {problem}\n")
    raise SystemExit(1)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    if len(args) > 2 and args[1] == "help" and not args[2].startswith("-"):
        args[2] = args[2].replace("-", "_")
    args[0] = "pcplan"
    load_settings(args)
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
