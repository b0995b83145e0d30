from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ambitionsgraf.demo"
