"""`kb init`: a new, minimal knowledge base for a partnership of one's own.

It writes the partnership and its agencies, a vocabulary of themes, `kb.yaml`,
`mkdocs.yml` with the project's hooks, the CI template, a home page and an
empty review register: enough for `kb check` to pass and MkDocs to build, and
for `kb new` of every kind and `kb import tor` to work from the first minute.
Nothing is written until every answer has been checked, and nothing is ever
written over an existing knowledge base.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path

from checks.model.working_days import DateError, parse_date

# The hook file, the CI template and the pinned language model are copied from
# the package's own data (`checks/authoring/templates/`, kept byte for byte equal
# to the project's `hooks/kb.py`, `.github/workflows/kb.yml` and
# `requirements/model.txt` by tests/test_init.py), so `kb init` works from a wheel
# and a new knowledge base runs exactly the adapter this checker ships.
TEMPLATES = {
    "hooks/kb.py": "hook.py.txt",
    ".github/workflows/kb.yml": "kb.yml",
    "requirements/model.txt": "model.txt",
}

NATION_NAMES = {
    "ENG": "England",
    "WLS": "Wales",
    "SCT": "Scotland",
    "NIR": "Northern Ireland",
}

# The three statutory safeguarding partners (Children Act 2004, s.16E), by the
# stable ids the checks and templates use.
STATUTORY_ROLES = (
    ("council", "the local authority", "Council"),
    ("icb", "the integrated care board", "ICB"),
    ("police", "the chief officer of police's force", "Police"),
)

# Themes that national reviews and the national Panel's reports keep returning
# to, in this project's own words. A partnership edits the list to suit it.
DEFAULT_THEMES: tuple[tuple[str, str, str | None], ...] = (
    (
        "information-sharing",
        "Information sharing",
        "What was known, by whom, and whether it reached those who needed it.",
    ),
    (
        "risk-assessment",
        "Risk assessment and decision-making",
        "How risk was weighed, recorded and acted on, and whether plans were revisited.",
    ),
    (
        "voice-of-the-child",
        "Voice of the child",
        "Seeing and hearing the child, and what their daily life was like.",
    ),
    (
        "professional-curiosity",
        "Professional curiosity",
        "Asking the next question; not taking accounts at face value.",
    ),
    (
        "escalation",
        "Escalation and challenge",
        "Raising concerns across agencies and following them through.",
    ),
    ("neglect", "Neglect", "Persistent failure to meet a child's basic needs."),
    ("domestic-abuse", "Domestic abuse", "Its impact on children, and how it was recognised."),
    ("mental-health", "Parental mental health", None),
    ("substance-misuse", "Parental substance misuse", None),
    (
        "hidden-men",
        "Men in the household",
        "Fathers and other men around the child who were not seen or assessed.",
    ),
    (
        "non-accidental-injury",
        "Injury in babies and non-mobile children",
        "Bruising and injuries in children who are not yet moving about.",
    ),
    ("safe-sleep", "Safe sleep", "Sudden unexpected death in infancy and unsafe sleeping."),
    ("sexual-abuse", "Child sexual abuse", "Including abuse within the family."),
    ("exploitation", "Child exploitation", "Criminal and sexual exploitation outside the home."),
    ("online-harm", "Online harm", None),
    ("self-harm-suicide", "Self-harm and suicide", None),
    ("disabled-children", "Disabled children", None),
    ("identity", "Race, culture and identity", None),
    ("education", "Children missing education", "Including elective home education."),
    ("transition", "Transition to adulthood", None),
)


class InitError(Exception):
    """`kb init` cannot go ahead; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    short: str | None = None
    statutory: bool = False


@dataclass(slots=True)
class Answers:
    """What `kb init` asks for; ``None`` is not answered yet."""

    name: str | None = None
    area: str | None = None
    nation: str | None = None
    council: str | None = None
    icb: str | None = None
    police: str | None = None
    agencies: list[str] | None = None
    yearly_report: str | None = None
    checker: str | None = None
    missing: list[str] = field(default_factory=list)


QUESTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "name",
        "--name",
        "The partnership's name (e.g. Exampleton Safeguarding Children Partnership)",
    ),
    ("area", "--area", "The area it covers"),
    (
        "nation",
        "--nation",
        "Whose bank holidays count: England, Wales, Scotland or Northern Ireland",
    ),
    ("council", "--council", "Statutory partner 1, the local authority"),
    ("icb", "--icb", "Statutory partner 2, the integrated care board"),
    ("police", "--police", "Statutory partner 3, the police force"),
    ("agencies", "--agency", "Relevant agencies, separated by semicolons (may be empty)"),
    (
        "yearly_report",
        "--yearly-report",
        "When the partnership's latest yearly report was published (YYYY-MM-DD, or 'none')",
    ),
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "agency"


