"""What may be published: the site's names for what the model and loader decide.

A brief is public by :meth:`checks.model.Brief.is_public`; which pages may be
published is :func:`checks.model.publication.publishable_docs`, and which
Markdown files are held back :func:`checks.loading.files.hidden_markdown`.
"""

from __future__ import annotations

from checks.loading.files import hidden_markdown
from checks.model.publication import public_briefs, publishable_docs

__all__ = ["hidden_markdown", "public_briefs", "publishable_docs"]
