"""The public CJG site: entry paths, topics, contact, sociale kaart, online hulpvraag, folder, professionals.

No login anywhere here, no personal data in URLs (the confirmation page reads the hulpvraag from the session),
and nothing is logged about the person asking.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jeugdhulp.core.pdf import pdf_response
from jeugdhulp.hulpvragen import services as hulpvragen
from jeugdhulp.hulpvragen.models import Hulpvraag, Kanaal
from jeugdhulp.organisatie.models import Gemeente
from jeugdhulp.publiek import privacy as privacyregels
from jeugdhulp.publiek import teller
from jeugdhulp.publiek.forms import LEEFTIJDSGROEPEN, HulpvraagForm, VraagwijzerForm, ZoekForm, kernen
from jeugdhulp.publiek.models import Bijeenkomst, Pagina
from jeugdhulp.socialekaart import search
from jeugdhulp.socialekaart import services as kaart
from jeugdhulp.socialekaart.models import Dienst, Organisatie, Soort, Term, Vindplaats
from jeugdhulp.taken import mail as taken_mail
from jeugdhulp.taken.models import Mail, MailSoort

SESSIE_VERSTUURD = "publiek_hulpvraag_verstuurd"
SESSIE_MAIL = "publiek_hulpvraag_mail"


def _gemeente() -> Gemeente | None:
    return Gemeente.objects.filter(cbs_code=settings.JEUGDHULP_GEMEENTE).first()


def _onderwerpen(**filter):
    return Term.objects.filter(taxonomie__code="cjg-onderwerpen", **filter)


def _cjg() -> Organisatie | None:
    return (
        Organisatie.objects.filter(soort=Soort.CJG)
        .prefetch_related("telefoonnummers", "locaties__openingstijden")
        .order_by("naam")
        .first()
    )


def home(request):
    return render(request, "publiek/home.html", {"onderwerpen": _onderwerpen(), "cjg": _cjg()})


def doelgroep(request, wie: str):
    if wie not in ("ouders", "jongeren"):
        raise Http404
    filter = {"voor_ouders": True} if wie == "ouders" else {"voor_jongeren": True}
    return render(request, "publiek/doelgroep.html", {"wie": wie, "onderwerpen": _onderwerpen(**filter), "cjg": _cjg()})


def onderwerp(request, code: str):
    term = get_object_or_404(_onderwerpen(), code=code)
    vrij = Dienst.objects.actief().filter(termen=term, toegang="vrij").select_related("organisatie")
    diensten = search.op_voorrang(vrij)
    eigen = [d for d in diensten if d.organisatie.soort == Soort.CJG]
    overig = [d for d in diensten if d.organisatie.soort != Soort.CJG and d.organisatie.soort != Soort.VINDPLAATS]
    context = {
        "term": term,
        "pagina": Pagina.objects.vertaald(code),
        "cjg_diensten": eigen[:4],
        "diensten": overig[:6],
        "cjg": _cjg(),
    }
    return render(request, "publiek/onderwerp.html", context)


def favicon(request):
    """The site icon at the address browsers try by themselves; the cache-busted static file does the serving."""
    return redirect(static("publiek/favicon.ico"), permanent=True)


def contact(request):
    return render(request, "publiek/contact.html", {"cjg": _cjg()})


def privacy(request):
    context = {"wie_ziet_wat": privacyregels.wie_ziet_wat(), "bewaartermijn": privacyregels.bewaartermijn_jaren()}
    return render(request, "publiek/privacy.html", context)


# --- sociale kaart -----------------------------------------------------------------------------------------------
def _zoekvraag(form: ZoekForm) -> search.Zoekvraag:
    data = form.cleaned_data if form.is_valid() else {}
    van, tot, _label = LEEFTIJDSGROEPEN.get(data.get("leeftijdsgroep") or "", (data.get("leeftijd"), None, ""))
    return search.Zoekvraag(
        tekst=data.get("q") or "",
        leeftijd=van,
        leeftijd_tot=tot,
        onderwerp=data.get("onderwerp") or "",
        kern=data.get("kern") or "",
        zonder_verwijzing=bool(data.get("zonder_verwijzing")),
    )


ZOEKPAGINA_SECONDEN = 60


def zoeken(request):
    """The search page. Its HTML holds nothing personal, so a rendered page is kept a minute per URL and language
    (until the kaart changes): popular questions then cost one cache read."""
    sleutel = search.cache_sleutel("zoekpagina", get_language(), request.get_full_path())
    html = cache.get(sleutel)
    if html is not None:
        return HttpResponse(html)
    antwoord = _zoekpagina(request)
    if antwoord.status_code == 200:
        cache.set(sleutel, antwoord.content, ZOEKPAGINA_SECONDEN)
    return antwoord


def _zoekpagina(request):
    form = ZoekForm(request.GET or None, gemeente=_gemeente())
    vraag = _zoekvraag(form)
    gezocht = any(request.GET.get(k) for k in ZoekForm.base_fields)
    resultaat = search.zoek(Dienst.objects.actief().select_related("organisatie"), vraag) if gezocht else None
    pagina = None
    if resultaat is not None:
        pagina = Paginator(resultaat.diensten, 20).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"form": form, "resultaat": resultaat, "pagina": pagina, "query": query.urlencode(), "gezocht": gezocht}
    if pagina is not None and not pagina.paginator.count:  # nothing found: the CJG helps search, by phone or online
        context["cjg_telefoon"] = _hoofdnummer(_cjg())
    if not gezocht:  # something to browse before any search: the topics and the kernen
        context["onderwerpen"] = _onderwerpen()
        context["kernen"] = kernen(_gemeente())
    return render(request, "publiek/zoeken.html", context)


def dienst(request, pk: uuid.UUID):
    obj = get_object_or_404(
        Dienst.objects.select_related("organisatie").prefetch_related(
            "termen", "telefoonnummers", "organisatie__telefoonnummers", "dienstlocaties__locatie__openingstijden",
            "werkgebieden__wijk",
        ),
        pk=pk,
    )  # fmt: skip
    return render(request, "publiek/dienst.html", {"dienst": obj})


VRAGEN = ("wie", "leeftijd", "onderwerp", "kern")


def vraagwijzer(request):
    """A few questions, one at a time, each narrowing the services; then the results in the normal search.

    The count under each question and the count on the results page come from the same filter; on the last question
    each kern shows how many services it has, so the number picked is the number found."""
    gemeente = _gemeente()
    antwoorden = {k: request.GET.get(k, "") for k in VRAGEN}
    if antwoorden["leeftijd"] not in LEEFTIJDSGROEPEN:
        antwoorden["leeftijd"] = ""
    stap = next((k for k in VRAGEN if not antwoorden[k]), None)
    van, tot, _label = LEEFTIJDSGROEPEN.get(antwoorden["leeftijd"], (None, None, ""))
    vraag = search.Zoekvraag(
        leeftijd=van,
        leeftijd_tot=tot,
        onderwerp=antwoorden["onderwerp"] if antwoorden["onderwerp"] not in ("", "anders") else "",
        kern=antwoorden["kern"] if antwoorden["kern"] not in ("", "alle") else "",
    )
    if stap is None or request.GET.get("klaar"):
        query = {"leeftijdsgroep": antwoorden["leeftijd"], "onderwerp": vraag.onderwerp, "kern": vraag.kern}
        return redirect(reverse("publiek:zoeken") + "?" + urlencode({k: v for k, v in query.items() if v}))
    aantal, per_kern, elders = search.aantallen_per_kern(Dienst.objects.actief(), vraag)
    opties = {
        "wie": [("ouder", _("Voor mijn kind")), ("jongere", _("Voor mezelf (ik ben 12 tot 23)")),
                ("professional", _("Ik ben een professional"))],
        "leeftijd": [(k, v[2]) for k, v in LEEFTIJDSGROEPEN.items()],
        "onderwerp": [(t.code, t.naam_vertaald) for t in _onderwerpen()] + [("anders", _("Iets anders"))],
        "kern": [(k, _soorten(k, per_kern.get(k, elders))) for k in kernen(gemeente)]
                + [("alle", _soorten(_("Zeg ik liever niet"), aantal))],
    }  # fmt: skip
    if antwoorden["wie"] == "jongere":
        opties["leeftijd"] = opties["leeftijd"][2:]
    titels = {
        "wie": _("Voor wie zoek je hulp?"),
        "leeftijd": _("Hoe oud is het kind of de jongere?"),
        "onderwerp": _("Waar gaat je vraag over?"),
        "kern": _("Waar woon je?"),
    }
    context = {
        "stap": stap,
        "stapnummer": VRAGEN.index(stap) + 1,
        "aantal_stappen": len(VRAGEN),
        "form": VraagwijzerForm(stap=stap, titel=titels[stap], opties=opties[stap]),
        "antwoorden": {k: v for k, v in antwoorden.items() if v and k != stap},
        "aantal": aantal,
    }
    return render(request, "publiek/vraagwijzer.html", context)


def _soorten(naam: str, aantal: int) -> str:
    return ngettext("%(naam)s (%(n)s soort hulp)", "%(naam)s (%(n)s soorten hulp)", aantal) % {
        "naam": naam,
        "n": aantal,
    }


@require_http_methods(["GET", "POST"])
def controleren(request, token: str):
    """An organisation confirms its entry, or says what should change (signed link, no login)."""
    organisatie = kaart.organisatie_uit_token(token)
    if organisatie is None:
        return render(request, "publiek/controleren_ongeldig.html", status=404)
    klaar = None
    fout = ""
    status = 200
    if request.method == "POST":
        tekst = request.POST.get("tekst", "").strip()
        try:
            if request.POST.get("actie") == "klopt":
                kaart.bevestig_via_link(organisatie)
                klaar = "bevestigd"
            elif not tekst:
                fout = _("Schrijf wat er anders moet.")
            elif len(tekst) > 4000:
                fout = _("Houd het korter dan 4000 tekens.")
            else:
                kaart.dien_correctie_in(organisatie, tekst)
                klaar = "correctie"
        except kaart.LinkVerbruikt as exc:
            fout, status = str(exc), 429
    context = {
        "organisatie": organisatie,
        "diensten": organisatie.diensten.all(),
        "klaar": klaar,
        "fout": fout,
        # the link is spent (or over its limit): say why, and show no forms
        "verbruikt": fout if status == 429 else ("" if klaar else kaart.waarom_verbruikt(organisatie)),
    }
    return render(request, "publiek/controleren.html", context, status=status)


# --- online hulpvraag ----------------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def hulpvraag(request):
    gemeente = _gemeente()
    form = HulpvraagForm(request.POST or None, gemeente=gemeente)
    status = 200
    if request.method == "POST":
        if form.is_bot:  # the honeypot: look successful, store nothing
            return redirect("publiek:hulpvraag_verstuurd")
        if teller.te_vaak(request):
            form.is_valid()
            form.add_error(None, _("Je hebt in korte tijd veel vragen gestuurd. Probeer het over een uur opnieuw, "
                                   "of bel het CJG: 0412-795000."))  # fmt: skip
            status = 429
        elif gemeente is None:
            form.is_valid()
            form.add_error(None, _("Het formulier werkt op dit moment niet. Bel het CJG: 0412-795000."))
            status = 503
        elif form.is_valid():
            data = form.cleaned_data
            nieuw = hulpvragen.registreer(
                gemeente=gemeente,
                vrager=data["vrager"],
                kanaal=Kanaal.WEBSITE,
                vraag=data["vraag"],
                wijk=data["wijk"],
                leeftijd_kind=data["leeftijd_kind"],
                onderwerpen=data["onderwerpen"],
                naam=data["naam"],
                telefoon=data["telefoon"],
                email=data["email"],
                contactvoorkeur=data["contactvoorkeur"],
                bereikbaar=data["bereikbaar"],
                toestemmingen={
                    "overleg_school_huisarts": data["toestemming_overleg"],
                    "bevestiging_email": data["bevestiging_email"],
                },
            )
            teller.tel(request)  # only what is accepted counts towards the limit
            if data["bevestiging_email"] and data["email"]:
                request.session[SESSIE_MAIL] = _bevestigingsmail(nieuw)
            request.session[SESSIE_VERSTUURD] = nieuw.pk
            return redirect("publiek:hulpvraag_verstuurd")
        else:
            status = 400
    return render(request, "publiek/hulpvraag.html", {"form": form}, status=status)


def _bevestigingsmail(nieuw: Hulpvraag) -> int | None:
    """Queue the confirmation (the worker sends it, with retries); the request never waits for a mail server."""
    tekst = render_to_string("publiek/hulpvraag_mail.txt", {"hulpvraag": nieuw, **_cjg_nummers()})
    try:
        bevestiging = taken_mail.in_wachtrij(
            MailSoort.HULPVRAAG_BEVESTIGING,
            nieuw.email,
            _("Je vraag is ontvangen door het Centrum Jeugd en Gezin Oss (%(nummer)s)") % {"nummer": nieuw.referentie},
            tekst,
        )
    except DatabaseError:  # the hulpvraag is stored either way; the page then says no mail will come
        return None
    return bevestiging.pk


def hulpvraag_verstuurd(request):
    pk = request.session.get(SESSIE_VERSTUURD)
    nieuw = Hulpvraag.objects.filter(pk=pk).first() if pk else None
    mail_pk = request.session.get(SESSIE_MAIL)
    bevestiging = Mail.objects.filter(pk=mail_pk).only("status").first() if mail_pk else None
    context = {"hulpvraag": nieuw, "bevestiging": bevestiging, **_cjg_nummers()}
    return render(request, "publiek/hulpvraag_verstuurd.html", context)


# --- folder and professionals ------------------------------------------------------------------------------------
def _crisisnummer(cjg: Organisatie | None):
    """The youth crisis service out of office hours: the CJG's phone number described as such on the sociale kaart
    (the redacteur keeps it current, like the CJG's other numbers)."""
    if cjg is None:
        return None
    return next((t for t in cjg.telefoonnummers.all() if "crisis" in t.omschrijving.lower()), None)


def _hoofdnummer(cjg: Organisatie | None):
    """The CJG's number for everyone: its first voice line that is not the crisis service."""
    if cjg is None:
        return None
    crisis = _crisisnummer(cjg)
    return next((t for t in cjg.telefoonnummers.all() if t.type != "text" and t != crisis), None)


def _cjg_nummers() -> dict:
    """The CJG's own line and its crisis line, for "if it gets worse" (the national numbers: publiek.noodnummers)."""
    cjg = _cjg()
    return {"cjg_telefoon": _hoofdnummer(cjg), "crisis": _crisisnummer(cjg)}


def folder(request):
    cjg = _cjg()
    return render(request, "publiek/folder.html", {"cjg": cjg, "crisis": _crisisnummer(cjg)})


FOLDER_PDF = "wat-kun-je-verwachten-van-het-cjg.pdf"
FOLDER_SECONDEN = 24 * 3600


def folder_pdf(request):
    """The folder as a PDF. Making it takes WeasyPrint about two seconds, so it is kept per language and content
    version: the CJG's contact data it shows, and the templates and translations it is made from."""
    cjg = _cjg()
    sleutel = "publiek:folder-pdf:" + _folder_versie(cjg)
    data = cache.get(sleutel)
    if data is None:
        context = {"cjg": cjg, "crisis": _crisisnummer(cjg)}
        antwoord = pdf_response(request, "publiek/folder_pdf.html", context, FOLDER_PDF)
        if antwoord.status_code != 200:  # no WeasyPrint: say so, and try again next time
            return antwoord
        data = antwoord.content
        cache.set(sleutel, data, FOLDER_SECONDEN)
    antwoord = HttpResponse(data, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="{FOLDER_PDF}"'
    return antwoord


def _folder_versie(cjg: Organisatie | None) -> str:
    delen: list = [get_language()]
    for naam in ("publiek/folder_pdf.html", "publiek/_folder_inhoud.html"):
        delen.append(Path(get_template(naam).origin.name).stat().st_mtime_ns)
    delen += sorted(str(p.stat().st_mtime_ns) for p in Path(__file__).parent.glob("locale/*/LC_MESSAGES/django.mo"))
    if cjg is not None:
        delen += [cjg.naam, cjg.email, sorted((t.nummer, t.type, t.omschrijving) for t in cjg.telefoonnummers.all())]
    return hashlib.sha256(repr(delen).encode()).hexdigest()


def professionals(request):
    zoek = request.GET.get("vindplaats", "").strip()[:100]
    vindplaatsen = Organisatie.objects.filter(soort=Soort.VINDPLAATS).select_related("cjg_contact")
    if zoek:
        vindplaatsen = vindplaatsen.filter(naam__icontains=zoek)
    soort = request.GET.get("soort", "")
    if soort in Vindplaats.values:
        vindplaatsen = vindplaatsen.filter(vindplaats=soort)
    context = {
        "vindplaatsen": vindplaatsen.prefetch_related("cjg_contact__telefoonnummers")[:30] if (zoek or soort) else [],
        "zoek": zoek,
        "soort": soort,
        "soorten": Vindplaats.choices,
        "bijeenkomsten": Bijeenkomst.komende()[:3],
        "cjg": _cjg(),
    }
    return render(request, "publiek/professionals.html", context)


def agenda(request):
    return render(request, "publiek/agenda.html", {"bijeenkomsten": Bijeenkomst.komende()})
