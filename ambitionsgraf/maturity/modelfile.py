"""A model version as a model file's content: the dict ``validation.validate`` checks and
``loader.parse`` returns, so a draft is checked exactly like a file and can be written out as
one (``yaml.safe_dump``)."""

from django.db import transaction

from .models import Area, Guidance, ModelVersion, Question


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


def draft_from_data(data: dict, source_sha256: str = "") -> ModelVersion:
    """A new draft holding a (valid) model file's content: the other way from `serialise`.
    The caller checks the content first. The loader publishes it at once; the editor keeps it."""
    with transaction.atomic():
        version = ModelVersion.objects.create(
            key=data["key"],
            version=data["version"],
            status=ModelVersion.Status.DRAFT,
            name_sv=data["name"]["sv"],
            name_en=data["name"]["en"],
            description_sv=data["description"]["sv"],
            description_en=data["description"]["en"],
            levels=data["levels"],
            source_sha256=source_sha256,
        )
        questions, guidance = [], []
        for a_pos, a in enumerate(data["areas"], start=1):
            area = Area.objects.create(
                model_version=version,
                key=a["key"],
                position=a_pos,
                group=a["group"],
                title_sv=a["title"]["sv"],
                title_en=a["title"]["en"],
                description_sv=a["description"]["sv"],
                description_en=a["description"]["en"],
            )
            questions += [
                Question(
                    area=area,
                    key=q["key"],
                    position=q_pos,
                    text_sv=q["text"]["sv"],
                    text_en=q["text"]["en"],
                    perspectives=q["perspectives"],
                    strategy_goal=q.get("strategy_goal"),
                    is_core=q.get("core", False),
                    levels=q["levels"],
                    comparable=q.get("comparable", True),
                )
                for q_pos, q in enumerate(a["questions"], start=1)
            ]
            guidance += [
                Guidance(
                    area=area,
                    level=g["level"],
                    text_sv=g["text"]["sv"],
                    text_en=g["text"]["en"],
                    actions=g["actions"],
                )
                for g in a["guidance"]
            ]
        Question.objects.bulk_create(questions)
        Guidance.objects.bulk_create(guidance)
    return version
