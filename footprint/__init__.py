"""footprint: a consent-based audit of a judge's and their family's online exposure."""

__version__ = "0.1.0"
