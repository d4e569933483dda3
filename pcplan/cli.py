"""The `pcplan` command: every Django management command, plus pcplan's own.

`pcplan import-plan FILE` and `pcplan import_plan FILE` are the same command: hyphens in the
command name are accepted because that is how the documentation spells them.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "pcplan"
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
