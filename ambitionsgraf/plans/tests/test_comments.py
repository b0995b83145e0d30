"""Admins and coaches comment on actions; comments show who wrote them and when."""

from django.utils import timezone

from ambitionsgraf.conftest import in_language, page_text
from ambitionsgraf.plans.models import ActionComment

from .conftest import make_action, plan_path


def test_a_coach_comments_on_an_action(coach_client, coach_a, org_a, closed_round):
    action = make_action(org_a, "goals", "Ta fram mål")

    response = coach_client.post(
        plan_path(org_a, "plans:comment", action.code), {"text": "  Glöm inte ledningen.  "}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{plan_path(org_a)}#action-{action.code}"
    comment = action.comments.get()
    assert comment.text == "Glöm inte ledningen."
    assert comment.author == coach_a


def test_an_admin_comments_too(admin_a_client, admin_a, org_a, closed_round):
    action = make_action(org_a, "goals", "Ta fram mål")

    admin_a_client.post(plan_path(org_a, "plans:comment", action.code), {"text": "Klart i maj."})

    assert action.comments.get().author == admin_a


def test_comments_show_author_and_date_on_the_plan(
    admin_a_client, coach_a, admin_a, org_a, closed_round
):
    action = make_action(org_a, "goals", "Ta fram mål")
    ActionComment.objects.create(action=action, author=coach_a, text="Första kommentaren")
    ActionComment.objects.create(action=action, author=admin_a, text="Andra kommentaren")
    ActionComment.objects.create(action=action, author=None, text="Från någon som slutat")

    text = page_text(admin_a_client.get(plan_path(org_a)))

    today = timezone.localdate().isoformat()
    assert text.index("Första kommentaren") < text.index("Andra kommentaren")
    assert "— Cecilia Coach, <time datetime=" in text
    assert "— Karin Holm," in text
    assert in_language("sv", "a former user") in text
    assert f">{today}</time>" in text


def test_an_empty_comment_is_refused_with_a_message(coach_client, org_a, closed_round):
    action = make_action(org_a, "goals", "Ta fram mål")

    for text in ["", "   "]:
        response = coach_client.post(plan_path(org_a, "plans:comment", action.code), {"text": text})
        assert response.status_code == 400
        assert in_language("sv", "Write a comment before you post it.") in page_text(response)
    response = coach_client.post(
        plan_path(org_a, "plans:comment", action.code), {"text": "x" * 2001}
    )
    assert response.status_code == 400
    assert ActionComment.objects.count() == 0


def test_the_comment_page_shows_the_action_and_its_comments(
    coach_client, coach_a, org_a, closed_round
):
    action = make_action(org_a, "goals", "Ta fram mål")
    ActionComment.objects.create(action=action, author=coach_a, text="Tidigare kommentar")

    response = coach_client.get(plan_path(org_a, "plans:comment", action.code))

    assert response.status_code == 200
    assert "Ta fram mål" in page_text(response) and "Tidigare kommentar" in page_text(response)
