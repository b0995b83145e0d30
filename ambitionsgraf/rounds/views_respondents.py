"""The admin revokes one respondent's personal link, or sends them a new one (round page).

Both are POST only. Revoking asks to confirm first: the first POST shows what will happen, a
second with confirm=yes does it. Coaches and outsiders get 404, as on every respondent page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ambitionsgraf.organisations.access import get_round

from . import respondent_links


def _respondent(request, code, round_code, respondent_id):
    organisation, round_ = get_round(request, code, round_code, manage=True)
    respondent = get_object_or_404(round_.respondents, pk=respondent_id)
    respondent.round = round_
    return organisation, round_, respondent


def _back(organisation, round_):
    return redirect(
        reverse("rounds:detail", args=[organisation.code, round_.code]) + "#respondents-heading"
    )


@login_required
def revoke_link(request, code, round_code, respondent_id):
    organisation, round_, respondent = _respondent(request, code, round_code, respondent_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    reason = respondent_links.refusal(round_, respondent)
    if reason:
        messages.error(request, reason)
        return _back(organisation, round_)
    if respondent.link_revoked_at is not None:
        messages.info(request, _("This respondent's link is already revoked."))
        return _back(organisation, round_)
    if request.POST.get("confirm") != "yes":
        return render(
            request,
            "rounds/respondent_revoke.html",
            {"organisation": organisation, "round": round_, "respondent": respondent},
        )
    try:
        revoked = respondent_links.revoke(respondent=respondent, request=request)
    except respondent_links.LinkRefused as refused:
        messages.error(request, str(refused))
    else:
        if not revoked:
            messages.info(request, _("This respondent's link is already revoked."))
            return _back(organisation, round_)
        messages.success(
            request,
            _("The link of %(email)s is revoked. It no longer opens the questionnaire.")
            % {"email": respondent.email},
        )
    return _back(organisation, round_)


@login_required
def resend_link(request, code, round_code, respondent_id):
    organisation, round_, respondent = _respondent(request, code, round_code, respondent_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        respondent_links.resend(respondent=respondent, request=request)
    except respondent_links.LinkRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _(
                "A new personal link is sent to %(email)s. "
                "The link in earlier e-mails no longer works."
            )
            % {"email": respondent.email},
        )
    return _back(organisation, round_)
