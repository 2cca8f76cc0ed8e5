"""TOTP devices (django-otp): enrolment, verification and the published demo secret."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

# The demo municipality's users share this published secret (hex, 20 bytes). Never used outside the demo.
DEMO_TOTP_KEY = b"jeugdhulp oss demo!!".hex()  # 20 bytes, as django-otp generates


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)


def current_code(key_hex: str) -> str:
    totp = TOTP(bytes.fromhex(key_hex), step=30, digits=6)
    return f"{totp.token():06d}"


def demo_hint(device: TOTPDevice) -> str:
    """The code the demo's code page offers: one the device will accept. A code is used once (django-otp remembers the
    last time step), so a second login within the same 30 s gets the next step's code, which the tolerance accepts."""
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    if device.last_t is not None and totp.t() <= device.last_t:
        totp.drift = device.last_t + 1 - totp.t() + device.drift
    return f"{totp.token():0{device.digits}d}"


def is_demo_device(device: TOTPDevice | None) -> bool:
    return device is not None and device.key == DEMO_TOTP_KEY


def handmatige_sleutel(device: TOTPDevice) -> str:
    """The key to type into an authenticator app by hand: base32 (what the apps expect), in groups of 4."""
    tekst = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
