"""The maturity model as data: versions, areas, questions, level texts and guidance.

Areas and questions keep stable keys across versions, so rounds on different
versions can be compared area by area. A published version is never changed in place:
saving or deleting a published version, or an area, question or guidance of one, raises
``PublishedVersionError`` whatever the path (``save()``, ``delete()``, and the querysets'
``update()``, ``delete()``, ``bulk_create()`` and ``bulk_update()``). The one change allowed is
the step from draft to published (``ModelVersion.mark_published``). The product has no Django
admin, so these and the model editor (``agency/editor_views.py``) are the only ways in.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.lib.translated import Translated, pick

from .guarded import PUBLISHED, GuardedQuerySet, PublishedVersionError


class Perspective(models.TextChoices):
    LEADERSHIP = "leadership", _("Leadership")
    PROCUREMENT = "procurement", _("Procurement function")
    OPERATIONS = "operations", _("Operations")


class ModelVersionQuerySet(GuardedQuerySet):
    def drafts(self):
        return self.filter(status=ModelVersion.Status.DRAFT)

    def published(self):
        return self.filter(status=ModelVersion.Status.PUBLISHED)

    def current(self):
        """The newest published version, which new rounds use."""
        return self.published().order_by("-published_at", "-version").first()


class ModelVersion(Translated, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    key = models.SlugField(max_length=40)
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    name_sv = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    description_sv = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    levels = models.JSONField(help_text="[{level, name: {sv, en}, description: {sv, en}}] x 5")
    source_sha256 = models.CharField(max_length=64, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ModelVersionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="unique_model_version"),
            # A model has at most one draft at a time (drafts.py says why).
            models.UniqueConstraint(
                fields=["key"], condition=Q(status="draft"), name="one_draft_per_model"
            ),
        ]

    def __str__(self):
        return f"{self.name_sv} {self.version}"

    def save(self, *args, **kwargs):
        self.refuse_if_published()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.refuse_if_published()
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def refuse_if_published(self) -> None:
        """Raise if the stored row is published (a new row may be created as a draft only)."""
        if self.pk is None:
            if self.status == self.Status.PUBLISHED:
                raise PublishedVersionError("a version must be created as a draft")
            return
        if ModelVersion.objects.filter(pk=self.pk, status=PUBLISHED).exists():
            raise PublishedVersionError(str(self))

    def mark_published(self) -> None:
        """The one change a version may have after its draft: becoming published. The caller
        checks the content first (``drafts.publish`` does) and holds the transaction."""
        self.refuse_if_published()
        self.status = self.Status.PUBLISHED
        self.published_at = timezone.now()
        super().save(update_fields=["status", "published_at", "source_sha256"])

    def level_names(self, language=None) -> list[str]:
        return [pick(item["name"]["sv"], item["name"]["en"], language) for item in self.levels]

    def level_descriptions(self, language=None) -> list[str]:
        return [
            pick(item["description"]["sv"], item["description"]["en"], language)
            for item in self.levels
        ]


class PartOfVersion(models.Model):
    """An area, question or guidance: saved and deleted only while its version is a draft."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refuse_if_published()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.refuse_if_published()
        return super().delete(*args, **kwargs)

    def _published_versions(self):
        raise NotImplementedError

    def refuse_if_published(self) -> None:
        if self._published_versions().exists():
            raise PublishedVersionError(type(self).__name__)


class AreaQuerySet(GuardedQuerySet):
    version_path = "model_version"
    parent = "model_version_id"
    parent_lookup = "pk__in"


class PartOfAreaQuerySet(GuardedQuerySet):
    version_path = "area__model_version"
    parent = "area_id"
    parent_lookup = "areas__in"


class Area(Translated, PartOfVersion):
    class Group(models.TextChoices):
        STEERING = "steering", _("Leadership steering")
        ENABLERS = "enablers", _("Enablers")

    model_version = models.ForeignKey(ModelVersion, on_delete=models.CASCADE, related_name="areas")
    key = models.SlugField(max_length=40)
    position = models.PositiveSmallIntegerField()
    group = models.CharField(max_length=10, choices=Group)
    title_sv = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200, blank=True)
    description_sv = models.TextField(blank=True)
    description_en = models.TextField(blank=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["model_version", "key"], name="unique_area_key"),
        ]

    def __str__(self):
        return self.title_sv

    def _published_versions(self):
        """The version the area is saved into, and the one it is stored in."""
        where = Q(pk=self.model_version_id)
        if self.pk is not None:
            where |= Q(areas=self.pk)
        return ModelVersion.objects.published().filter(where)


class Question(Translated, PartOfVersion):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=60)
    position = models.PositiveSmallIntegerField()
    text_sv = models.TextField()
    text_en = models.TextField(blank=True)
    perspectives = models.JSONField(help_text="Perspective values the question is put to")
    strategy_goal = models.PositiveSmallIntegerField(null=True, blank=True)
    is_core = models.BooleanField(default=False)
    levels = models.JSONField(help_text="[{sv, en}] x 5, level 1 first")
    comparable = models.BooleanField(
        default=True,
        help_text="Answers can be compared with the same question (same key) in the previous "
        "published version: its meaning did not change. Not used for a question that is new.",
    )

    objects = PartOfAreaQuerySet.as_manager()

    class Meta:
        ordering = ["area__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="unique_question_key"),
        ]

    def __str__(self):
        return self.key

    def _published_versions(self):
        return _versions_of_part(self, "questions")

    def level_texts(self, language=None) -> list[str]:
        return [pick(item["sv"], item["en"], language) for item in self.levels]

    def is_for(self, perspective: str) -> bool:
        return perspective in self.perspectives


class Guidance(Translated, PartOfVersion):
    """What the next step up from `level` looks like in an area, with suggested actions."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="guidance")
    level = models.PositiveSmallIntegerField()
    text_sv = models.TextField()
    text_en = models.TextField(blank=True)
    actions = models.JSONField(default=list, help_text="[{sv, en}]")

    objects = PartOfAreaQuerySet.as_manager()

    class Meta:
        ordering = ["level"]
        constraints = [
            models.UniqueConstraint(fields=["area", "level"], name="unique_guidance_level"),
        ]

    def action_texts(self, language=None) -> list[str]:
        return [pick(item["sv"], item["en"], language) for item in self.actions]

    def _published_versions(self):
        return _versions_of_part(self, "guidance")


def _versions_of_part(part, related_name: str):
    """The published versions a question or guidance is saved into or stored in."""
    where = Q(areas=part.area_id)
    if part.pk is not None:
        where |= Q(**{f"areas__{related_name}": part.pk})
    return ModelVersion.objects.published().filter(where)
