"""Allow ``python -m checks``."""

import sys

from checks.cli import console

sys.exit(console())
