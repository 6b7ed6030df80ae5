"""Exported JSON Schemas stay in sync with the model, and the example files use them."""

from __future__ import annotations

import io
import json
import re

import jsonschema
import pytest

from checks.cli import main
from checks.loading.markdown import split_front_matter
from checks.model.yaml_source import load_yaml
from checks.reports.schemas import KINDS, render
from sitehelp import REPO

SCHEMAS = REPO / "schemas"


def test_committed_schemas_match_the_model():
    out, err = io.StringIO(), io.StringIO()
    assert main(["schema", "--check", "--out", str(SCHEMAS)], out, err) == 0, err.getvalue()


def test_check_notices_a_stale_schema(tmp_path):
    for stem in KINDS:
        (tmp_path / f"{stem}.schema.json").write_text(render(stem))
    (tmp_path / "tor.schema.json").write_text("{}")
    err = io.StringIO()
    assert main(["schema", "--check", "--out", str(tmp_path)], io.StringIO(), err) == 1
    assert "tor.schema.json is out of date" in err.getvalue()


def _examples():
    for path in sorted([*REPO.glob("data/**/*.yaml"), *REPO.glob("docs/*/*.md"), REPO / "kb.yaml"]):
        text = path.read_text()
        if path.suffix == ".md":
            front = split_front_matter(text).front
            if front is None:
                continue
            text = front
        yield pytest.param(path, text, id=str(path.relative_to(REPO)))


@pytest.mark.parametrize(("path", "text"), list(_examples()))
def test_example_files_point_at_a_schema_and_validate(path, text):
    m = re.search(r"# yaml-language-server: \$schema=(\S+)", text)
    assert m, f"{path} has no schema line"
    schema_path = (path.parent / m.group(1)).resolve()
    schema = json.loads(schema_path.read_text())
    jsonschema.validate(load_yaml(text), schema)
