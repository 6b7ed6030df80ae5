"""The optional speed layer: a parse cache outside the repository, and what only it uses."""
