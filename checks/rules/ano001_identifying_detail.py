"""Published text contains a detail that could identify a child, family or practitioner.

## What it checks

Everything that is published (the text and titles of briefs, ToRs and
procedures, every value of the data files pages are built from, and the docs
folder's other text files) for details that identify someone, found by what
they are, not by a list: Presidio Analyzer over spaCy's small English pipeline
(people and places), and context rules for what a small model misses. Each is
reported at its line and column with its kind, never quoting the detail
(a report or build log outlives the text):

| kind | how it is found |
|---|---|
| `name` | the model's people, and the context rules below |
| `initials` | two or three capitals alone ("HB", "J.K.") that are not a known acronym |
| `reference` | letters and digits mixed, or digits joined by `/` or `-` ("ABC/23/04512") |
| `script` | letters of a script the gate cannot read: transliterate or remove |
| `handle` | `@handles`, account names near a platform's name or after "gaming tag" |
| `address` | a house or flat number with any street name; a street by its street word |
| `place` | the model's towns (not countries or UK regions); venues by their kind |
| `postcode` | full UK postcodes, and outward codes ("LS9") where a place is meant |
| `school` | schools and nurseries however named ("... Catholic Primary", "... High") |
| `vehicle-registration` | UK registrations (Presidio's patterns) |
| `hospital-number` | a number after "hospital number", "MRN" and the like |
| `case-reference` | a number after "crime number", "case" and the like; the options' forms |
| `event-date` | a day-precise date ("04/07/2023", "Friday 9th June"): `exact_dates_in` |
| `birth-or-death-date` | a date next to "born", "DOB", "died" and similar |
| `nhs-number` | ten digits that pass the NHS mod-11 check digit (python-stdnum) |
| `ni-number` | National Insurance numbers in their allocated formats |
| `phone` | numbers the `phonenumbers` library recognises as UK or international |
| `email` | addresses, also spelt out ("jo at mail dot com"), but not `role_mailboxes` |
| `deny-list` | a term on the partnership's private deny list (`kb sensitive add TERM`) |

A name is also: a title with a surname ("Mrs Brzęczek", "Dr Oyelaran"); a
relative with a name in brackets ("Mum (Esperanza)"); "Baby" with a name; a name
in apposition ("her brother, Dawit,"); a capitalised word that is not English
where a person stands ("Radosław was seen"); initials ("J.S."); a nickname in
quotes after "known as"; a given name from Faker's lists (extra evidence only);
words joined by hyphens in a link's address or the page's file name
("…/firstname-surname"). Estates, hotels, community centres, surgeries and
hospitals are places by the word that says what they are ("... Estate", "...
Medical Practice"). Text is read as the page shows it: character references
decoded, look-alike letters folded, and emphasis inside a word ("Rh**ian**non")
dropped.

Initials are read against a list of the sector's acronyms shipped with the
checker (MASH, LADO, CAMHS, SENCO...); a partnership adds its own as
`public_names` in `kb.yaml` (each use reported by ANO002). A reference that is
one of the partnership's own record ids (a review's, a brief's, an action's) is
not a finding. Names of national bodies, programmes and roles ("Barnardo's",
"the Solihull Approach", "Senco") are allowed where the whole name is written.

Pseudonyms such as "Child A", "Mother B" and "Adult C" (a person word and one
letter or number) are allowed, and so are the partnership's own name, area and
agencies as `data/partnership.yaml` lists them (never a person's name). Also
allowed, and each use reported by ANO002 at info level: the public names shipped
with the checker (children named in national reviews and inquiries, the authors
of national reviews, national helplines and their numbers), the names `kb.yaml`
adds under `public_names` (each with a `reason`; `kb diff` lists each one added),
and, outside learning briefs, the office-holders `data/partnership.yaml` lists
under `public_office_holders`. Month and year ("March 2025") are fine. If the
language model cannot be loaded the check stops `kb check` with one line and
exit 2. `kb redact FILE` prints a page with each finding replaced by its kind.

## Why

Published material must not identify a child, a family member or a
practitioner (Working Together to Safeguard Children; the partnership's own
anonymisation standard). A single name, postcode or date of birth in a learning
brief can identify a family in a small area.

## Passing example

```markdown
Child A, aged four, was not brought to eleven health appointments.
```

## Failing example

```markdown
Jessica Smith (DOB 03/03/2019) of 14 Carter Road, KT1 2AB, was not brought...
```

## Options

- `reference_patterns`: regular expressions for the partnership's case and crime
  reference numbers, in RE2 syntax (no lookaround or backreferences; see
  CFG002). Default: police crime references such as `44/123456/25`,
  and `CR`, `CP`, `LAC` or `CIN` followed by five or more digits.
- `kinds`: which kinds to look for (default: all).
- `exact_dates_in`: where a day-precise date is a finding: `briefs` (the text of
  learning briefs, the default), `pages` (every other page's text) and `data`
  (front matter and data files). A safety setting: kb.yaml can add places, not
  take `briefs` away.

A false positive is suppressed for that one occurrence with a suppression that
names the code, the subject, the `match` (the text found) and a reason.

A page or file with a text over 120,000 characters (a long procedure is about
100,000), or with more than 1,000 `[` or 5,000 `<` in one text, is not read, and
not published: split it into shorter pages.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Literal

from pydantic import ConfigDict

from checks.anonymise.allow import (
    Allowed,
    PublicName,
    digits,
    in_area,
    in_sector_name,
    shipped,
)
from checks.anonymise.denylist import load_deny_list
from checks.anonymise.detectors import Detector, Hit
from checks.anonymise.normalise import needs_normalising, normalise
from checks.anonymise.static_files import static_texts
from checks.loading import CONFIG_FILE
from checks.model.findings import Problem, Severity
from checks.model.knowledge_base import KnowledgeBase
from checks.model.patterns import UserPattern, any_of
from checks.model.yaml_source import LineDict, LineList
from checks.rules.base import Context, Options
from checks.speed.cache import recall

CODE = "ANO001"
NAME = "identifying-detail"
SEVERITY = Severity.ERROR

#: What a finding keeps off the site (read by checks.site.build): its page, and its
#: subject's text wherever a generated page would show it (shown by its id instead).
WITHHOLDS = frozenset({"page", "text"})

KINDS = (
    "nhs-number",
    "ni-number",
    "postcode",
    "phone",
    "email",
    "birth-or-death-date",
    "case-reference",
    "address",
    "name",
    "school",
    "deny-list",
    "handle",
    "place",
    "vehicle-registration",
    "hospital-number",
    "event-date",
    "initials",
    "reference",
    "script",
)


class Opts(Options):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    # Run by RE2, in time linear in the text: the patterns come from kb.yaml.
    reference_patterns: tuple[UserPattern, ...] = (
        r"\b\d{2}/\d{5,7}/\d{2}\b",
        r"\b(?:CR|CP|LAC|CIN)[-/ ]?\d{5,}\b",
    )
    kinds: tuple[str, ...] = KINDS
    #: Where a day-precise date ("04/07/2023", "Friday 9th June") is a
    #: finding: "briefs" (learning briefs), "pages" (every other page) and "data"
    #: (the register, actions, meetings and other published files).
    exact_dates_in: tuple[Literal["briefs", "pages", "data"], ...] = ("briefs",)


#: One record's texts: (file, subject, [(first line, text), ...]).
Texts = tuple[str, str, list[tuple[int, str]]]

#: Keys whose values no page shows: a suppression's ``match`` is the very text it
#: lets through, so reading it would report what it suppresses.
_NOT_SHOWN = frozenset({"suppress"})


def _strings(value: Any, line: int, out: list[tuple[int, str]], leave_out: str = "") -> None:
    """Add every text in a value parsed from YAML to ``out``, with the line it
    starts on (``leave_out``: a top-level key read record by record).

    Every value is read, not only the fields a page is known to show today: a
    template, a later page or a theme can print any of them. A number is read as
    its digits (an NHS number written without quotes is an int). Written as one
    loop over a mapping's values, not a generator per value: at 50,000 actions
    the generators cost more than the detectors.
    """
    if isinstance(value, str):
        if value:
            # A value holding a line break is a block (``|`` or ``>``): it starts
            # on the line after its key.
            out.append((line + 1 if "\n" in value else line, value))
    elif isinstance(value, LineDict):
        lines, own = value.key_lines, value.line
        for key, item in value.items():
            if key in _NOT_SHOWN or key == leave_out:
                continue
            if type(item) is str:
                if item:
                    at = lines.get(key, own)
                    out.append((at + 1 if "\n" in item else at, item))
            elif item is not None:
                _strings(item, lines.get(key, own), out)
    elif isinstance(value, LineList):
        items = value.item_lines
        for i, item in enumerate(value):
            _strings(item, items[i] if i < len(items) else value.line, out)
    elif isinstance(value, int) and not isinstance(value, bool):
        out.append((line, str(value)))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_SHOWN:
                _strings(item, line, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, line, out)


def _record(file: str, subject: str, raw: Any, leave_out: str = "") -> Texts:
    out: list[tuple[int, str]] = []
    _strings(raw, 1, out, leave_out)
    return file, subject, out


def _texts(ctx: Context) -> Iterator[Texts]:
    """Everything that is, or will be, published, record by record: the pages'
    text and front matter, every value of the data files that pages and the
    calendar are built from, and the docs folder's other text files."""
    kb = ctx.kb
    records: dict[str, Any] = kb.records_by_source()
    for path, doc in kb.documents.items():
        record = records.get(path)
        subject = getattr(record, "id", path) if record is not None else path
        _, _, texts = _record(path, subject, record.raw if record is not None else doc.front)
        # The file's name becomes the page's address, and is shown in listings. Read
        # as written, less its suffix: a name joined by hyphens ("firstname-surname") is
        # found as one (checks.anonymise.context's slugs).
        name = doc.docs_path.rsplit(".", 1)[0]
        shown = _attribute_texts(doc.body, doc.body_line)
        yield path, subject, [(doc.body_line, doc.body), *texts, (1, name), *shown]
    partnership = kb.partnership
    if partnership is not None:
        yield _record(partnership.source, "partnership", partnership.raw, "agencies")
    for agency in kb.agencies.values():
        yield _record(agency.source, agency.id, agency.raw)
    for theme in kb.themes.values():
        yield _record(theme.source, theme.id, theme.raw)
    for review in kb.reviews.values():
        yield _record(review.source, review.ref, review.raw)
    for plan in kb.plans:
        yield _record(plan.source, plan.review, plan.raw, "actions")
        for action in plan.actions:
            yield _record(plan.source, f"{plan.review}/{action.id}", action.raw)
    for meeting in kb.meetings:
        yield _record(meeting.source, f"{meeting.group}@{meeting.date}", meeting.raw)
    for path, text in static_texts(kb):
        yield path, path, [(1, text)]


