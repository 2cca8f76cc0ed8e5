import datetime as dt
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from jeugdhulp.demo.bouwer import SCHALEN, DemoAlGebouwd, bouw_demo


def _datum(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--peildatum {value!r} is geen datum (JJJJ-MM-DD).") from None


class Command(BaseCommand):
    help = "Build the synthetic demo municipality (Oss, region Noordoost-Brabant). Re-running is a quick no-op."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=828, help="Random seed; the same seed gives the same data.")
        parser.add_argument("--scale", choices=sorted(SCHALEN), default="gemeente", help="gemeente (default) or regio.")
        parser.add_argument("--peildatum", type=_datum, default=None, help="Reference date (default: today).")
        parser.add_argument("--reset", action="store_true", help="Empty the database first, then build.")

    def handle(self, *args, seed, scale, peildatum, reset, **options):
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        start = time.perf_counter()
        try:
            bouw, nieuw = bouw_demo(seed=seed, schaal=scale, peildatum=peildatum)
        except DemoAlGebouwd as exc:
            raise CommandError(str(exc)) from None
        if not nieuw:
            self.stdout.write(f"Demo is er al ({bouw}); niets gedaan.")
            return
        aantallen = ", ".join(f"{k}: {v}" for k, v in bouw.aantallen.items())
        self.stdout.write(
            self.style.SUCCESS(f"Demo gebouwd in {time.perf_counter() - start:.1f} s ({bouw}). {aantallen}")
        )
