"""Loaded by the Python of every CLI subprocess a test starts (PYTHONPATH): the same guard as
the pytest plugin, so an end-to-end audit that reaches past loopback fails."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.netguard import install  # noqa: E402

install()
