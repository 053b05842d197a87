"""crosscheck: who said what across news articles, and where the sources disagree."""

from crosscheck import native as _native

__version__ = "0.1.0"

# the compiled modules run only if built from the sources beside them (native.py)
_native.activate()
