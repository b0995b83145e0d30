from django.urls import reverse
from django.utils import translation

from ambitionsgraf.lib import mail


def respondent_link(token: str, language: str) -> str:
    with translation.override(language):
        return reverse("questionnaire:welcome", args=[token])


def send_invitation(respondent, token: str) -> None:
    mail.send(
        "respondent_invitation",
        to=respondent.email,
        language=respondent.language,
        context={
            "organisation": respondent.round.organisation,
            "round": respondent.round,
            "perspective": respondent.get_perspective_display,
            "link": respondent_link(token, respondent.language),
        },
    )
