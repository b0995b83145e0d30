from django.urls import path

from . import questionnaire as views
from .respondent_privacy import my_data

app_name = "questionnaire"
urlpatterns = [
    path("r/<str:token>/", views.welcome, name="welcome"),
    path("r/<str:token>/area/<int:number>/", views.area_page, name="area"),
    path("r/<str:token>/summary/", views.summary, name="summary"),
    path("r/<str:token>/finish/", views.finish, name="finish"),
    path("r/<str:token>/my-data/", my_data, name="my_data"),
]
