"""One error body for every error the API gives, from 400 to 500:

    {"error": {"code": "not_found", "message": "Not found.", "details": null}}

`code` is stable and meant for programs; `message` is plain English for people (the API's errors
are not translated); `details` is a list of problems for 422, else null. The handlers here
replace django-ninja's defaults, and `json_method_not_allowed` wraps its URL views so that a
wrong method gets the same body (ninja answers that one in plain text).
"""

import functools
import logging
import math
from typing import Any

from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid_request",
    429: "rate_limited",
    500: "server_error",
}
MESSAGES = {
    400: "The request could not be read.",
    401: "A valid API token is needed: send it as the header 'Authorization: Bearer <token>'.",
    403: "The token is not allowed to do this.",
    404: "Not found.",
    405: "This method is not allowed here.",
    409: "The request conflicts with the current state.",
    422: "The request is not valid: see details.",
    429: "Too many requests: wait for the number of seconds in the Retry-After header.",
    500: "Something went wrong on the server. It is logged; please try again later.",
}


class ErrorDetail(Schema):
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(Schema):
    error: ErrorDetail


class ApiError(HttpError):
    """An error with its own code and message, e.g. ApiError(409, "round_closed", "...")."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None):
        super().__init__(status, message)
        self.code = code
        self.details = details


class RevokedToken(AuthenticationError):
    def __init__(self):
        super().__init__(message="This API token is revoked.")


def body(status: int, *, code: str = "", message: str = "", details=None) -> dict:
    return {
        "error": {
            "code": code or CODES.get(status, "error"),
            "message": message or MESSAGES.get(status, "The request failed."),
            "details": details,
        }
    }


def error_response(status: int, **kwargs) -> JsonResponse:
    response = JsonResponse(body(status, **kwargs), status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def _location(parts) -> list:
    """Where a problem is, e.g. ["body", "respondents", 0, "email"] or ["query", "page"].
    ninja puts the name of the view's body argument ("payload") after "body": left out."""
    parts = [part if isinstance(part, int) else str(part) for part in parts]
    if parts[:2] == ["body", "payload"]:
        del parts[1]
    return parts


def validation_details(errors: list[dict]) -> list[dict]:
    """ninja's (pydantic's) errors as plain JSON: where, what, and a machine-readable type."""
    return [
        {
            "location": _location(error.get("loc", ())),
            "message": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in errors
    ]


def on_validation_error(request, exc: ValidationError):
    return error_response(422, details=validation_details(exc.errors))


def on_not_found(request, exc: Http404):
    return error_response(404)


def on_http_error(request, exc: HttpError):
    status = exc.status_code
    if isinstance(exc, ApiError):
        return error_response(status, code=exc.code, message=exc.message, details=exc.details)
    if isinstance(exc, Throttled):
        response = error_response(429)
        if exc.wait is not None:
            response["Retry-After"] = str(max(1, math.ceil(exc.wait)))
        return response
    if isinstance(exc, RevokedToken):
        return error_response(401, code="token_revoked", message=exc.message)
    if status == 400:  # ninja's "Cannot parse request body"
        return error_response(400, message="The request body is not valid JSON.")
    return error_response(status)


def on_unexpected(request, exc: Exception):
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return error_response(500)


def install(api) -> None:
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Exception, on_unexpected)


def json_method_not_allowed(view):
    """Give ninja's plain-text 405 the API's error body, keeping its Allow header."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            response = error_response(
                405, message=f"This method is not allowed here: use {allowed}."
            )
            response["Allow"] = allowed
        return response

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapped


def not_found_view(request, *args, **kwargs):
    """Every address under the API that is not one of its operations."""
    return error_response(404)


not_found_view.csrf_exempt = True
