from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "ambitionsgraf.results"
