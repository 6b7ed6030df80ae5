"""JUnit XML, which GitLab, Jenkins and Azure DevOps render as a test report.

One test suite per check; one failing test case per error finding (and per
warning with ``--strict``); a check with nothing to report is one passing case,
so the report also shows what was checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from checks.model.findings import Severity
from checks.rules import REGISTRY
from checks.rules.engine import Result


def report(result: Result, stream: TextIO, strict: bool = False) -> None:
    root = ET.Element("testsuites", name="kb check", timestamp=result.today.isoformat())
    by_code = {
        code: list(g)
        for code, g in groupby(sorted(result.findings, key=lambda f: f.code), key=lambda f: f.code)
    }
    total = failures = 0
    for code in result.rules_run:
        rule = REGISTRY[code]
        findings = by_code.get(code, [])
        suite = ET.SubElement(root, "testsuite", name=f"{code} {rule.name}")
        failed_here = 0
        if not findings:
            ET.SubElement(suite, "testcase", classname=code, name=rule.summary)
        for f in findings:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=code,
                name=f"{f.file}:{f.line} {f.subject}".strip(),
                file=f.file,
                line=str(f.line),
            )
            fails = f.severity is Severity.ERROR or (strict and f.severity is Severity.WARNING)
            if fails:
                failed_here += 1
                node = ET.SubElement(case, "failure", message=f.message, type=f.severity.value)
                node.text = f"{f.code} {f.file}:{f.line}: {f.message}"
            else:
                ET.SubElement(case, "system-out").text = f"{f.severity.value}: {f.message}"
        cases = max(len(findings), 1)
        suite.set("tests", str(cases))
        suite.set("failures", str(failed_here))
        suite.set("errors", "0")
        total += cases
        failures += failed_here
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
