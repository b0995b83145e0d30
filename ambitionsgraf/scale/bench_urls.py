"""The benchmark's address book: every page of the product, plus the ceiling.

The ceiling is a Django view that does nothing: each request still passes the whole middleware
stack (sessions, locale, CSRF, authentication, two-factor, CSP, axes), so its throughput is the
most any page can reach on this machine, and every page's figure is read against it. It is
served only by ``ambitionsgraf.bench_wsgi`` (``make bench``), never by the product.
"""

from django.http import HttpResponse
from django.urls import path

from ambitionsgraf import urls

CEILING = "/bench/ceiling/"


def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(CEILING.strip("/") + "/", ceiling), *urls.urlpatterns]
