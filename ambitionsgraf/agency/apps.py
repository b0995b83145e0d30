from django.apps import AppConfig


class AgencyConfig(AppConfig):
    name = "ambitionsgraf.agency"
