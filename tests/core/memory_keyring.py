"""An in-memory keyring backend for tests.

Install it with `keyring.set_keyring(MemoryKeyring())`, or in a child process with
PYTHON_KEYRING_BACKEND=tests.core.memory_keyring.MemoryKeyring. It is never chosen automatically.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = -1  # only ever installed explicitly, never chosen automatically

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(f"no password for {username!r} in {service!r}")
