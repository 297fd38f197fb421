"""The network tests' `patient_network` fixture (tests/helpers/netns.py)."""

from tests.helpers.netns import patient_network

__all__ = ["patient_network"]
