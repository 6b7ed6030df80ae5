"""Given names and street words, from Faker's published name and address lists.

Typing a list of names by hand would miss most of them; Faker ships the lists it
uses to generate British and American people and addresses.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

from checks.anonymise.package_lists import package_yaml


@cache
def _faker_source(module: str) -> str:
    spec = importlib.util.find_spec("faker")
    if spec is None or spec.origin is None:
        return ""
    source = Path(spec.origin).parent / "providers" / module / "__init__.py"
    try:
        return source.read_text(encoding="utf-8")
    except OSError:
        return ""


def _faker_lists(module: str, attr: str) -> tuple[str, ...]:
    """One list of one of Faker's providers (``module``: a path under
    ``faker/providers``, "person/en_GB"), read from its source without importing
    Faker: importing it costs about 0.2 s, on every run. A class attribute set to
    a tuple of strings, or to an ``OrderedDict`` of (string, weight) pairs, ends
    at the first line that closes it at the attribute's own indent. Empty if
    the source does not have that shape (Faker is then imported). A type
    annotation and a list in square brackets are read too."""
    m = re.search(
        rf"^(?P<indent>[ ]+){attr}(?:[ ]*:[^=\n]*)?[ ]*=[ ]*(?:OrderedDict\(\s*)?[(\[]"
        r"(?P<body>.*?)^(?P=indent)[)\]]",
        _faker_source(module),
        re.M | re.S,
    )
    if m is None:
        return ()
    return tuple(a or b for a, b in _STRING.findall(m.group("body")))


_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')


def faker_list(module: str, attr: str) -> tuple[str, ...]:
    """One list from Faker's provider, read from its source, or imported if not."""
    found = _faker_lists(module, attr)
    if found:
        return found
    import importlib

    provider = importlib.import_module("faker.providers." + module.replace("/", ".")).Provider
    return tuple(getattr(provider, attr))


@cache
def given_names() -> frozenset[str]:
    """Faker's British and American given names, and the names most often given
    to babies in England and Wales since 2008 (``baby_names.yaml``)."""
    babies = package_yaml(BABY_NAMES)
    names: set[str] = {*babies["boys"], *babies["girls"]}
    for module in ("person/en_GB", "person/en_US"):
        for attr in ("first_names_female", "first_names_male"):
            names.update(faker_list(module, attr))
    return frozenset(names)


#: The file of the commonest names given to babies, shipped in this package.
BABY_NAMES = "baby_names.yaml"


#: Faker's locales for the places most families in England's briefs come from,
#: written in Latin letters: Ireland, South Asia, West and East Africa, Poland,
#: New Zealand. Its en_GB and en_US lists alone miss most names given to
#: children born here since 2008 ("Isla", "Freya", "Ibrahim", "Aoife").
_WORLD_LOCALES = (
    "en_GB en_US en_IE ga_IE en_IN en_PK en_NG yo_NG ig_NG ha_NG tw_GH en_KE sw zu_ZA pl_PL en_NZ"
).split()

#: English words among those lists that prose writes capitalised for other
#: reasons (a sentence's first word, a title) far more often than as a name.
_WORDS_NOT_NAMES = frozenset(
    """
    mad sad man said nail raid loot forum harsh danish fancy lucky innocent immaculate
    purity peace job india paris corona safari scot tory kaiser bale panini trinity
    comfort blessing charity mercy patience prudence harmony hope faith grace joy
    unity justice liberty victory honour honor early general major captain colonel
    judge doctor sister baby infant unknown unnamed male female lady queen king
    prince princess duke squire sunday easter christmas london china council
    """.split()
)


@cache
def world_given_names() -> frozenset[str]:
    """Given names from Faker's lists for many origins (:data:`_WORLD_LOCALES`),
    less English words that are rarely names. Evidence only where a person
    already stands (a verb of telling, a name after "asked"), since many of these
    names are also English words ("Ivy", "Poppy", "Rowan")."""
    names: set[str] = {*given_names(), *package_yaml(BABY_NAMES)["also_words_or_places"]}
    for locale in _WORLD_LOCALES:
        for attr in ("first_names_female", "first_names_male", "first_names"):
            names.update(_faker_lists("person/" + locale, attr))
    return frozenset(
        n
        for n in names
        if n[:1].isupper()
        and n[1:2].islower()
        and " " not in n
        and n.lower() not in _WORDS_NOT_NAMES
    )


@cache
def surnames() -> frozenset[str]:
    return frozenset(
        n for m in ("person/en_GB", "person/en_US") for n in faker_list(m, "last_names")
    )


@cache
def street_suffixes() -> frozenset[str]:
    return frozenset(s.lower() for s in faker_list("address/en_GB", "street_suffixes"))


#: Given names that are far more often ordinary words in these documents (May,
#: Will, Grace...). After one of these, the next word must be a known surname.
COMMON_WORDS = frozenset(
    """
    may will grace hope faith joy mark bill rose dawn summer april june august
    autumn honor honour crystal amber ruby pearl ivy holly daisy iris violet
    lily heather hazel olive jasmine destiny harmony patience prudence charity
    mercy trinity sky river rain storm star sunny bob pat sue don guy ray
    rich frank earl chase hunter mason miles cole dale glen lane lee rod
    gene art bud chip buck duke king prince major sterling justice page
    reed wade carter taylor baker parker cooper tyler spencer jordan morgan
    """.split()
)
