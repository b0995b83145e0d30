from django.urls import path

from . import views

app_name = "results"
urlpatterns = [
    path("o/<str:code>/rounds/<str:round_code>/results/", views.round_results, name="round"),
]
