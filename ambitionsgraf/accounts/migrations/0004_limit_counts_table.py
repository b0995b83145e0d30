"""The table of the rate limits' counts (settings.CACHES["limits"], Django's database cache), made
by ``migrate`` so that every server and every fresh database has it without another command."""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def create(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop(apps, schema_editor):
    cache = settings.CACHES.get("limits", {})
    if cache.get("BACKEND", "").endswith("DatabaseCache"):
        table = schema_editor.quote_name(cache["LOCATION"])
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_user_agency_role")]

    operations = [migrations.RunPython(create, drop)]
