"""Demo organisations across the country with closed rounds, for the national views."""


def seed() -> list[str]:
    """Create them once; return the lines `seed_demo` prints about them."""
    return []
