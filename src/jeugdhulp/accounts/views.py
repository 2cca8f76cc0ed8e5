"""Staff login in two steps: password (guarded by django-axes), then a TOTP code (django-otp); and activation.

The session id is renewed at each step up: by ``login()`` after the password, and again after the second factor, so
an id seen before the second factor is worthless after it.
"""

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlencode, urlsafe_base64_decode
from django.views.decorators.http import require_POST

from django_otp import login as otp_login

from jeugdhulp.accounts import activering, totp
from jeugdhulp.accounts.forms import ActiveringForm, LoginForm, TokenForm
from jeugdhulp.accounts.models import User


def _next(request) -> str:
    """A local redirect target, or the home page. Control characters (CR/LF header injection) are refused."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.isprintable() and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return settings.LOGIN_REDIRECT_URL


def _tweede_factor(request, device) -> None:
    otp_login(request, device)
    request.session.cycle_key()  # a new session id once the second factor is done


def login_view(request):
    if request.user.is_authenticated and request.user.is_verified():
        return redirect(_next(request))
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        step = "accounts:verify" if totp.confirmed_device(form.user) else "accounts:setup"
        response = redirect(step)
        nxt = _next(request)
        if nxt != settings.LOGIN_REDIRECT_URL:
            response["Location"] += "?" + urlencode({"next": nxt})
        return response
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


@login_required
def verify_view(request):
    device = totp.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:setup")
    form = TokenForm(device, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        _tweede_factor(request, device)
        return redirect(_next(request))
    demo_code = totp.demo_hint(device) if settings.JEUGDHULP_DEMO_TOTP_HINT and totp.is_demo_device(device) else None
    return render(request, "accounts/verify.html", {"form": form, "demo_code": demo_code})


@login_required
def setup_view(request):
    if totp.confirmed_device(request.user):
        return redirect("accounts:verify")
    device = totp.pending_device(request.user)
    form = TokenForm(device, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _tweede_factor(request, device)
        return redirect(_next(request))
    return render(
        request,
        "accounts/setup.html",
        {"form": form, "qr_svg": totp.qr_svg(device), "secret": totp.handmatige_sleutel(device)},
    )


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")


def activeren_view(request, uidb64, token):
    """A new user (or one whose password was reset) chooses a password, then enrols or uses their authenticator."""
    try:
        gebruiker = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)), is_active=True)
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        gebruiker = None
    if gebruiker is None or not activering.tokens.check_token(gebruiker, token):
        return render(request, "accounts/activeren.html", {"ongeldig": True}, status=400)
    form = ActiveringForm(gebruiker, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()  # spends the link: the token hashes the password
        login(request, gebruiker, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("accounts:verify" if totp.confirmed_device(gebruiker) else "accounts:setup")
    return render(request, "accounts/activeren.html", {"form": form, "gebruiker": gebruiker})
