"""The public quick check: one page of questions, the result rendered straight from the POST.

Nothing is written to the database or the session unless the visitor ticks the box to save
their answers anonymously, and then at most SAVED_PER_CLIENT an hour from one client address.
"""

from django.db import transaction
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from ambitionsgraf.lib.form_status import status_for
from ambitionsgraf.lib.limits import per_client
from ambitionsgraf.maturity.models import ModelVersion, Question

from .forms import QuickCheckForm
from .models import QuickCheck
from .result import radar, read

SAVED_PER_CLIENT = "20/hour"


def core_questions(version) -> list:
    if version is None:
        return []
    return list(
        Question.objects.filter(area__model_version=version, is_core=True)
        .select_related("area")
        .order_by("area__position", "position")
    )


@require_http_methods(["GET", "POST"])
def start(request):
    version = ModelVersion.objects.current()
    questions = core_questions(version)
    level_names = version.level_names() if version else []
    form = QuickCheckForm(
        request.POST if request.method == "POST" else None,
        questions=questions,
        level_names=level_names,
    )
    if questions and request.method == "POST" and form.is_valid():
        rows = form.rows()
        asked = form.cleaned_data["save"]
        # Kept statistics are counted per client address: a script must not skew them.
        limit = per_client(request, "quick_check", SAVED_PER_CLIENT)
        saved = asked and limit.allow_request(request)
        if saved:
            with transaction.atomic():
                QuickCheck.record(
                    model_version=version,
                    rows=rows,
                    organisation_type=form.cleaned_data["organisation_type"],
                )
        return render(
            request,
            "quickcheck/result.html",
            {
                "rows": rows,
                "reading": read(rows),
                "chart": mark_safe(radar(rows)),  # escaped by radar_svg
                "saved": saved,
                "not_saved_over_limit": asked and not saved,
                "level_names": level_names,
            },
        )
    return render(
        request,
        "quickcheck/start.html",
        {"form": form, "version": version, "available": bool(questions)},
        status=status_for(form),
    )
