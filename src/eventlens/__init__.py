"""eventlens: news articles to explainable, coded events."""

__version__ = "0.1.0"
