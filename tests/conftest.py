"""What every test outside the apps shares with theirs."""

from ambitionsgraf.lib.testing import _fresh_limits  # noqa: F401 (an autouse fixture)
