"""``python -m cleaner`` is the ``clean`` command."""

from cleaner.cli import entry_point

entry_point()
