"""What the tests share about ``lib.limits`` (the queries a count costs, and a fixture that
starts every test that uses the database from zero counts) and about requests that arrive
together (``at_the_same_moment``)."""

import threading

import pytest
from django.core.cache import caches
from django.db import connection

from .limits import CACHE

# The queries one counted request adds, in a test's transaction: a savepoint for counting one
# at a time, on PostgreSQL the key's lock, and the savepoint's release (2 or 3); the count is
# read (1), then written by Django's database cache: the table's size, a savepoint, the key's
# row, the insert or update, and the savepoint's release (5). Query budgets add it for each
# limit counted.
COUNT_QUERIES = 9 if connection.vendor == "postgresql" else 8

_DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


@pytest.fixture(autouse=True)
def _fresh_limits(request, django_db_blocker):
    """Each test that uses the database counts from zero, so that no test meets a limit another
    left behind. A test's transaction takes its own counts with it, but the flush after a
    transactional test (the browser tests) empties only the models' tables."""
    if request.node.get_closest_marker("django_db") or _DATABASE_FIXTURES & set(
        request.fixturenames
    ):
        request.getfixturevalue("django_db_setup")
        with django_db_blocker.unblock():
            caches[CACHE].clear()


def needs_concurrent_writers() -> None:
    """Skip the test on SQLite, whose test database cannot take two writers at once."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's shared in-memory test database cannot take two writers at once")


def at_the_same_moment(*jobs) -> list[Exception]:
    """Run the jobs at the same moment, each in its own thread and database connection, as
    requests in server processes of their own; returns the exceptions they raised. Needs
    ``django_db(transaction=True)``: each thread sees only what the others committed."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def held_together(monkeypatch, owner, name: str) -> None:
    """Make ``owner.name`` (a module's function or a class's method) wait until two calls
    have reached it, then go on: two requests both past their checks before either saves."""
    both_arrived = threading.Barrier(2, timeout=10)
    original = getattr(owner, name)

    def wait_then_call(*args, **kwargs):
        both_arrived.wait()
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, wait_then_call)
