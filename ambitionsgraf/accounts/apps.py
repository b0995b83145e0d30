from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ambitionsgraf.accounts"

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the checks and signal handlers)
