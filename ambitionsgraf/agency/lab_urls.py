from django.urls import path

from . import lab_views

app_name = "lab"
urlpatterns = [
    path("agency/model/", lab_views.index, name="index"),
    path("agency/model/<int:version_id>/lab/", lab_views.version, name="version"),
]
