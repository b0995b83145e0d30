"""Draft model versions: start one from the newest published version or from a model file,
turn one into the model-file dict, and publish it after checking all of it.

A model key has at most one draft at a time: a second one could not both take the next version
number, and two people editing two drafts of the same model would lose each other's work. A
draft is the only kind of version that can change (see ``models.py``); publishing is the one
way out of it, and a draft can be deleted.
"""

import tempfile
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ambitionsgraf.audit.log import Action, record

from .draft_checks import DraftError, problems, upload_problems
from .loader import ModelFileError, fingerprint, parse
from .modelfile import draft_from_data, serialise
from .models import ModelVersion

MAX_UPLOAD_BYTES = 2 * 1024 * 1024

__all__ = [
    "DraftError",
    "delete_draft",
    "draft_from_data",
    "draft_from_upload",
    "new_draft",
    "publish",
    "serialise",
]


def existing_draft(model_key: str) -> ModelVersion | None:
    return ModelVersion.objects.drafts().filter(key=model_key).first()


def _at_the_same_time() -> DraftError:
    return DraftError(
        [
            _(
                "Another draft of this model was made at the same time. Open the model lab "
                "again to see it."
            )
        ]
    )


def new_draft(source: ModelVersion) -> ModelVersion:
    """A full copy of ``source`` (the newest published version of its model) as a draft with
    the next version number and the same keys; every question starts as comparable."""
    try:
        return _new_draft(source)
    except IntegrityError:  # two model owners at once: the constraints hold
        raise _at_the_same_time() from None


def _new_draft(source: ModelVersion) -> ModelVersion:
    with transaction.atomic():
        newest = ModelVersion.objects.published().filter(key=source.key).order_by("-version")
        if not source.is_published or newest.first() != source:
            raise DraftError([_("A new draft can only be made from the newest published version.")])
        if existing_draft(source.key):
            raise DraftError(
                [_("There is already a draft of this model. Publish or delete it first.")]
            )
        data = serialise(source)
        highest = ModelVersion.objects.filter(key=source.key).aggregate(n=Max("version"))["n"]
        data["version"] = highest + 1
        for area in data["areas"]:
            for question in area["questions"]:
                question.pop("comparable", None)
        return draft_from_data(data)


def draft_from_upload(upload) -> ModelVersion:
    """A draft from an uploaded model file (YAML), after the same checks as a file loaded by
    the operator, and the editor's: never over an existing version, keys never reused."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise DraftError(
            [_("The file is larger than %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // 2**20}]
        )
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "model.yaml"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            data = parse(path)
        except ModelFileError as error:
            raise DraftError(error.problems) from None
    try:
        with transaction.atomic():
            found = upload_problems(data)
            if found:
                raise DraftError(found)
            return draft_from_data(data)
    except IntegrityError:
        raise _at_the_same_time() from None


def publish(version: ModelVersion, *, request=None) -> ModelVersion:
    """Publish the draft if all of it is valid, else raise ``DraftError`` with every problem.
    New rounds use it from now on (``ModelVersion.objects.current()``); running rounds keep
    the version they started with."""
    with transaction.atomic():
        version = ModelVersion.objects.select_for_update().get(pk=version.pk)
        if not version.is_draft:
            raise DraftError([_("This version is already published.")])
        found = problems(version)
        if found:
            raise DraftError(found)
        version.source_sha256 = fingerprint(serialise(version))
        version.mark_published()
        record(
            Action.MODEL_VERSION_PUBLISHED,
            request=request,
            subject=f"{version.name_sv} {version.version}",
            key=version.key,
            version=version.version,
        )
    return version


def delete_draft(version: ModelVersion) -> None:
    """Delete a draft and everything in it (a published version refuses, see models.py)."""
    with transaction.atomic():
        version.delete()
