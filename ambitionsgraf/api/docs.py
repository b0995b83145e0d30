"""The browsable API docs (Swagger UI) with its files served from here, not from a CDN.

django-ninja's own docs page loads Swagger UI from a CDN unless "ninja" is in INSTALLED_APPS;
a CDN would break the site's Content-Security-Policy (scripts from 'self' only) and offline use.
So the page is our template, and Swagger UI's files, which the django-ninja package ships, are
served by `asset` below from a fixed list. Swagger UI's settings go in a JSON data block, which
CSP does not treat as a script, and ninja's external init script reads them: the page runs
under the site's strict policy, unchanged.
"""

import json
import mimetypes
from pathlib import Path

import ninja
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from ninja.openapi.docs import DocsBase

ASSETS_DIR = Path(ninja.__file__).parent / "static" / "ninja"
ASSETS = ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js", "favicon.png")


class LocalSwagger(DocsBase):
    def render_page(self, request, api, **kwargs):
        settings = {
            "url": self.get_openapi_url(api, kwargs),
            "layout": "BaseLayout",
            # Off: Swagger UI puts each operation's link inside its button, one control in
            # another, which screen readers cannot announce (WCAG 4.1.2).
            "deepLinking": False,
            "validatorUrl": None,  # no calls to an outside validator
            "persistAuthorization": False,
        }
        return render(
            request,
            "api/docs.html",
            {
                "api": api,
                # In a <script> data block: "<" escaped so no value can end the block.
                "swagger_settings": json.dumps(settings).replace("<", "\\u003c"),
                "namespace": api.urls_namespace,
            },
        )


@require_safe
def asset(request, name: str):
    if name not in ASSETS:
        raise Http404
    path = ASSETS_DIR / name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(path.open("rb"), content_type=content_type)
    patch_cache_control(response, public=True, max_age=86400)
    return response
