"""Safety checks cannot be switched off, or loosened, by the change they would catch.

Anyone can open a pull request, and the same pull request that adds a name or a
script to a page can also edit ``kb.yaml``. So the checks that keep identifying
details (``ANO``) and unsafe markup (``SEC``) off the site, decided by prefix so
that a check added later is covered too, take from ``kb.yaml`` only what makes
them stricter:

- ``enabled: false`` is ignored;
- a ``severity`` below the check's own is ignored;
- each option has a direction in which it is "tighter" (:data:`TIGHTER`); a
  value in the other direction is ignored and the default applies. An option
  with no direction declared accepts only its default.

Whatever is ignored is reported by CFG003 at its line in ``kb.yaml``. The checks
that report these (CFG003, CFG004) and the change summary (CHG005) cannot be
switched off either, or the same edit could hide its own report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from checks.model.config import RuleSetting
from checks.model.findings import Severity

if TYPE_CHECKING:  # checks.rules imports this module, through checks.rules.suppressions
    from checks.rules.base import Options, Rule

#: Families whose checks keep unsafe or identifying content off the site.
SAFETY_FAMILIES = ("ANO", "SEC")
#: Checks that report a loosened setting, a bad suppression or a safety-relevant
#: change: switching them off would hide the report of the change that did it.
GUARDS = frozenset({"CFG003", "CFG004", "CHG005"})

#: An option that lists things to look for: more entries find more. The defaults
#: always stay; entries added to them are used as well.
MORE = "more"
#: An option that is a limit: a lower value finds more. A higher one is ignored.
AT_MOST = "at-most"

#: For each option of each safety check, which direction is tighter.
#: ``tests/test_safety_settings.py`` fails if a safety check has an option that
#: is not listed here, so adding one means deciding its direction.
TIGHTER: dict[tuple[str, str], str] = {
    # Every kind of detail, and every reference pattern, is looked for; a
    # partnership may add its own reference patterns.
    ("ANO001", "kinds"): MORE,
    ("ANO001", "reference_patterns"): MORE,
    # Day-precise dates are findings in briefs at least; a partnership may add
    # its other pages and its data.
    ("ANO001", "exact_dates_in"): MORE,
    # Pages nested deeper than these limits are withheld.
    ("SEC003", "max_quote_depth"): AT_MOST,
    ("SEC003", "max_indent"): AT_MOST,
    ("SEC003", "max_brackets"): AT_MOST,
    ("SEC003", "max_html_depth"): AT_MOST,
}

_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


def is_safety(code: str) -> bool:
    """An anonymisation or page-safety check, including ones added later."""
    return code.startswith(SAFETY_FAMILIES)


def is_protected(code: str) -> bool:
    """A check that ``kb.yaml`` cannot switch off or downgrade."""
    return is_safety(code) or code in GUARDS


@dataclass(frozen=True, slots=True)
class Ignored:
    """A setting left out because it would loosen a protected check."""

    #: where it is, under ``rules: CODE:`` in kb.yaml
    path: tuple[str, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Effective:
    """What a check runs with once ``kb.yaml`` has been applied."""

    enabled: bool
    severity: Severity
    options: Options
    ignored: list[Ignored] = field(default_factory=list)


def _options(rule: Rule, raw: dict[str, Any]) -> tuple[Options, set[str]]:
    try:
        given = rule.options.model_validate(raw)
    except ValidationError:
        # CFG002 reports the bad options; the check runs with its defaults.
        return rule.options(), set()
    return given, set(given.model_fields_set)


def _tighten(rule: Rule, given: Options, names: set[str]) -> tuple[Options, list[Ignored]]:
    default = rule.options()
    update: dict[str, Any] = {}
    ignored: list[Ignored] = []
    for name in sorted(names):
        old, new = getattr(default, name), getattr(given, name)
        direction = TIGHTER.get((rule.code, name))
        where = ("options", name)
        if direction == MORE:
            missing = [x for x in old if x not in new]
            update[name] = tuple(old) + tuple(x for x in new if x not in old)
            if missing:
                ignored.append(
                    Ignored(
                        where,
                        f"option `{name}` of {rule.code} leaves out {_list(missing)}; "
                        "a safety check's options may only add to the defaults, so "
                        "everything it looks for by default is still looked for",
                    )
                )
        elif direction == AT_MOST:
            update[name] = min(old, new)
            if new > old:
                ignored.append(
                    Ignored(
                        where,
                        f"option `{name}` of {rule.code} is {new}, above the default "
                        f"{old}; a safety check's limits may only be lowered, so {old} "
                        "applies",
                    )
                )
        elif new != old:
            update[name] = old
            ignored.append(
                Ignored(
                    where,
                    f"option `{name}` of {rule.code} cannot be changed in kb.yaml (it is "
                    "a safety check, and this option has no stricter setting); the "
                    "default applies",
                )
            )
    return given.model_copy(update=update), ignored


def _list(values: list[Any]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def effective(rule: Rule, setting: RuleSetting | None) -> Effective:
    """How ``rule`` runs under ``setting``, and what of the setting was ignored."""
    if setting is None:
        return Effective(True, rule.severity, rule.options())
    options, names = _options(rule, setting.options)
    severity = setting.severity or rule.severity
    if not is_protected(rule.code):
        return Effective(setting.enabled, severity, options)
    ignored: list[Ignored] = []
    if not setting.enabled:
        ignored.append(
            Ignored(
                ("enabled",),
                f"{rule.code} keeps unsafe or identifying content off the site (or reports "
                "changes to what does), so kb.yaml cannot switch it off; `enabled: false` "
                "is ignored. Remove it; for a false positive, add a suppression with the "
                "subject, `match`, a reason and an `until` date",
            )
        )
    if _RANK[severity] < _RANK[rule.severity]:
        ignored.append(
            Ignored(
                ("severity",),
                f"{rule.code} cannot be downgraded to {severity.value} in kb.yaml; it "
                f"stays {rule.severity.value}. Remove the `severity` line",
            )
        )
        severity = rule.severity
    if is_safety(rule.code):
        options, loosened = _tighten(rule, options, names)
        ignored += loosened
    return Effective(True, severity, options, ignored)
