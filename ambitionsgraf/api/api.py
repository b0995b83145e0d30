"""The REST API, version 1, under /api/v1/ (outside the language prefixes: its addresses and
errors are the same in every language).

Public operations: published model versions and the national open data. Everything about an
organisation needs that organisation's token (`Authorization: Bearer ag_...`). The schema is at
/api/v1/openapi.json, browsable docs at /api/v1/docs. See docs/api.md.
"""

from django.http import JsonResponse
from django.urls import path, re_path, reverse
from ninja import NinjaAPI

from . import docs, errors
from .auth import TokenAuth
from .operations import invite, model_versions, national, organisation
from .throttling import AnonymousThrottle, TokenThrottle

NAMESPACE = "api"


class Api(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        return operation.view_func.__name__

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            if pattern.name == "api-root":
                pattern.callback = index
            pattern.callback = errors.json_method_not_allowed(pattern.callback)
        return [
            path("docs/assets/<str:name>", docs.asset, name="docs-asset"),
            *patterns,
            re_path(r"^.*$", errors.not_found_view, name="not-found"),
        ]


def index(request, **kwargs):
    """/api/v1/ itself: where the schema and the docs are."""
    return JsonResponse(
        {
            "openapi": request.build_absolute_uri(reverse(f"{NAMESPACE}:openapi-json")),
            "docs": request.build_absolute_uri(reverse(f"{NAMESPACE}:openapi-view")),
        }
    )


index.csrf_exempt = True

api = Api(
    title="Ambitionsgraf API",
    version="1",
    description=(
        "Read an organisation's rounds, results, ambition and action plan, invite respondents, "
        "and read the published model and the national open data. Authentication, scopes, "
        "pagination, errors and rate limits are described in docs/api.md."
    ),
    urls_namespace=NAMESPACE,
    docs=docs.LocalSwagger(),
    auth=TokenAuth(),
    throttle=[AnonymousThrottle(), TokenThrottle()],
)
errors.install(api)
api.add_router("", model_versions.router)
api.add_router("", organisation.router)
api.add_router("", invite.router)
api.add_router("", national.router)
