"""Downloads: the board report (PDF) and the exports (CSV, XLSX) of a round and of the plan.

Admins and the organisation's coach may download them (the figures are the results page's, with
no respondent-level data); anyone else gets 404, whatever the method: access is checked before
the method, so an outsider learns nothing from a 405.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, pgettext

from ambitionsgraf.audit.log import Action, record
from ambitionsgraf.organisations.access import get_organisation, get_round
from ambitionsgraf.results.service import load_round

from .exports import PlanExport, QuestionsExport, ResultsExport, file_name
from .pdf import render_pdf
from .writers import download

READ = ("GET", "HEAD")


def _downloaded(request, organisation, round_, file: str, extension: str) -> None:
    """Log which file went out, in which format and language."""
    record(
        Action.EXPORT_DOWNLOADED,
        request=request,
        organisation=organisation,
        subject=round_.name if round_ else "",
        file=file,
        format=extension,
        language=get_language()[:2],
    )


@login_required
def results_export(request, code, round_code, extension):
    organisation, round_ = get_round(request, code, round_code)
    if request.method not in READ:
        return HttpResponseNotAllowed(READ)
    response = download(ResultsExport(organisation, round_, load_round(round_)), extension)
    _downloaded(request, organisation, round_, "results", extension)
    return response


@login_required
def questions_export(request, code, round_code, extension):
    organisation, round_ = get_round(request, code, round_code)
    if request.method not in READ:
        return HttpResponseNotAllowed(READ)
    response = download(QuestionsExport(organisation, round_, load_round(round_)), extension)
    _downloaded(request, organisation, round_, "questions", extension)
    return response


@login_required
def plan_export(request, code, extension):
    organisation = get_organisation(request, code)
    if request.method not in READ:
        return HttpResponseNotAllowed(READ)
    response = download(PlanExport(organisation), extension)
    _downloaded(request, organisation, None, "plan", extension)
    return response


@login_required
def board_report(request, code, round_code):
    """The report in the active language: /o/... in Swedish, /en/o/... in English."""
    organisation, round_ = get_round(request, code, round_code)
    if request.method not in READ:
        return HttpResponseNotAllowed(READ)
    content = render_pdf(organisation, round_)
    name = file_name(organisation, round_, pgettext("file name", "basis-for-decision"), "pdf")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, name)
    _downloaded(request, organisation, round_, "board_report", "pdf")
    return response
