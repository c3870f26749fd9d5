"""pytest setup for the repository's pure-Python tests (no Odoo needed).

Makes ``tools/`` importable (``eboc_tools``) and this folder (``addon_files``).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (HERE.parent / "tools", HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
