from django.urls import path

from . import ambition_views, views, views_respondents

app_name = "rounds"
urlpatterns = [
    path("o/<str:code>/rounds/new/", views.new_round, name="new"),
    path("o/<str:code>/rounds/new/from-last/", views.new_round_from_last, name="new_from_last"),
    path("o/<str:code>/rounds/<str:round_code>/", views.detail, name="detail"),
    path("o/<str:code>/rounds/<str:round_code>/invite/", views.invite, name="invite"),
    path("o/<str:code>/rounds/<str:round_code>/remind/", views.remind, name="remind"),
    path(
        "o/<str:code>/rounds/<str:round_code>/ambition/", ambition_views.ambition, name="ambition"
    ),
    path("o/<str:code>/rounds/<str:round_code>/close/", views.close, name="close"),
    path(
        "o/<str:code>/rounds/<str:round_code>/respondents/<int:respondent_id>/revoke/",
        views_respondents.revoke_link,
        name="revoke_link",
    ),
    path(
        "o/<str:code>/rounds/<str:round_code>/respondents/<int:respondent_id>/resend/",
        views_respondents.resend_link,
        name="resend_link",
    ),
]
