"""Invite delivery: message templates, the senders, the dev outbox.

- `message`: what is sent (OutgoingMessage, Receipt, SenderId, DeliveryStatus);
- `sender`: the Sender interface (and Finder, StatusSource) and what a send ends in
  (DeliveryError, Ambiguous); `problems`: the reasons and the practitioner's sentences;
- `templates`, `email_html`, `gsm7`: the words (fr/nl/en/de), the HTML part, the SMS alphabet;
- `twilio`, `vonage`: SMS providers over httpx; `email_sender`, `email_message`: SMTP;
- `retry`: the retry policy; `deliver`: send with retries and look-up, for callers that do not
  persist attempts; `dev_outbox`: shows invites in the app when nothing is set up.
"""
