"""``python -m carbonwatch`` is the ``carbonwatch`` command."""

import sys

from carbonwatch.cli import main

sys.exit(main())
