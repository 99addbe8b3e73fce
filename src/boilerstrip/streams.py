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

import errno
import io
import os
import stat
import sys
import tempfile
from typing import IO, Any, Optional, cast

from .errors import InputError
import contextlib

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_ZSTD_MISSING = "Zstandard needs the zstandard package: pip install 'boilerstrip[zstd]'"
NO_STDIN = "standard input is closed: give an input FILE"
NO_STDOUT = "standard output is closed: give an output file with -o FILE"


def open_input(path: Optional[str]) -> tuple[IO[bytes], IO[bytes]]:
    """A binary stream of *path* (None or ``-``: standard input), decompressed if need be,
    and the file under it (whose ``tell()`` says how far the input has been read)."""
    name = "standard input" if path in (None, "-") else path
    if (path is None or path == "-") and sys.stdin is None:
        raise InputError(NO_STDIN)
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
    """A binary stream writing to *path* (None or ``-``: standard output), compressed
    by its suffix. A file is written under a temporary name in its folder and
    renamed to *path* by :func:`close_output`; a device or a pipe is written to directly."""
    if path is None or path == "-":
        if sys.stdout is None:
            raise InputError(NO_STDOUT)
        stdout = sys.stdout.buffer
        # Unbuffered (PYTHONUNBUFFERED, python -u) it is the raw file, whose write() may
        # write only part of the data: make every write complete.
        return cast(IO[bytes], _WriteAll(stdout)) if isinstance(stdout, io.RawIOBase) else stdout
    module = _zstd_module() if path.endswith(".zst") else None  # before creating a file
    target = os.path.realpath(path) if os.path.islink(path) else path  # write where a link points
    temp: Optional[str] = None
    try:
        if _is_regular_or_missing(target):
            raw, temp = _temporary_file(target)
        else:
            raw = open(target, "wb")
    except OSError as e:
        raise InputError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        stream = _compressor(raw, path, module)
    except BaseException:
        raw.close()
        if temp is not None:
            _remove(temp)
        raise
    return cast(IO[bytes], FileOutput(stream, raw, target, temp))


def close_output(out: IO[bytes], complete: bool = True) -> None:
    """Flush standard output; finish and close a file output, which is renamed into
    place when *complete* (a finished run, or one stopped by a signal after a whole
    chunk) and removed otherwise (an error: nothing half-written under the name)."""
    if isinstance(out, FileOutput):
        out.finish(complete)
    else:
        out.flush()


class FileOutput:
    """An output file, written (unless it is a device or a pipe) under a temporary
    name in the same folder, so that a failed run leaves the name untouched and a
    finished one appears there at once, whole (the rename replaces it atomically)."""

    def __init__(self, stream: IO[bytes], raw: IO[bytes], target: str, temp: Optional[str]) -> None:
        self.stream = stream  # the compressor, or *raw*
        self.raw = raw
        self.target = target
        self.temp = temp

    def write(self, data: bytes) -> int:
        return self.stream.write(data)

    def flush(self) -> None:
        self.stream.flush()

    def finish(self, complete: bool) -> None:
        try:
            if self.stream is not self.raw:
                self.stream.close()  # a compressed stream writes its end
            if complete and self.temp is not None:
                self.raw.flush()
                os.fsync(self.raw.fileno())  # the data is on disk before the name points at it
            self.raw.close()
        except BaseException:
            self._discard()
            if complete:
                raise
            return  # already failing: the error that made this run fail is the one to report
        if self.temp is None:
            return
        if not complete:
            _remove(self.temp)
            return
        try:
            os.replace(self.temp, self.target)
        except BaseException:
            _remove(self.temp)
            raise

    def _discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.raw.close()
        if self.temp is not None:
            _remove(self.temp)


def same_file(path: str, other: Optional[str]) -> bool:
    """Whether the existing regular file *path* is the file *other* (None or ``-``:
    standard input), also through symbolic and hard links."""
    try:
        mine = os.stat(path)
        if other is None or other == "-":
            if sys.stdin is None:
                return False
            theirs = os.fstat(sys.stdin.fileno())
        else:
            theirs = os.stat(other)
    except (OSError, ValueError):  # missing, unreadable, or not a real file descriptor
        return False
    return stat.S_ISREG(mine.st_mode) and (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


def _is_regular_or_missing(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True


def _temporary_file(target: str) -> tuple[IO[bytes], str]:
    if os.path.exists(target) and not os.access(target, os.W_OK):
        # A file one may not write stays as it is, as a plain open() would leave it.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
    folder, name = os.path.split(target)
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder or ".")
    try:
        if hasattr(os, "fchmod"):  # the mode a plain open() would give
            os.fchmod(fd, _file_mode(target))
        return os.fdopen(fd, "wb"), temp
    except BaseException:
        os.close(fd)
        _remove(temp)
        raise


def _file_mode(target: str) -> int:
    """The replaced file's permissions, or what the umask gives a new file."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)  # reading the umask means setting it
        os.umask(umask)
        return 0o666 & ~umask


def _compressor(raw: IO[bytes], path: str, zstd_module: Any) -> IO[bytes]:
    if path.endswith(".gz"):
        import gzip

        # No file name and a zero time stamp in the header: the same input gives the
        # same bytes, whenever and under whatever name it is written.
        return cast(IO[bytes], gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0))
    if zstd_module is not None:
        return _zstd_writer(zstd_module, raw)
    return raw


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


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
        self._error: Optional[Exception] = None  # raised once _pending is used up

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._offset >= len(self._pending):
            if self._error is not None:
                raise self._error
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
        out: list[bytes] = []
        while data:
            self._in_frame = True
            try:
                out.append(self._frame.decompress(data))
            except Exception as e:  # bytes that are no frame: after what decoded before them
                if not out:
                    raise
                self._error = e
                break
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
    # closefd=False: the caller syncs and closes the file after the frame is finished.
    return module.ZstdCompressor().stream_writer(raw, closefd=False)  # type: ignore[no-any-return]
