from django.urls import path

from . import views, views_people, views_settings

app_name = "organisations"
urlpatterns = [
    path("o/", views.home, name="home"),
    path("o/<str:code>/", views.overview, name="overview"),
    path("o/<str:code>/admins/invite/", views.invite_admin, name="invite_admin"),
    path(
        "o/<str:code>/people/<int:member_id>/remove/",
        views_people.remove_member,
        name="remove_member",
    ),
    path("o/<str:code>/people/<int:member_id>/role/", views_people.switch_role, name="switch_role"),
    path("o/<str:code>/leave/", views_people.leave, name="leave"),
    path(
        "o/<str:code>/invitations/<int:invitation_id>/send-again/",
        views_people.resend_invitation,
        name="resend_invitation",
    ),
    path(
        "o/<str:code>/invitations/<int:invitation_id>/withdraw/",
        views_people.withdraw_invitation,
        name="withdraw_invitation",
    ),
    path("o/<str:code>/settings/", views_settings.settings, name="settings"),
    path("o/<str:code>/settings/export/", views_settings.export_data, name="export_data"),
    path("o/<str:code>/settings/delete/", views_settings.delete, name="delete"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
