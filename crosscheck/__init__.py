"""crosscheck: who said what across news articles, and where the sources disagree."""

__version__ = "0.1.0"
