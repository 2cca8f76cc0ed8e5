"""Every setting that comes from the environment, documented in one place.

`docs/operations.md` renders this registry (``jeugdhulp settings-doc``); a test keeps the two in step.
Reading is strict: a malformed value, an unknown ``JEUGDHULP_*`` variable or an unsafe production
configuration stops start-up with an error that names the variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INSECURE_DEV_SECRET = "insecure-development-key-never-use-in-production"  # noqa: S105
PREFIX = "JEUGDHULP_"


class ConfigurationError(Exception):
    """Start-up configuration is missing, malformed or unsafe; the message names the variable."""


def _bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on", "ja"}:
        return True
    if value in {"0", "false", "no", "off", "nee", ""}:
        return False
    raise ConfigurationError(f"{name}={raw!r} is not a boolean; use true or false.")


def _list(name: str, raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


def _str(name: str, raw: str) -> str:
    return raw


def _int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} is not a whole number.") from None


def _choice(*allowed: str) -> Callable[[str, str], str]:
    def parse(name: str, raw: str) -> str:
        if raw not in allowed:
            raise ConfigurationError(f"{name}={raw!r} is not one of: {', '.join(allowed)}.")
        return raw

    return parse


@dataclass(frozen=True)
class Var:
    name: str
    parse: Callable[[str, str], Any]
    default: str | None
    doc: str


BASE_DIR = Path(__file__).resolve().parents[3]  # the checkout: src/jeugdhulp/conf/env.py -> repo root

VARIABLES: tuple[Var, ...] = (
    Var(
        "ENVIRONMENT",
        _choice("development", "test", "production"),
        "development",
        "`development`, `test` or `production`. Production refuses DEBUG, the default secret and an empty "
        "ALLOWED_HOSTS.",
    ),
    Var("DEBUG", _bool, "false", "Django debug pages and the demo 2FA hint. Never true in production."),
    Var(
        "SECRET_KEY",
        _str,
        None,
        "Django's signing key; required in production (at least 50 characters). Development uses a fixed insecure key.",
    ),
    Var(
        "ALLOWED_HOSTS",
        _list,
        "127.0.0.1,localhost",
        "Comma-separated host names this instance answers to; required in production.",
    ),
    Var(
        "DATABASE_URL",
        _str,
        f"sqlite:///{BASE_DIR / 'var' / 'jeugdhulp.sqlite3'}",
        "Database, e.g. `postgres://user:pass@host:5432/jeugdhulp`; default SQLite under `var/`.",
    ),
    Var(
        "CSRF_TRUSTED_ORIGINS",
        _list,
        "",
        "Comma-separated origins (scheme://host) allowed to post forms behind a proxy.",
    ),
    Var("SECURE_COOKIES", _bool, None, "Send cookies over HTTPS only; defaults to true in production."),
    Var("TIME_ZONE", _str, "Europe/Amsterdam", "Time zone for display and the werkdagen calendar."),
    Var("MEDIA_ROOT", _str, str(BASE_DIR / "var" / "media"), "Where uploaded and generated files are kept."),
    Var("STATIC_ROOT", _str, str(BASE_DIR / "var" / "static"), "Where `collectstatic` puts static files."),
    Var("LOG_LEVEL", _choice("DEBUG", "INFO", "WARNING", "ERROR"), "INFO", "Application log level."),
    Var(
        "AXES_FAILURE_LIMIT",
        _int,
        "5",
        "Failed logins before an account and address are locked out (django-axes).",
    ),
    Var(
        "AXES_ADDRESS_FAILURE_LIMIT",
        _int,
        "20",
        "Failed logins from one address, across all usernames, before that address is locked out (password spraying).",
    ),
    Var("AXES_COOLOFF_MINUTES", _int, "30", "Minutes a lockout lasts."),
    Var(
        "JEUGDHULP_GEMEENTE",
        _str,
        "0828",
        "CBS code of the gemeente this instance serves first (Oss = 0828); the public site's default.",
    ),
    Var(
        "JEUGDHULP_IJW_OUTBOX_DIR",
        _str,
        str(BASE_DIR / "var" / "ijw" / "outbox"),
        "Folder where `jeugdhulp ijw_verzend` writes outgoing iJw messages (for the berichtenbox/VECOZO client), "
        "unless JEUGDHULP_IJW_OUTBOX_URL is set.",
    ),
    Var(
        "JEUGDHULP_IJW_OUTBOX_URL",
        _str,
        "",
        "When set, `jeugdhulp ijw_verzend` POSTs each outgoing iJw message (raw XML) to this https URL instead.",
    ),
    Var(
        "JEUGDHULP_IJW_MAX_RETRIES",
        _int,
        "5",
        "Delivery attempts of an outgoing iJw message before it is marked failed (then resend by hand).",
    ),
    Var(
        "JEUGDHULP_AANBIEDER_INZAGE_MAANDEN",
        _int,
        "6",
        "Months after a toewijzing ends during which its aanbieder still sees the jeugdige (to declare and correct "
        "the last care, JW323/JW325); after that access ends (ADR 0014).",
    ),
    Var(
        "EMAIL_URL",
        _str,
        "file://var/mail",
        "Where outgoing mail goes: `smtp://user:pass@host:587` (STARTTLS; port 25 is a local relay without TLS), "
        "`smtps://…:465` (TLS), "
        "`file:///path` (one file per mail, relative paths under the checkout) or `console://`. "
        "Mail is always sent by the worker (`jeugdhulp worker`), never in a web request.",
    ),
    Var(
        "DEFAULT_FROM_EMAIL",
        _str,
        "CJG Oss <noreply@cjg.example>",
        "Sender of outgoing mail, e.g. `CJG Oss <noreply@cjgoss.nl>`.",
    ),
    Var(
        "JEUGDHULP_SITE_URL",
        _str,
        "http://127.0.0.1:8000",
        "This instance's public address, for links in mails sent by the worker (no request to take it from).",
    ),
    Var(
        "JEUGDHULP_DEMO_TOTP_HINT",
        _bool,
        "false",
        "Show the current demo TOTP code on the login page. Only honoured with DEBUG on (used by `make demo`).",
    ),
    Var(
        "JEUGDHULP_TRUSTED_PROXIES",
        _int,
        "0",
        "Number of reverse proxies in front of the app. 0: the client address is REMOTE_ADDR. N: the address the "
        "outermost of N proxies added to X-Forwarded-For (used by the public form's rate limit); never more than "
        "you really have, or a client can choose its own address.",
    ),
)

_BY_NAME = {var.name: var for var in VARIABLES}


def read(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Parse the environment into plain values, or raise ConfigurationError naming the variable."""
    environ = os.environ if environ is None else environ
    unknown = sorted(key for key in environ if key.startswith(PREFIX) and key not in _BY_NAME)
    if unknown:
        raise ConfigurationError(
            f"Unknown setting {unknown[0]}: no such variable is documented in jeugdhulp.conf.env "
            "(see docs/operations.md)."
        )
    values: dict[str, Any] = {}
    for var in VARIABLES:
        raw = environ.get(var.name, var.default)
        values[var.name] = None if raw is None else var.parse(var.name, raw)
    _check(values)
    return values


