from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from pcplan.demo.loader import DEMO_LOGINS, DEMO_PASSWORD, load_demo
from pcplan.plans.importer import ImportRefused


class Command(BaseCommand):
    help = (
        "Load the Cambridgeshire and Peterborough demo into the configured database and serve "
        "it on http://127.0.0.1:8000 (or only load it, with --no-serve)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="load the demo, do not serve")
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        try:
            results = load_demo()
        except ImportRefused as exc:
            raise CommandError(f"The demo data was refused:\n{exc}") from None
        for result in results:
            self.stdout.write(f"Loaded plan '{result.plan_key}'")
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.username:<13} {login.does}")
        if options["no_serve"]:
            return
        self.stdout.write(f"\nServing on http://{options['addrport']}/  (Ctrl-C to stop)\n")
        call_command("runserver", options["addrport"], use_reloader=False)
