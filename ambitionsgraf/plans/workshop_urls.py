from django.urls import path

from . import workshop

app_name = "workshop"
urlpatterns = [
    path("o/<str:code>/rounds/<str:round_code>/workshop/", workshop.start, name="start"),
    path(
        "o/<str:code>/rounds/<str:round_code>/workshop/<int:number>/",
        workshop.area,
        name="area",
    ),
    path(
        "o/<str:code>/rounds/<str:round_code>/workshop/summary/",
        workshop.summary,
        name="summary",
    ),
]