def _check(values: dict[str, Any]) -> None:
    production = values["ENVIRONMENT"] == "production"
    if values["SECRET_KEY"] is None:
        if production:
            raise ConfigurationError("SECRET_KEY is required when ENVIRONMENT=production.")
        values["SECRET_KEY"] = INSECURE_DEV_SECRET
    if values["SECURE_COOKIES"] is None:
        values["SECURE_COOKIES"] = production
    if values["JEUGDHULP_AANBIEDER_INZAGE_MAANDEN"] < 0:
        raise ConfigurationError("JEUGDHULP_AANBIEDER_INZAGE_MAANDEN must be 0 or more (months after a toewijzing).")
    outbox_url = values["JEUGDHULP_IJW_OUTBOX_URL"]
    if outbox_url and not outbox_url.startswith("https://" if production else ("https://", "http://")):
        raise ConfigurationError("JEUGDHULP_IJW_OUTBOX_URL must be an https:// URL (http:// only outside production).")
    values["EMAIL"] = email_settings(values["EMAIL_URL"])
    if not production:
        return
    if values["DEBUG"]:
        raise ConfigurationError("DEBUG must be false when ENVIRONMENT=production.")
    secret = values["SECRET_KEY"]
    if secret == INSECURE_DEV_SECRET or len(secret) < 50 or "insecure" in secret:
        raise ConfigurationError("SECRET_KEY is a default or too short (< 50 characters) for production.")
    if not values["ALLOWED_HOSTS"]:
        raise ConfigurationError("ALLOWED_HOSTS must name this instance's host(s) in production.")
    if values["DATABASE_URL"].startswith("sqlite") and "var/jeugdhulp.sqlite3" in values["DATABASE_URL"]:
        raise ConfigurationError("DATABASE_URL must be set explicitly in production (PostgreSQL expected).")


def email_settings(url: str) -> dict[str, Any]:
    """Django's e-mail settings from one EMAIL_URL (smtp://, smtps://, file://, console://)."""
    from urllib.parse import unquote, urlsplit

    deel = urlsplit(url)
    if deel.scheme == "file":
        pad = Path(unquote(deel.netloc + deel.path))
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(pad if pad.is_absolute() else BASE_DIR / pad),
        }
    if deel.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if deel.scheme in {"smtp", "smtps"} and deel.hostname:
        try:
            poort = deel.port
        except ValueError:
            raise ConfigurationError("EMAIL_URL has an invalid port.") from None
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": deel.hostname,
            "EMAIL_PORT": poort or (465 if deel.scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(deel.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(deel.password or ""),
            "EMAIL_USE_TLS": deel.scheme == "smtp" and poort != 25,
            "EMAIL_USE_SSL": deel.scheme == "smtps",
            "EMAIL_TIMEOUT": 20,
        }
    raise ConfigurationError("EMAIL_URL must be smtp://host[:port], smtps://host[:port], file://path or console://.")


def markdown_table() -> str:
    """The registry as a Markdown table, for docs/operations.md."""
    rows = ["| Variable | Default | Meaning |", "|---|---|---|"]
    for var in VARIABLES:
        default = var.default
        if var.name in {"DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT", "JEUGDHULP_IJW_OUTBOX_DIR"}:
            default = {
                "JEUGDHULP_IJW_OUTBOX_DIR": "`var/ijw/outbox`",
                "DATABASE_URL": "SQLite in `var/jeugdhulp.sqlite3`",
                "MEDIA_ROOT": "`var/media`",
                "STATIC_ROOT": "`var/static`",
            }[var.name]
        elif default is None:
            default = "(none)"
        elif default == "":
            default = "(empty)"
        else:
            default = f"`{default}`"
        rows.append(f"| `{var.name}` | {default} | {var.doc} |")
    return "\n".join(rows) + "\n"
