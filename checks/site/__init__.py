"""Everything the published site shows, as plain functions over the knowledge base.

Nothing here imports MkDocs: ``hooks/`` adapts it to MkDocs' events, so the site
could move to another generator without touching the checks or these pages.
"""
