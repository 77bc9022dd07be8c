"""Check the round-241 held-out gold against its texts: the data checks of
tests/gold/validate_heldout.py, run on this folder.

Usage: python tests/gold/heldout241/validate_gold.py
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.argv = [sys.argv[0], str(HERE)]
runpy.run_path(str(HERE.parent / "validate_heldout.py"), run_name="__main__")
