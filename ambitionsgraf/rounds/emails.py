from django.urls import reverse
from django.utils import translation

from ambitionsgraf.lib import mail


def respondent_link(token: str, language: str) -> str:
    with translation.override(language):
        return reverse("questionnaire:welcome", args=[token])


def _send(template: str, respondent, token: str, **context) -> None:
    """A mail to the respondent in their language, with their round and personal link."""
    mail.send(
        template,
        to=respondent.email,
        language=respondent.language,
        context={
            "organisation": respondent.round.organisation,
            "round": respondent.round,
            "perspective": respondent.get_perspective_display,
            "link": respondent_link(token, respondent.language),
            **context,
        },
    )


def send_invitation(respondent, token: str) -> None:
    _send("respondent_invitation", respondent, token)


def send_reminder(respondent, token: str) -> None:
    """The reminder carries a new personal link: the one in earlier e-mails no longer works."""
    _send("respondent_reminder", respondent, token, started=respondent.started_at is not None)


def send_new_link(respondent, token: str) -> None:
    """An admin sent the respondent a new personal link: the one in earlier e-mails is dead."""
    _send("respondent_new_link", respondent, token, finished=respondent.finished_at is not None)
