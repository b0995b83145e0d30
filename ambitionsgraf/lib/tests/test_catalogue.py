"""The Swedish catalogue is complete and the committed .mo matches the .po."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

needs_msgfmt = pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is missing")


@needs_msgfmt
def test_every_swedish_entry_is_translated_and_none_is_fuzzy():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


@needs_msgfmt
def test_the_committed_mo_file_is_compiled_from_the_po_file(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(PO)], check=True)
    assert fresh.read_bytes() == MO.read_bytes(), "Run `make messages` and commit django.mo"
