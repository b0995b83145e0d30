import pytest

from ambitionsgraf.maturity.models import Question


@pytest.fixture
def core_questions(model_version) -> list[Question]:
    return list(
        Question.objects.filter(area__model_version=model_version, is_core=True)
        .select_related("area")
        .order_by("area__position")
    )


def filled(questions, level="3", ambition="4.0", **extra) -> dict:
    """The form data answering every core question with `level` and the same `ambition`."""
    data = {}
    for q in questions:
        data[f"level_{q.area.key}"] = level
        data[f"ambition_{q.area.key}"] = ambition
    data.update(extra)
    return data
