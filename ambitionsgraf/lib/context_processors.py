from django.urls import translate_url
from django.utils.translation import get_language


def language_switch(request):
    """The link to the same page in the other language, for the header switch."""
    current = (get_language() or "sv")[:2]
    other = "en" if current == "sv" else "sv"
    return {
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
        "current_language": current,
    }
