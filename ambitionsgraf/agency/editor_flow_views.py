"""A draft's life, for model owners: start it from the newest published version or from an
uploaded model file, publish it, delete it; and any version as a model file to download.

An upload never becomes a published version directly and never replaces a version: it is
refused when its version number is taken or not above the newest published one.
"""

import yaml
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.maturity import drafts
from ambitionsgraf.maturity.draft_checks import previous_published, problems
from ambitionsgraf.maturity.modelfile import serialise
from ambitionsgraf.maturity.models import ModelVersion

from .access import model_owner_required
from .editor_forms import UploadForm
from .editor_views import draft_editor, get_draft, posted


@model_owner_required
@require_POST
def new_draft(request, version_id):
    source = get_object_or_404(ModelVersion.objects.published(), pk=version_id)
    try:
        version = drafts.new_draft(source)
    except drafts.DraftError as error:
        for problem in error.problems:
            messages.error(request, problem)
        return redirect("lab:index")
    messages.success(
        request,
        _("Version %(version)s was made as a draft, a copy of version %(source)s.")
        % {"version": version.version, "source": source.version},
    )
    return redirect("lab:draft", version.pk)


@model_owner_required
def upload(request):
    form = UploadForm(*posted(request, files=True))
    found = []
    if request.method == "POST" and form.is_valid():
        try:
            version = drafts.draft_from_upload(form.cleaned_data["file"])
        except drafts.DraftError as error:
            found = error.problems
        else:
            messages.success(
                request,
                _("The file was read into a draft of version %(version)s. Nothing is published.")
                % {"version": version.version},
            )
            return redirect("lab:draft", version.pk)
    return render(
        request,
        "agency/editor_upload.html",
        {"form": form, "problems": found, "errors_shown": bool(found)},
        status=400 if found else status_for(form),
    )


@draft_editor
def publish(request, version_id):
    version = get_draft(version_id)
    found = []
    if request.method == "POST":
        try:
            drafts.publish(version, request=request)
        except drafts.DraftError as error:
            found = error.problems
        else:
            messages.success(
                request,
                _("Version %(version)s is published. New rounds use it from now on.")
                % {"version": version.version},
            )
            return redirect("lab:index")
    else:
        found = problems(version)
    refused = bool(found) and request.method == "POST"
    return render(
        request,
        "agency/editor_publish.html",
        {
            "version": version,
            "previous": previous_published(version),
            "problems": found,
            "tried": request.method == "POST",
            "errors_shown": refused,
        },
        status=400 if refused else 200,
    )


@draft_editor
def delete(request, version_id):
    version = get_draft(version_id)
    if request.method == "POST":
        drafts.delete_draft(version)
        messages.success(
            request,
            _("The draft of version %(version)s was deleted.") % {"version": version.version},
        )
        return redirect("lab:index")
    return render(request, "agency/editor_delete.html", {"version": version})


@model_owner_required
def model_file(request, version_id):
    """Any version as a model file (YAML), the format the upload and the loader read."""
    version = get_object_or_404(ModelVersion, pk=version_id)
    text = yaml.safe_dump(serialise(version), allow_unicode=True, sort_keys=False, width=100)
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    name = f"{version.key}-{version.version}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
