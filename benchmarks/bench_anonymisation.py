"""Measure the anonymisation gate on generated corpora, by kind.

300 briefs with planted identifiers of every kind (Faker's en_GB providers), and
300 clean briefs built from the example's own sentences. Prints recall by kind
and the share of clean briefs flagged.

    python benchmarks/bench_anonymisation.py
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from anoncorpus import DENY_TERMS, measure

from checks.anonymise.denylist import add_term, load_deny_list
from checks.anonymise.detectors import Detector, either
from checks.rules.ano001_identifying_detail import Opts


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for term in DENY_TERMS:
            add_term(Path(tmp), term)
        detector = Detector(
            allowed_emails=frozenset({"kscp.reviews@kestrelford.example"}),
            references=either([re.compile(p) for p in Opts().reference_patterns]),
            deny=load_deny_list(Path(tmp)),
        )
        by_kind, flagged, clean = measure(detector)
    print("| kind | found | planted | recall |\n|---|---|---|---|")
    for kind, (found, planted) in by_kind.items():
        print(f"| {kind} | {found} | {planted} | {found / planted:.1%} |")
    total_found = sum(f for f, _ in by_kind.values())
    total = sum(n for _, n in by_kind.values())
    print(f"| **all** | {total_found} | {total} | **{total_found / total:.1%}** |")
    print(f"\nclean briefs flagged: {flagged} of {clean} ({flagged / clean:.1%})")


if __name__ == "__main__":
    main()
