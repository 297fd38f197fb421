"""Parsing what clients send: every malformed frame becomes a ProtocolError, never a crash."""

from __future__ import annotations

import json

import pytest

from tooddoc_desk.hub.messages import (
    Admit,
    Bye,
    Candidate,
    Description,
    DeviceDecision,
    ErrorCode,
    Hello,
    Join,
    ProtocolError,
    encode,
    parse_message,
    to_json,
)
from tooddoc_desk.hub.rooms import Role

CANDIDATE = {"candidate": "candidate:1 1 udp 1 127.0.0.1 5000 typ host", "sdpMid": "0",
             "sdpMLineIndex": 0, "usernameFragment": "abcd"}  # fmt: skip


def test_the_protocol_messages_parse() -> None:
    assert parse_message('{"type":"hello","v":1,"role":"patient","token":"t"}') == Hello(
        Role.PATIENT, "t"
    )
    assert parse_message('{"type":"join"}') == Join()
    assert parse_message('{"type":"admit","extra":1}') == Admit()
    assert parse_message('{"type":"bye"}') == Bye()
    assert parse_message('{"type":"offer","sdp":"v=0"}') == Description("offer", "v=0")
    assert parse_message('{"type":"answer","sdp":"v=0"}') == Description("answer", "v=0")
    assert parse_message('{"type":"candidate","candidate":null}') == Candidate(None)
    parsed = parse_message(json.dumps({"type": "candidate", "candidate": CANDIDATE}))
    assert parsed == Candidate(CANDIDATE)


def test_the_device_rule_messages_parse() -> None:
    device = "0123456789abcdef0123456789abcdef"
    hello = {"type": "hello", "v": 1, "role": "patient", "token": "t", "device": device}
    assert parse_message(json.dumps(hello)) == Hello(Role.PATIENT, "t", device)
    uuid = "6f1c1e4a-3b7e-4a8a-9f0e-2d3c4b5a6f70"
    assert parse_message(json.dumps(dict(hello, device=uuid))) == Hello(Role.PATIENT, "t", uuid)
    assert parse_message(json.dumps(dict(hello, device=None))) == Hello(Role.PATIENT, "t")
    practitioner = dict(hello, role="practitioner", device="anything at all")
    assert parse_message(json.dumps(practitioner)) == Hello(Role.PRACTITIONER, "t")
    assert device not in repr(Hello(Role.PATIENT, "t", device))
    decision = '{"type":"device_decision","accept":false}'
    assert parse_message(decision) == DeviceDecision(accept=False)


def test_relayed_messages_carry_only_their_fields() -> None:
    offer = parse_message('{"type":"offer","sdp":"v=0","secret":"x"}')
    assert to_json(offer) == {"type": "offer", "sdp": "v=0"}
    extra = dict(CANDIDATE, evil="<script>")
    candidate = parse_message(json.dumps({"type": "candidate", "candidate": extra}))
    assert to_json(candidate) == {"type": "candidate", "candidate": CANDIDATE}


def test_a_hello_repr_hides_its_token() -> None:
    assert "sekrit" not in repr(Hello(Role.PATIENT, "sekrit"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", ErrorCode.BAD_MESSAGE),
        ("not json", ErrorCode.BAD_MESSAGE),
        ("[1, 2]", ErrorCode.BAD_MESSAGE),
        ('"hello"', ErrorCode.BAD_MESSAGE),
        ("[" * 50_000 + "]" * 50_000, ErrorCode.BAD_MESSAGE),
        ("{}", ErrorCode.BAD_MESSAGE),
        ('{"type": 3}', ErrorCode.BAD_MESSAGE),
        ('{"type": "dance"}', ErrorCode.UNKNOWN_TYPE),
        ('{"type": "hello", "role": "patient", "token": "t"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": true, "role": "patient", "token": "t"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 2, "role": "patient", "token": "t"}',
         ErrorCode.UNSUPPORTED_VERSION),
        ('{"type": "hello", "v": 1, "role": "admin", "token": "t"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": ""}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": 5}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": "' + "a" * 201 + '"}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "offer"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "offer", "sdp": ""}', ErrorCode.BAD_MESSAGE),
        ('{"type": "answer", "sdp": {"x": 1}}', ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate", "candidate": "x"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate", "candidate": {"candidate": 1, "sdpMid": "0"}}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate", "candidate": {"candidate": "c"}}', ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate", "candidate": {"candidate": "c", "sdpMLineIndex": -1}}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate", "candidate": {"candidate": "c", "sdpMid": 7}}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "device_decision"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "device_decision", "accept": 1}', ErrorCode.BAD_MESSAGE),
        ('{"type": "device_decision", "accept": "true"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": "t", "device": 5}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": "t", "device": "short"}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": "t", "device": "'
         + "a" * 129 + '"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": "t", '
         '"device": "0123456789abcdef 0123456789abcdef"}', ErrorCode.BAD_MESSAGE),
        # a lone surrogate escape parses as JSON but no socket can carry it on
        ('{"type": "offer", "sdp": "v=0 \\ud800"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate", "candidate": {"candidate": "\\udfff", "sdpMid": "0"}}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "candidate", "candidate": {"candidate": "c", "sdpMid": "\\ud800"}}',
         ErrorCode.BAD_MESSAGE),
        ('{"type": "hello", "v": 1, "role": "patient", "token": "t\\ud800"}',
         ErrorCode.BAD_MESSAGE),
    ],
)  # fmt: skip
def test_malformed_messages_are_refused_with_a_code(text: str, code: ErrorCode) -> None:
    with pytest.raises(ProtocolError) as refused:
        parse_message(text)
    assert refused.value.code is code


def test_encoding_is_compact_utf8_json() -> None:
    assert encode({"type": "welcome", "practice_name": "Cabinet Dr Gérard"}) == (
        '{"type":"welcome","practice_name":"Cabinet Dr Gérard"}'
    )
