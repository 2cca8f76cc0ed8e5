"""Django settings. Every value that varies per installation comes from jeugdhulp.conf.env."""

import datetime as dt
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from jeugdhulp.conf import env

try:
    ENV = env.read()
except env.ConfigurationError as exc:  # a clear start-up error naming the variable
    raise ImproperlyConfigured(str(exc)) from None

BASE_DIR = env.BASE_DIR
PACKAGE_DIR = Path(__file__).resolve().parents[1]

ENVIRONMENT = ENV["ENVIRONMENT"]
DEBUG = ENV["DEBUG"]
SECRET_KEY = ENV["SECRET_KEY"]
ALLOWED_HOSTS = ENV["ALLOWED_HOSTS"]
CSRF_TRUSTED_ORIGINS = ENV["CSRF_TRUSTED_ORIGINS"]
JEUGDHULP_GEMEENTE = ENV["JEUGDHULP_GEMEENTE"]
JEUGDHULP_DEMO_TOTP_HINT = ENV["JEUGDHULP_DEMO_TOTP_HINT"] and DEBUG
JEUGDHULP_IJW_OUTBOX_DIR = ENV["JEUGDHULP_IJW_OUTBOX_DIR"]
JEUGDHULP_IJW_OUTBOX_URL = ENV["JEUGDHULP_IJW_OUTBOX_URL"]
JEUGDHULP_IJW_MAX_RETRIES = ENV["JEUGDHULP_IJW_MAX_RETRIES"]
JEUGDHULP_TRUSTED_PROXIES = ENV["JEUGDHULP_TRUSTED_PROXIES"]
JEUGDHULP_AANBIEDER_INZAGE_MAANDEN = ENV["JEUGDHULP_AANBIEDER_INZAGE_MAANDEN"]

INSTALLED_APPS = [
    "jeugdhulp.web.admin_apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "jeugdhulp.core",
    "jeugdhulp.organisatie",
    "jeugdhulp.accounts",
    "jeugdhulp.audit",
    "jeugdhulp.jeugdigen",
    "jeugdhulp.aanbieders",
    "jeugdhulp.toewijzingen",
    "jeugdhulp.berichten",
    "jeugdhulp.hulpvragen",
    "jeugdhulp.overgangen",
    "jeugdhulp.casussen",
    "jeugdhulp.besluiten",
    "jeugdhulp.monitor",
    "jeugdhulp.demo",
    "jeugdhulp.web",
    "jeugdhulp.publiek",
    "jeugdhulp.socialekaart",
    "django_tasks",
    "django_tasks_db",
    "jeugdhulp.taken",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy on every response (CONTENT_SECURITY_POLICY below)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Public pages in nl (no prefix), /en/ and /pl/ (i18n_patterns); every unprefixed URL, staff included, stays Dutch.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jeugdhulp.web.middleware.NoStoreMiddleware",  # Cache-Control: no-store on everything with personal data
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jeugdhulp.accounts.middleware.RequireVerifiedStaffMiddleware",
    "jeugdhulp.audit.middleware.WeigeringenLoggen",  # 403/404 on person-level data → access log, marked denied
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jeugdhulp.urls"
WSGI_APPLICATION = "jeugdhulp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jeugdhulp.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(ENV["DATABASE_URL"], conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (jeugdhulp.taken, ADR 0015): Django's tasks API with its database backend, so the same database
# holds the queue (SQLite in the demo, PostgreSQL in production); `jeugdhulp worker` runs the tasks and the schedule.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
JEUGDHULP_SITE_URL = ENV["JEUGDHULP_SITE_URL"].rstrip("/")
DEFAULT_FROM_EMAIL = ENV["DEFAULT_FROM_EMAIL"]
for _naam, _waarde in ENV["EMAIL"].items():  # EMAIL_BACKEND, EMAIL_HOST, … from EMAIL_URL
    globals()[_naam] = _waarde

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Per account and address, and per address across accounts against password spraying (accounts/lockout.py).
JEUGDHULP_AXES_LIMIET_ACCOUNT = ENV["AXES_FAILURE_LIMIT"]
JEUGDHULP_AXES_LIMIET_ADRES = ENV["AXES_ADDRESS_FAILURE_LIMIT"]
AXES_FAILURE_LIMIT = "jeugdhulp.accounts.lockout.failure_limit"
AXES_COOLOFF_TIME = ENV["AXES_COOLOFF_MINUTES"] / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Jeugdhulp Oss"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("pl", "Polski")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = ENV["TIME_ZONE"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = ENV["STATIC_ROOT"]
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = ENV["MEDIA_ROOT"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, brotli/gzip-compressed copies made by collectstatic; plain names before that (jeugdhulp.web.storage).
    "staticfiles": {"BACKEND": "jeugdhulp.web.storage.StaticStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = ENV["SECURE_COOKIES"]
CSRF_COOKIE_SECURE = ENV["SECURE_COOKIES"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style, no eval, nothing from another origin (the public site makes no third-party requests):
# scripts and styles are static files; the monitor's charts run Vega's CSP-safe expression interpreter.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # data: URIs of SVG images (Vega, a few vendored CSS icons)
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if ENVIRONMENT == "production":
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["jeugdhulp.permissions.drf.PolicyPermission"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}
# Machine clients (the iJw message hub of an aanbieder) use a knox token: stored hashed, expiring, revocable.
# Created with `jeugdhulp ijw koppelsleutel AGB`; accepted only by the endpoints that list it.
REST_KNOX = {
    "TOKEN_TTL": dt.timedelta(days=365),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_PREFIX": "jhk_",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "jeugdhulp API",
    "DESCRIPTION": "API of the jeugdhulp platform. Person-level endpoints require a staff session with 2FA.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": ENV["LOG_LEVEL"]},
    # WeasyPrint and fontTools (font subsetting) log every PDF at INFO: noise, not events.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
