"""The dialogue workshop: leadership and the procurement function go through a round's results
together, one area per page, the biggest disagreements first, and agree on a level per area.

Admins run it and save the agreed levels. A coach may follow it read-only (the pages show only
what the results page shows, split by perspective under the same anonymity rules); a coach's
POST is a 404 like any outsider's.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ambitionsgraf.audit.log import Action, area_ref, record
from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.maturity.models import Perspective
from ambitionsgraf.organisations.access import get_round
from ambitionsgraf.results import scoring
from ambitionsgraf.results.service import load_round
from ambitionsgraf.rounds.models import Answer, Round

from .models import AgreedLevel
from .workshop_data import perspective_distributions, share, workshop_order
from .workshop_forms import AgreedLevelForm


def _load(round_):
    """The round's results and its areas in workshop order."""
    view = load_round(round_)
    return view, [view.areas[i] for i in workshop_order([a.result for a in view.areas])]


def _access(request, code, round_code):
    """Anyone who may read the results sees the workshop; only admins may change it."""
    return get_round(request, code, round_code, manage=request.method not in ("GET", "HEAD"))


def _context(organisation, round_, view, **extra):
    return {
        "organisation": organisation,
        "round": round_,
        "view": view,
        "result": view.result,
        "can_edit": organisation.can_manage,
        "level_names": round_.model_version.level_names(),
        **extra,
    }


def _group_label(group: str) -> str:
    if group == scoring.POOLED:
        return _("Smaller groups combined")
    return str(Perspective(group).label)


def _levels(view, area_view) -> list[tuple[str, float | None]]:
    """The computed levels shown for an area: the whole organisation, then each group."""
    result = area_view.result
    rows = [(_("Whole organisation"), result.organisation_score)]
    rows += [
        (_group_label(p), result.perspective_scores.get(p)) for p in view.result.shown_perspectives
    ]
    if view.result.pooled_respondents:
        rows.append((_group_label(scoring.POOLED), result.pooled_score))
    return rows


def _difference(area_view) -> float | None:
    """Agreed minus computed level, where both exist."""
    computed = area_view.result.organisation_score
    if area_view.agreed is None or computed is None:
        return None
    return area_view.agreed - computed


def _row(label: str, distribution: scoring.QuestionDistribution) -> dict:
    total = distribution.asked
    return {
        "label": label,
        "cells": [(count, share(count, total)) for count in distribution.counts],
        "dont_know": distribution.dont_know,
        "mean": distribution.mean,
    }


def _questions(round_, area) -> list[dict]:
    """Each question of the area with its answers by perspective, anonymity kept."""
    questions = list(area.questions.all())  # prefetched by load_round
    spec = scoring.AreaSpec(
        key=area.key,
        questions=tuple(
            scoring.QuestionSpec(
                key=q.key, area_key=area.key, perspectives=frozenset(q.perspectives)
            )
            for q in questions
        ),
    )
    finished = dict(
        round_.respondents.filter(finished_at__isnull=False).values_list("id", "perspective")
    )
    answers: dict[int, dict] = {rid: {} for rid in finished}
    keys = {q.pk: q.key for q in questions}
    rows = Answer.objects.filter(
        respondent__round=round_, respondent__finished_at__isnull=False, question__area=area
    ).values_list("respondent_id", "question_id", "level", "dont_know")
    for respondent_id, question_id, level, dont_know in rows:
        if respondent_id in answers and (level is not None or dont_know):
            answers[respondent_id][keys[question_id]] = level
    responses = [
        scoring.Response(perspective=finished[rid], answers=answers[rid]) for rid in finished
    ]
    items = []
    for question, breakdown in zip(
        questions, perspective_distributions(spec, responses), strict=True
    ):
        rows = [_row(_group_label(g.group), g.distribution) for g in breakdown.groups]
        if breakdown.overall.shown:
            rows.append(_row(_("All respondents"), breakdown.overall))
        items.append(
            {
                "question": question,
                "shown": breakdown.overall.shown,
                "withheld": breakdown.withheld,
                "rows": rows,
                "put_to": [
                    str(Perspective(p).label)
                    for p in scoring.PERSPECTIVES
                    if p in question.perspectives
                ],
            }
        )
    return items


