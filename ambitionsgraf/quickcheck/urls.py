from django.urls import path

from . import views

app_name = "quickcheck"
urlpatterns = [
    path("quick-check/", views.start, name="start"),
]
