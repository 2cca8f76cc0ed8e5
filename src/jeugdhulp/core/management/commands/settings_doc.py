from pathlib import Path

from django.core.management.base import BaseCommand

from jeugdhulp.conf import env

START, END = "<!-- settings:start -->", "<!-- settings:end -->"


class Command(BaseCommand):
    help = "Print the environment-variable table, or --write it into docs/operations.md."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true")

    def handle(self, *args, write, **options):
        table = env.markdown_table()
        if not write:
            self.stdout.write(table)
            return
        doc = env.BASE_DIR / "docs" / "operations.md"
        text = Path(doc).read_text()
        before, rest = text.split(START, 1)
        _old, after = rest.split(END, 1)
        doc.write_text(f"{before}{START}\n{table}{END}{after}")
        self.stdout.write(f"Wrote {doc}")