def nation_code(value: str) -> str:
    text = value.strip()
    if text.upper() in NATION_NAMES:
        return text.upper()
    for code, name in NATION_NAMES.items():
        if text.lower() == name.lower():
            return code
    raise InitError(
        f"--nation {value!r} is not a UK nation; accepted: England, Wales, Scotland, "
        "Northern Ireland (or ENG, WLS, SCT, NIR)"
    )


def complete(answers: Answers, ask: Callable[[str], str] | None) -> Answers:
    """Fill what was not given by asking (``ask`` is None with no terminal, and
    then every missing answer is an InitError naming its flag)."""
    missing = []
    for attr, flag, question in QUESTIONS:
        if getattr(answers, attr) is not None:
            continue
        if ask is None:
            missing.append(flag)
            continue
        reply = ask(f"{question}: ").strip()
        if attr == "agencies":
            answers.agencies = [a.strip() for a in reply.split(";") if a.strip()]
        else:
            setattr(answers, attr, reply)
    needed = [f for f in missing if f != "--agency"]
    if needed:
        raise InitError(
            "there is no terminal to ask on, so give "
            + ", ".join(needed)
            + " (see `kb init --help`)"
        )
    if answers.agencies is None:
        answers.agencies = []
    for attr, flag, _ in QUESTIONS:
        value = getattr(answers, attr)
        if isinstance(value, str) and not value.strip():
            raise InitError(f"{flag} is empty; it needs a value")
    return answers


def agencies_of(answers: Answers) -> list[Agency]:
    """The statutory partners under their stable ids, then each relevant agency
    (``id=Name`` sets the id; otherwise it is made from the name)."""
    out = [
        Agency(id_, str(getattr(answers, id_)).strip(), short, statutory=True)
        for id_, _, short in STATUTORY_ROLES
    ]
    seen = {a.id for a in out}
    for entry in answers.agencies or []:
        id_, _, name = entry.partition("=") if "=" in entry else ("", "", entry)
        id_ = slug(id_ or name)
        name = name.strip()
        if id_ in seen:
            raise InitError(f"--agency {entry!r}: the id {id_!r} is used twice; write id=Name")
        seen.add(id_)
        out.append(Agency(id_, name))
    return out


def _quote(text: str) -> str:
    """A YAML scalar in double quotes, so a name with `: ` or `#` stays text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def partnership_yaml(answers: Answers, agencies: list[Agency], reported: date | None) -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/partnership.schema.json",
        "# Who the partnership is. Written by `kb init`; edit it as things change.",
        f"name: {_quote(str(answers.name))}",
        f"area: {_quote(str(answers.area))}",
        f"nation: {answers.nation}  # whose bank holidays count: ENG, WLS, SCT or NIR",
        "# Each yearly report the partners publish: Working Together asks for one in",
        "# every 12-month period.",
    ]
    if reported is None:
        lines.append("yearly_reports: []  # add {published_on: YYYY-MM-DD} for each report")
    else:
        lines += ["yearly_reports:", f"  - published_on: {reported}"]
    lines += [
        "# Office-holders whose names ToRs and procedures may publish (never a learning",
        "# brief): the independent chair or scrutineer, for example.",
        "public_office_holders: []",
        "# Every agency with a seat anywhere. ToRs and actions name agencies by `id`.",
        "agencies:",
    ]
    for agency in agencies:
        lines.append(f"  - id: {agency.id}")
        lines.append(f"    name: {_quote(agency.name)}")
        if agency.short:
            lines.append(f"    short: {_quote(agency.short)}")
        if agency.statutory:
            lines.append("    statutory: true")
    return "\n".join(lines) + "\n"


def themes_yaml() -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/themes.schema.json",
        "# The themes learning briefs may be tagged with (BRF002 checks them). These are",
        "# the themes national reviews keep returning to; add, rename or remove to suit.",
        "themes:",
    ]
    for id_, label, description in DEFAULT_THEMES:
        lines += [f"  - id: {id_}", f"    label: {_quote(label)}"]
        if description:
            lines.append(f"    description: {_quote(description)}")
    return "\n".join(lines) + "\n"


KB_YAML = """\
# yaml-language-server: $schema=schemas/config.schema.json
# Settings for `kb check` and the site build. Every key is optional; `kb rules CODE`
# describes each check and its options.
data_dir: data
docs_dir: docs
# Days ahead that "due soon" warnings start.
warning_days: 60
# Per-check settings: enabled, severity, options.
rules: {}
# Deliberate, reasoned, time-limited exceptions: code, subject, reason, until.
suppressions: []
"""

REVIEWS_YAML = """\
# yaml-language-server: $schema=../schemas/reviews.schema.json
# The register of case reviews: add one with `kb new review`.
reviews: []
"""


def mkdocs_yaml(name: str) -> str:
    return f"""\
