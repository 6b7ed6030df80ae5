"""`kb init` starts a knowledge base that passes `kb check`, builds, and takes
every `kb new` from the first minute."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from test_ci_templates import _commands, _kb_parses

from checks.authoring.init import TEMPLATES, Answers, InitError, complete, template
from checks.loading import load
from checks.rules.engine import run
from kbfactory import TODAY, kb
from sitehelp import mkdocs

AS_OF = TODAY.isoformat()

FLAGS = [
    "--name",
    "Wrenmouth Safeguarding Children Partnership",
    "--area",
    "Wrenmouth",
    "--nation",
    "Wales",
    "--council",
    "Wrenmouth County Borough Council",
    "--icb",
    "Wrenmouth and Vale Health Board",
    "--police",
    "Vale Police",
    "--agency",
    "Wrenmouth Schools Service",
    "--agency",
    "probation=Probation Service: Wrenmouth",
    "--yearly-report",
    "2026-06-30",
]


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    root = tmp_path / "wrenmouth"
    code, out, err = kb("init", str(root), *FLAGS)
    assert code == 0, err
    assert "wrote a new knowledge base" in out
    return root


def test_writes_a_knowledge_base_that_passes(fresh: Path) -> None:
    for name in (
        "data/partnership.yaml",
        "data/themes.yaml",
        "data/reviews.yaml",
        "kb.yaml",
        "mkdocs.yml",
        "hooks/kb.py",
        ".github/workflows/kb.yml",
        "requirements/kb.txt",
        "requirements/model.txt",
    ):
        assert (fresh / name).is_file(), name
    loaded = load(fresh)
    assert loaded.partnership is not None
    assert loaded.partnership.nation == "WLS"
    assert loaded.statutory == ["council", "icb", "police"]
    names = {a.id: a.name for a in loaded.partnership.agencies}
    assert names["probation"] == "Probation Service: Wrenmouth"
    assert names["wrenmouth-schools-service"] == "Wrenmouth Schools Service"
    assert len(loaded.themes) >= 15
    assert run(loaded, TODAY).findings == []


def test_ci_template_installs_the_named_checker(fresh: Path) -> None:
    workflow = yaml.safe_load((fresh / ".github/workflows/kb.yml").read_text())
    (job,) = workflow["jobs"].values()
    runs = [s.get("run", "") for s in job["steps"]]
    assert "pip install -r ../trusted/requirements/kb.txt" in runs
    assert "kb-checks[site]" in (fresh / "requirements/kb.txt").read_text()
    # Every kb command in it is one the checker accepts.
    commands = [c for run in runs for c in _commands(run) if c and c[0] == "kb"]
    assert ["kb", "check", "--format", "github", "--strict"] in commands
    for argv in commands:
        _kb_parses(argv)
    # The trusted copy's hooks exist in a fresh knowledge base.
    assert any("cp -R ../trusted/mkdocs.yml ../trusted/hooks ." in run for run in runs)


KINDS = [
    ("tor", "--title", "Executive Group"),
    ("tor", "--title", "Case Review Group"),
    ("procedure", "--title", "Escalation"),
    ("review",),
    ("brief", "--title", "Safe sleep"),
    ("action", "--review", f"CSPR-{TODAY.year}-01"),
    ("meeting", "--group", "executive-group"),
]


def test_every_kb_new_works_in_a_fresh_knowledge_base(fresh: Path) -> None:
    for kind, *rest in KINDS:
        code, _, err = kb("new", kind, str(fresh), *rest, "--as-of", AS_OF)
        assert code == 0, (kind, err)
        result = run(load(fresh), TODAY)
        assert result.findings == [], (kind, [f"{f.code} {f.message}" for f in result.findings])
    case_review = (fresh / "docs/tor/case-review-group.md").read_text()
    assert "approved_by: executive-group" in case_review
    assert "reports_to: executive-group" in case_review


def test_kb_new_asks_rather_than_guesses_in_a_fresh_knowledge_base(fresh: Path) -> None:
    code, _, err = kb("new", "brief", str(fresh), "--as-of", AS_OF)
    assert code == 2 and "kb new review" in err
    code, _, err = kb("new", "procedure", str(fresh), "--as-of", AS_OF)
    assert code == 2 and "--group" in err
    # With one other ToR that is not the executive, no parent is guessed.
    kb("new", "tor", str(fresh), "--title", "Learning Group", "--as-of", AS_OF)
    kb("new", "tor", str(fresh), "--title", "Audit Group", "--as-of", AS_OF)
    text = (fresh / "docs/tor/audit-group.md").read_text()
    assert "\n# approved_by: GROUP" in text and "learning-group" in text
    assert "\napproved_by:" not in text and "\nreports_to:" not in text
    assert run(load(fresh), TODAY).findings == []


def test_refuses_an_existing_knowledge_base(fresh: Path) -> None:
    before = (fresh / "data/partnership.yaml").read_text()
    code, out, err = kb("init", str(fresh), *FLAGS)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "already holds a knowledge base" in err
    assert (fresh / "data/partnership.yaml").read_text() == before


def test_refuses_the_example_partnership() -> None:
    code, _, err = kb("init", str(Path(__file__).parent.parent), *FLAGS)
    assert code == 2 and "kb.yaml" in err


def test_without_a_terminal_every_answer_is_a_flag(tmp_path: Path) -> None:
    code, _, err = kb("init", str(tmp_path / "new"), "--name", "X Partnership")
    assert code == 2 and err.count("\n") == 1
    assert "--area" in err and "--police" in err and "--agency" not in err
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(
    ("flag", "value", "words"),
    [
        ("--nation", "Cornwall", "England, Wales, Scotland, Northern Ireland"),
        ("--yearly-report", "30/06/2026", "2026-06-30"),
        ("--name", "  ", "--name is empty"),
    ],
)
def test_bad_answers_write_nothing(tmp_path: Path, flag: str, value: str, words: str) -> None:
    flags = list(FLAGS)
    flags[flags.index(flag) + 1] = value
    code, _, err = kb("init", str(tmp_path / "new"), *flags)
    assert code == 2 and words in err and err.count("\n") == 1
    assert not (tmp_path / "new").exists()


def test_asks_on_a_terminal() -> None:
    replies = iter(
        [
            "Harrowdale Partnership",
            "Harrowdale",
            "england",
            "Harrowdale Council",
            "Harrowdale ICB",
            "Harrowdale Police",
            "Harrowdale Hospital; Harrowdale Schools",
            "none",
        ]
    )
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return next(replies)

    answers = complete(Answers(), ask)
    assert answers.agencies == ["Harrowdale Hospital", "Harrowdale Schools"]
    assert len(asked) == 8 and "bank holidays" in asked[2]
    with pytest.raises(InitError, match="--name"):
        complete(Answers(), None)


def test_no_yearly_report_is_said_not_hidden(tmp_path: Path) -> None:
    flags = list(FLAGS)
    flags[flags.index("--yearly-report") + 1] = "none"
    assert kb("init", str(tmp_path / "new"), *flags)[0] == 0
    codes = [f.code for f in run(load(tmp_path / "new"), TODAY).findings]
    assert codes == ["PRT001"]


@pytest.mark.slow
def test_the_fresh_knowledge_base_builds(fresh: Path, tmp_path: Path) -> None:
    kb("new", "tor", str(fresh), "--title", "Executive Group", "--as-of", AS_OF)
    result = mkdocs(fresh, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "site/index.html").is_file()
    assert (
        "Wrenmouth Safeguarding Children Partnership" in (tmp_path / "site/index.html").read_text()
    )


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("relative", sorted(TEMPLATES))
def test_what_init_copies_is_package_data_equal_to_the_project_file(relative: str) -> None:
    """`kb init` reads the hook, the CI workflow and the model pin through
    importlib.resources, so it works from a wheel; each copy is the project's own
    file byte for byte (refresh with: cp <file> checks/authoring/templates/<copy>)."""
    packaged = files("checks.authoring") / "templates" / TEMPLATES[relative]
    assert packaged.read_text(encoding="utf-8") == (ROOT / relative).read_text(encoding="utf-8"), (
        f"checks/authoring/templates/{TEMPLATES[relative]} differs from {relative}; copy it"
    )
    assert template(relative) == (ROOT / relative).read_text(encoding="utf-8")


def test_the_templates_are_declared_as_package_data() -> None:
    """A wheel holds only the data files pyproject.toml declares."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["checks"]
    for copy in TEMPLATES.values():
        assert any(fnmatch(f"authoring/templates/{copy}", glob) for glob in globs), copy
