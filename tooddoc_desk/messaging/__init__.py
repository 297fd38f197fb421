"""Invite delivery: message templates, the senders, the dev outbox."""
