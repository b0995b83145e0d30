"""Texts stored in both languages: one accessor that falls back to Swedish."""

from django.utils.translation import get_language


def pick(sv: str, en: str, language: str | None = None) -> str:
    language = (language or get_language() or "sv")[:2]
    if language == "en" and en:
        return en
    return sv


class Translated:
    """Mixin for models with `<name>_sv` and `<name>_en` fields: `obj.tr("title")`."""

    def tr(self, name: str, language: str | None = None) -> str:
        return pick(getattr(self, f"{name}_sv"), getattr(self, f"{name}_en"), language)
