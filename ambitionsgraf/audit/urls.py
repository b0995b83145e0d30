from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("o/<str:code>/log/", views.organisation_log, name="log"),
]
