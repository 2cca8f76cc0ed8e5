"""``jeugdhulp audit verifieer``: check the access log's hash chain, for the auditor.

Exit code 0: the chain is whole. Exit code 1: at least one break (a changed, deleted, inserted or forged row), the
database's own id counter is past the last row (rows at the end were removed), or the anchor given with ``--anker``
is not in the chain. Every break is printed, and the count in the last line counts them all.
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

        uitslag = keten.verifieer(met_anker(), aaneengesloten=keten.ids_zonder_gaten())
        problemen = [f"Regel {breuk.regel_id}: {breuk.reden}" for breuk in uitslag.breuken]
        eind = keten.eind_breuk(keten.teller(Toegangslogregel._meta.db_table), uitslag.laatste_id)
        if eind:
            problemen.append(f"Einde van de keten: {eind}.")
        if not gezien_anker:
            problemen.append(f"Het anker {anker} komt niet (meer) voor: regels aan het eind zijn verwijderd.")
        for probleem in problemen:
            self.stderr.write(probleem)
        self.stdout.write(f"Gecontroleerd: {uitslag.aantal} regels.")
        self.stdout.write(f"Laatste regel: {uitslag.laatste_id}, laatste hash: {uitslag.laatste_hash}")
        if problemen:
            raise CommandError(f"Het toegangslog is niet intact: {len(problemen)} breuk(en) gevonden.")
        self.stdout.write(self.style.SUCCESS("De keten is intact."))
