from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView

from ambitionsgraf.api.api import api

# The REST API is outside the language prefixes: the same addresses in every language.
urlpatterns = [path("api/v1/", api.urls)] + i18n_patterns(
    path("", TemplateView.as_view(template_name="front.html"), name="front"),
    path("method/", TemplateView.as_view(template_name="method.html"), name="method"),
    path("privacy/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="accessibility.html"),
        name="accessibility",
    ),
    path("accounts/", include("ambitionsgraf.accounts.urls")),
    path("", include("ambitionsgraf.organisations.urls")),
    path("", include("ambitionsgraf.rounds.urls")),
    path("", include("ambitionsgraf.rounds.questionnaire_urls")),
    path("", include("ambitionsgraf.results.urls")),
    path("", include("ambitionsgraf.plans.urls")),
    path("", include("ambitionsgraf.plans.workshop_urls")),
    path("", include("ambitionsgraf.reports.urls")),
    path("", include("ambitionsgraf.audit.urls")),
    path("", include("ambitionsgraf.agency.lab_urls")),
    path("", include("ambitionsgraf.agency.national_urls")),
    path("", include("ambitionsgraf.quickcheck.urls")),
    path("", include("ambitionsgraf.api.urls")),
    prefix_default_language=False,
)
