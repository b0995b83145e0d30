"""The first demo organisation's action plan, dialogue workshop and coach."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from ambitionsgraf.accounts.models import User
from ambitionsgraf.organisations.models import Membership
from ambitionsgraf.plans.models import Action, ActionComment, AgreedLevel

COACH_EMAIL = "coach@radgivning.example"

# (area, description, owner, status, due in days, done this many days after the first round)
ACTIONS = [
    ("goals", "Ta fram förslag till inköpsmål som utgår från kommunens övergripande mål och låt "
              "kommunstyrelsen besluta om dem.", "Karin Holm", "done", -200, 120),
    ("facts", "Gör en första spendanalys av de tio största inköpskategorierna.",
     "Jonas Ek", "done", -250, 90),
    ("interplay", "Inför ett inköpsråd där förvaltningscheferna och inköpschefen möts fyra gånger "
                  "per år.", "Kommundirektören", "in_progress", 60, None),
    ("strategies", "Ta fram en inköpsstrategi som kommunstyrelsen beslutar, kopplad till "
                   "budgetprocessen.", "Karin Holm", "planned", 150, None),
    ("follow_up", "Rapportera avtalstrohet och leverantörsuppföljning till ledningsgruppen varje "
                  "kvartal.", "Controller", "planned", -10, None),
]  # fmt: skip

AGREED = {
    "goals": ("2.5", "Ledningen såg målen som mer etablerade än övriga. Vi enades om att målen "
                     "finns men ännu inte styr budgeten."),
    "strategies": ("2.0", "Strategin är ett utkast som inte är beslutat."),
    "facts": ("1.5", "Spendanalysen gjordes en gång men används inte i besluten."),
}  # fmt: skip


def seed(org, closed_rounds, areas, *, password):
    first, latest = closed_rounds[0], closed_rounds[-1]
    now = timezone.now()
    for area_key, text, owner, status, due_days, done_days in ACTIONS:
        action = Action(
            organisation=org, area_key=area_key, round=first, description=text, owner=owner,
            status=status, source="custom", due_on=(now + dt.timedelta(days=due_days)).date(),
        )  # fmt: skip
        if done_days is not None:
            action.done_at = first.closed_at + dt.timedelta(days=done_days)
        action.save()
    by_key = {area.key: area for area in areas}
    for key, (level, reason) in AGREED.items():
        AgreedLevel.objects.create(
            round=latest, area=by_key[key], level=Decimal(level), reason=reason
        )
    latest.workshop_finished_at = latest.closed_at + dt.timedelta(days=14)
    latest.save(update_fields=["workshop_finished_at"])
    coach = User.objects.filter(email=COACH_EMAIL).first() or User.objects.create_user(
        email=COACH_EMAIL, password=password, name="Lena Berg"
    )
    Membership.objects.create(organisation=org, user=coach, role="coach")
    interplay = org.actions.get(area_key="interplay")
    ActionComment.objects.create(
        action=interplay, author=coach,
        text="Bra start. Bjud in en politiker till första mötet så att rådet får tyngd.",
    )  # fmt: skip
