"""The data folder: the partnership, themes, register, action plans and meetings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checks.kb import KnowledgeBase
from checks.loading.files import yaml_files
from checks.loading.reader import DUPLICATE, MISSING_FILE, UNEXPECTED_FILE, Reader
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

_KNOWN_DATA = {"partnership", "themes", "reviews", "sensitive"}


def load_data(loader: Reader, kb: KnowledgeBase, data_dir: Path) -> None:
    rel_data = kb.config.data_dir
    for name in ("partnership", "themes"):
        if not (data_dir / f"{name}.yaml").exists():
            loader.report(
                MISSING_FILE,
                f"{rel_data}/{name}.yaml",
                1,
                f"{rel_data}/{name}.yaml is missing; it is needed to check "
                + ("agencies and bank holidays" if name == "partnership" else "brief themes"),
            )
    if (data_dir / "partnership.yaml").exists():
        # The partnership, themes and register are read whole by every share:
        # they are small, and checks on any share's files refer to them.
        kb.partnership = loader.read_list(
            data_dir / "partnership.yaml", Partnership, "agencies", Agency, divisible=False
        )
        if kb.partnership:
            for agency in kb.partnership.agencies:
                unique(loader, kb.agencies, agency.id, agency, "agency")

    if (data_dir / "themes.yaml").exists():
        vocab = loader.read_list(
            data_dir / "themes.yaml", Vocabulary, "themes", Theme, divisible=False
        )
        if vocab:
            for theme in vocab.themes:
                unique(loader, kb.themes, theme.id, theme, "theme")

    if (data_dir / "reviews.yaml").exists():
        register = loader.read_list(
            data_dir / "reviews.yaml", Register, "reviews", Review, required=False, divisible=False
        )
        if register:
            for review in register.reviews:
                unique(loader, kb.reviews, review.ref, review, "review reference")

    seen_actions: dict[str, Any] = {}
    for path in yaml_files(data_dir / "actions"):
        plan = loader.read_list(path, ActionPlan, "actions", Action)
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
        log = loader.read_list(path, MeetingLog, "meetings", Meeting)
        if log is not None:
            kb.meetings.extend(log.meetings)

    if data_dir.is_dir():
        for path in sorted(data_dir.iterdir()):
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
