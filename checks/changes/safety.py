"""Changes a reviewer must read first: ones that could weaken what keeps the site safe.

A pull request can add a name to a brief and, in the same change, loosen the
check that would catch it, suppress the finding, point the checker at another
folder, or edit the hooks, templates, CI or checker code that do the
withholding. Settings that would loosen a safety check are ignored (CFG003) and
bad suppressions suppress nothing (CFG004), but whoever approves the change
still has to know it was tried, so `kb diff` lists these first and `kb check
--base` gives a CHG005 warning for each.

The text never quotes a suppression's ``match``: for ANO001 it is the
identifying detail itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import yaml

from checks.loading import CONFIG_FILE
from checks.loading.git_base import Changed
from checks.loading.site_config import theme_folders
from checks.model import Suppression
from checks.model.config import RuleSetting
from checks.model.knowledge_base import KnowledgeBase
from checks.rules.safety import effective, is_protected
from checks.rules.suppressions import Granted, collect

HEADING = "Safety-relevant changes — review these first"

#: Files, by their path in the knowledge base folder (where mkdocs.yml is), that
#: decide what is checked and what is published, and why each matters.
_KB_FILES = {
    "mkdocs.yml": "the site's configuration (the folder published, the hooks that "
    "withhold pages, the theme)",
    "mkdocs.yaml": "the site's configuration (the folder published, the hooks that "
    "withhold pages, the theme)",
    CONFIG_FILE: "the checker's settings and suppressions",
}
_KB_FOLDERS = {"hooks/": "the build hooks that check the site and withhold unsafe pages"}
#: The same, by their path in the repository.
_REPO_FILES = {
    ".gitlab-ci.yml": "the CI job that checks and publishes the site",
    "pyproject.toml": "what is installed to check and build the site",
}
_REPO_FOLDERS = {
    ".github/": "the CI workflows that check and publish the site",
    "checks/": "the checker's own code",
}
_THEME = "the theme's templates, which print every page"
_DENY_LIST = "the private deny list of names and places (ANO001)"


@dataclass(frozen=True, slots=True)
class SafetyChange:
    """One change to read first, in words, at the line it is about (1: the file)."""

    file: str
    line: int
    what: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _why(repo_path: str, kb_path: str | None, watched: dict[str, str]) -> str | None:
    if kb_path is not None:
        if kb_path in watched:
            return watched[kb_path]
        for folder, why in watched.items():
            if folder.endswith("/") and kb_path.startswith(folder):
                return why
    if repo_path in _REPO_FILES:
        return _REPO_FILES[repo_path]
    return next((w for f, w in _REPO_FOLDERS.items() if repo_path.startswith(f)), None)


def touched(
    changed: Sequence[Changed], under: str, base: KnowledgeBase, kb: KnowledgeBase
) -> Iterator[SafetyChange]:
    """Changed files (paths in the repository) that decide what is checked or published."""
    watched = dict(_KB_FILES) | _KB_FOLDERS
    for folder in theme_folders(base.root) | theme_folders(kb.root) | {"overrides/"}:
        watched[folder] = _THEME
    for side in (base, kb):
        watched[f"{side.config.data_dir}/sensitive.yaml"] = _DENY_LIST
    prefix = under.strip("/") + "/" if under.strip("/.") else ""
    verbs = {"A": "added", "D": "removed", "R": "renamed"}
    for c in changed:
        for path in filter(None, (c.path, c.old_path)):
            kb_path = path.removeprefix(prefix) if path.startswith(prefix) else None
            why = _why(path, kb_path, watched)
            if why is not None:
                verb = verbs.get(c.status, "changed")
                yield SafetyChange(path, 1, f"`{path}` is {verb}: it is {why}")
                break


def _shown(setting: RuleSetting | None) -> str:
    if setting is None:
        return "the defaults"
    data = setting.model_dump(exclude_defaults=True)
    if not data:
        return "the defaults"
    # As it would be written in kb.yaml, on one line.
    return yaml.safe_dump(data, default_flow_style=True, width=10**6, sort_keys=False).strip()


def _broken_config(kb: KnowledgeBase) -> int | None:
    """The line of the first problem that kept kb.yaml from loading, if one did."""
    lines = [p.line for _, p in kb.load_problems if p.file == CONFIG_FILE]
    return min(lines) if lines else None


def _settings(base: KnowledgeBase, kb: KnowledgeBase) -> Iterator[SafetyChange]:
    from checks.rules import REGISTRY

    old, new = base.config, kb.config
    for folder in ("docs_dir", "data_dir"):
        before, after = getattr(old, folder), getattr(new, folder)
        if before != after:
            yield SafetyChange(
                CONFIG_FILE,
                new.line_of(folder),
                # Not "kb.yaml changes": the docs folder may come from mkdocs.yml.
                f"`{folder}` changes from `{before}` to `{after}`: the checker reads the "
                "new folder, so anything left in the old one is no longer checked",
            )
    added = sorted(set(new.publish_types) - set(old.publish_types))
    if added:
        yield SafetyChange(
            CONFIG_FILE,
            new.line_of("publish_types"),
            f"`publish_types` adds {', '.join(added)}: files of these types in the docs "
            "folder are now published as they are",
        )
    for code in sorted(set(old.rules) | set(new.rules)):
        if not is_protected(code):
            continue
        was, now = old.rules.get(code), new.rules.get(code)
        if _shown(was) == _shown(now):
            continue
        rule = REGISTRY.get(code)
        loosens = rule is not None and now is not None and effective(rule, now).ignored
        what = (
            f"kb.yaml tries to loosen {code}, a safety check ({_shown(was)} → {_shown(now)}); "
            "what would loosen it is ignored (CFG003)"
            if loosens
            else f"kb.yaml changes the settings of {code}, a safety check: "
            f"{_shown(was)} → {_shown(now)}"
        )
        line = new.line_of("rules", code) if now is not None else new.line_of("rules")
        yield SafetyChange(CONFIG_FILE, line, what)


def _allowances(base: KnowledgeBase, kb: KnowledgeBase) -> Iterator[SafetyChange]:
    """Names kb.yaml adds to, or changes in, the list of public names (``public_names``):
    ANO001 lets each through wherever it is written. Named by line only, as a
    suppression's ``match`` is: if it is not public after all, it is the detail."""
    before = {(p.name, tuple(p.also), tuple(p.numbers)): p.reason for p in base.config.public_names}
    for i, p in enumerate(kb.config.public_names):
        key = (p.name, tuple(p.also), tuple(p.numbers))
        if key in before and before[key] == p.reason:
            continue
        verb = "adds" if key not in before else "changes the reason for"
        what = "a name" + (" and a telephone number" if p.numbers else "")
        yield SafetyChange(
            CONFIG_FILE,
            kb.config.line_of("public_names", i),
            f"`{CONFIG_FILE}` {verb} {what} under `public_names`: ANO001 lets it through in "
            "every page and data file (ANO002 lists each use); check that it is public on "
            "purpose (a child named in a national review, an author, a helpline)",
        )


