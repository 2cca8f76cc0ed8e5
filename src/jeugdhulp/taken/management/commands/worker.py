"""``jeugdhulp worker``: run background tasks and the schedule until stopped (Ctrl-C or SIGTERM finish the task
at hand first; a second Ctrl-C stops at once, and the task then runs again on the next worker)."""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand

from jeugdhulp.taken import worker as taken_worker
from jeugdhulp.taken.models import Werker


class Command(BaseCommand):
    help = "Voer achtergrondtaken uit (mail, iJw-outbox, herinneringen) en de planning; stop met Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconden wachten als er niets te doen is.")
        parser.add_argument(
            "--eenmalig", action="store_true", help="Eén keer plannen en alles wat klaarstaat uitvoeren, dan stoppen."
        )
        parser.add_argument("--zonder-planning", action="store_true", help="Alleen taken uitvoeren, niet plannen.")
        parser.add_argument("--werker-id", default="", help="Unieke naam van dit proces (standaard: host-pid-…).")

    def handle(self, *args, interval, eenmalig, zonder_planning, werker_id, verbosity, **options):
        logging.getLogger("django_tasks_db").setLevel(logging.INFO if verbosity else logging.WARNING)
        werker_id = werker_id or taken_worker.nieuw_id()
        if eenmalig:
            taken_worker.tik(werker_id, planning_aan=not zonder_planning)
            aantal = taken_worker.voer_klaarstaande_uit(werker_id)
            Werker.objects.filter(pk=werker_id).delete()
            self.stdout.write(f"{aantal} taken uitgevoerd.")
            return
        taken_worker.tik(werker_id, planning_aan=not zonder_planning)
        klok = taken_worker.Klok(werker_id, planning_aan=not zonder_planning)
        klok.start()
        worker = taken_worker.maak_worker(werker_id, interval=interval)
        worker.configure_signals()
        self.stdout.write(f"Worker {werker_id} gestart (Ctrl-C stopt).")
        try:
            worker.run()
        finally:
            klok.stop.set()
            Werker.objects.filter(pk=werker_id).delete()
