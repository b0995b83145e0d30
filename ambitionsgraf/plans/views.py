"""The action plan: admins read and change it, coaches read it and comment on actions.

Every change endpoint finds the organisation with manage=True, so a coach gets 404 there.
The organisation is found before anything else is checked (even the method), so someone
outside it gets 404 whatever they send.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ambitionsgraf.audit import log
from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.organisations.access import get_organisation

from . import services
from .forms import ActionForm, CommentForm, StatusForm
from .models import Action


def plan_url(organisation, anchor: str = "") -> str:
    url = reverse("plans:plan", args=[organisation.code])
    return f"{url}#{anchor}" if anchor else url


def _action(organisation, action_code) -> Action:
    return get_object_or_404(organisation.actions, code=action_code)


def _record_change(request, organisation, action, old_status, fields) -> None:
    details = {"fields": list(fields)}
    if action.status != old_status:
        details["status"] = [old_status, action.status]
    log.record(
        log.Action.ACTION_CHANGED,
        request=request,
        organisation=organisation,
        subject=action.description,
        **details,
    )


@login_required
def plan(request, code):
    organisation = get_organisation(request, code)
    the_plan = services.build_plan(organisation, proposals=organisation.can_manage, comments=True)
    return render(
        request,
        "plans/plan.html",
        {
            "organisation": organisation,
            "plan": the_plan,
            "basis": the_plan.round,
            "statuses": Action.Status.choices,
        },
    )


@login_required
def add_proposal(request, code):
    organisation = get_organisation(request, code, manage=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    area_key = request.POST.get("area", "")
    with transaction.atomic():
        the_plan = services.build_plan(organisation, proposals=True)
        action = services.add_proposal(
            organisation=organisation,
            plan=the_plan,
            area_key=area_key,
            proposal_key=request.POST.get("proposal", ""),
            language=get_language(),
        )
        if action is not None:
            log.record(
                log.Action.ACTION_ADDED,
                request=request,
                organisation=organisation,
                subject=action.description,
                source=action.source,
            )
    if action is None:
        messages.error(
            request,
            _("That proposal is no longer open. It may already be in the plan."),
        )
        return redirect(
            plan_url(organisation, f"area-{area_key}" if the_plan.area(area_key) else "")
        )
    messages.success(request, _("The proposed action is added to the plan."))
    return redirect(plan_url(organisation, f"action-{action.code}"))


@login_required
@require_http_methods(["GET", "POST"])
def add_action(request, code):
    organisation = get_organisation(request, code, manage=True)
    # The round the plan builds on, without building the whole plan for a form.
    round_, view = services.latest_results(organisation)
    choices = services.area_choices(round_)
    initial = {}
    if request.GET.get("area") in dict(choices):
        initial["area_key"] = request.GET["area"]
    form = ActionForm(request.POST or None, areas=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = form.save(commit=False)
        action.organisation = organisation
        action.round = round_ if view is not None else None
        action.source = Action.Source.CUSTOM
        with transaction.atomic():
            action.save()
            log.record(
                log.Action.ACTION_ADDED,
                request=request,
                organisation=organisation,
                subject=action.description,
                source=action.source,
            )
        messages.success(request, _("The action is added to the plan."))
        return redirect(plan_url(organisation, f"action-{action.code}"))
    return render(
        request,
        "plans/action_form.html",
        {"organisation": organisation, "form": form, "action": None},
        status=status_for(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_action(request, code, action_code):
    organisation = get_organisation(request, code, manage=True)
    action = _action(organisation, action_code)
    old_status = action.status
    round_, _view = services.latest_results(organisation)
    form = ActionForm(request.POST or None, instance=action, areas=services.area_choices(round_))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            if form.has_changed():
                _record_change(request, organisation, action, old_status, form.changed_data)
        messages.success(request, _("The action is saved."))
        return redirect(plan_url(organisation, f"action-{action.code}"))
    return render(
        request,
        "plans/action_form.html",
        {"organisation": organisation, "form": form, "action": action},
        status=status_for(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def drop_action(request, code, action_code):
    organisation = get_organisation(request, code, manage=True)
    action = _action(organisation, action_code)
    if request.method == "POST":
        area_key = action.area_key
        with transaction.atomic():
            action.delete()
            log.record(
                log.Action.ACTION_DROPPED,
                request=request,
                organisation=organisation,
                subject=action.description,
            )
        messages.success(request, _("The action is dropped from the plan."))
        return redirect(plan_url(organisation, f"area-{area_key}"))
    return render(request, "plans/drop.html", {"organisation": organisation, "action": action})


@login_required
def change_status(request, code, action_code):
    organisation = get_organisation(request, code, manage=True)
    action = _action(organisation, action_code)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = StatusForm(request.POST)
    if form.is_valid():
        old_status = action.status
        action.status = form.cleaned_data["status"]
        with transaction.atomic():
            action.save(update_fields=["status", "done_at", "updated_at"])
            if action.status != old_status:
                _record_change(request, organisation, action, old_status, ["status"])
        messages.success(
            request,
            _("The status is now “%(status)s”.") % {"status": action.get_status_display()},
        )
    else:
        messages.error(request, form.errors["status"][0])
    return redirect(plan_url(organisation, f"action-{action.code}"))


@login_required
@require_http_methods(["GET", "POST"])
def comment(request, code, action_code):
    """Admins and coaches comment on an action. The plan page posts here; this page shows the
    form again when the comment needs correcting."""
    organisation = get_organisation(request, code)
    if not organisation.role.can_comment:
        raise Http404
    action = _action(organisation, action_code)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = form.save(commit=False)
        comment.action = action
        comment.author = request.user
        comment.save()
        messages.success(request, _("Your comment is posted."))
        return redirect(plan_url(organisation, f"action-{action.code}"))
    return render(
        request,
        "plans/comment.html",
        {
            "organisation": organisation,
            "action": action,
            "comments": action.comments.select_related("author"),
            "form": form,
        },
        status=status_for(form),
    )