#: HTML attributes whose values a reader can see or hear (a tooltip, a screen
#: reader's label, alternative text) or a script can show (``data-*``).
_SHOWN_ATTRIBUTE = re.compile(
    r"\s(?:title|alt|aria-label|aria-description|aria-roledescription|"
    r"aria-placeholder|aria-valuetext|placeholder|label|summary|abbr|content|value|"
    r"data-[\w-]+)\s*=\s*(?:\"(?P<d>[^\"<>]{2,500})\"|'(?P<s>[^'<>]{2,500})')",
    re.I,
)


def _attribute_texts(body: str, first_line: int) -> list[tuple[int, str]]:
    """The values of a page's HTML attributes that are shown or read out, each read on
    its own at its line: in the page's text a name in ``title="..."`` sits among
    markup, which the language model reads as noise."""
    if "=" not in body or "<" not in body:
        return []
    out: list[tuple[int, str]] = []
    for m in _SHOWN_ATTRIBUTE.finditer(body):
        at = m.start("d") if m.group("d") is not None else m.start("s")
        out.append((first_line + body.count("\n", 0, at), m.group("d") or m.group("s")))
    return out


Found = list[tuple[Hit, str]]  # each hit in the text as written, and the text as read


class _Finder:
    """``Detector.find_many`` with the partnership's settings, remembered by the
    speed layer, reading each text as it is shown (see checks.anonymise.normalise).

    The detectors are a pure function of the text and these settings, and they
    are most of the time this check takes, so an unchanged text is not scanned
    twice: with a parse cache in use, its hits, as written and as read, are
    kept under a digest of the text as written (checks.speed.cache.recall), so
    a run that knows a text neither reads it as shown nor scans it. The kind it
    is kept under holds the settings (and the language model's name), so
    changing one starts afresh. Texts not yet known are read together, which
    lets the language model take them in batches; a run that knows every text
    never loads the model at all.
    """

    def __init__(self, kb: KnowledgeBase, options: Opts) -> None:
        self.detector = detector_for(kb, options)
        self.kind = f"ANO001 {self.detector.settings()}"
        self.seen: dict[str, Found] = {}

    def prepare(self, texts: list[str]) -> None:
        """Work out the answers for every text at once (see the class's description)."""
        new = [text for text in dict.fromkeys(texts) if text not in self.seen]
        self.seen.update(zip(new, recall(self.kind, new, self._find), strict=True))

    def _find(self, texts: list[str]) -> list[Found]:
        reads = [normalise(text).text if needs_normalising(text) else text for text in texts]
        unique = list(dict.fromkeys(reads))
        answers = dict(zip(unique, self.detector.find_many(unique), strict=True))
        return [self._as_written(t, r, answers[r]) for t, r in zip(texts, reads, strict=True)]

    @staticmethod
    def _as_written(text: str, read: str, hits: list[Hit]) -> Found:
        if read is text:
            return [(hit, hit.text) for hit in hits]
        mapped = normalise(text)
        found: Found = []
        for hit in hits:
            start, end = mapped.span(hit.start, hit.end)
            found.append((Hit(hit.kind, start, end, text[start:end]), hit.text))
        return found

    def __call__(self, text: str) -> Found:
        if text not in self.seen:
            self.prepare([text])
        return self.seen[text]


