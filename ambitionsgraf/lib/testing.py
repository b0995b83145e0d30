"""What the tests share about ``lib.limits``: the queries a count costs, and a fixture that
starts every test that uses the database from zero counts."""

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
