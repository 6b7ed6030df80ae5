"""How published briefs stand in for a person: a person word and a letter.

A review names its subjects "Child A", "Mother B", "Young Person D" or "Sibling 2".
Past 26 people, and in partnerships that number their reviews by letter, the
convention goes on with doubled letters: "Child AA", "Baby RR", "Adult JJ". Two
capitals after a person word otherwise look exactly like a person's initials
("Child KM"), so every rule that reads initials asks here first.

Doubled letters only: "Child KM" stays a finding, because two different capitals
are how initials are written, and a redactor cannot tell the two apart. A real
person whose initials are doubled ("AA") and who is written as "Child AA" is
the cost of this choice; the sector's own usage makes that spelling a pseudonym.
"""

from __future__ import annotations

import re

#: Words for a person's role or relationship, after which a capitalised name or a
#: single-letter pseudonym stands ("Mum (Amira)", "Mother B").
PERSON_WORDS = frozenset(
    """
    child children adult family mother father mum dad mummy daddy baby babies sibling
    siblings brother sister half-brother half-sister stepbrother stepsister stepfather
    stepmother step-father step-mother stepdad stepmum partner boyfriend girlfriend
    husband wife son daughter grandmother grandfather grandma grandad grandparent nan
    nana aunt auntie aunty uncle cousin niece nephew carer friend neighbour person
    young infant toddler twin twins man woman boy girl teenager pupil student youth
    victim perpetrator parent parents relative lodger tenant staff everyone everybody
    someone somebody anyone anybody nobody no-one practitioner practitioners professional
    professionals worker workers officer officers volunteer volunteers
    """.split()
)

#: The letter part of a pseudonym: one capital, a doubled capital, or a number.
LETTER = r"(?:(?P<l>[A-Z])(?P=l)?|\d{1,2})"

_DOUBLED = re.compile(r"(?P<l>[A-Z])(?P=l)")
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z-]+)[ \u00a0]+$")


def doubled_after_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a doubled capital ("AA") straight after a
    person word ("Child AA", "young person CC"): a pseudonym, not initials."""
    if not _DOUBLED.fullmatch(text, start, end):
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group("w").lower() in PERSON_WORDS