def save_agreed_level(*, round: Round, area, level, reason: str) -> bool:
    """Set or (with level None) remove the agreed level of an area. Returns whether anything
    changed; a change to a finished workshop opens it again."""
    with transaction.atomic():
        current = round.agreed_levels.select_for_update().filter(area=area).first()
        if level is None:
            changed = current is not None
            if current is not None:
                current.delete()
        elif current is None:
            AgreedLevel.objects.create(round=round, area=area, level=level, reason=reason)
            changed = True
        elif (current.level, current.reason) != (level, reason):
            current.level, current.reason = level, reason
            current.save(update_fields=["level", "reason", "updated_at"])
            changed = True
        else:
            changed = False
        if changed and round.workshop_finished_at is not None:
            Round.objects.filter(pk=round.pk).update(workshop_finished_at=None)
            round.workshop_finished_at = None
    return changed


def _onwards(organisation, round_, number: int, count: int, nav: str | None):
    """Where "Save and next" (or, with nav "prev", "Save and go back") leads from area `number`."""
    if nav == "prev":
        if number == 1:
            return redirect("workshop:start", organisation.code, round_.code)
        return redirect("workshop:area", organisation.code, round_.code, number - 1)
    if number == count:
        return redirect("workshop:summary", organisation.code, round_.code)
    return redirect("workshop:area", organisation.code, round_.code, number + 1)


@login_required
def start(request, code, round_code):
    # Access first, so an outsider's POST is a 404 like everywhere else, not a 405.
    organisation, round_ = _access(request, code, round_code)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    view, ordered = _load(round_)
    return render(
        request, "workshop/start.html", _context(organisation, round_, view, areas=ordered)
    )


@login_required
@require_http_methods(["GET", "POST"])
def area(request, code, round_code, number):
    organisation, round_ = _access(request, code, round_code)
    view, ordered = _load(round_)
    if not view.result.has_results:
        return redirect("workshop:start", organisation.code, round_.code)
    if not 1 <= number <= len(ordered):
        raise Http404
    if request.method == "POST":
        # The form names its area: in an open round the order can shift as people finish,
        # and the level must land on the area the group looked at, wherever it now stands.
        keys = [a.area.key for a in ordered]
        if request.POST.get("area") in keys:
            number = keys.index(request.POST["area"]) + 1
    area_view = ordered[number - 1]
    had_agreed = area_view.agreed is not None
    initial = (
        {"level": f"{area_view.agreed:.1f}", "reason": area_view.agreed_reason}
        if had_agreed
        else None
    )
    form = None
    if organisation.can_manage:
        form = AgreedLevelForm(request.POST or None, initial=initial, had_agreed=had_agreed)
    if request.method == "POST" and form.is_valid():
        was_finished = round_.workshop_finished_at is not None
        level = form.cleaned_data["level"]
        with transaction.atomic():
            changed = save_agreed_level(
                round=round_,
                area=area_view.area,
                level=level,
                reason=form.cleaned_data["reason"] if level is not None else "",
            )
            if changed:
                record(
                    Action.AGREED_LEVEL_CHANGED,
                    request=request,
                    organisation=organisation,
                    subject=round_.name,
                    area=area_ref(area_view.area),
                    old=f"{area_view.agreed:.1f}" if had_agreed else None,
                    new=f"{level:.1f}" if level is not None else None,
                )
        title = area_view.area.tr("title")
        if changed and form.cleaned_data["level"] is None:
            messages.success(
                request, _("The agreed level for %(area)s is removed.") % {"area": title}
            )
        elif changed:
            messages.success(
                request, _("The agreed level for %(area)s is saved.") % {"area": title}
            )
        if changed and was_finished:
            messages.info(
                request,
                _("The workshop is open again. Finish it on the summary page when you are done."),
            )
        return _onwards(organisation, round_, number, len(ordered), request.POST.get("nav"))
    return render(
        request,
        "workshop/area.html",
        _context(
            organisation,
            round_,
            view,
            a=area_view,
            number=number,
            area_count=len(ordered),
            levels=_levels(view, area_view),
            questions=_questions(round_, area_view.area),
            form=form,
        ),
        status=status_for(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def summary(request, code, round_code):
    organisation, round_ = _access(request, code, round_code)
    view, ordered = _load(round_)
    if not view.result.has_results:
        return redirect("workshop:start", organisation.code, round_.code)
    if request.method == "POST":
        Round.objects.filter(pk=round_.pk).update(workshop_finished_at=timezone.now())
        messages.success(
            request,
            _(
                "The workshop is finished. The agreed levels are shown beside the computed "
                "ones, and the action plan starts from them."
            ),
        )
        return redirect("results:round", organisation.code, round_.code)
    return render(
        request,
        "workshop/summary.html",
        _context(
            organisation,
            round_,
            view,
            rows=[(a, _difference(a)) for a in ordered],
            area_count=len(ordered),
        ),
    )
