import sys

from loaders.cli.main import main

sys.exit(main())
