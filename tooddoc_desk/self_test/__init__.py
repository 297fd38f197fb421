"""`tooddoc-desk --self-test`: the app's parts checked for real, offscreen and on loopback (see
run.py), from a checkout or from the installed bundle."""

from __future__ import annotations

from tooddoc_desk.self_test.run import run_self_test

__all__ = ["run_self_test"]
