"""Writing new records for authors: `kb new`."""
