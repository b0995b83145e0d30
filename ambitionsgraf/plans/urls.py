from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("o/<str:code>/plan/", views.plan, name="plan"),
    path("o/<str:code>/plan/proposals/add/", views.add_proposal, name="add_proposal"),
    path("o/<str:code>/plan/actions/new/", views.add_action, name="add"),
    path("o/<str:code>/plan/actions/<str:action_code>/edit/", views.edit_action, name="edit"),
    path("o/<str:code>/plan/actions/<str:action_code>/drop/", views.drop_action, name="drop"),
    path("o/<str:code>/plan/actions/<str:action_code>/status/", views.change_status, name="status"),
    path("o/<str:code>/plan/actions/<str:action_code>/comments/", views.comment, name="comment"),
]
