"""How a page sent back with errors must read (lib.form_errors): "Fel:" first in its title, a
summary at the top whose links each lead to something on the page; and a page without errors
does not say "Fel:". Used by the form properties on every form page of the site."""

from html.parser import HTMLParser

ERROR_PREFIX = "Fel:"  # the tests run in Swedish


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title = ""
        self.ids: set[str] = set()
        self.summaries = 0
        self.links: list[str] = []
        self.items = 0  # the summary's list of problems of fields
        self._in_items = False
        self._in_title = False
        self._summary_depth = 0  # > 0 inside an error summary

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "title":
            self._in_title = True
        if self._summary_depth:
            self._summary_depth += tag not in VOID
            if tag == "a" and (attrs.get("href") or "").startswith("#"):
                self.links.append(attrs["href"][1:])
            if tag == "ul" and "error-links" in (attrs.get("class") or "").split():
                self._in_items = True
            self.items += tag == "li" and self._in_items
        elif tag == "div" and "error-summary" in (attrs.get("class") or "").split():
            self.summaries += 1
            self._summary_depth = 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self._summary_depth and tag not in VOID:
            self._summary_depth -= 1
        if tag == "ul":
            self._in_items = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def read(response) -> _Page:
    page = _Page()
    page.feed(response.content.decode())
    page.title = " ".join(page.title.split())
    return page


def check_error_page(label, response, errors_shown: bool):
    """The page's title and summary agree with whether it shows errors."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    page = read(response)
    if errors_shown:
        assert page.title.startswith(ERROR_PREFIX), f"{label}: errors, title {page.title!r}"
        assert page.summaries, f"{label}: errors, yet no error summary"
        missing = [anchor for anchor in page.links if anchor not in page.ids]
        assert not missing, f"{label}: the error summary links to nothing: {missing}"
        # The site's forms have no hidden fields: every problem of a field leads to it.
        assert len(page.links) == page.items, f"{label}: a problem in the summary has no link"
    else:
        assert not page.title.startswith(ERROR_PREFIX), f"{label}: no errors, title {page.title!r}"
