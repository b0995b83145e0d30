"""The production server as the scripts start it (``make bench``, ``scripts/scale-out``): a free
loopback port, manage.py commands, gunicorn started and waited for, and stopped again."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(*args: str, env: dict | None = None) -> None:
    subprocess.run([str(VENV / "python"), "manage.py", *args], cwd=ROOT, check=True, env=env)


def gunicorn(application: str, port: int, env: dict, *, workers: int = 2) -> subprocess.Popen:
    """Start gunicorn (sync workers, the application loaded once before they fork) and return
    once it answers: with --preload it listens only after the application has loaded."""
    server = subprocess.Popen(
        [str(VENV / "gunicorn"), application, "--preload", "--workers", str(workers),
         "--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--timeout", "120",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=20)
            return server
        except urllib.error.HTTPError:  # an answer, whatever it says (a 400 for the host name)
            return server
        except OSError:  # not listening yet
            time.sleep(0.3)
    stop([server])
    raise SystemExit(f"gunicorn on port {port} did not start")


def stop(servers: Iterable[subprocess.Popen]) -> None:
    servers = [s for s in servers if s.poll() is None]
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait(timeout=30)
