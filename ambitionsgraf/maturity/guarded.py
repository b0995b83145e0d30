"""What keeps a published model version as it was published: the querysets of the model's
tables refuse bulk writes that would touch one (see ``maturity.models``)."""

from django.db import models
from django.db.models import Q


class PublishedVersionError(Exception):
    """A change to a published model version, which is never changed: make a new version."""

    def __init__(self, what: str = "model version"):
        super().__init__(f"A published model version cannot be changed ({what}).")


PUBLISHED = "published"


class GuardedQuerySet(models.QuerySet):
    """Refuses bulk writes that would touch a published version. ``version_path`` leads from
    a row to its model version ("" for the version itself); ``parent`` names the foreign key
    to the row's parent and ``parent_lookup`` the version's lookup of that parent."""

    version_path = ""
    parent = ""
    parent_lookup = ""

    def _published_filter(self) -> Q:
        prefix = f"{self.version_path}__" if self.version_path else ""
        return Q(**{f"{prefix}status": PUBLISHED})

    def _refuse_published(self) -> None:
        if self.filter(self._published_filter()).exists():
            raise PublishedVersionError(self.model.__name__)

    def _refuse_objects(self, objs) -> None:
        """Neither the rows as stored nor the versions they are written into may be published."""
        stored = [obj.pk for obj in objs if obj.pk is not None]
        if stored:
            self.model.objects.filter(pk__in=stored)._refuse_published()
        if not self.parent:  # model versions: a new one starts as a draft
            if any(obj.pk is None and obj.status == PUBLISHED for obj in objs):
                raise PublishedVersionError("a version must be created as a draft")
            return
        parents = {getattr(obj, self.parent) for obj in objs}
        from .models import ModelVersion  # the models module imports this one

        published = ModelVersion.objects.published()
        if published.filter(**{self.parent_lookup: parents}).exists():
            raise PublishedVersionError(self.model.__name__)

    def update(self, **kwargs):
        self._refuse_published()
        return super().update(**kwargs)

    update.alters_data = True

    def delete(self):
        self._refuse_published()
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        self._refuse_objects(objs)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        self._refuse_objects(objs)
        return super().bulk_update(objs, fields, *args, **kwargs)
