from django.apps import AppConfig


class QuickcheckConfig(AppConfig):
    name = "ambitionsgraf.quickcheck"
