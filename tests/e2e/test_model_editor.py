"""The model editor in a real browser: a model owner signs in with a password and a code,
makes a draft of the next model version, changes a question's text, marks it not comparable and
publishes the version, with axe-core's WCAG 2.1 AA checks on every editor page in Swedish and
English."""

import pytest

from ambitionsgraf.accounts.models import User
from ambitionsgraf.accounts.testing import give_totp_device
from ambitionsgraf.conftest import PASSWORD
from ambitionsgraf.maturity.models import ModelVersion, Question

from .browsing import (
    check_both_languages,
    goto,
    no_sideways_scroll,
    shot,
    sign_in_with_code,
    submit,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("maturity_model")]

NEW_TEXT_SV = "Hur väl känner alla medarbetare till målen för inköpen?"
NEW_TEXT_EN = "How well do all staff know the procurement goals?"


def test_the_model_owner_edits_and_publishes_a_new_version(live_server, page, artifacts):
    base = live_server.url
    first = ModelVersion.objects.current()
    owner = User.objects.create_user(
        email="modellagare@myndigheten.example",
        password=PASSWORD,
        name="Maja Modell",
        agency_role="model_owner",
    )
    sign_in_with_code(page, base, owner, give_totp_device(owner))

    # The index: start a draft from the published version.
    goto(page, base + "/agency/model/")
    check_both_languages(page)
    submit(page, f'main form[action$="/agency/model/{first.pk}/new-draft/"] button')
    draft = ModelVersion.objects.drafts().get()
    assert page.url.endswith(f"/agency/model/{draft.pk}/draft/")
    check_both_languages(page)
    shot(page, "model-editor-draft", artifacts)
    no_sideways_scroll(page, "model-editor-draft", artifacts)

    # The pages for texts, guidance, a new question, retiring and deleting: axe only.
    draft_url = f"{base}/agency/model/{draft.pk}/draft/"
    for path in (
        "details/",
        "areas/goals/",
        "areas/goals/guidance/1/",
        "areas/goals/questions/new/",
        "questions/goals_measurable/retire/",
        "delete/",
    ):
        goto(page, draft_url + path)
        check_both_languages(page)
    goto(page, base + "/agency/model/upload/")
    check_both_languages(page)
    # The breadcrumbs end in a question's key: the model's longest still fits a phone.
    keys = Question.objects.filter(area__model_version=draft).values_list("key", flat=True)
    goto(page, draft_url + f"questions/{max(keys, key=len)}/")
    no_sideways_scroll(page, "model-editor-longest-key", artifacts)

    # A question changes meaning: new texts, and no longer comparable with version 1.
    goto(page, draft_url + "questions/goals_known/")
    check_both_languages(page)
    shot(page, "model-editor-question", artifacts)
    no_sideways_scroll(page, "model-editor-question", artifacts)
    page.fill("#id_text_sv", NEW_TEXT_SV)
    page.fill("#id_text_en", NEW_TEXT_EN)
    page.uncheck("#id_comparable")
    submit(page, "main form.editor-form button[type=submit]")
    assert page.url.endswith("#question-goals_known")
    row = page.locator("#question-goals_known")
    assert NEW_TEXT_SV in row.inner_text()
    assert row.locator(".badge-break").count() == 1

    # Publish: the check page, then the version is in use.
    goto(page, draft_url + "publish/")
    check_both_languages(page)
    submit(page, "main form button[type=submit]")
    assert page.url.endswith("/agency/model/")
    check_both_languages(page)

    published = ModelVersion.objects.current()
    assert published.pk == draft.pk and published.version == 2
    changed = Question.objects.get(area__model_version=published, key="goals_known")
    assert (changed.text_en, changed.comparable) == (NEW_TEXT_EN, False)
