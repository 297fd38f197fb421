"""The Qt-free domain: consultations, contacts, link tokens, languages, time."""