@dataclass(frozen=True, slots=True)
class Scanned:
    """One published text, what in it is a finding, and what public names it uses."""

    file: str
    subject: str
    first_line: int
    text: str
    found: Found
    #: each hit let through by a public name (checks.anonymise.allow), for ANO002
    used: list[tuple[Hit, PublicName]]
    #: in a draft or embargoed brief: a report names the kind, never the text
    unpublished: bool = False
    #: why a text is not read (:func:`unreadable`): the record's texts are not
    #: read, and the finding withholds it
    unread: str = ""


#: The last scan, by knowledge base (identity) and options: ANO002 reports the
#: allowances ANO001's own scan used, in the same run, without reading again.
_LAST: list[tuple[KnowledgeBase, Opts, date, list[Scanned]]] = []

#: The most characters of one text (a page's body, a front matter value, a data
#: file's field, a static file) the gate reads. A long procedure is about
#: 100,000; a longer text is withheld unread, so that one huge page cannot stall a
#: check or a build for minutes (red team round 13: 20,000 links in a page of
#: 676 KB took over a minute, most of it the language model). Not more: some text
#: costs more than its length (round 14: a line of 95,000 ``<a`` with no ``>``
#: took the language model 20 s, and Python-Markdown, whose HTML reading is
#: quadratic in it, over 60 s; at 120,000 characters both take about 12 s).
MAX_TEXT_CHARACTERS = 120_000
#: The most of each of these one text may hold. Python-Markdown looks for the end
#: of a link from every ``[``, and of a tag from every ``<``, in time that grows
#: with the square of their number in a paragraph (red team round 15: 20,000 ``[``
#: in 20 KB, and five pages of 59,000 ``<a``, each under the length limit, kept a
#: build busy past a minute); at these counts a page takes under half a second.
#: A brief has tens of links.
MAX_OPENERS = {"[": 1_000, "<": 5_000}
_FEWEST_OPENERS = min(MAX_OPENERS.values())


