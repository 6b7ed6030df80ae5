"""The data folder: the partnership, themes, register, action plans and meetings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checks.loading.files import named_in_utf8, yaml_files
from checks.loading.reader import (
    BAD_YAML,
    DUPLICATE,
    INVALID,
    MISSING_FILE,
    UNEXPECTED_FILE,
    UNREADABLE,
    Reader,
)
from checks.model import (
    Action,
    ActionPlan,
    Agency,
    Meeting,
    MeetingLog,
    Partnership,
    Register,
    Review,
    Theme,
    Vocabulary,
)
from checks.model.knowledge_base import KnowledgeBase, Unloaded

_KNOWN_DATA = {"partnership", "themes", "reviews", "sensitive"}


def load_data(loader: Reader, kb: KnowledgeBase, data_dir: Path) -> None:
    rel_data = kb.config.data_dir
    for name in ("partnership", "themes"):
        if not (data_dir / f"{name}.yaml").exists():
            kb.unloaded.append(Unloaded(name, f"{rel_data}/{name}.yaml", 1))
            loader.report(
                MISSING_FILE,
                f"{rel_data}/{name}.yaml",
                1,
                f"{rel_data}/{name}.yaml is missing; it is needed to check "
                + ("agencies and bank holidays" if name == "partnership" else "brief themes"),
            )
    if (data_dir / "partnership.yaml").exists():
        start = len(loader.problems)
        kb.partnership = loader.read_list(
            data_dir / "partnership.yaml", Partnership, "agencies", Agency
        )
        note_unloaded(
            loader,
            kb,
            "partnership",
            data_dir / "partnership.yaml",
            start,
            kb.partnership is not None,
        )
        if kb.partnership:
            for agency in kb.partnership.agencies:
                unique(loader, kb.agencies, agency.id, agency, "agency")

    if (data_dir / "themes.yaml").exists():
        start = len(loader.problems)
        vocab = loader.read_list(data_dir / "themes.yaml", Vocabulary, "themes", Theme)
        note_unloaded(loader, kb, "themes", data_dir / "themes.yaml", start, vocab is not None)
        if vocab:
            for theme in vocab.themes:
                unique(loader, kb.themes, theme.id, theme, "theme")

    if (data_dir / "reviews.yaml").exists():
        start = len(loader.problems)
        register = loader.read_list(
            data_dir / "reviews.yaml", Register, "reviews", Review, required=False
        )
        note_unloaded(loader, kb, "reviews", data_dir / "reviews.yaml", start, register is not None)
        if register:
            for review in register.reviews:
                unique(loader, kb.reviews, review.ref, review, "review reference")

    seen_actions: dict[str, Any] = {}
    for path in yaml_files(data_dir / "actions"):
        start = len(loader.problems)
        plan = loader.read_list(path, ActionPlan, "actions", Action)
        note_unloaded(loader, kb, "actions", path, start, plan is not None)
        if plan is None:
            continue
        kept = [
            a
            for a in plan.actions
            if unique(loader, seen_actions, f"{plan.review}/{a.id}", a, "action id")
        ]
        if len(kept) != len(plan.actions):
            # The first of a duplicated id stays; later ones are reported and dropped.
            copy = plan.model_copy(update={"actions": kept})
            copy.locate(plan.source, plan.raw)
            plan = copy
        if kept:
            kb.plans.append(plan)

    for path in yaml_files(data_dir / "meetings"):
        start = len(loader.problems)
        log = loader.read_list(path, MeetingLog, "meetings", Meeting)
        note_unloaded(loader, kb, "meetings", path, start, log is not None)
        if log is not None:
            kb.meetings.extend(log.meetings)

    if data_dir.is_dir():
        for path in sorted(data_dir.iterdir()):
            if not named_in_utf8(path.name):
                continue  # refused, and reported as KB001, by Reader.refuse_all
            if path.is_dir():
                if path.name not in ("actions", "meetings") and not path.name.startswith("."):
                    loader.report(
                        UNEXPECTED_FILE,
                        loader.rel(path),
                        1,
                        "this folder is not read; data/ holds partnership.yaml, themes.yaml, "
                        "reviews.yaml, actions/ and meetings/",
                    )
            elif path.suffix in (".yaml", ".yml") and path.stem not in _KNOWN_DATA:
                loader.report(
                    UNEXPECTED_FILE,
                    loader.rel(path),
                    1,
                    f"{path.name} is not read; action plans go in actions/, meetings in "
                    "meetings/, and the register in reviews.yaml",
                )


#: The loader's findings that mean a file (or an entry) was left out.
_NOT_LOADED = frozenset({UNREADABLE, BAD_YAML, INVALID})


def note_unloaded(
    loader: Reader,
    kb: KnowledgeBase,
    source: str,
    path: Path,
    start: int,
    loaded: bool,
    key: str | None = None,
) -> None:
    """Record on ``kb`` what of ``path`` did not load, from what the loader
    reported about it since ``start`` (its length of ``problems`` before reading).

    A file left out with an error is lost whole, or, with a ``key`` (a page
    holding one record, such as a ToR), as that one entry of ``source``; the
    broken entries left out of a list that ``loaded`` are lost one by one. A
    file left out without an error (empty and optional) records nothing.
    """
    rel = loader.rel(path)
    if loaded:
        for line, name in loader.lost.get(rel, []):
            kb.unloaded.append(Unloaded(source, rel, line, name, whole=False))
        return
    errors = [p for code, p in loader.problems[start:] if code in _NOT_LOADED and p.file == rel]
    if errors:
        kb.unloaded.append(Unloaded(source, rel, errors[0].line, key, whole=key is None))


def unique(loader: Reader, into: dict[str, Any], key: str, obj: Any, what: str) -> bool:
    """Add ``obj`` under ``key``; a duplicate is reported and left out (False)."""
    first = into.get(key)
    if first is None:
        into[key] = obj
        return True
    loader.report(
        DUPLICATE,
        obj.source,
        obj.line_of(),
        f"the {what} {key} is already used in {first.source} at line {first.line_of()}; "
        "each must be unique",
        key,
    )
    return False
