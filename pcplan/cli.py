"""The `pcplan` command: every Django management command, plus pcplan's own.

`pcplan import-plan FILE` and `pcplan import_plan FILE` are the same command: hyphens in the
command name are accepted because that is how the documentation spells them.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
import pkgutil
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


def _settings_module() -> object | None:
    from pcplan.lib.env import ImproperlyConfiguredEnv

    name = os.environ["DJANGO_SETTINGS_MODULE"]
    try:
        return importlib.import_module(name)
    except ImproperlyConfiguredEnv:
        if os.environ.get("SECRET_KEY"):
            return None
    os.environ.pop("SECRET_KEY_FILE", None)
    os.environ["SECRET_KEY"] = _HELP_ONLY_KEY
    try:
        return importlib.import_module(name)
    except ImproperlyConfiguredEnv:
        return None


def command_list() -> str | None:
    """What `pcplan help` prints, found without starting Django (issue 16: under 0.5 s).

    Django's own `help` imports every app and its models to find the same names in the same
    folders (`<app>/management/commands/`); `tests/core/test_cli_speed.py` checks they agree.
    None when the settings name an app by its AppConfig class: then Django lists them.
    """
    settings = _settings_module()
    if settings is None:
        return None
    commands: dict[str, str] = {}
    # Django's order: its own commands, then each app's, the first app's winning.
    for app in ["django.core", *reversed(getattr(settings, "INSTALLED_APPS", []))]:
        # Only the top-level package is looked up: importing `django_otp.plugins` to find it
        # would import half of Django.
        top, _, rest = app.partition(".")
        spec = importlib.util.find_spec(top)
        if spec is None or not spec.submodule_search_locations:
            return None
        package = os.path.join(next(iter(spec.submodule_search_locations)), *rest.split("."))
        if not os.path.isdir(package):
            return None
        folder = os.path.join(package, "management")
        names = [
            name
            for _, name, is_package in pkgutil.iter_modules([os.path.join(folder, "commands")])
            if not is_package and not name.startswith("_")
        ]
        label = "django" if app == "django.core" else app.rpartition(".")[-1]
        commands.update(dict.fromkeys(names, label))
    lines = ["", "Type 'pcplan help <subcommand>' for help on a specific subcommand.", ""]
    lines.append("Available subcommands:")
    for label in sorted(set(commands.values())):
        lines += ["", f"[{label}]"]
        lines += [f"    {name}" for name in sorted(n for n, a in commands.items() if a == label)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pcplan.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    if len(args) > 2 and args[1] == "help" and not args[2].startswith("-"):
        args[2] = args[2].replace("-", "_")
    args[0] = "pcplan"
    if args[1:] in ([], ["help"], ["--help"], ["-h"]):
        text = command_list()
        if text is not None:
            sys.stdout.write(text + "\n")
            return
    load_settings(args)
    if args[1:2] != ["runserver"]:  # its autoreloader catches errors in setup: Django's own
        start_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


def start_django() -> None:
    """Load the apps and their models with the cycle collector paused, then freeze what they
    made (issue 16: a tenth of a second of every command).

    Loading the apps makes hundreds of thousands of objects (models, fields, history models,
    modules) that live as long as the process and hold no garbage. The collector traversed
    them again and again while they were made, and again at every full collection after;
    frozen, it never looks at them again. Django's own setup, which the command runs next,
    then finds the apps loaded.
    """
    import django
    from django.apps import apps

    if apps.ready:  # called again in a process that has started Django (the tests)
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        django.setup()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()


if __name__ == "__main__":
    main()
