"""``jeugdhulp ijw koppelsleutel AGB``: a token for an aanbieder's message hub to post iJw messages by API."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from jeugdhulp.aanbieders.models import Aanbieder
from jeugdhulp.accounts.koppelingen import maak_koppelsleutel, trek_in


class Command(BaseCommand):
    help = "Maak (of trek in) een koppelsleutel waarmee een aanbieder iJw-berichten via de API indient."

    def add_arguments(self, parser):
        parser.add_argument("agb", help="AGB-code van de aanbieder (8 cijfers)")
        parser.add_argument("--dagen", type=int, default=365, help="Geldigheid in dagen (standaard 365)")
        parser.add_argument("--intrekken", action="store_true", help="Trek alle sleutels van deze aanbieder in")

    def handle(self, *args, agb, dagen, intrekken, **options):
        aanbieder = Aanbieder.objects.filter(agb_code=agb).first()
        if aanbieder is None:
            raise CommandError(f"Geen aanbieder met AGB-code {agb}.")
        if intrekken:
            self.stdout.write(f"{trek_in(aanbieder)} koppelsleutel(s) van {aanbieder} ingetrokken.")
            return
        try:
            token, verloopt = maak_koppelsleutel(aanbieder, dagen=dagen)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Koppelsleutel voor {aanbieder}, geldig tot {verloopt:%Y-%m-%d}. Wordt maar één keer getoond:"
        )
        self.stdout.write(token)
        self.stdout.write(f"Gebruik: Authorization: Token {token}  (POST /api/v1/berichten/, body = het iJw-bericht)")
