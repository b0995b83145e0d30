"""The respondent's side: a personal link, one area per page, a summary, then finished.

No account: the link's token is the key, stored only as a hash. Every page is saved when
submitted, so the same link resumes where the respondent left off. Saving is in
`answering`: each page says what it showed, so two tabs on one link lose nothing.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.lib.tokens import token_hash

from . import answering, link_reads, question_block
from .forms import MultilineField
from .models import Answer, Respondent

# The page draws its own options (question_block), so the choices need no labels.
CHOICES = [(value, value) for value in question_block.CHOICES]


def get_respondent(token: str, *, whole: bool = True) -> Respondent:
    """The respondent of a personal link, with the round, its model version and, unless
    ``whole`` is False (the area page, which shows neither), the organisation and the level
    texts; 404 for an unknown link."""
    respondent = link_reads.respondent(token_hash(token), whole=whole)
    if respondent is None:
        raise Http404
    respondent.round.close_if_due()
    return respondent


def areas_for(respondent) -> list[tuple]:
    """[(area, [questions])] put to the respondent's perspective, in model order."""
    grouped: dict = {}
    for question in respondent.questions():
        grouped.setdefault(question.area, []).append(question)
    return list(grouped.items())


def _lines(text: str) -> str:
    """Line breaks as the page holds them: browsers send each as CR LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class AreaForm(forms.Form):
    """The questions of one area page. Beside each question the page carries, in hidden
    fields `shown_q<id>` and `shown_c<id>`, the choice and the comment it showed when it was
    opened, so that only what the respondent changed on this copy of the page is saved."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            self.fields[f"q{q.pk}"] = forms.ChoiceField(choices=CHOICES, required=False)
            self.fields[f"c{q.pk}"] = MultilineField(
                required=False,
                max_length=2000,
                error_messages={
                    "max_length": _("A comment can be at most %(limit_value)d characters.")
                },
            )

    def error_links(self):
        """(anchor, where, message) for the error summary: the page draws the questions itself
        (question_block), so it says where each one is."""
        links = []
        for number, q in enumerate(self.questions, start=1):
            for anchor, name in ((f"question-{q.key}", f"q{q.pk}"), (f"c{q.pk}", f"c{q.pk}")):
                for message in self.errors.get(name, ()):
                    links.append((anchor, _("Question %(number)d") % {"number": number}, message))
        return links

    def shown(self, name: str) -> str | None:
        """What the page showed in field `name` when it was opened; None if the post does not
        say (a page from before this was added, or a client that leaves it out)."""
        if not self.is_bound:
            return None
        value = self.data.get(f"shown_{name}")
        return None if value is None else _lines(str(value)).strip()

    def posted(self) -> dict:
        """Question -> answering.Posted, from the cleaned data."""
        posted = {}
        for q in self.questions:
            choice, comment = self.cleaned_data[f"q{q.pk}"], self.cleaned_data[f"c{q.pk}"]
            shown_choice, shown_comment = self.shown(f"q{q.pk}"), self.shown(f"c{q.pk}")
            posted[q] = answering.Posted(
                choice=choice,
                comment=comment,
                choice_changed=shown_choice is None or shown_choice != choice,
                comment_changed=shown_comment is None or shown_comment != comment,
            )
        return posted

    def shown_value(self, name: str) -> str:
        """The hidden `shown_` value to render: kept from the post when the page comes back
        with an error, otherwise what is saved now."""
        shown = self.shown(name)
        return shown if shown is not None else str(self.initial.get(name) or "")


def welcome(request, token):
    respondent = get_respondent(token)
    areas = areas_for(respondent)
    return render(
        request,
        "questionnaire/welcome.html",
        {
            "respondent": respondent,
            "round": respondent.round,
            "token": token,
            "area_count": len(areas),
            "question_count": sum(len(qs) for _area, qs in areas),
            "resume_at": min(respondent.last_area + 1, len(areas)),
        },
    )


