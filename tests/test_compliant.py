"""The factory's knowledge base passes every check; each rule test starts from it."""

from __future__ import annotations


def test_compliant_knowledge_base_has_no_findings(files, check):
    result = check(files)
    assert result.findings == []
    assert result.files_read == 10
