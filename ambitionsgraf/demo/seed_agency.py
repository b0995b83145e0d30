"""Demo staff of the agency: an analyst and a model owner (filled in by the two-factor work)."""


def seed() -> list[str]:
    """Create the demo agency users once; return the lines `seed_demo` prints about them."""
    return []
