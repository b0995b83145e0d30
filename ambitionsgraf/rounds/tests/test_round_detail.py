"""The round page: who is invited and how many have answered, never what anyone answered."""

from django.urls import reverse

from ambitionsgraf.conftest import finished_respondents, make_respondent, page_text


def test_round_page_counts_participation_per_perspective(admin_a_client, org_a, round_a):
    finished_respondents(round_a, "leadership", 3, comment="Hemlig kommentar")
    started, _token = make_respondent(round_a, "procurement", email="paborjad@alvstad.example")
    started.started_at = started.invited_at
    started.save(update_fields=["started_at"])
    make_respondent(round_a, "operations", email="inbjuden@alvstad.example")

    response = admin_a_client.get(reverse("rounds:detail", args=[org_a.code, round_a.code]))

    assert response.status_code == 200
    counts = [
        (r["invited"], r["started"], r["finished"]) for r in response.context["participation"]
    ]
    assert counts == [(3, 3, 3), (1, 1, 0), (1, 0, 0)]  # leadership, procurement, operations
    assert response.context["totals"] == {"invited": 5, "started": 4, "finished": 3}
    text = page_text(response)
    assert "inbjuden@alvstad.example" in text
    assert "Hemlig kommentar" not in text
