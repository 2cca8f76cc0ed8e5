"""``jeugdhulp onderwerpen``: create the CJG's topics and their pages where they are missing (safe to repeat)."""

from django.core.management.base import BaseCommand

from jeugdhulp.publiek import onderwerpen


class Command(BaseCommand):
    help = "Create the CJG topic taxonomy, its terms and their pages (nl, en, pl) where missing; edits are kept."

    def handle(self, *args, **options):
        termen, nieuwe_termen = onderwerpen.zorg_voor_onderwerpen()
        nieuwe_paginas = onderwerpen.zorg_voor_paginas()
        self.stdout.write(f"{len(termen)} topics ({nieuwe_termen} new), {nieuwe_paginas} new pages.")
