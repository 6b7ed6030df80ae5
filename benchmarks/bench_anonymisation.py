"""Measure the anonymisation gate (ANO001) on two sets, by kind.

1. The hand-written sets: tests/anonymisation/ (the first) and
   tests/anonymisation/dev/ (written for the context rules of
   checks.anonymise.cues; both were seen while tuning). The first: identifying sentences in the
   style of published learning briefs, one planted detail each, and clean
   sentences, written by someone else apart from the detector's code
   (tests/anonhandwritten.py says how they are scored).
2. The generated corpus (tests/anoncorpus.py): 300 briefs with 1,200 identifiers
   planted from Faker's en_GB providers, and 300 clean briefs built from the
   example's own sentences. A second measure: its names and places come from the
   same lists the detector keeps as extra evidence.

For each: recall by kind (a planted detail is found when a finding overlaps
it), the share of clean sentences or briefs flagged, and the time per 1,000
words once the language model is loaded (its load is timed apart).

    python benchmarks/bench_anonymisation.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from anoncorpus import DENY_TERMS, clean_briefs, example_allowed, measure, planted_briefs
from anonhandwritten import HERE
from anonhandwritten import measure as measure_handwritten

from checks.anonymise.denylist import add_term, load_deny_list
from checks.anonymise.detectors import Detector, either
from checks.rules.ano001_identifying_detail import Opts


def _table(by_kind: dict[str, tuple[int, int]]) -> None:
    print("| kind | found | planted | recall |\n|---|---|---|---|")
    for kind, (found, planted) in by_kind.items():
        print(f"| {kind} | {found} | {planted} | {found / planted:.1%} |")
    total_found = sum(f for f, _ in by_kind.values())
    total = sum(n for _, n in by_kind.values())
    print(f"| **all** | {total_found} | {total} | **{total_found / total:.1%}** |")


def main() -> None:
    from checks.anonymise.recognise import analyzer

    started = time.perf_counter()
    analyzer()
    print(f"language model and analyser loaded in {time.perf_counter() - started:.2f} s\n")

    print("## Hand-written set (tests/anonymisation/)\n")
    scores = measure_handwritten()
    _table(scores.by_kind)
    print(
        f"\nclean sentences flagged: {scores.flagged} of {scores.clean} "
        f"({scores.share_flagged:.1%})"
    )
    print("\n| section of clean.yaml | flagged | sentences |\n|---|---|---|")
    for section, (flagged, total) in scores.by_section.items():
        print(f"| {section} | {flagged} | {total} |")
    print(
        f"\n{scores.words:,} words in {scores.seconds:.2f} s: "
        f"{scores.seconds_per_1000_words:.2f} s per 1,000 words "
        f"({scores.words / scores.seconds:,.0f} words a second)\n"
    )

    print("## Development set (tests/anonymisation/dev/)\n")
    dev = measure_handwritten(HERE / "dev")
    _table(dev.by_kind)
    print(f"\nclean sentences flagged: {dev.flagged} of {dev.clean} ({dev.share_flagged:.1%})\n")

    print("## Generated corpus (tests/anoncorpus.py)\n")
    with tempfile.TemporaryDirectory() as tmp:
        for term in DENY_TERMS:
            add_term(Path(tmp), term)
        detector = Detector(
            allowed_emails=frozenset({"kscp.reviews@kestrelford.example"}),
            references=either([re.compile(p) for p in Opts().reference_patterns]),
            deny=load_deny_list(Path(tmp)),
        )
        words = sum(len(b.text.split()) for b in [*planted_briefs(), *clean_briefs()])
        started = time.perf_counter()
        by_kind, flagged, clean = measure(detector, example_allowed())
        seconds = time.perf_counter() - started
    _table(by_kind)
    print(f"\nclean briefs flagged: {flagged} of {clean} ({flagged / clean:.1%})")
    print(
        f"\n{words:,} words in {seconds:.2f} s (building the corpus included): "
        f"{1000 * seconds / words:.2f} s per 1,000 words ({words / seconds:,.0f} words a second)"
    )


if __name__ == "__main__":
    main()
