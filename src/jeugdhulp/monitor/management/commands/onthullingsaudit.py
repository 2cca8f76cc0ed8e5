"""``jeugdhulp onthullingsaudit``: run the disclosure audit over what the monitor publishes now (ADR 0017).

For each publication (the waiting-time and inzet dashboards, the overview page, the last quarterly report) it
prints how many counts are published, how many hidden, how many could be worked out exactly (must be 0) and how many
keep fewer possible values than the protection range. Exit status 1 when any count is exactly derivable.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jeugdhulp.monitor import dashboards
from jeugdhulp.monitor.filters import Filter
from jeugdhulp.monitor.onthullingsaudit import verslag
from jeugdhulp.monitor.rapportage import Kwartaal, inhoud


class Command(BaseCommand):
    help = "Audit every monitor publication for counts that can be worked out from what is shown (exit 1 if any)."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", default="", help="gemeente id (default: the whole region)")
        parser.add_argument("--van", default="", help="first month, YYYY-MM (default: as the dashboards)")
        parser.add_argument("--tot", default="", help="last month, YYYY-MM (default: this month)")

    def handle(self, *args, gemeente, van, tot, **options):
        from jeugdhulp.monitor.views import overzichtstabellen
        from jeugdhulp.organisatie.models import Gemeente
        from jeugdhulp.toewijzingen.models import Toewijzing

        vandaag = timezone.localdate()
        f = Filter.uit_request({"gemeente": gemeente, "van": van, "tot": tot}, vandaag)
        if f.genegeerd:
            raise CommandError(f"not understood: {', '.join(f.genegeerd)}")
        kwartaal = Kwartaal.lees("", vandaag)
        eigen = Gemeente.objects.filter(pk=f.gemeente).first() or Gemeente.objects.filter(cbs_code="0828").first()
        publicaties = {
            "wachttijden": [b["tabel"] for b in dashboards.wachttijden_blokken(f, vandaag)],
            "inzet": [b["tabel"] for b in dashboards.inzet_blokken(f)],
            "overzicht": overzichtstabellen(Toewijzing.objects.filter(ingangsdatum__year=vandaag.year), eigen),
            f"kwartaalrapportage {kwartaal.code}": [
                b["tabel"] for _titel, blokken in inhoud(kwartaal, f.gemeente, vandaag) for b in blokken
            ],
        }
        fout = False
        for naam, tabellen in publicaties.items():
            v = verslag(tabellen)
            fout |= v.exact > 0
            self.stdout.write(
                f"{naam}: {v.tellingen} counts published, {v.verborgen} hidden, {v.exact} exactly derivable, "
                f"{v.zwak} below the protection range"
            )
        if fout:
            raise CommandError("exactly derivable counts published")
