"""Profile choices for organisations. Counties use the official two-letter county codes' names."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    STATE_AGENCY = "state_agency", _("State agency")
    COMPANY = "company", _("Municipal or regional company")
    OTHER = "other", _("Other procuring organisation")


class County(models.TextChoices):
    BLEKINGE = "blekinge", "Blekinge län"
    DALARNA = "dalarna", "Dalarnas län"
    GOTLAND = "gotland", "Gotlands län"
    GAVLEBORG = "gavleborg", "Gävleborgs län"
    HALLAND = "halland", "Hallands län"
    JAMTLAND = "jamtland", "Jämtlands län"
    JONKOPING = "jonkoping", "Jönköpings län"
    KALMAR = "kalmar", "Kalmar län"
    KRONOBERG = "kronoberg", "Kronobergs län"
    NORRBOTTEN = "norrbotten", "Norrbottens län"
    SKANE = "skane", "Skåne län"
    STOCKHOLM = "stockholm", "Stockholms län"
    SODERMANLAND = "sodermanland", "Södermanlands län"
    UPPSALA = "uppsala", "Uppsala län"
    VARMLAND = "varmland", "Värmlands län"
    VASTERBOTTEN = "vasterbotten", "Västerbottens län"
    VASTERNORRLAND = "vasternorrland", "Västernorrlands län"
    VASTMANLAND = "vastmanland", "Västmanlands län"
    VASTRA_GOTALAND = "vastra_gotaland", "Västra Götalands län"
    OREBRO = "orebro", "Örebro län"
    OSTERGOTLAND = "ostergotland", "Östergötlands län"


class EmployeesBand(models.TextChoices):
    UNDER_500 = "lt500", _("Fewer than 500")
    FROM_500 = "500-1999", _("500–1,999")
    FROM_2000 = "2000-4999", _("2,000–4,999")
    FROM_5000 = "5000-19999", _("5,000–19,999")
    FROM_20000 = "20000+", _("20,000 or more")


class VolumeBand(models.TextChoices):
    UNDER_100M = "lt100m", _("Less than SEK 100 million")
    FROM_100M = "100m-499m", _("SEK 100 million to under 500 million")
    FROM_500M = "500m-1999m", _("SEK 500 million to under 2 billion")
    FROM_2BN = "2bn-9bn", _("SEK 2 billion to under 10 billion")
    FROM_10BN = "10bn+", _("SEK 10 billion or more")


class ProcurementSetup(models.TextChoices):
    CENTRALISED = "centralised", _("Centralised procurement function")
    DECENTRALISED = "decentralised", _("Decentralised (procurement in each department)")
    MIXED = "mixed", _("A mix of both")
