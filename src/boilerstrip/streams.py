"""Open the CLI's input and output, compressed or not.

Input is recognised by its first bytes, not its name, so ``crawl.jsonl.gz``,
a gzip stream on stdin and a plain file all just work: gzip (``1f 8b``) and
Zstandard (``28 b5 2f fd``) are decompressed on the fly. Neither signature
can start valid UTF-8 text, so a text input is never mistaken for one.
Output is compressed when its file name ends in ``.gz`` or ``.zst``.

Zstandard needs the standard library's ``compression.zstd`` (Python 3.14+)
or the ``zstandard`` package (``pip install 'boilerstrip[zstd]'``).
"""

from __future__ import annotations

import io
import sys
from typing import IO, Any, Optional, cast

from .errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_ZSTD_MISSING = "Zstandard needs the zstandard package: pip install 'boilerstrip[zstd]'"


def open_input(path: Optional[str]) -> tuple[IO[bytes], IO[bytes]]:
    """A binary stream of *path* (None or ``-``: standard input), decompressed if need be,
    and the file under it (whose ``tell()`` says how far the input has been read)."""
    name = "standard input" if path in (None, "-") else path
    try:
        raw: IO[bytes] = sys.stdin.buffer if path is None or path == "-" else open(path, "rb")
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror or e}") from None
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(Any, raw))
    try:
        head = buffered.peek(4)[:4]
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror or e}") from None
    if head.startswith(GZIP_MAGIC):
        import gzip

        return gzip.GzipFile(fileobj=buffered, mode="rb"), buffered  # type: ignore[return-value]
    if head.startswith(ZSTD_MAGIC):
        return _zstd_reader(buffered), buffered
    return buffered, buffered


def open_output(path: Optional[str]) -> IO[bytes]:
    """A binary stream writing to *path* (None or ``-``: standard output), compressed by its suffix."""
    if path is None or path == "-":
        stdout = sys.stdout.buffer
        # Unbuffered (PYTHONUNBUFFERED, python -u) it is the raw file, whose write() may
        # write only part of the data: make every write complete.
        return cast(IO[bytes], _WriteAll(stdout)) if isinstance(stdout, io.RawIOBase) else stdout
    try:
        if path.endswith(".gz"):
            import gzip

            return gzip.open(path, "wb")  # type: ignore[return-value]
        if path.endswith(".zst"):
            module = _zstd_module()  # before creating the file: no empty file on failure
            return _zstd_writer(module, open(path, "wb"))
        return open(path, "wb")
    except OSError as e:
        raise InputError(f"cannot write {path}: {e.strerror or e}") from None


def close_output(out: IO[bytes]) -> None:
    """Flush standard output; close a file (which finishes a compressed stream)."""
    if isinstance(out, _WriteAll) or out is sys.stdout.buffer:
        out.flush()
    else:
        out.close()


class _WriteAll:
    """A raw stream whose every write is complete: partial writes are continued."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            written = self.raw.write(view)
            view = view[written or 0 :]
        return len(data)

    def flush(self) -> None:
        self.raw.flush()


def read_error(e: BaseException, name: str) -> Optional[str]:
    """A one-line message for a decompression failure, or None if *e* is not one."""
    kind = type(e)
    if isinstance(e, EOFError):  # ours say Zstandard; otherwise it came from gzip
        kind_name = "Zstandard" if "Zstandard" in str(e) else "gzip"
        return f"{name} ends inside its {kind_name} stream: {e}"
    if kind.__name__ == "BadGzipFile" or kind.__module__ == "zlib":
        return f"{name} is not a valid gzip stream: {e}"
    if kind.__name__ in ("ZstdError", "ZstdDecompressionError"):
        return f"{name} is not a valid Zstandard stream: {e}"
    return None


def _zstd_module() -> Any:
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python 3.14+

        return zstd
    except ImportError:
        pass
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]

        return zstandard
    except ImportError:
        raise InputError(_ZSTD_MISSING) from None


def _zstd_reader(raw: IO[bytes]) -> IO[bytes]:
    module = _zstd_module()
    if hasattr(module, "ZstdFile"):
        return module.ZstdFile(raw, mode="rb")  # type: ignore[no-any-return]
    return io.BufferedReader(_ZstdFrames(module, raw))


class _ZstdFrames(io.RawIOBase):
    """Zstandard frames one after another, decompressed; a stream that stops
    inside a frame raises EOFError (the zstandard package's own stream reader
    returns the data it has and says nothing)."""

    READ_SIZE = 1 << 17

    def __init__(self, module: Any, raw: IO[bytes]) -> None:
        self._module = module
        self._raw = raw
        self._frame = module.ZstdDecompressor().decompressobj()
        self._in_frame = False
        self._pending = b""
        self._offset = 0  # of the next unread byte of _pending

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._offset >= len(self._pending):
            data = self._raw.read(self.READ_SIZE)
            if not data:
                if self._in_frame:
                    raise EOFError("Zstandard stream ended inside a frame")
                return 0
            self._pending, self._offset = self._feed(data), 0
        n = min(len(buffer), len(self._pending) - self._offset)
        buffer[:n] = memoryview(self._pending)[self._offset : self._offset + n]
        self._offset += n
        return n

    def _feed(self, data: bytes) -> bytes:
        out = []
        while data:
            self._in_frame = True
            out.append(self._frame.decompress(data))
            if not self._frame.eof:
                break
            data = self._frame.unused_data
            self._frame = self._module.ZstdDecompressor().decompressobj()
            self._in_frame = False
        return b"".join(out)

    def close(self) -> None:
        self._raw.close()
        super().close()


def _zstd_writer(module: Any, raw: IO[bytes]) -> IO[bytes]:
    if hasattr(module, "ZstdFile"):
        return module.ZstdFile(raw, mode="wb")  # type: ignore[no-any-return]
    return module.ZstdCompressor().stream_writer(raw, closefd=True)  # type: ignore[no-any-return]
