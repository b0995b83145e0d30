"""The model editor, for model owners: change a draft model version in the browser.

Every page here works on a draft only: a published version gives 404, whatever the URL, and the
models refuse any change to one in any case (``maturity/models.py``). There is no Django admin
in this product, so these pages, the model file upload and the operator's ``load_model``
command are the only ways a model version is written. Starting, uploading, publishing and
deleting a draft are in ``editor_flow_views.py``.
"""

from functools import wraps

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.maturity import draft_edits
from ambitionsgraf.maturity.draft_checks import previous_published, problems
from ambitionsgraf.maturity.models import Area, ModelVersion, PublishedVersionError, Question

from .access import model_owner_required
from .editor_forms import (
    AreaForm,
    GuidanceForm,
    MoveForm,
    NewQuestionForm,
    QuestionForm,
    VersionForm,
    pairs,
)


def draft_editor(view):
    """Model owners only. A draft that was published while the page was open is not changed:
    the models refuse, the transaction is undone and the page answers 404."""

    @model_owner_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PublishedVersionError:
            raise Http404 from None

    return wrapped


def posted(request, *, files=False):
    """The form data of a POST (even an empty one, so that its errors show), else None; with
    ``files``, (data, files)."""
    if request.method != "POST":
        return (None, None) if files else None
    return (request.POST, request.FILES) if files else request.POST


def get_draft(version_id: int) -> ModelVersion:
    """The draft, or 404: a published version is never edited."""
    return get_object_or_404(ModelVersion.objects.drafts(), pk=version_id)


def get_area(draft: ModelVersion, area_key: str) -> Area:
    return get_object_or_404(draft.areas, key=area_key)


def get_question(draft: ModelVersion, question_key: str) -> Question:
    return get_object_or_404(
        Question.objects.select_related("area"), area__model_version=draft, key=question_key
    )


def previous_keys(previous: ModelVersion | None) -> set[str]:
    if previous is None:
        return set()
    return set(Question.objects.filter(area__model_version=previous).values_list("key", flat=True))


def saved(request, draft, anchor: str = ""):
    messages.success(request, _("Saved in the draft."))
    return redirect(draft_url(draft, anchor))


def draft_url(draft: ModelVersion, anchor: str = "") -> str:
    url = reverse("lab:draft", args=[draft.pk])
    return f"{url}#{anchor}" if anchor else url


@draft_editor
def draft(request, version_id):
    version = get_draft(version_id)
    previous = previous_published(version)
    earlier = previous_keys(previous)
    areas = list(version.areas.prefetch_related("questions", "guidance"))
    in_draft = {q.key for area in areas for q in area.questions.all()}
    return render(
        request,
        "agency/editor_draft.html",
        {
            "version": version,
            "previous": previous,
            "areas": areas,
            "earlier": earlier,
            "retired": sorted(earlier - in_draft),
            "problems": problems(version),
            "levels": list(zip(range(1, 6), version.level_names(), strict=False)),
        },
    )


@draft_editor
def details(request, version_id):
    version = get_draft(version_id)
    form = VersionForm(posted(request), version=version)
    if request.method == "POST" and form.is_valid():
        form.save(version)
        return saved(request, version)
    return render(
        request,
        "agency/editor_texts.html",
        {
            "version": version,
            "form": form,
            "rows": pairs(form, ["name", "description"]),
            "title": _("Name and description of the version"),
        },
        status=status_for(form),
    )


@draft_editor
def area(request, version_id, area_key):
    version = get_draft(version_id)
    the_area = get_area(version, area_key)
    form = AreaForm(posted(request), area=the_area)
    if request.method == "POST" and form.is_valid():
        form.save(the_area)
        return saved(request, version, f"area-{the_area.key}")
    return render(
        request,
        "agency/editor_texts.html",
        {
            "version": version,
            "area": the_area,
            "form": form,
            "rows": pairs(form, ["title", "description"]),
            "title": _("Area: %(title)s") % {"title": the_area.tr("title")},
        },
        status=status_for(form),
    )


@draft_editor
def question(request, version_id, question_key):
    version = get_draft(version_id)
    the_question = get_question(version, question_key)
    previous = previous_published(version)
    is_new = the_question.key not in previous_keys(previous)
    form = QuestionForm(
        posted(request),
        question=the_question,
        level_names=version.level_names(),
        previous=None if is_new else previous,
    )
    if request.method == "POST" and form.is_valid():
        form.apply(the_question)
        draft_edits.save_question(the_question)
        return saved(request, version, f"question-{the_question.key}")
    return render(
        request,
        "agency/editor_question.html",
        {
            "version": version,
            "area": the_question.area,
            "question": the_question,
            "is_new": is_new,
            "form": form,
        },
        status=status_for(form),
    )


@draft_editor
def add_question(request, version_id, area_key):
    version = get_draft(version_id)
    the_area = get_area(version, area_key)
    form = NewQuestionForm(
        posted(request),
        taken=draft_edits.taken_keys(version),
        level_names=version.level_names(),
    )
    if request.method == "POST" and form.is_valid():
        new = Question(key=form.cleaned_data["key"])
        form.apply(new)
        draft_edits.add_question(the_area, new)
        messages.success(request, _("The question was added to the draft."))
        return redirect(draft_url(version, f"question-{new.key}"))
    return render(
        request,
        "agency/editor_question.html",
        {"version": version, "area": the_area, "question": None, "is_new": True, "form": form},
        status=status_for(form),
    )


@draft_editor
def retire_question(request, version_id, question_key):
    version = get_draft(version_id)
    the_question = get_question(version, question_key)
    if request.method == "POST":
        draft_edits.retire_question(the_question)
        messages.success(
            request,
            _("The question %(key)s was taken out of the draft.") % {"key": the_question.key},
        )
        return redirect(draft_url(version, f"area-{the_question.area.key}"))
    previous = previous_published(version)
    return render(
        request,
        "agency/editor_retire.html",
        {
            "version": version,
            "area": the_question.area,
            "question": the_question,
            "in_previous": the_question.key in previous_keys(previous),
            "previous": previous,
        },
    )


@draft_editor
def guidance(request, version_id, area_key, level):
    version = get_draft(version_id)
    the_area = get_area(version, area_key)
    item = get_object_or_404(the_area.guidance, level=level)
    form = GuidanceForm(posted(request), guidance=item)
    if request.method == "POST" and form.is_valid():
        form.save(item)
        return saved(request, version, f"area-{the_area.key}")
    return render(
        request,
        "agency/editor_guidance.html",
        {
            "version": version,
            "area": the_area,
            "guidance": item,
            "level_name": version.level_names()[level - 1] if 1 <= level <= 5 else level,
            "form": form,
        },
        status=status_for(form),
    )


@draft_editor
@require_POST
def move(request, version_id):
    version = get_draft(version_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was moved: the request was incomplete."))
        return redirect(draft_url(version))
    data = form.cleaned_data
    if data["area"]:
        moved = draft_edits.move_area(version, data["area"], data["direction"])
        anchor = f"area-{data['area']}"
    else:
        moved = draft_edits.move_question(version, data["question"], data["direction"])
        anchor = f"question-{data['question']}"
    if moved:
        messages.success(request, _("Moved."))
    else:
        messages.error(request, _("Nothing was moved: it is already at that end."))
    return redirect(draft_url(version, anchor))
