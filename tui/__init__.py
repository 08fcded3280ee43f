"""crosswire: read one news story as many outlets tell it."""

__version__ = "0.1.0"
