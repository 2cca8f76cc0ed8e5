"""``jeugdhulp ijw import PATH…``: receive iJw message files (or every *.xml in folders) through the inbox.

Exit codes, so that cron and scripts can see a failure (docs/operations.md):

- 0: every file was read and every message processed (status verwerkt);
- 1: at least one file could not be read, or a message was not (fully) processed: rejected (afgekeurd, its retour
  says why) or in quarantaine. The others were still processed; each line of output names the file and its outcome;
- 2: wrong use of the command (no PATH, an unknown option).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jeugdhulp.berichten.inbox import ontvang_reeks
from jeugdhulp.berichten.models import Status

NIET_VERWERKT = 1  # exit code: see the module docstring


def bestanden(paden: list[str]):
    for pad in map(Path, paden):
        if pad.is_dir():
            yield from sorted(p for p in pad.rglob("*") if p.is_file() and p.suffix.lower() == ".xml")
        else:
            yield pad


class Command(BaseCommand):
    help = "Importeer iJw-berichten (bestanden of mappen) en maak de retourberichten."

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", metavar="PATH")

    def handle(self, *args, paden, **options):
        fouten, gelezen = 0, []
        for pad in bestanden(paden):
            try:
                gelezen.append((pad, pad.read_bytes()))
            except OSError as exc:
                self.stderr.write(f"{pad}: niet te lezen ({exc.strerror})")
                fouten += 1
        # Group commit: all bytes stored first, then each message in its own savepoint (see inbox.ontvang_reeks).
        berichten = ontvang_reeks([d for _, d in gelezen], bron=lambda i: f"bestand:{gelezen[i][0].name}")
        for (pad, _), bericht in zip(gelezen, berichten, strict=True):
            retour = bericht.retour
            codes = sorted({r["retourcode"] for r in bericht.retourcodes}) or ["0200"]
            regel = (
                f"{pad}: {bericht.berichtsoort or '?'} {bericht.identificatie or '-'} → {bericht.status}"
                f" [{', '.join(codes)}]"
                f"{f' retour {retour.berichtsoort} {retour.identificatie}' if retour else ''}"
                f"{f' — {bericht.melding}' if bericht.melding else ''}"
            )
            goed = bericht.status in (Status.VERWERKT,)
            self.stdout.write(self.style.SUCCESS(regel) if goed else self.style.WARNING(regel))
            fouten += not goed
        if fouten:
            raise CommandError(f"{fouten} bericht(en) niet (volledig) verwerkt.", returncode=NIET_VERWERKT)
