"""``jeugdhulp ijw verzend``: deliver queued outgoing iJw messages (folder or endpoint, with retries)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from jeugdhulp.berichten.outbox import verzend_klaar


class Command(BaseCommand):
    help = "Verstuur iJw-berichten die klaarstaan (naar de outbox-map of het ingestelde adres)."

    def handle(self, *args, **options):
        goed, fout = verzend_klaar()
        self.stdout.write(f"{goed} verstuurd, {fout} mislukt (wordt later opnieuw geprobeerd).")
