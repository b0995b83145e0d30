"""The WSGI application for production servers: ``gunicorn ambitionsgraf.wsgi:application``,
best with ``--preload`` (docs/scale-out.md).

Loading it also does what each worker would otherwise do in its first requests, and then keeps
what it loaded out of the garbage collector's way:

- every view is imported now (WeasyPrint, openpyxl and the API schema take seconds), not
  during some visitor's request;
- ``gc.freeze()`` moves everything loaded so far (Django, the libraries, the URL patterns)
  into a generation the collector never scans again. The national picture and the peer
  comparison make hundreds of thousands of small objects per request, which sets off full
  collections; without this each of them walked the whole application too (about a seventh
  of the national picture's time, docs/benchmarks.md). With ``--preload`` the workers are
  forked after this, so they share those pages of memory as well.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ambitionsgraf.settings")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018
gc.freeze()
