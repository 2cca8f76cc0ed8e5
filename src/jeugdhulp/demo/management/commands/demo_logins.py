from django.core.management.base import BaseCommand

from jeugdhulp.accounts.totp import DEMO_TOTP_KEY, current_code
from jeugdhulp.demo.bouwer import DEMO_GEBRUIKERS, DEMO_PASSWORD
from jeugdhulp.organisatie.models import Gemeente


class Command(BaseCommand):
    help = "Print one demo login per role, with the shared demo password and TOTP secret."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000", help="Where the demo is served (make demo PORT=…)."
        )

    def handle(self, *args, **options):
        import base64

        secret = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
        self.stdout.write("")
        url = options["url"].rstrip("/")
        self.stdout.write(f"Demo-gemeente Oss is klaar: {url}/medewerkers/inloggen/ (publieke site: {url}/)")
        self.stdout.write(f"Wachtwoord voor alle demo-accounts: {DEMO_PASSWORD}")
        self.stdout.write(
            f"Tweestapsverificatie: de login-pagina toont de demo-code (alleen met DEBUG). "
            f"Of zet deze sleutel in een authenticator-app: {secret} (nu: {current_code(DEMO_TOTP_KEY)})"
        )
        self.stdout.write("")
        self.stdout.write(f"  {'gebruiker':<16} rol")
        for username, _voornaam, _achternaam, rol, scope in DEMO_GEBRUIKERS:
            bereik = ""
            if scope and scope[0] == "team":
                bereik = f" ({scope[2]})"
            elif scope and scope[0] == "gemeente":
                bereik = f" ({Gemeente.objects.get(cbs_code=scope[1]).naam})"
            self.stdout.write(f"  {username:<16} {rol.label}{bereik}")
        self.stdout.write("")
