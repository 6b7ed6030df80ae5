"""`kb new` writes files that pass `kb check` except for the content still to write."""

from __future__ import annotations

import pytest

from checks.loading import load
from checks.rules.engine import run
from kbfactory import TODAY, compliant, kb, write


@pytest.fixture
def root(tmp_path):
    return write(tmp_path / "kb", compliant())


@pytest.mark.parametrize(
    ("argv", "written"),
    [
        (
            ["tor", "--title", "Education Safeguarding Group"],
            "docs/tor/education-safeguarding-group.md",
        ),
        (
            ["brief", "--title", "Bruising in babies", "--review", "CSPR-2026-01"],
            "docs/briefs/lb-2026-02-bruising-in-babies.md",
        ),
        (
            ["procedure", "--title", "Escalation", "--group", "panel"],
            "docs/procedures/escalation.md",
        ),
        (["review", "--review-kind", "lcspr"], "data/reviews.yaml"),
        (["action", "--review", "CSPR-2026-01"], "data/actions/CSPR-2026-01.yaml"),
        (["meeting", "--group", "panel"], "data/meetings/2026.yaml"),
    ],
)
def test_new_file_passes_kb_check(root, argv, written):
    before = load(root)
    code, out, err = kb("new", argv[0], str(root), *argv[1:], "--as-of", TODAY.isoformat())
    assert code == 0, err
    assert written in out
    after = load(root)
    result = run(after, TODAY)
    assert result.findings == [], [f"{f.code} {f.message}" for f in result.findings]
    # Something new was added, with the next free id.
    assert (
        len(after.tors)
        + len(after.briefs)
        + len(after.procedures)
        + len(after.reviews)
        + sum(len(p.actions) for p in after.plans)
        + len(after.meetings)
    ) == (
        len(before.tors)
        + len(before.briefs)
        + len(before.procedures)
        + len(before.reviews)
        + sum(len(p.actions) for p in before.plans)
        + len(before.meetings)
        + 1
    )


def test_next_free_ids(root):
    kb("new", "review", str(root), "--as-of", "2026-11-25")
    kb("new", "review", str(root), "--as-of", "2026-11-25")
    assert {"CSPR-2026-02", "CSPR-2026-03"} <= set(load(root).reviews)
    kb("new", "action", str(root), "--review", "CSPR-2026-01", "--as-of", "2026-11-25")
    (plan,) = load(root).plans
    assert [a.id for a in plan.actions] == ["A01", "A02", "A03"]


def test_every_required_field_has_a_comment(root):
    kb("new", "brief", str(root), "--as-of", "2026-11-25")
    text = next((root / "docs/briefs").glob("lb-2026-02-*.md")).read_text()
    for field in ("id:", "review:", "themes:", "status:", "publish_on:", "review_by:"):
        line = next(line for line in text.splitlines() if line.startswith(field))
        assert "#" in line, line


def test_helpful_errors(root):
    code, _, err = kb("new", "action", str(root))
    assert code == 2 and "--review" in err
    code, _, err = kb("new", "meeting", str(root), "--group", "nobody")
    assert code == 2 and "exec|panel" in err
    kb("new", "tor", str(root), "--title", "Panel", "--name", "panel")
    code, _, err = kb("new", "tor", str(root), "--title", "Panel", "--name", "panel")
    assert code == 2 and "already exists" in err
