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


def send_reminder(respondent, token: str) -> None:
    """The reminder carries a new personal link: the one in earlier e-mails no longer works."""
    mail.send(
        "respondent_reminder",
        to=respondent.email,
        language=respondent.language,
        context={
            "organisation": respondent.round.organisation,
            "round": respondent.round,
            "perspective": respondent.get_perspective_display,
            "started": respondent.started_at is not None,
            "link": respondent_link(token, respondent.language),
        },
    )


def send_new_link(respondent, token: str) -> None:
    """An admin sent the respondent a new personal link: the one in earlier e-mails is dead."""
    mail.send(
        "respondent_new_link",
        to=respondent.email,
        language=respondent.language,
        context={
            "organisation": respondent.round.organisation,
            "round": respondent.round,
            "perspective": respondent.get_perspective_display,
            "finished": respondent.finished_at is not None,
            "link": respondent_link(token, respondent.language),
        },
    )
