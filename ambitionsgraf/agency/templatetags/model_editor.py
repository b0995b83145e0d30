"""The model editor's entry points on the model lab's index: per model, either its draft (edit,
publish, delete) or a button to start one from the newest published version."""

from dataclasses import dataclass

from django import template

from ambitionsgraf.maturity.models import ModelVersion

register = template.Library()


@dataclass
class ModelEntry:
    key: str
    newest: ModelVersion | None  # the newest published version
    draft: ModelVersion | None


def model_entries() -> list[ModelEntry]:
    entries: dict[str, ModelEntry] = {}
    for version in ModelVersion.objects.order_by("key", "-version"):
        entry = entries.setdefault(version.key, ModelEntry(version.key, None, None))
        if version.is_draft and entry.draft is None:
            entry.draft = version
        elif version.is_published and entry.newest is None:
            entry.newest = version
    return list(entries.values())


@register.inclusion_tag("agency/_editor_entry_points.html", takes_context=True)
def model_editor_entry_points(context):
    return {"entries": model_entries(), "csrf_token": context.get("csrf_token")}
