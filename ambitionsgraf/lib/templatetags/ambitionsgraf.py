from django import template
from django.forms import BaseForm
from django.utils import formats

from ambitionsgraf.lib.form_errors import error_links, shows_errors
from ambitionsgraf.lib.numbers import round_level

register = template.Library()


@register.filter
def tr(obj, name):
    """A model text in the active language: {{ area|tr:"title" }}."""
    return obj.tr(name)


@register.filter
def level(value):
    """A score on the 1-5 scale with one decimal in the active language's format, or a dash."""
    if value is None or value == "":
        return "–"
    return formats.number_format(round_level(value), decimal_pos=1)


@register.filter
def signed_level(value):
    if value is None:
        return "–"
    rounded = round_level(value)
    text = formats.number_format(abs(rounded), decimal_pos=1)
    if rounded > 0:
        return "+" + text
    if rounded < 0:
        return "−" + text
    return text


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def nth_level(names, level):
    """The name of a level (1-5) from the model version's list of level names."""
    try:
        return names[int(level) - 1]
    except (IndexError, TypeError, ValueError):
        return ""


@register.simple_tag(takes_context=True)
def errors_shown(context) -> bool:
    """{% errors_shown as flag %}: whether this page shows errors (lib.form_errors)."""
    return shows_errors(context.flatten())


@register.simple_tag
def field_error_links(*forms):
    """{% field_error_links form other as links %}: the error summary's links for the page's
    forms, in order (lib.form_errors). A name that is no form on this page is passed over."""
    return [link for form in forms if isinstance(form, BaseForm) for link in error_links(form)]
