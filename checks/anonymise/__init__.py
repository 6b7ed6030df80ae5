"""Finding identifying details in text that will be published."""
