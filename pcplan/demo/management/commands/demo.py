from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from pcplan.demo.loader import DEMO_LOGINS, DEMO_PASSWORD, load_demo
from pcplan.demo.multiply import multiply
from pcplan.plans.importer import ImportRefused

CONFIRM = "--i-know-this-resets-demo-users"


class Command(BaseCommand):
    help = (
        "Load the Cambridgeshire and Peterborough demo into the configured database and serve "
        "it on http://127.0.0.1:8000 (or only load it, with --no-serve)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="load the demo, do not serve")
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument(
            "--multiply",
            type=int,
            default=1,
            metavar="N",
            help="then copy every record N - 1 times with new keys, for measuring pages as the "
            "data grows (the demo ×N; pcplan/demo/multiply.py)",
        )
        parser.add_argument(
            CONFIRM,
            action="store_true",
            dest="confirmed",
            help="load the demo without PCPLAN_DEBUG: demo plans and data are written and "
            "the demo sign-ins it created before get the demo password again",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # A production database has no PCPLAN_DEBUG; tests run with PCPLAN_TESTING.
        if not (settings.DEBUG or settings.TESTING or options["confirmed"]):
            raise CommandError(
                _(
                    "pcplan demo writes demo plans and demo sign-ins with a published password "
                    "into the configured database, and PCPLAN_DEBUG is not set: this looks like "
                    "a production database. Nothing was changed. Set PCPLAN_DEBUG=1 on your own "
                    "machine, or give %(flag)s if you mean it."
                )
                % {"flag": CONFIRM}
            )
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        try:
            loaded = load_demo()
        except ImportRefused as exc:
            raise CommandError(f"The demo data was refused:\n{exc}") from None
        for result in loaded.plans:
            self.stdout.write(f"Loaded plan '{result.plan_key}'")
        if options["multiply"] > 1:
            multiplied = multiply(options["multiply"])
            self.stdout.write(
                _("Every record copied: %(before)s rows became %(after)s")
                % {
                    "before": sum(multiplied.before.values()),
                    "after": sum(multiplied.after.values()),
                }
            )
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
        for login in DEMO_LOGINS:
            if login.username not in loaded.left_alone:
                self.stdout.write(f"  {login.username:<13} {login.does}")
        for username in loaded.left_alone:
            self.stdout.write(
                _(
                    "  %(username)s: a user of this name exists that the demo did not create; "
                    "left as it is (password and role unchanged)"
                )
                % {"username": username}
            )
        if options["no_serve"]:
            return
        self.stdout.write(f"\nServing on http://{options['addrport']}/  (Ctrl-C to stop)\n")
        call_command("runserver", options["addrport"], use_reloader=False)
