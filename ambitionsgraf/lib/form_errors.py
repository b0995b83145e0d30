"""What a page with errors tells first: "Error:" in its title, and a summary at the top that
links to each field to correct.

A screen reader reads the title first when a page opens; a page sent back with errors that
has the same title as before sounds as if the form was accepted. The summary lists each
problem once with a link to its field, so that a keyboard or screen reader user need not
search a long form for the one message beside a field (WCAG 3.3.1, 2.4.3)."""

from django.forms import BaseForm


def shows_errors(values) -> bool:
    """Whether a page made of these context values shows errors: a posted form with errors,
    or a page that says so itself with `errors_shown` (a refusal that has no form)."""
    for name, value in values.items():
        if name == "errors_shown" and value:
            return True
        # type(), not isinstance(): isinstance would load a lazy value such as the user.
        if issubclass(type(value), BaseForm) and value.is_bound and value.errors:
            return True
    return False


def error_links(form) -> list[tuple[str, str, str]]:
    """(anchor, where, message) for each error of a field, in the order of the form. A form
    whose fields the page draws itself says where they are with its own `error_links()`, or
    names the id of a field it draws itself in `error_anchors`; otherwise each field's label
    and the id Django gives it. A hidden field has nowhere to lead to: its message is given
    without an anchor."""
    own = getattr(form, "error_links", None)
    if callable(own):
        return own()
    links = []
    for field in form:
        if not field.errors:
            continue
        if field.is_hidden:
            anchor, where = "", ""
        else:
            anchor = getattr(form, "error_anchors", {}).get(field.name) or _anchor(field)
            where = field.label
        links.extend((anchor, where, message) for message in field.errors)
    return links


def _anchor(field) -> str:
    """The id a link to the field leads to. A group of radio buttons or check boxes has no
    label of its own (Django leaves it out for screen readers): its first choice."""
    if field.id_for_label:
        return field.id_for_label
    first = next(iter(field.subwidgets), None)
    return first.id_for_label if first is not None else ""
