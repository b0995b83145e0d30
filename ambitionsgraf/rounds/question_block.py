"""The questions of an area page as HTML: the model's text rendered once, the respondent's own
answers filled in on each request.

Most of an area page is the model's text: five questions, each with five described levels. For
a published version that text never changes, so it is rendered once per process for each area,
set of questions and language, with a slot wherever something of the respondent's goes (which
choice is checked, the comment, what the page showed, an error by a field). Each request then
only fills the slots, escaping every value, instead of running the template loop over some
forty options: the slowest part of the page before (docs/benchmarks.md). Drafts, and every page
while ``DEBUG`` is on (so an edited template shows at once), are rendered afresh each time.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from ambitionsgraf.maturity import catalogue

TEMPLATE = "questionnaire/_questions.html"
MARK = "\x00"  # publishing refuses control characters (maturity.validation): never in a text
CHOICES = ("1", "2", "3", "4", "5", "dk")
KEPT = 512  # versions x areas x perspectives x languages


def _slot(name: str) -> SafeString:
    return mark_safe(f"{MARK}{name}{MARK}")


def _render(questions, language) -> tuple[str, ...]:
    """The block's HTML split at the slots: static text at even places, slot names at odd."""
    items = []
    for q in questions:
        pk = q.pk
        items.append(
            {
                "question": q,
                "levels": [
                    (n, text, _slot(f"{pk}:{n}"))
                    for n, text in enumerate(q.level_texts(language), start=1)
                ],
                "dont_know": _slot(f"{pk}:dk"),
                "shown_choice": _slot(f"{pk}:shown_q"),
                "shown_comment": _slot(f"{pk}:shown_c"),
                "open": _slot(f"{pk}:open"),
                "comment": _slot(f"{pk}:comment"),
                "choice_error": _slot(f"{pk}:choice_error"),
                "comment_error": _slot(f"{pk}:comment_error"),
                "comment_invalid": _slot(f"{pk}:comment_invalid"),
            }
        )
    return tuple(render_to_string(TEMPLATE, {"items": items}).split(MARK))


def _pieces(version, questions) -> tuple[str, ...]:
    stamp = catalogue.stamp(version)
    if stamp is None or settings.DEBUG:
        return _render(questions, get_language())
    return _kept(stamp, tuple(q.pk for q in questions), get_language())


@lru_cache(maxsize=KEPT)
def _kept(stamp: tuple, question_ids: tuple[int, ...], language: str) -> tuple[str, ...]:
    by_id = {q.pk: q for q in catalogue.published(stamp)}
    return _render([by_id[pk] for pk in question_ids], language)


def _values(form) -> dict[str, str]:
    """Each slot's HTML for this form: only what is set; every other slot is empty."""
    values = {}
    for q in form.questions:
        pk = q.pk
        choice, comment = form[f"q{pk}"], form[f"c{pk}"]
        chosen = choice.value() or ""
        if chosen in CHOICES:
            values[f"{pk}:{chosen}"] = " checked"
        values[f"{pk}:shown_q"] = escape(form.shown_value(f"q{pk}"))
        values[f"{pk}:shown_c"] = escape(form.shown_value(f"c{pk}"))
        text = comment.value() or ""
        if text:
            values[f"{pk}:open"] = " open"
            values[f"{pk}:comment"] = escape(text)
        if choice.errors:
            values[f"{pk}:choice_error"] = format_html(
                '<div id="q{}_error">{}</div>', pk, choice.errors
            )
        if comment.errors:
            values[f"{pk}:comment_error"] = format_html(
                '<div id="c{}_error">{}</div>', pk, comment.errors
            )
            values[f"{pk}:comment_invalid"] = format_html(
                ' aria-invalid="true" aria-describedby="c{}_error"', pk
            )
    return values


def html(form, version) -> SafeString:
    """The area page's questions with the form's choices, comments and errors."""
    pieces = list(_pieces(version, form.questions))
    values = _values(form)
    for i in range(1, len(pieces), 2):
        pieces[i] = values.get(pieces[i], "")
    return mark_safe("".join(pieces))
