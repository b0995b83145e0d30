"""Published model versions: public, no token needed. Drafts do not exist here (404)."""

from django.shortcuts import get_object_or_404
from ninja import Path, Router
from ninja.pagination import paginate

from ambitionsgraf.maturity.models import ModelVersion

from ..pagination import PageNumberPagination
from ..schemas import ModelVersionDetailOut, ModelVersionOut
from .responses import CODE_PATTERN, MAX_VERSION, responses

router = Router(tags=["Model"])


def _texts(obj, name: str) -> dict:
    return {"sv": getattr(obj, f"{name}_sv"), "en": getattr(obj, f"{name}_en")}


def _version(version: ModelVersion) -> dict:
    return {
        "key": version.key,
        "version": version.version,
        "name": _texts(version, "name"),
        "description": _texts(version, "description"),
        "published_at": version.published_at,
    }


def _question(question) -> dict:
    return {
        "key": question.key,
        "position": question.position,
        "text": _texts(question, "text"),
        "perspectives": question.perspectives,
        "strategy_goal": question.strategy_goal,
        "is_core": question.is_core,
        "levels": [{"sv": item["sv"], "en": item.get("en", "")} for item in question.levels],
    }


def _level(item: dict) -> dict:
    return {
        "level": item["level"],
        "name": {"sv": item["name"]["sv"], "en": item["name"].get("en", "")},
        "description": {
            "sv": item["description"]["sv"],
            "en": item["description"].get("en", ""),
        },
    }


@router.get(
    "/model-versions",
    response=responses({200: list[ModelVersionOut]}),
    auth=None,
    summary="Published model versions",
)
@paginate(PageNumberPagination)
def list_model_versions(request):
    """Every published version of the model, newest first."""
    versions = ModelVersion.objects.published().order_by("-published_at", "-version", "-pk")
    return [_version(v) for v in versions]


@router.get(
    "/model-versions/{key}/{version}",
    response=responses({200: ModelVersionDetailOut}, (404, 422, 429)),
    auth=None,
    summary="One published model version with its areas and questions",
)
def get_model_version(
    request,
    key: str = Path(..., pattern=CODE_PATTERN),
    version: int = Path(..., ge=1, le=MAX_VERSION),
):
    """The version's levels, areas and questions, each text in Swedish and English."""
    found = get_object_or_404(ModelVersion.objects.published(), key=key, version=version)
    areas = found.areas.prefetch_related("questions")
    return {
        **_version(found),
        "levels": [_level(item) for item in found.levels],
        "areas": [
            {
                "key": area.key,
                "position": area.position,
                "group": area.group,
                "title": _texts(area, "title"),
                "description": _texts(area, "description"),
                "questions": [_question(q) for q in area.questions.all()],
            }
            for area in areas
        ],
    }
