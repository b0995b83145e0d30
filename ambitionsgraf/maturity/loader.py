"""Load a model file (YAML) into the database: validate everything first, then write it all
in one transaction, so an invalid file leaves nothing half-loaded."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from .modelfile import draft_from_data
from .models import ModelVersion
from .validation import validate

MODEL_DIR = Path(__file__).resolve().parent / "modelfiles"


class ModelFileError(Exception):
    """The file cannot be loaded; `problems` says why, each with its place in the file."""

    def __init__(self, path, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__(self.path + ":\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class LoadResult:
    version: ModelVersion
    created: bool


class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML as a model file needs it (libyaml's parser where installed: it is much faster).

    A key written twice in one mapping is refused (plain YAML keeps the last one and silently
    drops the first), and so are aliases (`*name`): a model file needs none, and a few of them
    can make a small file expand enormously."""

    def construct_document(self, node):
        seen, stack = set(), [node]
        while stack:
            item = stack.pop()
            if id(item) in seen:  # an alias: the same node reached a second time
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    _("anchors and aliases (& and *) are not allowed in a model file"),
                    item.start_mark,
                )
            seen.add(id(item))
            if isinstance(item, yaml.MappingNode):
                stack.extend(n for pair in item.value for n in pair)
            elif isinstance(item, yaml.SequenceNode):
                stack.extend(item.value)
        return super().construct_document(node)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # `<<:` merges a mapping in; the standard constructor does it
            key = self.construct_object(key_node, deep=True)
            try:
                twice = key in seen
                seen.add(key)
            except TypeError:
                continue  # an unhashable key: the standard constructor reports it
            if twice:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    _("the key %s appears twice in the same mapping") % str(key)[:60],
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


def parse(path) -> dict:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ModelFileError(path, [_("the file cannot be read: %s") % error.strerror]) from None
    except UnicodeDecodeError:
        raise ModelFileError(path, [_("the file is not UTF-8 text")]) from None
    try:
        data = yaml.load(text, Loader=StrictLoader)
    except RecursionError:
        raise ModelFileError(path, [_("the file nests too deeply")]) from None
    except (ValueError, TypeError, OverflowError) as error:
        # A value YAML recognises but Python cannot hold, such as the date 2026-02-30.
        raise ModelFileError(path, [_("a value cannot be read: %s") % str(error)[:200]]) from None
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
    # Created as a draft and published at the end: a published version cannot be added to.
    version = draft_from_data(data, source_sha256=digest)
    version.mark_published()
    return version
