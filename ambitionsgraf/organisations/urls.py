from django.urls import path

from . import views, views_settings

app_name = "organisations"
urlpatterns = [
    path("o/", views.home, name="home"),
    path("o/<str:code>/", views.overview, name="overview"),
    path("o/<str:code>/admins/invite/", views.invite_admin, name="invite_admin"),
    path("o/<str:code>/settings/", views_settings.settings, name="settings"),
    path("o/<str:code>/settings/export/", views_settings.export_data, name="export_data"),
    path("o/<str:code>/settings/delete/", views_settings.delete, name="delete"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
