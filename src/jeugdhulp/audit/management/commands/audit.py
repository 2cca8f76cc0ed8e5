"""``jeugdhulp audit verifieer``: check the access log's hash chain, for the auditor.

Exit code 0: the chain is whole. Exit code 1: at least one break (a changed, deleted, inserted or forged row), or
the anchor given with ``--anker`` is not in the chain (rows at the end were removed). Every break is printed.
"""

from django.core.management.base import BaseCommand, CommandError

from jeugdhulp.audit import keten
from jeugdhulp.audit.models import Toegangslogregel


class Command(BaseCommand):
    help = "Toegangslog controleren: klopt de hash-keten van alle regels?"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="opdracht", required=True)
        verifieer = sub.add_parser("verifieer", help="Controleer de hash-keten van het toegangslog.")
        verifieer.add_argument(
            "--anker",
            default="",
            help="Een hash die u eerder noteerde (de 'laatste hash' van een vorige controle): die moet er nog zijn.",
        )

    def handle(self, *args, opdracht, anker="", **options):
        velden = ["id", "vorige_hash", "hash", *keten.VELDEN]
        rijen = Toegangslogregel.objects.order_by("pk").values(*velden).iterator(chunk_size=5000)
        gezien_anker = not anker

        def met_anker():
            nonlocal gezien_anker
            for rij in rijen:
                gezien_anker = gezien_anker or rij["hash"] == anker
                yield rij

        uitslag = keten.verifieer(met_anker())
        for breuk in uitslag.breuken:
            self.stderr.write(f"Regel {breuk.regel_id}: {breuk.reden}")
        if not gezien_anker:
            self.stderr.write(f"Het anker {anker} komt niet (meer) voor: regels aan het eind zijn verwijderd.")
        self.stdout.write(f"Gecontroleerd: {uitslag.aantal} regels.")
        self.stdout.write(f"Laatste regel: {uitslag.laatste_id}, laatste hash: {uitslag.laatste_hash}")
        if uitslag.breuken or not gezien_anker:
            raise CommandError(f"Het toegangslog is niet intact: {len(uitslag.breuken)} breuk(en) gevonden.")
        self.stdout.write(self.style.SUCCESS("De keten is intact."))
