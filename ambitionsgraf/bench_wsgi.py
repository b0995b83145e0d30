"""The WSGI application for ``make bench``: the product's own, with the benchmark's address book
(``scale.bench_urls``: every page plus a bare view for the ceiling).

A separate entry point, so the bare view never exists in production and the product's URLs and
access rules stay as they are; the settings, middleware and pages are exactly the product's.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ambitionsgraf.settings")
settings.ROOT_URLCONF = "ambitionsgraf.scale.bench_urls"
application = get_wsgi_application()
# Import every view now, while the worker starts, not during its first request (which would
# otherwise take seconds: WeasyPrint, openpyxl, the API schema).
get_resolver().url_patterns  # noqa: B018
