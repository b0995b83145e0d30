"""Checking a list of invitees sent to the API, with the rules of the invite page: a valid
address (spaces trimmed, lower case), not already invited to the round, at most
`rounds.forms.MAX_ADDRESSES` at a time (the request schema's limit). The same address twice
with the same perspective and language counts once, as on the page; with another perspective
or language it is an error. Nothing is invited unless every entry is fine."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .errors import ApiError


def _problem(index: int, kind: str, message: str) -> dict:
    return {"location": ["body", "respondents", index, "email"], "message": message, "type": kind}


def check_invitees(round_, invitees) -> dict[tuple[str, str], list[str]]:
    """(perspective, language) -> addresses to invite; raises ApiError (422) listing every
    problem otherwise."""
    problems, wanted = [], {}
    for index, invitee in enumerate(invitees):
        email = invitee.email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            problems.append(
                _problem(
                    index, "invalid_email", f"“{invitee.email}” is not a valid e-mail address."
                )
            )
            continue
        choice = (invitee.perspective, invitee.language)
        if email in wanted and wanted[email][0] != choice:
            problems.append(
                _problem(
                    index,
                    "conflicting_duplicate",
                    f"{email} is listed more than once with another perspective or language.",
                )
            )
            continue
        wanted.setdefault(email, (choice, index))
    # Only checked addresses reach the database.
    already = round_.respondents.filter(email__in=list(wanted)).values_list("email", flat=True)
    for email in already:
        problems.append(
            _problem(
                wanted[email][1], "already_invited", f"{email} is already invited to this round."
            )
        )
    if problems:
        problems.sort(key=lambda p: p["location"][2])
        raise ApiError(
            422,
            "invalid_request",
            "Some respondents cannot be invited: see details. No one was invited.",
            details=problems,
        )
    groups: dict[tuple[str, str], list[str]] = {}
    for email, (choice, _index) in wanted.items():
        groups.setdefault(choice, []).append(email)
    return groups
