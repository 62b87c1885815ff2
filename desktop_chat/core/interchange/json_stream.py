"""Reading a large JSON file one value at a time: the items of the top-level array (or of one member of
the top-level object), each decoded by the json module's C decoder as soon as it is whole.

Memory stays at about the largest item plus a read chunk, however large the file (a ChatGPT export of
5,000 conversations is ~400 MB). A syntax error is reported with its line and column as json.loads
would; a file cut short says so.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

CHUNK = 1 << 20  # characters read at a time
_WHITESPACE = " \t\n\r"
_DECODER = json.JSONDecoder()


class JsonSyntaxError(ValueError):
    """Not valid JSON: `msg` at `line`/`column` (1-based); `cut_short` when the file ends inside a value."""

    def __init__(self, msg: str, line: int, column: int, cut_short: bool) -> None:
        super().__init__(f"{msg} at line {line}, column {column}")
        self.msg, self.line, self.column, self.cut_short = msg, line, column, cut_short


class NotUtf8Error(ValueError):
    """The bytes are not UTF-8 text: the first bad one is at `byte` (0-based)."""

    def __init__(self, byte: int) -> None:
        super().__init__(f"not UTF-8 text (byte {byte})")
        self.byte = byte


class JsonStream:
    """Values from a binary stream of UTF-8 JSON (a BOM is skipped); `bytes_read` tells the progress."""

    def __init__(self, raw: IO[bytes], chunk: int = CHUNK) -> None:
        self._raw = raw
        self._chunk = chunk
        self._utf8 = codecs.getincrementaldecoder("utf-8-sig")()
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._lines_dropped = 0  # newlines in the text already dropped from the buffer
        self._column_base = 0  # characters of the current line already dropped
        self.bytes_read = 0

    # -- reading ---------------------------------------------------------------------------------
    def _fill(self, wanted: int) -> bool:
        """Read at least `wanted` more characters if there are any; False at the end of the file."""
        if self._eof:
            return False
        if self._pos > len(self._buf) // 2:  # drop what was consumed (keeping line numbers right)
            dropped = self._buf[: self._pos]
            newlines = dropped.count("\n")
            if newlines:
                self._lines_dropped += newlines
                self._column_base = len(dropped) - dropped.rfind("\n") - 1
            else:
                self._column_base += len(dropped)
            self._buf, self._pos = self._buf[self._pos :], 0
        added = 0
        while added < wanted:
            data = self._raw.read(max(wanted - added, self._chunk))
            try:
                text = self._utf8.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise NotUtf8Error(self.bytes_read + exc.start) from None
            self.bytes_read += len(data)
            self._buf += text
            added += len(text)
            if not data:
                self._eof = True
                break
        return added > 0 or not self._eof

    def _skip_whitespace(self) -> str:
        """The next character that is not whitespace ("" at the end of the file), not consumed."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in _WHITESPACE:
                self._pos += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill(self._chunk):
                return ""

    def _expect(self, chars: str, what: str) -> str:
        char = self._skip_whitespace()
        if char == "" or char not in chars:
            self._fail(f"Expecting {what}", self._pos)
        self._pos += 1
        return char

    def _fail(self, msg: str, pos: int) -> None:
        before = self._buf[:pos]
        line = self._lines_dropped + before.count("\n") + 1
        newline = before.rfind("\n")
        column = pos - newline if newline >= 0 else self._column_base + pos + 1
        at_end = pos >= len(self._buf.rstrip()) - 1 or msg.startswith("Unterminated string")
        raise JsonSyntaxError(msg, line, column, cut_short=self._eof and at_end)

    def value(self) -> Any:
        """Decode the next value whole (reading on until it is)."""
        self._skip_whitespace()
        wanted = self._chunk
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                truncated = exc.pos >= len(self._buf) - 8 or exc.msg.startswith("Unterminated string")
                if self._eof or not truncated:
                    self._fail(exc.msg, exc.pos)
                self._fill(wanted)
                wanted *= 2  # an item larger than the buffer: read in growing steps (linear in total)
                continue
            except RecursionError:
                self._fail("Nested too deeply", self._pos)
            if end < len(self._buf) or self._eof:  # a number at the buffer's end may go on
                self._pos = end
                return value
            if not self._fill(wanted):
                self._pos = end
                return value

    # -- structure -------------------------------------------------------------------------------
    def peek(self) -> str:
        """The first character of the next value ('[' for an array, '{' for an object, "" at the end)."""
        return self._skip_whitespace()

    def items(self) -> Iterator[Any]:
        """The items of the array that comes next, one by one."""
        self._expect("[", "'['")
        if self._skip_whitespace() == "]":
            self._pos += 1
            return
        while True:
            yield self.value()
            if self._expect(",]", "',' delimiter") == "]":
                return

    def members(self) -> Iterator[str]:
        """The keys of the object that comes next; after each, read its value (value() or items())."""
        self._expect("{", "'{'")
        if self._skip_whitespace() == "}":
            self._pos += 1
            return
        while True:
            if self._skip_whitespace() != '"':
                self._fail("Expecting property name enclosed in double quotes", self._pos)
            key = self.value()
            self._expect(":", "':' delimiter")
            yield key
            if self._expect(",}", "',' delimiter") == "}":
                return

    def end(self) -> None:
        """Only whitespace may follow the top-level value."""
        if self._skip_whitespace() != "":
            self._fail("Extra data", self._pos)
