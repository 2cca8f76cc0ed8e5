"""Static files as WhiteNoise serves them in production: hashed names (so browsers may cache them forever and a new
release is fetched at once) with brotli and gzip copies, both written by ``jeugdhulp collectstatic``."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Before ``collectstatic`` has run (the test suite, a fresh checkout) a file keeps its plain name and WhiteNoise
    serves it from the app folders (``WHITENOISE_USE_FINDERS``); after it, every URL is the hashed, compressed one."""

    manifest_strict = False

    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:
            if content is not None:  # collectstatic itself: a real error
                raise
            return name
