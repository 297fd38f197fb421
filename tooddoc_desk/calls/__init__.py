"""The call engine on aiortc: signaling, local media, the practitioner's session, remote frames.

Qt-free: the UI's adapter turns `RgbFrame`s into QImages and `PcmChunk`s into sound.
"""
