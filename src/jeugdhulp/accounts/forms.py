from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from jeugdhulp.web.forms import UtrechtFormMixin


class LoginForm(UtrechtFormMixin, forms.Form):
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    password = forms.CharField(label=_("Wachtwoord"), strip=False, widget=forms.PasswordInput)

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username", autofocus=True)
        self.fields["password"].widget.attrs.update(autocomplete="current-password")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        # django-axes hooks into authenticate() and locks out after too many failures.
        user = authenticate(self.request, username=data["username"], password=data["password"])
        if user is None or not user.is_active:
            raise forms.ValidationError(_("Gebruikersnaam of wachtwoord klopt niet."), code="invalid_login")
        self.user = user
        return data


class TokenForm(UtrechtFormMixin, forms.Form):
    token = forms.RegexField(
        label=_("Code uit uw authenticator-app"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("De code bestaat uit 6 cijfers.")},
        max_length=6,
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)
        self.fields["token"].widget.attrs.update(autocomplete="one-time-code", inputmode="numeric", autofocus=True)

    def clean_token(self):
        token = self.cleaned_data["token"]
        verified, _unused = self.device.verify_is_allowed()
        if not verified:
            raise forms.ValidationError(_("Te veel pogingen. Wacht even en probeer het opnieuw."))
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("Deze code klopt niet of is verlopen."))
        return token


class ActiveringForm(UtrechtFormMixin, SetPasswordForm):
    """The new user's own password (Django's validators: at least 12 characters, not common, not like the name)."""
