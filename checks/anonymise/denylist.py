"""The partnership's private deny list, kept as salted hashes.

`data/sensitive.yaml` holds a random salt and one HMAC-SHA256 digest per term
(a name or place connected to a case), never the term itself. The gate hashes
every run of words of the same length in published text and compares.

Salted hashes keep the terms out of plain sight in the repository and in diffs;
they do not stop someone with the repository from testing guesses of short
names, so the repository must stay private to the partnership.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import yaml

from checks.anonymise.detectors import DenyList, normalise_words
from checks.loading.files import read_regular
from checks.model.yaml_source import YamlError, load_yaml

FILE = "sensitive.yaml"


def load_deny_list(data_dir: Path) -> DenyList | None:
    # Never through a link, nor from a FIFO (which would wait for ever): KB001
    # reports those, and the gate runs without a deny list.
    data = read_regular(data_dir / FILE)
    if data is None:
        return None
    try:
        raw = load_yaml(data.decode("utf-8"))
    except (YamlError, UnicodeDecodeError):
        return None  # KB rules report the file; the gate runs without it
    if not isinstance(raw, dict) or not isinstance(raw.get("salt"), str):
        return None
    terms = raw.get("terms") or []
    hashes = {t["hash"] for t in terms if isinstance(t, dict) and isinstance(t.get("hash"), str)}
    lengths = {t["words"] for t in terms if isinstance(t, dict) and isinstance(t.get("words"), int)}
    return DenyList(bytes.fromhex(raw["salt"]), frozenset(hashes), frozenset(lengths))


def add_term(data_dir: Path, term: str) -> tuple[Path, bool]:
    """Add ``term``'s digest; returns the file and whether it was new."""
    words = normalise_words(term)
    if not words:
        raise ValueError("the term has no letters or digits")
    path = data_dir / FILE
    if path.exists():
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    else:
        raw = {"salt": secrets.token_hex(16), "terms": []}
    deny = DenyList(bytes.fromhex(raw["salt"]), frozenset(), frozenset())
    digest = deny.digest(words)
    terms = raw.setdefault("terms", [])
    if any(t.get("hash") == digest for t in terms):
        return path, False
    terms.append({"hash": digest, "words": len(words)})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# The private deny list: salted hashes of names and places connected to cases.\n"
        "# Add terms with `kb sensitive add TERM`; never write a term here in clear.\n"
        + yaml.safe_dump(raw, sort_keys=False),
        encoding="utf-8",
    )
    return path, True
