import sys

from frnews.cli import main

sys.exit(main())
