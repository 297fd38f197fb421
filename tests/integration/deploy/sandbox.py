"""Runs a command under two of the unit's restrictions the kernel can apply without systemd:

    python -m tests.integration.deploy.sandbox tooddoc-hub --config FILE

- NoNewPrivileges=yes: PR_SET_NO_NEW_PRIVS;
- MemoryDenyWriteExecute=yes: PR_SET_MDWE with PR_MDWE_REFUSE_EXEC_GAIN (Linux 6.3+), which
  systemd also uses where the kernel has it; no memory may be both writable and executable.

Both carry over the exec, so a hub that needs W+X memory fails here as it would in the unit.
"""

from __future__ import annotations

import ctypes
import os
import sys

PR_SET_NO_NEW_PRIVS = 38
PR_SET_MDWE = 65
PR_MDWE_REFUSE_EXEC_GAIN = 1


def restrict() -> bool:
    """Applies both; False when this kernel has no MDWE (older than 6.3)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
    return bool(libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) == 0)


def kernel_has_mdwe() -> bool:
    release = os.uname().release.split(".")
    return (int(release[0]), int(release[1])) >= (6, 3)


if __name__ == "__main__":
    if not restrict():
        sys.exit("sandbox: this kernel refused PR_SET_MDWE")
    os.execv(sys.argv[1], sys.argv[1:])
