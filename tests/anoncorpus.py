"""Corpora for measuring the anonymisation gate, generated with Faker's en_GB providers.

Clean briefs are built from the sentences of the example's own published briefs,
mixed with generated non-identifying detail (job titles, months, counts).
Planted briefs are clean briefs with identifiers of every kind inserted, and the
exact text of each one recorded.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

from checks.anonymise.allow import Allowed
from checks.anonymise.detectors import Detector
from checks.rules.ano001_identifying_detail import KINDS as GATE_KINDS

#: The kinds this corpus plants: the gate's first eleven, those it knew when the
#: corpus was written (the hand-written set, tests/anonhandwritten.py, covers the
#: kinds added since).
KINDS = GATE_KINDS[: GATE_KINDS.index("deny-list") + 1]

REPO = Path(__file__).resolve().parent.parent
DENY_TERMS = ("Oakhollow", "Brackenridge Estate", "Marlow Heath", "Pennyfold")


@dataclass
class Brief:
    text: str
    planted: list[tuple[str, str]] = field(default_factory=list)  # (kind, exact text)


def _sentences() -> list[str]:
    found: list[str] = []
    for path in sorted((REPO / "docs/briefs").glob("lb-202[45]-*.md")):
        body = path.read_text().split("---", 2)[2]
        for line in body.splitlines():
            line = line.strip("-# 0123456789.").strip()
            if line and not line.startswith(("Text", "HOSTILE")):
                found += [s for s in re.split(r"(?<=[.?!])\s+", line) if len(s) > 20]
    return found


def _nhs(rng: random.Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, digits)) + str(check)
            return rng.choice([s, f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}"])


def _nino(rng: random.Random) -> str:
    first, second = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    while True:
        prefix = rng.choice(first) + rng.choice(second)
        if prefix not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    digits = "".join(str(rng.randrange(10)) for _ in range(6))
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{prefix}{digits}{suffix}"
    return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"


def _identifier(kind: str, fake: Faker, rng: random.Random) -> tuple[str, str]:
    """(sentence, identifier) for one planted identifier."""
    if kind == "nhs-number":
        v = _nhs(rng)
        return f"The health record ({v}) showed two missed checks.", v
    if kind == "ni-number":
        v = _nino(rng)
        return f"Benefits were paid under {v} until the spring.", v
    if kind == "postcode":
        v = fake.postcode()
        return f"The family moved to {v} in the autumn.", v
    if kind == "phone":
        v = rng.choice([fake.phone_number(), fake.cellphone_number()])
        return f"The mother could be reached on {v} most evenings.", v
    if kind == "email":
        v = fake.email()
        return f"Messages were sent to {v} without reply.", v
    if kind == "birth-or-death-date":
        d = fake.date_of_birth(minimum_age=0, maximum_age=17)
        word = rng.choice(["born on", "DOB", "date of birth:", "died on", "born"])
        v = rng.choice([d.strftime("%d/%m/%Y"), d.strftime("%-d %B %Y"), d.isoformat()])
        return f"The child ({word} {v}) was known to services.", v
    if kind == "case-reference":
        v = rng.choice(
            [
                f"{rng.randrange(10, 99)}/{rng.randrange(100000, 999999)}/{rng.randrange(10, 30)}",
                f"CR{rng.randrange(100000, 9999999)}",
                f"CP-{rng.randrange(10000, 999999)}",
            ]
        )
        return f"Police logged the incident as {v}.", v
    if kind == "address":
        v = fake.street_address().replace("\n", ", ")
        return f"Visits took place at {v} each week.", v
    if kind == "name":
        v = f"{fake.first_name()} {fake.last_name()}"
        return f"A neighbour, {v}, raised the first concern.", v
    if kind == "school":
        name = rng.choice(
            [fake.last_name(), f"St {fake.first_name()}'s", f"{fake.city()}", fake.street_name()]
        )
        school = rng.choice(
            [
                "Primary School",
                "C of E Primary School",
                "Academy",
                "High School",
                "Nursery",
                "Infant School",
                "College",
                "Pre-school",
            ]
        )
        v = f"{name} {school}"
        return f"Staff at {v} noticed the change first.", v
    v = rng.choice(DENY_TERMS)
    return f"The family had lived near {v} for years.", v


def example_allowed() -> Allowed:
    """What the example partnership may name (its data/partnership.yaml)."""
    from checks.loading import load
    from checks.rules.ano001_identifying_detail import allowed_for

    return allowed_for(load(REPO))


def _join(sentences: list[str]) -> str:
    """Sentences as running text. A heading (no full stop or question mark at its
    end) keeps a line of its own, as on a page: glued to the next sentence,
    "Things to think about Complete the form" would read as no page does."""
    out = ""
    for sentence in sentences:
        if out:
            out += " " if out.rstrip()[-1:] in ".?!" else "\n"
        out += sentence
    return out


def clean_briefs(n: int = 300, seed: int = 11) -> list[Brief]:
    fake, rng = Faker("en_GB"), random.Random(seed)
    fake.seed_instance(seed)
    sentences = _sentences()
    briefs = []
    for _ in range(n):
        picked = rng.sample(sentences, k=min(12, len(sentences)))
        extra = [
            f"The {fake.job().lower()} joined the strategy discussion in {fake.month_name()} "
            f"{rng.randrange(2019, 2027)}.",
            f"Within {rng.randrange(2, 20)} working days, the plan was reviewed by Child A's "
            "social worker.",
            "Contact kscp.reviews@kestrelford.example about review "
            f"CSPR-2025-0{rng.randrange(1, 4)}.",
        ]
        briefs.append(Brief(_join(picked[:6] + extra + picked[6:])))
    return briefs


def planted_briefs(n: int = 300, seed: int = 13) -> list[Brief]:
    fake, rng = Faker("en_GB"), random.Random(seed)
    fake.seed_instance(seed)
    base = clean_briefs(n, seed + 1)
    out = []
    for i, brief in enumerate(base):
        kinds = [KINDS[(i + j) % len(KINDS)] for j in range(4)]  # every kind, evenly
        parts = brief.text.split(". ")
        planted = []
        for kind in kinds:
            sentence, value = _identifier(kind, fake, rng)
            parts.insert(rng.randrange(len(parts) + 1), sentence.rstrip("."))
            planted.append((kind, value))
        out.append(Brief(". ".join(parts), planted))
    return out


def measure(
    detector: Detector, allowed: Allowed | None = None
) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Recall by kind as (found, planted), and (clean briefs flagged, clean briefs).

    ``allowed``: what the gate lets through after detection (the partnership's own
    name, area and agencies, which the clean briefs, built from the example's
    sentences, name)."""
    found: dict[str, int] = dict.fromkeys(KINDS, 0)
    planted: dict[str, int] = dict.fromkeys(KINDS, 0)
    briefs = planted_briefs()
    clean = clean_briefs()
    # Read together, as the gate reads a knowledge base: the language model takes
    # texts in batches.
    every = detector.find_many([b.text for b in briefs] + [b.text for b in clean])
    if allowed is not None:
        every = [[h for h in hits if not allowed.allows(h)] for hits in every]
    for brief, hits in zip(briefs, every, strict=False):
        for kind, value in brief.planted:
            planted[kind] += 1
            start = brief.text.index(value)
            end = start + len(value)
            # Found when a finding overlaps it: overlapping hits are one finding of
            # the most specific kind ("14 Carter Road, KT1 2AB" may be one postcode).
            found[kind] += any(h.start < end and start < h.end for h in hits)
    flagged = sum(1 for hits in every[len(briefs) :] if hits)
    return {k: (found[k], planted[k]) for k in KINDS}, flagged, len(clean)
