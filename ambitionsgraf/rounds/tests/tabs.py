"""Browser tabs for the questionnaire's tests: two test clients on one personal link, each
sending what its copy of the page holds, read from the page as a browser would, so the hidden
"what the page showed" fields travel as they do in a browser."""

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

from ambitionsgraf.conftest import english
from ambitionsgraf.rounds.models import Answer


class _FormReader(HTMLParser):
    """The values a browser would send from the questionnaire form of a page."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self._in_form = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "questionnaire" in (attrs.get("class") or ""):
            self._in_form = True
        elif self._in_form and tag == "input":
            kind = attrs.get("type", "text")
            if kind == "hidden" or (kind == "radio" and "checked" in attrs):
                self.values[attrs["name"]] = attrs.get("value", "")
        elif self._in_form and tag == "textarea":
            self._textarea = attrs["name"]
            self.values[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


class Tab:
    """One browser tab on a personal link: opens an area page, changes some answers, saves."""

    def __init__(self, token, language="sv"):
        self.client = Client()
        self.token = token
        self.language = language
        self.form: dict[str, str] = {}
        self.number = None

    def url(self, name, *args):
        if self.language == "en":
            return english(name, self.token, *args)
        return reverse(name, args=[self.token, *args])

    def open(self, number):
        response = self.client.get(self.url("questionnaire:area", number))
        assert response.status_code == 200
        reader = _FormReader()
        reader.feed(response.content.decode())
        self.form, self.number = reader.values, number
        return response

    def choose(self, question, choice, comment=None):
        self.form[f"q{question.pk}"] = choice
        if comment is not None:
            self.form[f"c{question.pk}"] = comment
        return self

    def save(self, nav="next", follow=False):
        data = {k: v.replace("\n", "\r\n") for k, v in self.form.items()} | {"nav": nav}
        return self.client.post(self.url("questionnaire:area", self.number), data, follow=follow)

    def finish(self, follow=False):
        return self.client.post(self.url("questionnaire:finish"), follow=follow)


def saved(respondent) -> dict:
    """question id -> (level, don't know, comment) of everything the respondent has saved."""
    return {
        a.question_id: (a.level, a.dont_know, a.comment)
        for a in Answer.objects.filter(respondent=respondent)
    }