@require_http_methods(["GET", "POST"])
def area_page(request, token, number):
    respondent = get_respondent(token, whole=False)  # the most visited page
    areas = areas_for(respondent)
    if not 1 <= number <= len(areas):
        raise Http404
    area, questions = areas[number - 1]
    round_ = respondent.round
    if not round_.is_open:
        if request.method == "POST":
            return _closed(request, respondent, status=409, refused="save")
        return _closed(request, respondent)
    if request.method == "POST":
        form = AreaForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                changed = answering.save_area(
                    respondent=respondent, position=number, posted=form.posted()
                )
            except answering.RoundClosed:
                respondent.round.refresh_from_db(fields=["status", "closed_at"])
                return _closed(request, respondent, status=409, refused="save")
            if not changed and request.POST.get("nav") != "prev":
                messages.info(request, _("Your answers on this page were already saved."))
            elif changed and respondent.finished_at:
                # Finished in another tab, or earlier: the change counts all the same.
                messages.success(
                    request, _("Your changes are saved. You are still marked as finished.")
                )
            return _next(token, number, len(areas), request.POST.get("nav"))
        form.initial = _saved(respondent, questions)  # what the page shows beside the errors
    else:
        form = AreaForm(questions=questions, initial=_saved(respondent, questions))
    return render(
        request,
        "questionnaire/area.html",
        {
            "respondent": respondent,
            "round": round_,
            "token": token,
            "area": area,
            "number": number,
            "area_count": len(areas),
            "form": form,
            "questions": question_block.html(form, round_.model_version),
        },
        status=status_for(form),
    )


def _saved(respondent, questions) -> dict:
    """The form's initial data: the respondent's saved choice and comment per question."""
    initial = {}
    saved = answering.saved_answers(respondent, [q.pk for q in questions])
    for question, (level, dont_know, comment) in saved.items():
        initial[f"q{question}"] = Answer.choice_of(level, dont_know)
        initial[f"c{question}"] = comment
    return initial


def _next(token, number, count, nav):
    if nav == "prev" and number > 1:
        return redirect("questionnaire:area", token, number - 1)
    if nav == "prev":
        return redirect("questionnaire:welcome", token)
    if nav == "summary" or number >= count:
        return redirect("questionnaire:summary", token)
    return redirect("questionnaire:area", token, number + 1)


def _closed(request, respondent, status=200, refused=""):
    """The closed-round page; `refused` ("save" or "finish") says what a POST tried to do."""
    return render(
        request,
        "questionnaire/closed.html",
        {"respondent": respondent, "round": respondent.round, "refused": refused},
        status=status,
    )


def summary(request, token):
    respondent = get_respondent(token)
    areas = areas_for(respondent)
    saved = {a.question_id: a for a in respondent.answers.all()}
    rows = []
    for number, (area, questions) in enumerate(areas, start=1):
        answers = []
        for q in questions:
            answer = saved.get(q.pk)
            answers.append({"question": q, "answer": answer})
        unanswered = sum(1 for a in answers if a["answer"] is None or not a["answer"].choice)
        rows.append({"number": number, "area": area, "answers": answers, "unanswered": unanswered})
    return render(
        request,
        "questionnaire/summary.html",
        {
            "respondent": respondent,
            "round": respondent.round,
            "token": token,
            "rows": rows,
            "unanswered": sum(r["unanswered"] for r in rows),
            "level_names": respondent.round.model_version.level_names(),
        },
    )


@require_POST
def finish(request, token):
    """Mark the respondent finished. A second click, or a second tab, changes nothing and
    lands on the same summary."""
    respondent = get_respondent(token)
    try:
        newly = answering.finish(respondent=respondent)
    except answering.RoundClosed:
        respondent.round.refresh_from_db(fields=["status", "closed_at"])
        return _closed(request, respondent, status=409, refused="finish")
    if newly:
        messages.success(
            request, _("Thank you! Your answers are saved and you are marked as finished.")
        )
    else:
        messages.info(request, _("You were already marked as finished. Your answers are saved."))
    return redirect("questionnaire:summary", token)
