from django.core.management.base import BaseCommand, CommandError

from ambitionsgraf.maturity.loader import MODEL_DIR, ModelFileError, load_directory, load_file


class Command(BaseCommand):
    help = (
        "Validate and load model files (YAML). Without arguments, loads every file in modelfiles/."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help=f"Model files (default: {MODEL_DIR}/*.yaml)")

    def handle(self, *paths, **options):
        try:
            results = [load_file(p) for p in paths] if paths else load_directory()
        except ModelFileError as error:
            raise CommandError(f"The model file was not loaded.\n{error}") from None
        for result in results:
            state = "loaded" if result.created else "already loaded, unchanged"
            self.stdout.write(f"{result.version.key} version {result.version.version}: {state}")
