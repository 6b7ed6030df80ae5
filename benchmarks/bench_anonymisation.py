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
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from anoncorpus import DENY_TERMS, KINDS, clean_briefs, planted_briefs

from checks.anonymise.denylist import add_term, load_deny_list
from checks.anonymise.detectors import Detector
from checks.rules.ano001_identifying_detail import Opts


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for term in DENY_TERMS:
            add_term(Path(tmp), term)
        detector = Detector(
            allowed_emails=frozenset({"kscp.reviews@kestrelford.example"}),
            references=tuple(re.compile(p) for p in Opts().reference_patterns),
            deny=load_deny_list(Path(tmp)),
        )
    found: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    for brief in planted_briefs():
        hits = detector.find(brief.text)
        for kind, value in brief.planted:
            planted[kind] += 1
            start = brief.text.index(value)
            end = start + len(value)
            found[kind] += any(h.kind == kind and h.start < end and start < h.end for h in hits)
    clean = clean_briefs()
    flagged = sum(1 for b in clean if detector.find(b.text))
    print("| kind | found | planted | recall |\n|---|---|---|---|")
    for kind in KINDS:
        print(f"| {kind} | {found[kind]} | {planted[kind]} | {found[kind] / planted[kind]:.1%} |")
    total_found, total = sum(found.values()), sum(planted.values())
    print(f"| **all** | {total_found} | {total} | **{total_found / total:.1%}** |")
    print(f"\nclean briefs flagged: {flagged} of {len(clean)} ({flagged / len(clean):.1%})")


if __name__ == "__main__":
    main()
