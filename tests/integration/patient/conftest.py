"""The patient page's tests: the `patient_network` fixture (tests/helpers/netns.py) is theirs."""

from tests.helpers.netns import patient_network

__all__ = ["patient_network"]
