"""The pages for an organisation's API tokens (inside the language prefixes, like every page).
The API itself is in api.py, included outside them."""

from django.urls import path

from . import views

app_name = "api_tokens"
urlpatterns = [
    path("o/<str:code>/settings/api-tokens/", views.tokens, name="list"),
    path("o/<str:code>/settings/api-tokens/revoke/", views.revoke, name="revoke"),
]
