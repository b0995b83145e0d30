from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "ambitionsgraf.organisations"