#: What MkDocs renders as Markdown (in any letter case, as a contributor may save
#: it); the docs folder's other files are copied as they are.
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def unreadable(text: str, markdown: bool = True) -> str:
    """Why the gate does not read ``text`` (and so it is not published), or "".
    ``markdown``: whether the text goes through Markdown (a page, or data that
    generated pages show); a file MkDocs copies as it is (an SVG diagram, a
    JSON file) may hold any number of ``<``."""
    if len(text) > MAX_TEXT_CHARACTERS:
        return (
            f"this text is {len(text):,} characters long, and the gate reads at most "
            f"{MAX_TEXT_CHARACTERS:,} characters of one text"
        )
    if not markdown or len(text) <= _FEWEST_OPENERS:
        return ""  # (too short to hold too many of any: most texts are)
    for opener, most in MAX_OPENERS.items():
        count = text.count(opener)
        if count > most:
            return (
                f"this text has {count:,} `{opener}`, and the gate reads a text with at most "
                f"{most:,}: Markdown takes time that grows with the square of their number"
            )
    return ""


def scan(ctx: Context, options: Opts) -> list[Scanned]:
    """Every published text with its findings and the public names it uses."""
    kb = ctx.kb
    for last_kb, last_options, last_today, last in _LAST:
        if last_kb is kb and last_options == options and last_today == ctx.today:
            return last
    finder = _Finder(kb, options)
    wanted = set(options.kinds)
    allowed = {brief: allowed_for(kb, brief) for brief in (True, False)}
    dated: set[str] = set(options.exact_dates_in)
    briefs = {b.source for b in kb.briefs.values()}
    # Findings in a draft or embargoed brief name the kind, never the text: a
    # report must not carry unpublished content.
    unpublished = {b.source for b in kb.briefs.values() if not b.is_public(ctx.today)}
    result: list[Scanned] = []
    records = []
    docs = kb.config.docs_dir.rstrip("/") + "/"
    for file, subject, texts in _texts(ctx):
        copied = file.startswith(docs) and file not in kb.documents
        markdown = not copied or file.lower().endswith(_MARKDOWN_SUFFIXES)
        over = [(line, why) for line, text in texts if (why := unreadable(text, markdown))]
        if over:
            line, why = over[0]
            result.append(Scanned(file, subject, line, "", [], [], unread=why))
        else:
            records.append((file, subject, texts))
    finder.prepare([text for _, _, texts in records for _, text in texts])
    for file, subject, texts in records:
        page = "briefs" if file in briefs else "pages" if file in kb.documents else "data"
        for i, (first_line, text) in enumerate(texts):
            # A page's body is its first text; its front matter's dates (publish_on,
            # review_by) are when the page is published, not when something happened.
            area = page if i == 0 else "data"
            in_brief = page == "briefs"
            found, used = _sift(
                finder(text), text, wanted, dated, area, allowed[in_brief], in_brief
            )
            if found or used:
                quiet = file in unpublished
                result.append(Scanned(file, subject, first_line, text, found, used, quiet))
    _LAST[:] = [(kb, options, ctx.today, result)]
    return result