def _office_holders(base: KnowledgeBase, kb: KnowledgeBase) -> Iterator[SafetyChange]:
    """Office-holders added to ``public_office_holders`` in data/partnership.yaml: a
    ToR or procedure may then name them (never a learning brief)."""
    if kb.partnership is None:
        return
    was = {h.name for h in base.partnership.public_office_holders} if base.partnership else set()
    for i, holder in enumerate(kb.partnership.public_office_holders):
        if holder.name not in was:
            yield SafetyChange(
                kb.partnership.source,
                kb.partnership.line_of("public_office_holders", i),
                f"`{kb.partnership.source}` adds a public office-holder ({holder.role}): ToRs, "
                "procedures and data may now name them (ANO002 lists each use)",
            )


def _key(g: Granted) -> tuple[str, str, str | None, str | None]:
    return (g.source, g.rule.code, g.subject, g.rule.match)


def _terms(s: Suppression) -> tuple[object, ...]:
    return (s.until, s.reason)


def _described(g: Granted) -> str:
    # Never the match: for ANO001 it is the identifying detail itself.
    which = f"{g.rule.code}" + (f" for {g.subject}" if g.subject else " for every subject")
    return which + (" (one occurrence, by `match`)" if g.rule.match else "")


def _suppressions(base: KnowledgeBase, kb: KnowledgeBase) -> Iterator[SafetyChange]:
    before = {_key(g): g for g in collect(base)}
    after = {_key(g): g for g in collect(kb)}
    for key, g in after.items():
        old = before.get(key)
        if old is None:
            what = f"adds a suppression of {_described(g)} until {g.rule.until}"
        elif _terms(old.rule) != _terms(g.rule):
            what = (
                f"changes the suppression of {_described(g)}: until "
                f"{old.rule.until} → {g.rule.until}"
                + ("" if old.rule.reason == g.rule.reason else ", with a new reason")
            )
        else:
            continue
        yield SafetyChange(g.source, g.rule.line_of("code"), f"`{g.source}` {what}")
    for key, g in before.items():
        if key not in after:
            yield SafetyChange(
                g.source, 1, f"`{g.source}` removes the suppression of {_described(g)}"
            )


def safety_changes(
    base: KnowledgeBase, kb: KnowledgeBase, changed: Sequence[Changed] = (), under: str = ""
) -> list[SafetyChange]:
    """Everything in the change that a reviewer should read before the rest.

    ``changed`` lists the changed files by their path in the repository, and
    ``under`` is the knowledge base's folder in it ("" at its root).
    """
    broken = _broken_config(kb)
    if broken is None or _broken_config(base) is not None:
        found = [
            *_settings(base, kb),
            *_allowances(base, kb),
            *_office_holders(base, kb),
            *_suppressions(base, kb),
        ]
    else:
        # Compared with the defaults it falls back to, every setting and
        # suppression would read as removed: say what happened instead.
        found = [
            SafetyChange(
                CONFIG_FILE,
                broken,
                "kb.yaml no longer loads, so the checks run with their defaults and none "
                "of its suppressions applies; `kb check` says what to fix",
            ),
            *(c for c in _suppressions(base, kb) if c.file != CONFIG_FILE),
        ]
    return [*found, *touched(changed, under, base, kb)]
