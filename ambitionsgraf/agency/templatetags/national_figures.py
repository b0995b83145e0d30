"""Showing the agency's figures: a hidden figure (fewer than five organisations) is a dash with
words for screen readers, never a number; everything else in the product's number formats."""

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ambitionsgraf.agency.national_suppression import MIN_ORGANISATIONS
from ambitionsgraf.lib.templatetags.ambitionsgraf import level, signed_level

register = template.Library()


def hidden_text() -> str:
    return _("fewer than %(minimum)d organisations") % {"minimum": MIN_ORGANISATIONS}


def format_value(value, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "level":
        return level(value)
    if kind == "signed":
        return signed_level(value)
    if kind == "share":
        return _("%(percent)s%%") % {"percent": formats.number_format(round(value * 100))}
    return formats.number_format(value)


@register.simple_tag
def figure(value, kind="count"):
    """``{% figure area.mean_level "level" %}``; kinds: count, level, signed, share."""
    if value.hidden:
        return format_html(
            '<span class="hidden-figure"><span aria-hidden="true">–</span>'
            '<span class="visually-hidden">{}</span></span>',
            hidden_text(),
        )
    return format_value(value.value, kind)