def _sift(
    hits: Found,
    text: str,
    wanted: set[str],
    dated: set[str],
    area: str,
    allowed: Allowed,
    in_brief: bool,
) -> tuple[Found, list[tuple[Hit, PublicName]]]:
    """The findings among ``hits``, and the hits a public name lets through.

    After detection, what is public on purpose (checks.anonymise.allow): the
    partnership's own names, and the public names, each use of which ANO002
    reports."""
    found: Found = []
    used: list[tuple[Hit, PublicName]] = []
    for h, read in hits:
        if h.kind not in wanted or (h.kind == "event-date" and area not in dated):
            continue
        if allowed.allows(h, read) or in_sector_name(h, text) or in_area(h, text):
            continue
        public = allowed.public_allowance(h, text, in_brief)
        if public is not None:
            used.append((h, public))
        else:
            found.append((h, read))
    return found, used


def check(ctx: Context, options: Opts) -> Iterator[Problem]:
    for s in scan(ctx, options):
        if s.unread:
            yield Problem(
                s.file,
                s.first_line,
                f"{s.unread}, so it is not published; split it into shorter pages or files",
                s.subject,
            )
        if s.found:
            yield from _problems(s.file, s.subject, s.first_line, s.text, s.found, s.unpublished)


def _problems(
    file: str, subject: str, first_line: int, text: str, found: Found, unpublished: bool
) -> Iterator[Problem]:
    starts = [m.end() for m in re.finditer("\n", text)]
    for hit, _read in found:
        at = bisect.bisect_right(starts, hit.start)
        line = first_line + at
        column = hit.start - (starts[at - 1] if at else 0) + 1
        # The detail itself is never quoted: reports and the build log outlive the
        # text (a CI log is kept after the detail is removed from the branch). The
        # kind, line and column find it; ``match`` (not printed) names it for a
        # suppression.
        yield Problem(
            file,
            line,
            f"{hit.kind}: the text at column {column} could identify someone; replace it "
            "with a pseudonym or a general description, or suppress this one occurrence "
            "with a reason",
            subject,
            match=hit.text,
        )


