"""English and Polish are complete for the public site: every string of the publiek and socialekaart apps has a
translation, the committed .mo files say the same as the .po files, and no template string is missing from them.

After changing a text: ``cd src/jeugdhulp/<app> && jeugdhulp makemessages -l nl -l en -l pl --no-obsolete``,
translate the new entries, then ``jeugdhulp compilemessages`` and commit both files.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest

APPS = Path(__file__).resolve().parents[2] / "src" / "jeugdhulp"
CATALOGI = [(app, taal) for app in ("publiek", "socialekaart") for taal in ("en", "pl")]
TEMPLATE_STRING = re.compile(r"""\{%\s*(?:translate|trans)\s+(?P<q>["'])(?P<tekst>.*?)(?P=q)""")


def _tekst(regels: list[str]) -> str:
    return "".join(ast.literal_eval(regel) for regel in regels)


def lees_po(pad: Path) -> dict[str, dict]:
    """msgid -> {"msgstr": [forms], "fuzzy": bool}; enough of the PO format for makemessages' output."""
    items = {}
    for blok in pad.read_text(encoding="utf-8").split("\n\n"):
        velden: dict[str, list[str]] = {}
        huidig = None
        for regel in blok.splitlines():
            kop = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', regel)
            if kop:
                huidig = kop.group(1)
                velden[huidig] = [kop.group(2)]
            elif regel.startswith('"') and huidig:
                velden[huidig].append(regel)
        if "msgid" not in velden or not _tekst(velden["msgid"]):
            continue
        vormen = [_tekst(v) for k, v in sorted(velden.items()) if k.startswith("msgstr")]
        items[_tekst(velden["msgid"])] = {"msgstr": vormen, "fuzzy": "#, fuzzy" in blok or ", fuzzy" in blok}
    return items


@pytest.mark.parametrize(("app", "taal"), CATALOGI)
def test_every_string_is_translated(app, taal):
    items = lees_po(APPS / app / "locale" / taal / "LC_MESSAGES" / "django.po")
    assert items
    leeg = [msgid for msgid, item in items.items() if not all(item["msgstr"]) or item["fuzzy"]]
    assert not leeg, f"{app} {taal}: untranslated or fuzzy: {leeg}"


@pytest.mark.parametrize(("app", "taal"), CATALOGI)
def test_compiled_catalogue_matches_the_po_file(app, taal):
    map_ = APPS / app / "locale" / taal / "LC_MESSAGES"
    with (map_ / "django.mo").open("rb") as mo:
        vertaling = gettext.GNUTranslations(mo)
    items = lees_po(map_ / "django.po")
    verouderd = [msgid for msgid, item in items.items() if vertaling.gettext(msgid) not in item["msgstr"]]
    assert not verouderd, f"{app} {taal}: run compilemessages; the .mo lacks {verouderd[:5]}"


@pytest.mark.parametrize("app", ["publiek", "socialekaart"])
def test_every_template_string_is_in_the_catalogues(app):
    templates = list((APPS / app / "templates").rglob("*.html")) + list((APPS / app / "templates").rglob("*.txt"))
    teksten = {m.group("tekst") for pad in templates for m in TEMPLATE_STRING.finditer(pad.read_text())}
    for taal in ("en", "pl"):
        items = lees_po(APPS / app / "locale" / taal / "LC_MESSAGES" / "django.po")
        ontbreekt = sorted(t for t in teksten if t not in items)
        assert not ontbreekt, f"{app} {taal}: run makemessages; missing {ontbreekt[:5]}"


def test_public_pages_speak_english_and_polish(client, db):
    for taal, woord in (("en", "Find help in Oss"), ("pl", "Szukaj pomocy w Oss")):
        pagina = client.get(f"/{taal}/sociale-kaart/")
        assert pagina.status_code == 200
        assert woord in pagina.content.decode()
