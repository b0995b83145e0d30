from django.urls import path

from . import editor_flow_views, editor_views, lab_views

app_name = "lab"

DRAFT = "agency/model/<int:version_id>/draft/"

urlpatterns = [
    path("agency/model/", lab_views.index, name="index"),
    path("agency/model/<int:version_id>/lab/", lab_views.version, name="version"),
    # The model editor: drafts only (a published version gives 404).
    path("agency/model/upload/", editor_flow_views.upload, name="upload"),
    path("agency/model/<int:version_id>/new-draft/", editor_flow_views.new_draft, name="new_draft"),
    path("agency/model/<int:version_id>/file/", editor_flow_views.model_file, name="model_file"),
    path(DRAFT, editor_views.draft, name="draft"),
    path(DRAFT + "details/", editor_views.details, name="draft_details"),
    path(DRAFT + "move/", editor_views.move, name="draft_move"),
    path(DRAFT + "publish/", editor_flow_views.publish, name="draft_publish"),
    path(DRAFT + "delete/", editor_flow_views.delete, name="draft_delete"),
    path(DRAFT + "areas/<slug:area_key>/", editor_views.area, name="draft_area"),
    path(
        DRAFT + "areas/<slug:area_key>/questions/new/",
        editor_views.add_question,
        name="draft_question_add",
    ),
    path(
        DRAFT + "areas/<slug:area_key>/guidance/<int:level>/",
        editor_views.guidance,
        name="draft_guidance",
    ),
    path(DRAFT + "questions/<slug:question_key>/", editor_views.question, name="draft_question"),
    path(
        DRAFT + "questions/<slug:question_key>/retire/",
        editor_views.retire_question,
        name="draft_question_retire",
    ),
]
