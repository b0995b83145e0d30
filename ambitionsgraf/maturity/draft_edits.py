"""Changes to a draft's structure: order, core question, new and retired questions. Each
runs in one transaction; on a published version the models refuse (``PublishedVersionError``).
"""

from django.db import transaction
from django.db.models import Max

from .draft_checks import key_history
from .models import Area, ModelVersion, Question


def _swap(items: list, index: int, direction: str) -> bool:
    """Swap ``items[index]`` with its neighbour up or down and save both positions."""
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return False
    items[index], items[other] = items[other], items[index]
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    return True


def move_area(version: ModelVersion, area_key: str, direction: str) -> bool:
    """Move the area one step; False when it is already first (last) or not in the draft."""
    with transaction.atomic():
        areas = list(version.areas.select_for_update().order_by("position", "pk"))
        keys = [a.key for a in areas]
        if area_key not in keys:
            return False
        return _swap(areas, keys.index(area_key), direction)


def move_question(version: ModelVersion, question_key: str, direction: str) -> bool:
    """Move the question one step within its area."""
    with transaction.atomic():
        question = _question(version, question_key)
        if question is None:
            return False
        questions = list(question.area.questions.select_for_update().order_by("position", "pk"))
        keys = [q.key for q in questions]
        return _swap(questions, keys.index(question_key), direction)


def _question(version: ModelVersion, key: str) -> Question | None:
    return Question.objects.filter(area__model_version=version, key=key).first()


def save_question(question: Question) -> None:
    """Save the question; as the core question it takes the flag from the area's others."""
    with transaction.atomic():
        if question.is_core:
            question.area.questions.exclude(pk=question.pk).filter(is_core=True).update(
                is_core=False
            )
        question.save()


def add_question(area: Area, question: Question) -> Question:
    """Add ``question`` (with its key and texts) as the area's last question."""
    with transaction.atomic():
        last = area.questions.aggregate(n=Max("position"))["n"] or 0
        question.area = area
        question.position = last + 1
        question.comparable = True
        save_question(question)
    return question


def retire_question(question: Question) -> None:
    """Take the question out of the draft; the other questions close up."""
    with transaction.atomic():
        area = question.area
        question.delete()
        for position, other in enumerate(area.questions.order_by("position", "pk"), start=1):
            if other.position != position:
                other.position = position
                other.save(update_fields=["position"])


def taken_keys(version: ModelVersion) -> dict[str, int | None]:
    """Question keys a new question of the draft may not have: those of the model's published
    versions (key -> the newest version using it) and of the draft itself (key -> None)."""
    taken: dict[str, int | None] = dict(key_history(version.key))
    for key in Question.objects.filter(area__model_version=version).values_list("key", flat=True):
        taken[key] = None
    return taken
