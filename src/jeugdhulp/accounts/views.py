"""Staff login in two steps: password (guarded by django-axes), then a TOTP code (django-otp)."""

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from django_otp import login as otp_login

from jeugdhulp.accounts import totp
from jeugdhulp.accounts.forms import LoginForm, TokenForm


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return settings.LOGIN_REDIRECT_URL


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
            response["Location"] += f"?next={nxt}"
        return response
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


@login_required
def verify_view(request):
    device = totp.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:setup")
    form = TokenForm(device, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next(request))
    demo_code = (
        totp.demo_hint(device) if settings.JEUGDHULP_DEMO_TOTP_HINT and totp.is_demo_device(device) else None
    )
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
        otp_login(request, device)
        return redirect(_next(request))
    return render(
        request,
        "accounts/setup.html",
        {"form": form, "qr_svg": totp.qr_svg(device), "secret": device.bin_key.hex()},
    )


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")
