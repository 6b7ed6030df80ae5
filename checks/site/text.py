"""The site's name for the Markdown escaping it shares with ``kb diff``."""

from checks.reports.markdown import esc, table

__all__ = ["esc", "table"]
