"""`make bench`, after scripts/bench has started PostgreSQL and set DATABASE_URL.

Makes sure the national data set is there (generated once, then kept with the database in
var/bench/), prepares sessions and personal links, starts the production server (gunicorn, sync
workers, DEBUG off) on the benchmark's WSGI entry point, checks every page answers as it should,
warms up, then loads each page with wrk over loopback for a fixed time (longer for a slow page,
until it has enough requests for a p99) and prints requests per second, p50 and p99 latency,
each page's throughput against the ceiling (a bare Django view, measured in the same run) and
each worker's peak memory. The figures also go to var/bench/last.json. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LUA = Path(__file__).with_name("requests.lua")
WORK = ROOT / "var" / "bench"
sys.path.insert(0, str(ROOT))

from ambitionsgraf.scale import servers  # noqa: E402
from ambitionsgraf.scale.bench_report import (  # noqa: E402
    Figures,
    floor_lines,
    seconds_for,
    table,
    verdicts,
)
from ambitionsgraf.scale.servers import manage  # noqa: E402

PAGES = {  # name -> what it is called in the table
    "ceiling": "bare Django view (ceiling)",
    "questionnaire": "questionnaire page",
    "save": "saving an answer page",
    "results": "results page (with peers)",
    "national": "national picture",
    "report": "board report PDF",
}


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 2)))
    parser.add_argument(
        "--connections",
        type=int,
        default=int(os.environ.get("BENCH_CONNECTIONS", 0)),
        help="wrk connections (default: as many as workers)",
    )
    parser.add_argument(
        "--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 20)), help="seconds"
    )
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", 5)))
    parser.add_argument(
        "--organisations", type=int, default=int(os.environ.get("BENCH_ORGANISATIONS", 4000))
    )
    parser.add_argument(
        "--pages", default=os.environ.get("BENCH_PAGES", ",".join(PAGES)), help="comma-separated"
    )
    return parser.parse_args()


def data_set(organisations: int) -> None:
    """Generate the data set unless this database already holds it."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ambitionsgraf.settings")
    django.setup()
    from django.db import connection

    from ambitionsgraf.organisations.models import Organisation
    from ambitionsgraf.scale import mix

    profiles = mix.organisations(organisations)
    wanted = {profiles[0].org_number, profiles[-1].org_number}
    if Organisation.objects.filter(org_number__in=wanted).count() < len(wanted):
        print(f"Generating the national data set ({organisations} organisations)...", flush=True)
        manage("generate_national", "--organisations", str(organisations))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    connection.close()


def prepare() -> dict[str, Path]:
    from django.db import connection

    from ambitionsgraf.scale import bench_setup

    files = bench_setup.prepare(WORK / "run")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()
    return files


def server_env() -> dict:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP over loopback; TLS ends at the balancer
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def first_request(file: Path) -> tuple[str, str, str, str]:
    """The first request of a page's list: method, path, cookie and body, with level 3 where
    requests.lua puts a random level."""
    method, path, cookie, body = file.read_text(encoding="utf-8").splitlines()[0].split("\t")
    return method, path, cookie, body.replace("{L}", "3")


def check(name: str, file: Path, port: int) -> None:
    """The first request of the page answers as the page should (not a redirect to sign-in, a
    form error or a 404), so wrk measures the real page."""
    method, path, cookie, body = first_request(file)
    data = body.encode() if method == "POST" else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    if cookie:
        request.add_header("Cookie", cookie)
    if data:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(request, timeout=30)
        status, kind = response.status, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        status, kind = error.code, error.headers.get("Content-Type", "")
    expected = 302 if method == "POST" else 200
    if status != expected or (name == "report" and kind != "application/pdf"):
        raise SystemExit(f"{name}: {method} {path} gave {status} {kind}, expected {expected}")


def wrk(file: Path, port: int, connections: int, seconds: int) -> dict:
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", str(LUA),
         f"http://127.0.0.1:{port}", "--", str(file)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    for line in output.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise SystemExit(f"wrk gave no figures:\n{output}")


def floors(pages: list[str], files: dict[str, Path]) -> dict:
    """The database floor of the questionnaire and the save (ambitionsgraf.scale.bench_floor),
    from the first request of each, sent once before so the model is read already."""
    from http.cookies import SimpleCookie

    from django.test import Client

    from ambitionsgraf.scale import bench_floor

    found = {}
    for name in ("questionnaire", "save"):
        if name not in pages:
            continue
        method, path, cookie, body = first_request(files[name])
        client = Client(HTTP_HOST="127.0.0.1")
        client.cookies = SimpleCookie(cookie)

        def request(method=method, path=path, body=body, client=client):
            return client.generic(method, path, body, "application/x-www-form-urlencoded")

        request()
        found[PAGES[name]] = bench_floor.replay(bench_floor.captured(request))
    return found


def workers_of(server: subprocess.Popen) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server.pid:
            children.append(int(stat.parent.name))
    return sorted(children)


def peak_memory_mb(pid: int) -> float:
    """VmHWM: the most resident memory the process ever had."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine() -> dict:
    cpu = next(
        line.split(":", 1)[1].strip()
        for line in Path("/proc/cpuinfo").read_text().splitlines()
        if line.startswith("model name")
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory_kb / 1024**2, 1)}


def main() -> None:
    args = options()
    # One key for this process (which makes the sessions) and the server (which reads them).
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    pages = [p for p in args.pages.split(",") if p]
    if "ceiling" not in pages:
        pages.insert(0, "ceiling")
    connections = args.connections or args.workers
    manage("migrate", "--noinput", "-v0")
    manage("load_model")
    data_set(args.organisations)
    files = prepare()
    manage("collectstatic", "--noinput", "-v0", env=server_env())
    port = servers.free_port()
    load_before = os.getloadavg()
    server = servers.gunicorn(
        "ambitionsgraf.bench_wsgi:application", port, server_env(), workers=args.workers
    )
    figures = {}
    try:
        for name in pages:
            check(name, files[name], port)
        seconds = {
            name: seconds_for(
                Figures.of(wrk(files[name], port, connections, args.warmup)), args.duration
            )
            for name in pages
        }
        for name in pages:
            print(f"  {PAGES[name]}: {seconds[name]} s ...", flush=True)
            figures[name] = Figures.of(wrk(files[name], port, connections, seconds[name]))
        memory = {pid: peak_memory_mb(pid) for pid in workers_of(server)}
    finally:
        servers.stop([server])
    print()
    print(table([(PAGES[n], figures[n]) for n in pages], figures["ceiling"]))
    print()
    print(
        "peak memory per worker (VmHWM): "
        + ", ".join(f"{mb:.0f} MB" for mb in memory.values())
        + "; target under 250 MB"
    )
    for line in verdicts(figures, memory.values()):
        print(line)
    floor = floors(pages, files)
    for line in floor_lines(floor, figures["ceiling"], os.cpu_count() or 1):
        print(line)
    load_after = os.getloadavg()
    print(
        f"load average before {load_before[0]:.1f}, after {load_after[0]:.1f} "
        f"({os.cpu_count()} cores; other work on the machine lowers every figure)"
    )
    record = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "workers": args.workers,
        "connections": connections,
        "duration_s": args.duration,
        "seconds": seconds,
        "organisations": args.organisations,
        "pages": {n: figures[n].as_dict() for n in pages},
        "database_floor_cpu_ms": {label: round(f.cpu_ms, 3) for label, f in floor.items()},
        "peak_memory_mb": list(memory.values()),
        "load_average": {"before": load_before[0], "after": load_after[0]},
    }
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "last.json").write_text(json.dumps(record, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
