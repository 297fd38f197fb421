"""The exit statuses of the `tooddoc-desk` commands, for scripts and phone systems."""

OK = 0
USAGE = 2  # bad input: an invalid contact, time or option; nothing was done
LOCKED = 3  # the store stays locked (or no keyring where one is needed)
BUSY = 4  # an app holds the data folder (and, for `invite`, does not answer)
NOT_SENT = 5  # the invite was refused or failed, or nothing is set up to send it
UNKNOWN = 6  # the invite may or may not have arrived: ask the patient before sending again
NO_APP = 7  # `invite` with the embedded hub, and no app running to keep the link alive
