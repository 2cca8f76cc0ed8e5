"""Users in the beheer site. Roles and scopes change only through ``rechten`` (four eyes for person-level data);
passwords are never set by a beheerder: a new user gets an activation link by e-mail. For a user with person-level
rights a new e-mail address, reactivation and a new link for an account with a password also take four eyes."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jeugdhulp.accounts import activering, rechten
from jeugdhulp.accounts.models import Rechtaanvraag, User
from jeugdhulp.web.admin_site import ReferentiedataAdmin, mag_referentiedata


class NieuweGebruikerForm(forms.ModelForm):
    """A new account: who, and the requested role. No password: the user chooses it through the activation link."""

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", "rol", "team", "gemeente", "aanbieder")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _("De activeringslink gaat naar dit adres, niet naar u.")


# Fields nobody changes in their own account, and that for a user with person-level rights take a second beheerder.
ACCOUNT_VELDEN = (*rechten.RECHT_VELDEN, "email", "is_active")


@admin.register(User)
class UserAdmin(ReferentiedataAdmin, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "rol", "team", "gemeente", "aanbieder", "is_active"]
    list_filter = ["rol", "is_active", "gemeente"]
    fieldsets = (
        (None, {"fields": ("username",)}),
        (gettext_lazy("Persoon"), {"fields": ("first_name", "last_name", "email")}),
        (
            gettext_lazy("Rol en bereik"),
            {"fields": ("wacht_op_goedkeuring", "rol", "team", "gemeente", "aanbieder", "is_active")},
        ),
    )
    add_form = NieuweGebruikerForm
    add_form_template = "admin/accounts/user/add_form.html"
    add_fieldsets = ((None, {"classes": ("wide",), "fields": NieuweGebruikerForm.Meta.fields}),)
    actions = ["stuur_activeringslink"]

    def get_readonly_fields(self, request, obj=None):
        # Nobody changes their own role, scope, address or status; a posted value for these fields is ignored (and
        # logged, see save_model).
        if obj is not None and obj.pk == request.user.pk:
            return ["wacht_op_goedkeuring", *ACCOUNT_VELDEN]
        return ["wacht_op_goedkeuring"]

    @admin.display(description=gettext_lazy("Aanvraag"))
    def wacht_op_goedkeuring(self, obj):
        aanvraag = obj.rechtaanvragen.filter(status=Rechtaanvraag.Status.OPEN).select_related("aangevraagd_door")
        aanvraag = aanvraag.first() if obj.pk else None
        if aanvraag is None:
            return _("Geen aanvraag open.")
        return _("Wacht op goedkeuring door een tweede beheerder: %(wat)s, aangevraagd door %(door)s op %(op)s.") % {
            "wat": aanvraag.omschrijving,
            "door": aanvraag.aangevraagd_door.get_full_name() or aanvraag.aangevraagd_door.get_username(),
            "op": formats.date_format(timezone.localtime(aanvraag.aangevraagd_op), "j F Y, H:i"),
        }

    def user_change_password(self, request, id, form_url=""):
        raise PermissionDenied  # a beheerder never sets (and so never knows) a password: send an activation link

    def save_model(self, request, obj, form, change):
        if change and obj.pk == request.user.pk:
            geprobeerd = [veld for veld in ACCOUNT_VELDEN if veld in request.POST]
            if geprobeerd:  # the form shows these read-only: a posted value is a crafted attempt
                rechten.eigen_account(request.user, request=request, velden=geprobeerd)
            super().save_model(request, obj, form, change)
            return
        gevraagd = {veld: form.cleaned_data.get(veld) for veld in ACCOUNT_VELDEN if veld in form.cleaned_data}
        if change:  # keep the stored rights and address; ``rechten`` decides whether a change applies now or waits
            opgeslagen = User.objects.get(pk=obj.pk)
            for veld in ACCOUNT_VELDEN:
                setattr(obj, veld, getattr(opgeslagen, veld))
        else:
            obj.set_unusable_password()
            obj.rol, obj.team, obj.gemeente, obj.aanbieder = "", None, None, None
            gevraagd.pop("email", None)  # a new account starts with its address; the role request names it
        super().save_model(request, obj, form, change)
        if not change:
            activering.stuur(request, obj, request.user)
            self.message_user(request, _("De activeringslink gaat per e-mail naar %(email)s.") % {"email": obj.email})
        if gevraagd:
            self._vraag_recht(request, obj, gevraagd)

    def _vraag_recht(self, request, obj, gevraagd):
        try:
            aanvraag = rechten.wijzig(request.user, obj, request=request, **gevraagd)
        except ValidationError as exc:
            for melding in exc.messages:
                self.message_user(request, melding, messages.ERROR)
            return
        if aanvraag is not None:
            self.message_user(
                request,
                _("‘%(wat)s’ wacht op goedkeuring door een tweede beheerder. Tot dan verandert er niets.")
                % {"wat": aanvraag.omschrijving},
                messages.WARNING,
            )

    @admin.action(description=gettext_lazy("Nieuwe activeringslink sturen (wachtwoord opnieuw kiezen)"))
    def stuur_activeringslink(self, request, queryset):
        for gebruiker in queryset:
            if not gebruiker.email:
                self.message_user(
                    request,
                    _("%(wie)s: geen e-mailadres. Vul eerst een e-mailadres in.") % {"wie": gebruiker},
                    messages.ERROR,
                )
                continue
            if activering.mag_direct(gebruiker):
                activering.stuur(request, gebruiker, request.user)
                self.message_user(
                    request, _("%(wie)s: activeringslink verstuurd naar het eigen e-mailadres.") % {"wie": gebruiker}
                )
                continue
            # the account has a password: a new link lets whoever reads the mailbox choose it, so four eyes
            self._vraag_recht(request, gebruiker, {"nieuwe_activeringslink": True})


@admin.register(Rechtaanvraag)
class RechtaanvraagAdmin(admin.ModelAdmin):
    """The four-eyes queue: a second beheerder approves or refuses; nothing is added or edited here."""

    list_display = [
        "gebruiker",
        "huidig_email",
        "wijziging",
        "aangevraagd_door",
        "aangevraagd_op",
        "status",
        "beoordeeld_door",
    ]
    list_filter = ["status"]
    actions = ["goedkeuren", "afwijzen"]
    readonly_fields = [f.name for f in Rechtaanvraag._meta.fields]

    @admin.display(description=gettext_lazy("e-mailadres nu"))
    def huidig_email(self, obj):  # not ``email``: the model's field of that name is the requested new address
        return obj.gebruiker.email

    @admin.display(description=gettext_lazy("gevraagde wijziging (van → naar)"))
    def wijziging(self, obj):
        return obj.omschrijving

    def has_module_permission(self, request):
        return mag_referentiedata(request)

    def has_view_permission(self, request, obj=None):
        return mag_referentiedata(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _beoordeel(self, request, queryset, doe, gelukt):
        for aanvraag in queryset.filter(status=Rechtaanvraag.Status.OPEN).select_related("gebruiker"):
            try:
                doe(request.user, aanvraag, request=request)
            except (ValidationError, ValueError, RuntimeError) as exc:
                melding = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                self.message_user(request, f"{aanvraag.gebruiker}: {melding}", messages.ERROR)
            else:
                self.message_user(request, gelukt % {"bereik": aanvraag}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Geselecteerde aanvragen goedkeuren"))
    def goedkeuren(self, request, queryset):
        self._beoordeel(request, queryset, rechten.keur_goed, _("Goedgekeurd: %(bereik)s"))

    @admin.action(description=gettext_lazy("Geselecteerde aanvragen afwijzen"))
    def afwijzen(self, request, queryset):
        self._beoordeel(request, queryset, rechten.wijs_af, _("Afgewezen: %(bereik)s"))
