"""The CI templates parse, and every command in them is one the tools accept."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from checks.cli import build_parser
from sitehelp import REPO


def _commands(script: str) -> list[list[str]]:
    out = []
    for line in script.splitlines():
        line = re.sub(r"\$\{\{[^}]*\}\}", "X", line)  # GitHub expressions
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(shlex.split(line.split("&&")[0]))
    return out


def _kb_parses(argv: list[str]) -> None:
    # argparse exits on a bad command line; a SystemExit fails the test.
    args = build_parser().parse_args(argv[1:])
    assert args.command


def github_steps() -> list[dict]:
    workflow = yaml.safe_load((REPO / ".github/workflows/kb.yml").read_text())
    (job,) = workflow["jobs"].values()
    return job["steps"]


def test_github_workflow_runs_the_right_commands():
    steps = github_steps()
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [c for s in steps if "run" in s for c in _commands(s["run"])]
    kb_runs = [c for c in runs if c[0] == "kb"]
    for argv in kb_runs:
        _kb_parses(argv)
    assert ["kb", "check", "--format", "github", "--strict"] in kb_runs
    assert any(c[:2] == ["kb", "diff"] and "$GITHUB_STEP_SUMMARY" in c for c in kb_runs)
    assert ["mkdocs", "build", "--strict"] in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].startswith("site")


def test_github_workflow_keeps_the_parse_cache_outside_the_checkout():
    steps = github_steps()
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == "~/.cache/kb-checks"  # the default: never the repository
    first_kb = next(i for i, s in enumerate(steps) if "run" in s and "kb check" in s["run"])
    assert steps.index(cache) < first_kb


def test_gitlab_ci_parses_afresh():
    # GitLab caches only paths inside the project, where a merge request could
    # plant a pickle: the template turns the cache off instead.
    ci = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text())
    assert ci["variables"]["KB_NO_CACHE"] == "1"
    assert "cache" not in ci and all(
        "cache" not in job for job in ci.values() if isinstance(job, dict)
    )


def test_gitlab_ci_keeps_the_junit_report():
    ci = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text())
    assert ci["variables"]["GIT_DEPTH"] == "0"
    check = ci["kb-check"]
    assert check["artifacts"]["reports"]["junit"] == "kb-junit.xml"
    commands = [
        c
        for job in ("kb-check", "kb-diff", "site")
        for line in ci[job]["script"]
        for c in _commands(line)
    ]
    for argv in commands:
        if argv[0] == "kb":
            _kb_parses(argv)
    assert ["kb", "check", "--format", "junit", "--output", "kb-junit.xml", "--strict"] in commands
    assert ["mkdocs", "build", "--strict"] in commands


@pytest.mark.parametrize("hook", yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text()))
def test_pre_commit_hooks(hook):
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    argv = shlex.split(hook["entry"])
    assert argv[0] == "kb"
    _kb_parses(argv)
    re.compile(hook["files"])


def test_the_hook_commands_pass_on_this_repository_where_they_should(tmp_path):
    import io

    from checks.cli import main

    assert (
        main(["schema", "--check", "--out", str(REPO / "schemas")], io.StringIO(), io.StringIO())
        == 0
    )
