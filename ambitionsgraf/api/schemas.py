"""The API's response and request bodies. Keys never change with the language; texts of the
model come in both languages ({"sv": ..., "en": ...}, "en" empty where none is written)."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from ambitionsgraf.rounds.forms import MAX_ADDRESSES

PerspectiveKey = Literal["leadership", "procurement", "operations"]
LanguageKey = Literal["sv", "en"]


class Texts(Schema):
    sv: str
    en: str


class LevelOut(Schema):
    level: int
    name: Texts
    description: Texts


class QuestionOut(Schema):
    key: str
    position: int
    text: Texts
    perspectives: list[PerspectiveKey]
    strategy_goal: int | None
    is_core: bool
    levels: list[Texts] = Field(description="What each level 1-5 means, level 1 first.")


class AreaOut(Schema):
    key: str
    position: int
    group: Literal["steering", "enablers"]
    title: Texts
    description: Texts
    questions: list[QuestionOut]


class ModelVersionOut(Schema):
    key: str
    version: int
    name: Texts
    description: Texts
    published_at: dt.datetime | None


class ModelVersionDetailOut(ModelVersionOut):
    levels: list[LevelOut]
    areas: list[AreaOut]


class OrganisationOut(Schema):
    code: str
    name: str
    org_number: str
    type: str
    county: str
    employees_band: str
    volume_band: str
    procurement_setup: str
    national_statistics: bool


class VersionRef(Schema):
    key: str
    version: int


class RoundOut(Schema):
    code: str
    name: str
    status: Literal["open", "closed"]
    model_version: VersionRef
    created_at: dt.datetime
    closes_on: dt.date | None
    closed_at: dt.datetime | None
    previous_round: str | None = Field(description="The code of the round it was started from.")

    @staticmethod
    def resolve_previous_round(obj) -> str | None:
        return obj.previous.code if obj.previous_id else None


class Participation(Schema):
    perspective: PerspectiveKey
    invited: int
    started: int
    finished: int


class Counts(Schema):
    invited: int
    started: int
    finished: int


class RoundDetailOut(RoundOut):
    participation: list[Participation]
    totals: Counts


class AreaResultOut(Schema):
    area_key: str
    organisation_level: float | None
    agreed_level: float | None = Field(description="The level a dialogue workshop agreed on.")
    ambition: float | None
    gap: float | None = Field(description="Ambition minus the organisation's level.")
    gap_from_agreed_level: float | None = Field(
        description=(
            "Ambition minus the agreed level, where a dialogue workshop agreed on one. The "
            "results page, the action plan and the board report rank the areas by this gap "
            "where it exists, else by `gap`."
        )
    )
    perspective_levels: dict[str, float | None] = Field(
        description="Only perspectives with at least three finished respondents."
    )
    pooled_level: float | None = Field(
        description="Smaller perspectives combined, when together they are three or more."
    )
    spread: float | None
    disagreement: bool


class DisagreementOut(Schema):
    area_key: str
    spread: float
    perspective_levels: dict[str, float | None]


class ResultsOut(Schema):
    round_code: str
    provisional: bool = Field(description="True while the round is open.")
    has_results: bool
    shown_perspectives: list[PerspectiveKey]
    pooled_respondents: int
    excluded_respondents: int
    participation: list[Participation]
    areas: list[AreaResultOut]
    disagreements: list[DisagreementOut]


class AmbitionAreaOut(Schema):
    area_key: str
    target: float | None
    reason: str


class AmbitionOut(Schema):
    round_code: str
    areas: list[AmbitionAreaOut]


class ActionOut(Schema):
    code: str
    area_key: str
    description: str
    owner: str
    due_on: dt.date | None
    status: Literal["planned", "in_progress", "done"]
    source: Literal["proposed", "custom"]
    overdue: bool
    round_code: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class InviteeIn(Schema):
    email: str = Field(
        max_length=254, description="One e-mail address.", json_schema_extra={"format": "email"}
    )
    perspective: PerspectiveKey
    language: LanguageKey = Field(description="Language of the e-mail and the questionnaire.")


class InviteIn(Schema):
    respondents: list[InviteeIn] = Field(min_length=1, max_length=MAX_ADDRESSES)


class InviteeOut(Schema):
    email: str
    perspective: PerspectiveKey
    language: LanguageKey


class InviteOut(Schema):
    round_code: str
    count: int
    invited: list[InviteeOut]


class NationalField(Schema):
    key: str
    type: str
    description: str


class Licence(Schema):
    name: str
    url: str


class NationalRowOut(Schema):
    year: int
    area_key: str
    area: str
    organisation_type: str
    organisation_type_label: str
    organisations: int | None
    mean_level: float | None
    level_1: int | None
    level_2: int | None
    level_3: int | None
    level_4: int | None
    level_5: int | None
    organisations_with_ambition: int | None
    mean_ambition: float | None
    hidden: list[str]


class NationalOut(Schema):
    title: str
    description: str
    unit: str
    hidden_rule: str
    min_organisations: int
    licence: Licence
    extracted: dt.date
    links: dict[str, str]
    fields: list[NationalField]
    rows: list[NationalRowOut]
