"""Production settings: configured by environment variables, `check --deploy` reports no issue,
and without a SECRET_KEY the product refuses to start in production."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {"DEBUG": "false", "ALLOWED_HOSTS": "ambitionsgraf.example"}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with only the given settings variables set."""
    environment = {
        name: value
        for name, value in os.environ.items()
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production never does.
        if name
        not in {
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "DATABASE_URL",
        }
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_reports_no_issue_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        SECRET_KEY=secrets.token_urlsafe(48),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "?:" not in output, output
    assert "W0" not in output, output
    assert "no issues" in result.stdout, output


def test_production_without_secret_key_refuses_to_start():
    result = manage("check", **PRODUCTION)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr, result.stderr
