from django.urls import path

from . import views, views_trend

app_name = "results"
urlpatterns = [
    path("o/<str:code>/rounds/<str:round_code>/results/", views.round_results, name="round"),
    path("o/<str:code>/trend/", views_trend.trend_page, name="trend"),
]