site_name: {_quote(name)}
docs_dir: docs
site_dir: site
use_directory_urls: true
# Where the site is published, e.g. KB_SITE_URL=https://intranet.example/kb/ mkdocs build.
site_url: !ENV [KB_SITE_URL]

theme:
  name: material
  language: en
  # No web fonts: an intranet page requests nothing from other hosts.
  font: false
  features:
    - navigation.sections
    - navigation.top
    - search.highlight

plugins:
  - search
  - tags:
      listings_map: {{}}
  - offline:
      enabled: !ENV [KB_OFFLINE, false]

# The checker's MkDocs adapter: it checks the knowledge base on every build and
# adds the generated pages (groups, register, tracker, dashboard, rules).
hooks:
  - hooks/kb.py

extra:
  generator: false

markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true

validation:
  nav:
    omitted_files: ignore
    not_found: warn
  links:
    not_found: warn
    anchors: warn
"""


def index_md(name: str) -> str:
    return f"""\
# {name}

The partnership's terms of reference, procedures, review register, action
plans and learning briefs, checked on every change.

- Add a group's terms of reference: `kb import tor FILE` or `kb new tor`.
- Record a case review: `kb new review`.
"""


GITIGNORE = "site/\n.cache/\n"


def template(relative: str) -> str:
    """The packaged copy of the project's file ``relative`` (a key of TEMPLATES)."""
    resource = files("checks.authoring") / "templates" / TEMPLATES[relative]
    try:
        return resource.read_text(encoding="utf-8")
    except OSError:
        raise InitError(
            f"the checker's copy of {relative} is missing from its installation "
            f"(checks/authoring/templates/{TEMPLATES[relative]}); reinstall kb-checks"
        ) from None


def ci_workflow(checker: str) -> tuple[str, str]:
    """The project's GitHub Actions template, installing the checker named in
    ``requirements/kb.txt`` rather than from the repository itself."""
    text = template(".github/workflows/kb.yml")
    install = 'run: pip install "../trusted[site]"'
    if install not in text:
        raise InitError(".github/workflows/kb.yml has changed shape; copy it by hand")
    text = text.replace(install, "run: pip install -r ../trusted/requirements/kb.txt")
    requirement = (
        "# The checker and site builder CI installs (from the target branch's copy of\n"
        "# this file). Pin it to a release or a commit of the checker's repository.\n"
        f"{checker}\n"
    )
    return text, requirement


def files_for(answers: Answers) -> dict[str, str]:
    """Every file of the new knowledge base, by its path relative to the folder."""
    answers.nation = nation_code(str(answers.nation))
    reported: date | None = None
    value = str(answers.yearly_report).strip()
    if value.lower() not in ("none", "no", "-"):
        try:
            reported = parse_date(value)
        except DateError as exc:
            raise InitError(f"--yearly-report {value!r}: {exc}") from None
    agencies = agencies_of(answers)
    workflow, requirement = ci_workflow(answers.checker or "kb-checks[site]")
    return {
        "data/partnership.yaml": partnership_yaml(answers, agencies, reported),
        "data/themes.yaml": themes_yaml(),
        "data/reviews.yaml": REVIEWS_YAML,
        "kb.yaml": KB_YAML,
        "mkdocs.yml": mkdocs_yaml(str(answers.name)),
        "docs/index.md": index_md(str(answers.name)),
        "hooks/kb.py": template("hooks/kb.py"),
        ".github/workflows/kb.yml": workflow,
        "requirements/kb.txt": requirement,
        "requirements/model.txt": template("requirements/model.txt"),
        ".gitignore": GITIGNORE,
    }


# Any of these means a knowledge base (or a site) is already here.
EXISTING = ("kb.yaml", "mkdocs.yml", "mkdocs.yaml", "data", "docs")


def refuse_existing(root: Path) -> None:
    found = [name for name in EXISTING if (root / name).exists() or (root / name).is_symlink()]
    if found:
        raise InitError(
            f"{root} already holds a knowledge base ({', '.join(found)}); nothing was "
            "written. Choose an empty folder"
        )


def initialise(root: Path, answers: Answers) -> list[Path]:
    """Write the new knowledge base under ``root``; return the files written.

    Every file is made in memory first, so a bad answer writes nothing."""
    refuse_existing(root)
    files = files_for(answers)
    if root.exists() and not root.is_dir():
        raise InitError(f"{root} is a file, not a folder")
    written = []
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as out:
            out.write(text)
        written.append(path)
    return written