def detector_for(kb: KnowledgeBase, options: Opts) -> Detector:
    """The detector with the partnership's settings: its role mailboxes, its
    agencies, its reference patterns and its private deny list. Mailboxes and
    agencies a pull request adds are left to :func:`allowed_for`, which lets
    them through outside learning briefs."""
    mailboxes = _mailboxes(kb)
    schools = {a.name.lower() for a in kb.agencies.values()}
    if kb.trusted is not None:
        mailboxes &= _mailboxes(kb.trusted)
        schools &= {a.name.lower() for a in kb.trusted.agencies.values()}
    return Detector(
        allowed_emails=mailboxes,
        allowed_schools=frozenset(schools),
        references=any_of(options.reference_patterns),
        deny=load_deny_list(kb.root / kb.config.data_dir),
    )


def allowed_for(kb: KnowledgeBase, in_brief: bool = True) -> Allowed:
    """What may be named on purpose, in a learning brief (``in_brief``) or
    elsewhere: the partnership's own name, area and agencies; the public names
    shipped with the checker and those kb.yaml adds; and the office-holders
    data/partnership.yaml lists as public (never in a brief).

    Where the knowledge base has a trusted copy (the target branch of a pull
    request, ``kb.trusted``), a pull request cannot allow its own text: only
    what both copies allow counts. A name, agency, group, mailbox or public name
    the change adds is read like any other text until it is on the target
    branch (a suppression with a reason is the way through, and CHG005 lists
    it). The one exception: outside learning briefs, a new group's short name
    made of the first letters of its title's words ("HOP" for "Harbourside
    Oversight Panel") is that title's acronym, so the ToR proposing a group can
    use it."""
    names, public = _own_allowances(kb)
    emails = _mailboxes(kb)
    if kb.trusted is not None:
        trusted_names, trusted_public = _own_allowances(kb.trusted)
        kept = set(trusted_names)
        names = [n for n in names if n in kept]
        if not in_brief:
            names += _title_acronyms(kb, kept)
        emails &= _mailboxes(kb.trusted)
        keys = {_key(p) for p in trusted_public}
        public = [p for p in public if _key(p) in keys]
    return Allowed.of_partnership(names, (*shipped(), *public), _record_ids(kb), emails)


#: Words a group's title leaves out of its acronym ("Review of Practice Group": RPG).
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "on", "in", "to", "a", "an", "&"})


