"""The one way a view finds its organisation: outsiders get 404, never a hint that it exists.

Two levels of access:
- view (the default): admins and the organisation's coach: overview, results, trend, action plan.
- manage=True: admins only: settings, rounds, respondents, ambition, anything about a respondent.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership, Organisation, Role


def get_organisation(request, code: str, *, manage: bool = False) -> Organisation:
    if not request.user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=request.user, organisation__code=code)
        .first()
    )
    if membership is None:
        raise Http404
    role = Role(membership.role)
    if manage and not role.can_manage:
        raise Http404
    organisation = membership.organisation
    membership.user = request.user  # read already: no second query for it
    organisation.membership = membership
    organisation.role = role
    organisation.can_manage = role.can_manage
    return organisation


def get_round(request, code: str, round_code: str, *, manage: bool = False):
    """The organisation and one of its rounds; the round closes here if its date has passed."""
    organisation = get_organisation(request, code, manage=manage)
    round_ = get_object_or_404(organisation.rounds.select_related("model_version"), code=round_code)
    round_.close_if_due()
    return organisation, round_
