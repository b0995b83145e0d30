"""A published version's questions are read once per process; drafts every time."""

from ambitionsgraf.maturity import catalogue, drafts
from ambitionsgraf.maturity.models import ModelVersion


def test_a_published_version_is_read_from_the_database_once(
    model_version, django_assert_num_queries
):
    with django_assert_num_queries(1):
        first = catalogue.questions(model_version)
    same = ModelVersion.objects.get(pk=model_version.pk)
    with django_assert_num_queries(0):
        again = catalogue.questions(same)

    assert again is first
    assert len(first) == 40
    assert [q.area.position for q in first] == sorted(q.area.position for q in first)


def test_a_draft_is_read_afresh_so_an_edit_shows_at_once(model_version, django_assert_num_queries):
    draft = drafts.new_draft(model_version)
    question = catalogue.questions(draft)[0]
    question.text_sv = "En ändrad fråga"
    question.save()

    with django_assert_num_queries(1):
        assert catalogue.questions(draft)[0].text_sv == "En ändrad fråga"
    assert catalogue.stamp(draft) is None


def test_a_version_made_again_under_the_same_id_is_not_taken_for_the_old_one(model_version):
    kept = catalogue.questions(model_version)
    remade = ModelVersion.objects.get(pk=model_version.pk)
    remade.published_at = remade.published_at.replace(
        microsecond=remade.published_at.microsecond ^ 1
    )

    assert catalogue.stamp(remade) != catalogue.stamp(model_version)
    assert catalogue.questions(remade) is not kept
