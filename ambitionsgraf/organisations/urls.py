from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("o/", views.home, name="home"),
    path("o/<str:code>/", views.overview, name="overview"),
    path("o/<str:code>/admins/invite/", views.invite_admin, name="invite_admin"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
