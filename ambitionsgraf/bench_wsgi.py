"""The WSGI application for ``make bench``: the product's own (``ambitionsgraf.wsgi``, loaded and
frozen the same way), with the benchmark's address book (``scale.bench_urls``: every page plus
a bare view for the ceiling).

A separate entry point, so the bare view never exists in production and the product's URLs and
access rules stay as they are; the settings, middleware and pages are exactly the product's.
"""

import os

from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ambitionsgraf.settings")
settings.ROOT_URLCONF = "ambitionsgraf.scale.bench_urls"

from ambitionsgraf.wsgi import application  # noqa: E402

__all__ = ["application"]
