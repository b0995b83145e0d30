"""The organisation's API tokens: list, make (the secret is shown once) and revoke.

Admins only: each view finds the organisation with manage=True before it looks at anything
else (even the method), so a coach or an outsider gets 404 whatever they send.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.organisations.access import get_organisation

from .audit import CREATED, REVOKED, record_token
from .forms import TokenForm
from .models import ApiToken

PAGE_METHODS = ("GET", "HEAD", "POST")


@login_required
def tokens(request, code):
    organisation = get_organisation(request, code, manage=True)
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    form = TokenForm(request.POST or None, organisation=organisation)
    secret = new_token = None
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            new_token, secret = ApiToken.issue(
                organisation=organisation,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                created_by=request.user,
            )
            record_token(CREATED, request=request, token=new_token)
        form = TokenForm(organisation=organisation)
    response = render(
        request,
        "api/tokens.html",
        {
            "organisation": organisation,
            "form": form,
            "tokens": organisation.api_tokens.select_related("created_by"),
            "secret": secret,
            "new_token": new_token,
        },
        status=status_for(form),
    )
    # The page may carry a secret: never keep it in a cache.
    add_never_cache_headers(response)
    return response


@login_required
def revoke(request, code):
    organisation = get_organisation(request, code, manage=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    token_id = request.POST.get("token", "")
    if not (token_id.isdigit() and len(token_id) < 10):
        raise Http404
    token = get_object_or_404(organisation.api_tokens, pk=int(token_id))
    with transaction.atomic():
        revoked = token.revoke()
        if revoked:
            record_token(REVOKED, request=request, token=token)
    if revoked:
        messages.success(
            request,
            _("The token “%(name)s” is revoked. Programs that use it are refused from now on.")
            % {"name": token.name},
        )
    else:
        messages.info(
            request, _("The token “%(name)s” was already revoked.") % {"name": token.name}
        )
    return redirect("api_tokens:list", organisation.code)
