"""Views of a Result: unified diff, one line per change, JSON."""

from cleaner.report.views import change_lines, json_report, unified_diff

__all__ = ["change_lines", "json_report", "unified_diff"]
