"""Import a file's rounds: each with its model version as loaded here, its respondents (new
token hashes) and their answers, its ambitions and agreed levels. See import_data.py."""

from ambitionsgraf.lib.tokens import new_token, token_hash
from ambitionsgraf.maturity.models import ModelVersion, Perspective, Question
from ambitionsgraf.plans.models import AgreedLevel
from ambitionsgraf.rounds.models import Ambition, Answer, Respondent, Round

from .import_fields import ImportRefused, Record, code, unique_codes

LANGUAGES = ("sv", "en")


class Model:
    """A round's model version as loaded here, with its questions and areas by key."""

    def __init__(self, version: ModelVersion):
        self.version = version
        self.areas = {a.key: a for a in version.areas.all()}
        self.questions = {q.key: q for q in Question.objects.filter(area__model_version=version)}

    def _missing(self, rec, key, what, name):
        raise ImportRefused(
            f"{rec.place}.{key}: the {what} {name!r} is not in model version "
            f"{self.version.key} {self.version.version} as loaded here."
        )

    def question(self, rec: Record):
        key = rec.text("question", max_length=60, blank=False)
        return self.questions.get(key) or self._missing(rec, "question", "question", key)

    def area(self, rec: Record):
        key = rec.text("area", max_length=40, blank=False)
        return self.areas.get(key) or self._missing(rec, "area", "area", key)


class Models:
    """The model versions the file's rounds use, each looked up once."""

    def __init__(self):
        self.known: dict[tuple[str, int], Model] = {}

    def get(self, rec: Record) -> Model:
        identity = (
            rec.text("key", max_length=40, blank=False),
            rec.number("version", low=1, high=10**6),
        )
        if identity not in self.known:
            version = ModelVersion.objects.filter(key=identity[0], version=identity[1]).first()
            if version is None:
                raise ImportRefused(
                    f"{rec.place}: model version {identity[0]} {identity[1]} is not loaded in "
                    "this installation. Load that model file first (manage.py load_model <file>)."
                )
            self.known[identity] = Model(version)
        return self.known[identity]


def import_rounds(organisation, records, report) -> dict[str, Round]:
    codes = unique_codes(records, Round, "round")
    models = Models()
    rounds = []
    for rec in records:
        model = models.get(rec.record("model_version"))
        round_ = Round(
            organisation=organisation,
            model_version=model.version,
            code=code(rec),
            name=rec.text("name", max_length=100, blank=False),
            status=rec.choice("status", Round.Status.values),
            closes_on=rec.day("closes_on"),
            created_at=rec.moment("created_at", null=False),
            closed_at=rec.moment("closed_at"),
            reminders_scheduled_sent_at=rec.moment("reminders_scheduled_sent_at"),
            workshop_finished_at=rec.moment("workshop_finished_at"),
        )
        round_.model = model
        rounds.append(round_)
    Round.objects.bulk_create(rounds)
    by_code = dict(zip(codes, rounds, strict=True))
    for rec, round_ in zip(records, rounds, strict=True):
        previous = rec.raw("previous")
        if previous is not None and previous not in by_code:
            rec.fail("previous", f"no round in the file has the code {previous!r}.")
        round_.previous = by_code.get(previous)
    Round.objects.bulk_update([r for r in rounds if r.previous], ["previous"])
    _respondents(records, rounds, report)
    for rec, round_ in zip(records, rounds, strict=True):
        _levels(rec, round_)
    report.rounds = len(rounds)
    return by_code


def _respondents(records, rounds, report) -> None:
    respondents, answers_of = [], []
    for rec, round_ in zip(records, rounds, strict=True):
        emails = set()
        for person in rec.records("respondents"):
            email = person.email("email", null=True)
            if email is not None and email in emails:
                person.fail("email", f"{email} is invited twice to the round.")
            emails.add(email)
            respondents.append(
                Respondent(
                    round=round_,
                    email=email,
                    perspective=person.choice("perspective", Perspective.values),
                    language=person.choice("language", LANGUAGES),
                    token_hash=token_hash(new_token()),  # old links do not survive a move
                    invited_at=person.moment("invited_at", null=False),
                    started_at=person.moment("started_at"),
                    finished_at=person.moment("finished_at"),
                    last_area=person.number("last_area", low=0, high=100),
                    reminders_sent=person.number("reminders_sent", low=0, high=1000),
                    last_reminded_at=person.moment("last_reminded_at"),
                    link_revoked_at=person.moment("link_revoked_at"),
                    anonymised_at=person.moment("anonymised_at"),
                )
            )
            answers_of.append((person, round_.model))
    Respondent.objects.bulk_create(respondents)
    answers = [
        _answer(answer, respondent, model)
        for respondent, (person, model) in zip(respondents, answers_of, strict=True)
        for answer in person.records("answers")
    ]
    Answer.objects.bulk_create(answers, batch_size=500)
    report.respondents, report.answers = len(respondents), len(answers)


def _answer(rec: Record, respondent, model: Model) -> Answer:
    level = rec.number("level", low=1, high=5, null=True)
    dont_know = rec.flag("dont_know")
    if level is not None and dont_know:
        rec.fail("dont_know", "an answer is a level or 'don't know', not both.")
    return Answer(
        respondent=respondent,
        question=model.question(rec),
        level=level,
        dont_know=dont_know,
        comment=rec.text("comment", max_length=10_000),
        updated_at=rec.moment("updated_at", null=False),
    )


def _levels(rec: Record, round_) -> None:
    """The round's ambition and the workshop's agreed levels, per area."""
    for key, model, value_field in (
        ("ambitions", Ambition, "target"),
        ("agreed_levels", AgreedLevel, "level"),
    ):
        model.objects.bulk_create(
            model(
                round=round_,
                area=round_.model.area(item),
                reason=item.text("reason", max_length=4000),
                updated_at=item.moment("updated_at", null=False),
                **{value_field: item.level(value_field)},
            )
            for item in rec.records(key)
        )
