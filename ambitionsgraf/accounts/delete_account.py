"""Deleting one's own account, after the password.

The person leaves each organisation first, through the same rule as leaving by hand
(organisations.membership): an organisation's only admin cannot go, or no one could manage
it. The page names those organisations instead of offering the form. What the person did
stays where others need it: the log keeps the e-mail address at each event (as it does for
every change), comments on the action plan stay, signed "a former user".
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.organisations import membership as people

from .forms import CurrentPasswordForm

PAGE_METHODS = ("GET", "HEAD", "POST")


@login_required
def delete_account(request):
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    user = request.user
    memberships = list(user.memberships.select_related("organisation", "user"))
    sole = [m.organisation for m in memberships if people.is_only_admin(m)]
    form = CurrentPasswordForm(user, request.POST or None)
    refused = request.method == "POST" and bool(sole)
    if request.method == "POST" and not sole and form.is_valid():
        try:
            with transaction.atomic():
                for membership in memberships:  # each in the organisation's log
                    people.end(membership, request=request)
                user.delete()
        except people.LastAdmin:  # a colleague left in the same instant: nothing is deleted
            sole = [m.organisation for m in memberships if people.is_only_admin(m)]
            refused = True
        else:
            logout(request)
            messages.success(request, _("Your account is deleted."))
            return redirect("front")
    return render(
        request,
        "accounts/delete_account.html",
        {"form": form, "memberships": memberships, "sole": sole, "errors_shown": refused},
        status=400 if refused else status_for(form),
    )
