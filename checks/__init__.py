"""Compliance checks for a safeguarding partnership's docs-as-code knowledge base.

The package knows nothing about MkDocs: it loads the knowledge base, checks it and
renders reports. The publishing layer (``hooks/``) is a thin adapter over it.
"""

__version__ = "0.1.0"
