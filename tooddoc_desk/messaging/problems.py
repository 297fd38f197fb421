"""Why an invite did not leave, as a code for programs and a sentence for the practitioner.

The sentences name no patient, number, address or link: they are shown in the app and may be
written to the outbox and the log as they are. Provider clients map the provider's own codes to
these reasons; the provider's own words (which often repeat the number) are never passed on.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    # about the patient's number or address
    INVALID_NUMBER = "invalid_number"
    CANNOT_RECEIVE_SMS = "cannot_receive_sms"
    OPTED_OUT = "opted_out"
    ADDRESS_REFUSED = "address_refused"
    MAILBOX_FULL = "mailbox_full"
    MESSAGE_REFUSED = "message_refused"
    # about the practice's account or settings
    CREDENTIALS = "credentials"
    SENDER_REFUSED = "sender_refused"
    ACCOUNT_BLOCKED = "account_blocked"
    NO_CREDIT = "no_credit"
    TRIAL_ACCOUNT = "trial_account"
    REGION_NOT_ALLOWED = "region_not_allowed"
    TLS_FAILED = "tls_failed"
    NO_ENCRYPTION = "no_encryption"
    NO_AUTH = "no_auth"
    SECRET_MISSING = "secret_missing"  # noqa: S105 (a reason's name, not a secret)
    # passing trouble
    RATE_LIMITED = "rate_limited"
    PROVIDER_UNAVAILABLE = "provider_unavailable"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    # the request may or may not have reached the provider
    AMBIGUOUS = "ambiguous"
    # accepted by the provider, then given up on by the network
    NOT_DELIVERED = "not_delivered"
    # anything else the provider refused
    REFUSED = "refused"


SENTENCES: dict[Reason, str] = {
    Reason.INVALID_NUMBER: "This number is not valid: check it with the patient.",
    Reason.CANNOT_RECEIVE_SMS: (
        "This number cannot receive SMS. Ask for another mobile number or an e-mail address."
    ),
    Reason.OPTED_OUT: (
        "This number has asked not to receive text messages from the practice (it replied "
        "STOP). Send the link by e-mail instead."
    ),
    Reason.ADDRESS_REFUSED: (
        "The mail server refused the address: check it with the patient, or send an SMS."
    ),
    Reason.MAILBOX_FULL: "The patient's mailbox is full: send the link by SMS instead.",
    Reason.MESSAGE_REFUSED: "The mail server refused the message.",
    Reason.CREDENTIALS: (
        "{Service} refused the practice's account name, key or password: check the "
        "{channel} settings."
    ),
    Reason.SENDER_REFUSED: (
        "{Service} does not accept the sender name or address set up for the practice: "
        "check the {channel} settings."
    ),
    Reason.ACCOUNT_BLOCKED: (
        "The practice's account with {service} is suspended or not enabled for this: "
        "contact the provider."
    ),
    Reason.NO_CREDIT: "The practice's SMS account has run out of credit: top it up.",
    Reason.TRIAL_ACCOUNT: (
        "The practice's SMS account is a trial account: it may only text numbers verified "
        "with the provider."
    ),
    Reason.REGION_NOT_ALLOWED: (
        "The practice's SMS account is not allowed to send to this country: enable it with "
        "the provider."
    ),
    Reason.TLS_FAILED: (
        "A secure connection to the mail server could not be made (its certificate is not "
        "trusted or does not match its name): check the e-mail settings."
    ),
    Reason.NO_ENCRYPTION: (
        "The mail server does not offer encryption, so the link was not sent: check the "
        "e-mail settings (port and security)."
    ),
    Reason.NO_AUTH: (
        "The mail server does not offer a login, but the e-mail settings have a user name: "
        "check the e-mail settings."
    ),
    Reason.SECRET_MISSING: (
        "The {channel} settings name an account whose password or key is not in this "
        "computer's keyring, so nothing was sent: run tooddoc-desk provider-secret --{flag}."
    ),
    Reason.RATE_LIMITED: "{Service} is busy and asked the app to slow down.",
    Reason.PROVIDER_UNAVAILABLE: "{Service} is temporarily unavailable.",
    Reason.UNREACHABLE: (
        "{Service} could not be reached: check the internet connection and the {channel} settings."
    ),
    Reason.TIMEOUT: "{Service} did not answer in time.",
    Reason.AMBIGUOUS: (
        "{Service} stopped answering while the invite was being handed over, so the app "
        "cannot tell whether it left. Ask the patient whether the link arrived before sending "
        "it again."
    ),
    Reason.NOT_DELIVERED: (
        "The phone network could not deliver the SMS to this number: check the number with "
        "the patient, or send the link by e-mail."
    ),
    Reason.REFUSED: "{Service} refused the message.",
}


SMS_SERVICE = "the SMS service"
MAIL_SERVER = "the mail server"


def sentence(reason: Reason, service: str = SMS_SERVICE, code: str | int | None = None) -> str:
    """The practitioner's sentence for `reason`, naming `service` (SMS_SERVICE or MAIL_SERVER).
    A provider's error code, when given, is added for the support desk: codes come from the
    provider's catalogue and are never patient data."""
    channel = "e-mail" if service == MAIL_SERVER else "SMS"
    text = SENTENCES[reason].format(
        service=service,
        Service=service[:1].upper() + service[1:],
        channel=channel,
        flag="email" if service == MAIL_SERVER else "sms",
    )
    if code is None:
        return text
    return f"{text[:-1]} (code {code})." if text.endswith(".") else f"{text} (code {code})"
