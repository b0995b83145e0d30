from django.apps import AppConfig


class MaturityConfig(AppConfig):
    name = "ambitionsgraf.maturity"
