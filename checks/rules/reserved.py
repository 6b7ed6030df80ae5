"""Paths (relative to docs/) of the pages the site generates.

Kept apart from the site package so the check that guards them (KB007) and the
site itself read the same list.
"""

RESERVED_PAGES: frozenset[str] = frozenset(
    {
        "groups.md",
        "register.md",
        "actions.md",
        "compliance.md",
        "calendar.ics",
        "rules/index.md",
        "briefs/index.md",
        "briefs/themes.md",
        "briefs/audience.md",
        "briefs/years.md",
    }
)
