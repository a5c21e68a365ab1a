"""``python -m duizhao``: the same entry point as the ``duizhao`` command."""

import multiprocessing
import sys

from duizhao.cli import main

if __name__ == "__main__":
    # A packaged build's helper processes (core.analysis_pool) start this binary
    # again; this turns them into helpers instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
