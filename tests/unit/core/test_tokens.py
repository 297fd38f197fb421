from __future__ import annotations

import base64

from tooddoc_desk.core.tokens import digests_match, new_token, token_digest


def test_tokens_carry_at_least_128_random_bits_and_are_url_safe() -> None:
    tokens = {new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    for token in tokens:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        assert len(raw) * 8 >= 128
        assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_digest_hides_the_token_and_matches_only_itself() -> None:
    token = new_token()
    digest = token_digest(token)
    assert token not in digest
    assert digests_match(digest, token_digest(token))
    assert not digests_match(digest, token_digest(new_token()))
