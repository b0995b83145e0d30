import pytest

from ambitionsgraf.api.models import Scope
from ambitionsgraf.api.testing import make_token


@pytest.fixture
def token_a(org_a):
    """A read-and-write token of organisation A and its secret."""
    return make_token(org_a, Scope.READ_WRITE)


@pytest.fixture
def read_token_a(org_a):
    return make_token(org_a, Scope.READ, name="Läsare")


@pytest.fixture
def token_b(org_b):
    return make_token(org_b, Scope.READ_WRITE, name="Bergbys program")
