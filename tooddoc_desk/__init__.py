"""tooddoc-desk: video consultations for Belgian GPs and dentists, run from the practice's PC."""

__version__ = "0.1.0"
