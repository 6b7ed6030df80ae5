"""The rule reference, generated from the check modules' docstrings."""

from __future__ import annotations

from checks.reports.markdown import table
from checks.rules import FAMILIES, REGISTRY, Rule


def rules_index() -> str:
    out = [
        "# Rule reference\n",
        "Every check `kb check` runs, with its stable code and default severity. "
        "Severities and options can be changed per check in `kb.yaml`.\n",
    ]
    for family, title in FAMILIES.items():
        rules = [r for r in REGISTRY.values() if r.family == family]
        out.append(f"\n## {title} ({family})\n")
        out.append(
            table(
                ["Code", "Name", "Severity", "Summary"],
                [[f"[{r.code}]({r.code}.md)", r.name, r.severity.value, r.summary] for r in rules],
            )
        )
    return "\n".join(out)


def rule_page(rule: Rule) -> str:
    # Headings in docstrings are level 2, which suits a page whose title is level 1.
    return (
        f"# {rule.code}: {rule.name}\n\n"
        f"**{rule.summary}.** Default severity: **{rule.severity.value}**.\n\n"
        f"{rule.body}\n"
    )
