"""``python -m duizhao``: the same entry point as the ``duizhao`` command."""

import sys

from duizhao.cli import main

sys.exit(main())
