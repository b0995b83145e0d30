"""The maturity model as data: versions, areas, questions, level texts and guidance.

Areas and questions keep stable keys across versions, so rounds on different
versions can be compared area by area. A published version is never changed in place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.lib.translated import Translated, pick


class Perspective(models.TextChoices):
    LEADERSHIP = "leadership", _("Leadership")
    PROCUREMENT = "procurement", _("Procurement function")
    OPERATIONS = "operations", _("Operations")


class ModelVersionQuerySet(models.QuerySet):
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
            models.UniqueConstraint(fields=["key", "version"], name="unique_model_version")
        ]

    def __str__(self):
        return f"{self.name_sv} {self.version}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def level_names(self, language=None) -> list[str]:
        return [pick(item["name"]["sv"], item["name"]["en"], language) for item in self.levels]

    def level_descriptions(self, language=None) -> list[str]:
        return [
            pick(item["description"]["sv"], item["description"]["en"], language)
            for item in self.levels
        ]


class Area(Translated, models.Model):
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

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["model_version", "key"], name="unique_area_key"),
        ]

    def __str__(self):
        return self.title_sv


class Question(Translated, models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=60)
    position = models.PositiveSmallIntegerField()
    text_sv = models.TextField()
    text_en = models.TextField(blank=True)
    perspectives = models.JSONField(help_text="Perspective values the question is put to")
    strategy_goal = models.PositiveSmallIntegerField(null=True, blank=True)
    is_core = models.BooleanField(default=False)
    levels = models.JSONField(help_text="[{sv, en}] x 5, level 1 first")

    class Meta:
        ordering = ["area__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="unique_question_key"),
        ]

    def __str__(self):
        return self.key

    def level_texts(self, language=None) -> list[str]:
        return [pick(item["sv"], item["en"], language) for item in self.levels]

    def is_for(self, perspective: str) -> bool:
        return perspective in self.perspectives


class Guidance(Translated, models.Model):
    """What the next step up from `level` looks like in an area, with suggested actions."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="guidance")
    level = models.PositiveSmallIntegerField()
    text_sv = models.TextField()
    text_en = models.TextField(blank=True)
    actions = models.JSONField(default=list, help_text="[{sv, en}]")

    class Meta:
        ordering = ["level"]
        constraints = [
            models.UniqueConstraint(fields=["area", "level"], name="unique_guidance_level"),
        ]

    def action_texts(self, language=None) -> list[str]:
        return [pick(item["sv"], item["en"], language) for item in self.actions]
