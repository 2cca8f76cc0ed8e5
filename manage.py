#!/usr/bin/env python
"""Django's command-line utility; the same as the installed ``jeugdhulp`` command."""

import sys

from jeugdhulp.cli import main

if __name__ == "__main__":
    sys.exit(main())
