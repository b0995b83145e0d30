from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from ambitionsgraf.demo import seed_agency, seed_national
from ambitionsgraf.demo.seed import PASSWORD, seed
from ambitionsgraf.demo.seed_plans import COACH_EMAIL
from ambitionsgraf.rounds.emails import respondent_link


class Command(BaseCommand):
    help = "Create the demo organisations (once) and print the demo logins and a respondent link."

    def handle(self, *args, **options):
        with translation.override("sv"):
            made = seed()
            national = seed_national.seed()
            agency = seed_agency.seed()
        self.stdout.write("")
        self.stdout.write("Demo-inloggningar:")
        for demo, org in made:
            self.stdout.write(f"  admin ({org.name}): {demo.admin_email} / lösenord: {PASSWORD}")
        for demo, org in made:
            if demo.with_plan:
                self.stdout.write(f"  coach ({org.name}): {COACH_EMAIL} / lösenord: {PASSWORD}")
        demo, org = made[0]
        link = settings.SITE_URL + respondent_link(demo.respondent_token, "sv")
        self.stdout.write(f"  respondentlänk (ledningen, {org.name}, öppen omgång): {link}")
        for line in agency + national:
            self.stdout.write(f"  {line}")
        self.stdout.write("")
