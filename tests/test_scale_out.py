"""Two app servers on one PostgreSQL database (scripts/scale-out, docs/scale-out.md): a respondent
moves between them mid-questionnaire, an admin's session holds on both, and the API's rate
limit counts the requests to both. Needs the PostgreSQL server binaries; skipped without
them."""

import glob
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def postgres_missing() -> bool:
    return not glob.glob("/usr/lib/postgresql/*/bin/initdb") or (
        os.geteuid() == 0 and shutil.which("runuser") is None
    )


@pytest.mark.skipif(postgres_missing(), reason="PostgreSQL server binaries are not installed")
def test_a_respondent_and_an_admin_move_between_two_servers():
    done = subprocess.run(
        [str(ROOT / "scripts" / "scale-out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        env={k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "each server shows the answers saved on the other" in done.stdout
    assert "signed out on server A too" in done.stdout
    assert "the API's limit holds across both servers" in done.stdout
