from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ambitionsgraf.plans"
