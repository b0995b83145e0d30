"""Load a model file (YAML) into the database: validate everything first, then write it all
in one transaction, so an invalid file leaves nothing half-loaded."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Area, Guidance, ModelVersion, Question
from .validation import validate

MODEL_DIR = Path(__file__).resolve().parent / "modelfiles"


class ModelFileError(Exception):
    def __init__(self, path, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__(self.path + ":\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class LoadResult:
    version: ModelVersion
    created: bool


def parse(path) -> dict:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ModelFileError(path, [_("the file cannot be read: %s") % error.strerror]) from None
    except UnicodeDecodeError:
        raise ModelFileError(path, [_("the file is not UTF-8 text")]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = (
            _("line %(line)d, column %(column)d")
            % {
                "line": mark.line + 1,
                "column": mark.column + 1,
            }
            if mark
            else ""
        )
        problem = getattr(error, "problem", None) or str(error)
        raise ModelFileError(path, [f"{where}: {problem}" if where else problem]) from None
    problems = validate(data)
    if problems:
        raise ModelFileError(path, problems)
    return data


def fingerprint(data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def load_file(path) -> LoadResult:
    """Load and publish the model version in `path`. Loading the same content again changes
    nothing; a different content under a version number already loaded is refused."""
    data = parse(path)
    digest = fingerprint(data)
    existing = ModelVersion.objects.filter(key=data["key"], version=data["version"]).first()
    if existing:
        if existing.source_sha256 == digest:
            return LoadResult(existing, created=False)
        raise ModelFileError(
            path,
            [
                _(
                    "version %(version)s of %(key)s is already loaded with other content; "
                    "a published version is never changed, so give the file a new version number"
                )
                % {"version": data["version"], "key": data["key"]}
            ],
        )
    with transaction.atomic():
        version = _create(data, digest)
    return LoadResult(version, created=True)


def load_directory(directory=MODEL_DIR) -> list[LoadResult]:
    return [load_file(path) for path in sorted(Path(directory).glob("*.yaml"))]


def _create(data: dict, digest: str) -> ModelVersion:
    version = ModelVersion.objects.create(
        key=data["key"],
        version=data["version"],
        status=ModelVersion.Status.PUBLISHED,
        name_sv=data["name"]["sv"],
        name_en=data["name"]["en"],
        description_sv=data["description"]["sv"],
        description_en=data["description"]["en"],
        levels=data["levels"],
        source_sha256=digest,
        published_at=timezone.now(),
    )
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
        Question.objects.bulk_create(
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
            )
            for q_pos, q in enumerate(a["questions"], start=1)
        )
        Guidance.objects.bulk_create(
            Guidance(
                area=area,
                level=g["level"],
                text_sv=g["text"]["sv"],
                text_en=g["text"]["en"],
                actions=g["actions"],
            )
            for g in a["guidance"]
        )
    return version
