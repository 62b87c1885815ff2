"""No key in any log line: keys, bearer tokens and registered secrets are cut to their start."""

from __future__ import annotations

import io
import logging

from desktop_chat.core.config import log_masking


def test_keys_and_tokens_are_masked() -> None:
    text = (
        "Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOp. headers={'Authorization': 'Bearer "
        "sk-proj-AbCdEfGhIjKlMnOp'} api-key: 0123456789abcdef0123"
    )
    masked = log_masking.mask_secrets(text)
    assert "AbCdEfGhIjKlMnOp" not in masked and "0123456789abcdef0123" not in masked
    assert "sk-proj…[hidden]" in masked or "sk-pro" in masked


def test_a_registered_key_that_does_not_look_like_one_is_masked() -> None:
    log_masking.remember_secret("local-server-token-42")
    assert "local-server-token-42" not in log_masking.mask_secrets("denied for local-server-token-42!")


def test_the_formatter_masks_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("test_log_masking")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        log_masking.install(logger)
        logger.warning("models list unavailable: %s", "401 Incorrect API key provided: sk-secretsecretsecret")
        try:
            raise ValueError("Bearer abcdefghijklmnopqrstuvwxyz")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    assert "secretsecretsecret" not in written and "abcdefghijklmnop" not in written
    assert written.startswith("WARNING models list unavailable: 401 Incorrect API key provided: sk-secr")
