"""The figures the privacy notice, the accessibility statement and the respondent's data page
quote, read from the settings and the scoring rules so the pages never drift from what the
product does: `{% load privacy_facts %}{% privacy_facts as facts %}`."""

from django import template
from django.conf import settings

from ambitionsgraf.results.peers import MIN_PEERS
from ambitionsgraf.results.scoring import MIN_GROUP
from ambitionsgraf.rounds.respondent_privacy import retention_days

register = template.Library()

DEFAULT_CONTACT_EMAIL = "kontakt@ambitionsgraf.se"


def contact_email() -> str:
    """Where people write about privacy and accessibility (setting CONTACT_EMAIL)."""
    return getattr(settings, "CONTACT_EMAIL", "") or DEFAULT_CONTACT_EMAIL


def operator() -> str:
    """Who runs the service, named in the accessibility statement (setting SERVICE_OPERATOR)."""
    return getattr(settings, "SERVICE_OPERATOR", "")


@register.simple_tag
def privacy_facts() -> dict:
    return {
        "retention_days": retention_days(),
        "sign_in_address_days": settings.SIGN_IN_ADDRESS_RETENTION_DAYS,
        "min_group": MIN_GROUP,
        "min_peers": MIN_PEERS,
        "contact_email": contact_email(),
        "operator": operator(),
    }
