"""Given names and street words, from Faker's published name and address lists.

Typing a list of names by hand would miss most of them; Faker ships the lists it
uses to generate British and American people and addresses.
"""

from __future__ import annotations

from functools import cache


@cache
def given_names() -> frozenset[str]:
    from faker.providers.person.en_GB import Provider as GB
    from faker.providers.person.en_US import Provider as US

    names: set[str] = set()
    for provider in (GB, US):
        for attr in ("first_names_female", "first_names_male"):
            names.update(getattr(provider, attr))
    return frozenset(names)


@cache
def surnames() -> frozenset[str]:
    from faker.providers.person.en_GB import Provider as GB
    from faker.providers.person.en_US import Provider as US

    return frozenset(n for provider in (GB, US) for n in provider.last_names)


@cache
def street_suffixes() -> frozenset[str]:
    from faker.providers.address.en_GB import Provider as GBAddress

    return frozenset(s.lower() for s in GBAddress.street_suffixes)


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
