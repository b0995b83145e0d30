"""A model version as a model file's content: the dict ``validation.validate`` checks and
``loader.parse`` returns, so a draft is checked exactly like a file and can be written out as
one (``yaml.safe_dump``)."""

from .models import ModelVersion, Question


def _pair(obj, name: str) -> dict:
    return {"sv": getattr(obj, f"{name}_sv"), "en": getattr(obj, f"{name}_en")}


def serialise(version: ModelVersion) -> dict:
    """The version as a model file's content (the shape ``validation.validate`` checks).
    ``core`` is written on the core question only, ``comparable: false`` only where a question
    changed meaning, ``strategy_goal`` only where there is one."""
    areas = version.areas.prefetch_related("questions", "guidance").order_by("position")
    return {
        "format": 1,
        "key": version.key,
        "version": version.version,
        "name": _pair(version, "name"),
        "description": _pair(version, "description"),
        "levels": version.levels,
        "areas": [
            {
                "key": area.key,
                "group": area.group,
                "title": _pair(area, "title"),
                "description": _pair(area, "description"),
                "questions": [_question(q) for q in area.questions.all()],
                "guidance": [
                    {"level": g.level, "text": _pair(g, "text"), "actions": g.actions}
                    for g in area.guidance.all()
                ],
            }
            for area in areas
        ],
    }


def _question(question: Question) -> dict:
    data = {
        "key": question.key,
        "text": _pair(question, "text"),
        "perspectives": list(question.perspectives),
    }
    if question.strategy_goal is not None:
        data["strategy_goal"] = question.strategy_goal
    if question.is_core:
        data["core"] = True
    if not question.comparable:
        data["comparable"] = False
    data["levels"] = question.levels
    return data
