"""The status of a page that shows a posted form again: 400 when the form has errors.

Every form page of the site answers the same way, as the API answers its own refusals with an
error status: the page tells the person what to correct, the status tells a monitor or a test
that nothing was saved, without reading the page. A form refused by a limit (too many tries or
registrations) answers 429 and says when to try again in Retry-After, as the sign-in lockout
and the API's throttles do."""


def status_for(*forms) -> int:
    """400 when any of the page's forms was posted and has errors, else 200."""
    return 400 if any(form is not None and form.is_bound and form.errors for form in forms) else 200


class ErrorsAnswer400:
    """For Django's own form views (sign-in, password reset): the same rule."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def over_limit(response, seconds: int):
    """The same page, refused because of a limit: 429, and the wait in Retry-After."""
    response.status_code = 429
    response["Retry-After"] = str(max(1, int(seconds)))
    return response
