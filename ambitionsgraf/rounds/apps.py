from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "ambitionsgraf.rounds"
