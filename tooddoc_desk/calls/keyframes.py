"""Where a video frame starts, and whether it is a keyframe, read from one RTP payload.

VP8 (RFC 7741): the payload descriptor's S bit with partition 0 marks the first packet of a
frame; the first byte after the descriptor has the P bit, 0 for a keyframe. H.264 (RFC 6184): a
keyframe's first packet carries an SPS or an IDR slice, alone, in a STAP-A, or as the start of an
FU-A. The payloads are the RTP payloads as received (VP8's descriptor included).
"""

from __future__ import annotations

from aiortc.codecs.vpx import VpxPayloadDescriptor

_H264_IDR = 5
_H264_SPS = 7
_H264_STAP_A = 24
_H264_FU_A = 28


def starts_keyframe(codec: str, payload: bytes) -> bool:
    """Whether this packet is the first one of a keyframe (False when unsure)."""
    name = codec.upper()
    if name == "VP8":
        return _vp8_keyframe_start(payload)
    if name == "H264":
        return _h264_keyframe_start(payload)
    return False


def _vp8_keyframe_start(payload: bytes) -> bool:
    try:
        descriptor, data = VpxPayloadDescriptor.parse(payload)
    except ValueError:
        return False
    if not descriptor.partition_start or descriptor.partition_id != 0 or not data:
        return False
    return data[0] & 0x01 == 0  # the P bit: 0 is a key frame


def _h264_keyframe_start(payload: bytes) -> bool:
    if not payload:
        return False
    kind = payload[0] & 0x1F
    if kind in (_H264_IDR, _H264_SPS):
        return True
    if kind == _H264_STAP_A:
        position = 1
        while position + 2 < len(payload):
            size = int.from_bytes(payload[position : position + 2], "big")
            if size and payload[position + 2] & 0x1F in (_H264_IDR, _H264_SPS):
                return True
            position += 2 + size
        return False
    if kind == _H264_FU_A and len(payload) > 1:
        header = payload[1]
        return bool(header & 0x80) and header & 0x1F in (_H264_IDR, _H264_SPS)
    return False