def _title_acronyms(kb: KnowledgeBase, trusted: set[str]) -> list[str]:
    """Short names of groups the change adds that are their titles' acronyms."""
    out: list[str] = []
    for tor in kb.tors.values():
        short = (tor.short_name or "").strip()
        if not short or short in trusted:
            continue
        words = [w for w in tor.title.split() if w.lower() not in _MINOR_WORDS]
        if short.upper() == "".join(w[0] for w in words).upper():
            out.append(short)
    return out


def _mailboxes(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(m.lower() for m in (kb.partnership.role_mailboxes if kb.partnership else []))


def _key(p: PublicName) -> tuple[object, ...]:
    return (p.kind, p.name, p.forms, p.numbers)


def _own_allowances(kb: KnowledgeBase) -> tuple[list[str], list[PublicName]]:
    """The names this copy of the knowledge base allows (its partnership, agencies
    and groups) and the public names it adds (kb.yaml, office-holders)."""
    names: list[str] = []
    public: list[PublicName] = []
    for i, extra in enumerate(kb.config.public_names):
        public.append(
            PublicName(
                name=extra.name,
                kind="partnership",
                forms=(extra.name, *extra.also),
                numbers=tuple(digits(n) for n in extra.numbers),
                why=extra.reason,
                source=CONFIG_FILE,
                line=kb.config.line_of("public_names", i),
            )
        )
    if kb.partnership is not None:
        p = kb.partnership
        names += [p.name, p.short_name or "", p.area]
        for i, holder in enumerate(p.public_office_holders):
            public.append(
                PublicName(
                    name=holder.name,
                    kind="office-holder",
                    forms=(holder.name,),
                    why=holder.role,
                    source=p.source,
                    line=p.line_of("public_office_holders", i),
                    in_briefs=False,
                )
            )
    for agency in kb.agencies.values():
        names += [agency.name, agency.short or ""]
    # The partnership's groups, by their titles and short names ("CRG").
    for tor in kb.tors.values():
        names += [tor.title, tor.short_name or ""]
    return names, public


def _record_ids(kb: KnowledgeBase) -> frozenset[str]:
    """The partnership's own record ids, which its pages cite: reviews, briefs,
    terms of reference, procedures, actions and themes."""
    ids: set[str] = {*kb.reviews, *kb.briefs, *kb.themes}
    ids |= {str(getattr(r, "id", "")) for r in kb.records_by_source().values()}
    ids |= {str(a.id) for plan in kb.plans for a in plan.actions}
    return frozenset(i for i in ids if i)


def spans(
    texts: list[str],
    kb: KnowledgeBase,
    options: Opts | None = None,
    area: str = "briefs",
    in_brief: bool | None = None,
) -> list[list[tuple[str, int, int]]]:
    """``(kind, start, end)`` of each finding in each text, as this check reports
    them for text in ``area`` ("briefs", "pages" or "data"; it decides whether a
    day-precise date is one) of a learning brief or not (``in_brief``, by default
    whether ``area`` is "briefs": a brief never names an office-holder): for
    ``kb redact``, which replaces each span with a placeholder of its kind.
    Offsets are into the text as written. ``options`` are by default the ones
    the check runs with (kb.yaml's, as far as they may apply), so these answers
    are the check's, and the parse cache keeps one set of them."""
    if options is None:
        from checks.rules import REGISTRY
        from checks.rules.safety import effective

        applied = effective(REGISTRY[CODE], kb.config.rules.get(CODE)).options
        options = applied if isinstance(applied, Opts) else Opts()
    finder = _Finder(kb, options)
    finder.prepare(texts)
    allowed = {brief: allowed_for(kb, brief) for brief in (True, False)}
    wanted: set[str] = set(options.kinds)
    dated: set[str] = set(options.exact_dates_in)
    out: list[list[tuple[str, int, int]]] = []
    for text in texts:
        brief = area == "briefs" if in_brief is None else in_brief
        found, _ = _sift(finder(text), text, wanted, dated, area, allowed[brief], brief)
        out.append([(h.kind, h.start, h.end) for h, _ in found])
    return out
