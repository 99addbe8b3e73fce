"""The ``--jsonl`` batch run: read records, clean them (in parallel), write them in order.

Input lines are grouped into chunks; each chunk is cleaned by
:func:`clean_chunk` (in this process, or in worker processes with ``--jobs``)
and its output lines are written in input order, so output line N always
answers input line N: a blank input line gives a blank output line, a bad
record gives an error record, and the batch goes on. With ``--report-dir``
each record's visual report is written by whoever cleaned it, and the index
page by the parent at the end (also after Ctrl-C, for what was done).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from functools import partial
from typing import IO, Any, Callable, Iterator, Optional

from .batch import (
    DEFAULT_TEXT_FIELD,
    clean_record_with_result,
    dumps,
    locate,
    parse_line,
)
from .errors import InputError
from .interrupts import Terminated, stop_between_writes
from .options import Options
from .parallel import OrderedMap, WorkerDied

#: A chunk ends after this many lines ...
CHUNK_LINES = 64
#: ... or this many bytes, whichever comes first: large enough to make the trip
#: to a worker worth it, small enough that Ctrl-C waits for little.
CHUNK_BYTES = 4 << 20
#: Seconds between progress updates.
PROGRESS_INTERVAL = 0.25


@dataclass(frozen=True)
class Settings:
    """What every chunk is cleaned with; picklable, sent to the workers."""

    options: Options = Options()
    errors: str = "strict"
    text_field: str = DEFAULT_TEXT_FIELD
    report_dir: Optional[str] = None
    #: Records hold HTML (``--html``): cleaned by the HTML front end.
    html: bool = False
    #: Start of the name of every added field (``--prefix``).
    prefix: str = ""
    #: ``--output-field``: the body goes to this field (None: the usual place).
    output_field: Optional[str] = None


@dataclass
class Stats:
    records: int = 0
    #: The signal (SIGINT, SIGTERM) that stopped the run early, if one did.
    stopped_by: Optional[int] = None

    @property
    def interrupted(self) -> bool:
        return self.stopped_by is not None


class ReportWriteError(InputError):
    """A report page or the index could not be written (a read-only or full disk)."""


# (first line number, raw lines)
Chunk = tuple[int, list[bytes]]
# (output line, report index entry or None)
Row = tuple[bytes, Any]


def run(
    source: IO[bytes],
    out: IO[bytes],
    settings: Settings,
    jobs: int = 1,
    progress: Optional[Progress] = None,
) -> Stats:
    """Clean every record of *source* into *out*; returns counts. Ctrl-C or SIGTERM
    ends the run cleanly: every line written so far is complete, and
    ``Stats.stopped_by`` says which signal it was. Input that stops being readable
    (a corrupt or cut compressed stream) raises its error after every line read
    before it has been written."""
    stats = Stats()
    entries: list[Any] = []
    meter = progress
    tell = meter.position if meter and meter.position else _no_position
    read: deque[int] = deque()  # read positions of the chunks in flight, in order
    failed: list[Exception] = []
    results = OrderedMap(partial(clean_chunk, settings), _chunks(source, tell, read, failed), jobs)
    index = settings.report_dir is not None
    # The signals stay caught until the pool is shut down and the output flushed.
    with stop_between_writes() as stop:
        try:
            for rows in results:
                for line, _ in rows:
                    out.write(line)
                for line, entry in rows:
                    if line != b"\n":
                        stats.records += 1
                    if entry is not None:
                        entries.append(entry)
                position = read.popleft()
                if meter:
                    meter.update(stats.records, position)
                if stop.requested:
                    stats.stopped_by = stop.signum
                    break
            if failed and not stats.interrupted:
                raise failed[0]
        except KeyboardInterrupt as e:  # a second Ctrl-C or SIGTERM: stop at once
            stats.stopped_by = signal.SIGTERM if isinstance(e, Terminated) else signal.SIGINT
            results.abandon()
        except WorkerDied:
            results.abandon()
            if not stop.requested:
                raise
            # The signal went to the workers too (SIGTERM to the whole process group,
            # as service managers send it): every line written is still complete.
            stats.stopped_by = stop.signum
        except BaseException as e:  # the output is gone (a closed pipe) or the run failed
            results.abandon()
            index = index and not isinstance(e, ReportWriteError)  # the report folder failed
            raise
        finally:
            results.close()
            try:
                out.flush()
            finally:
                if meter:
                    meter.done(stats.records)
                if index:
                    assert settings.report_dir is not None
                    _write_index(settings.report_dir, entries)
    return stats


def clean_chunk(settings: Settings, chunk: Chunk) -> list[Row]:
    """Clean one chunk of input lines: the unit of work of a worker."""
    first, lines = chunk
    return [_clean_line(settings, first + i, lines, i) for i in range(len(lines))]


def _clean_line(settings: Settings, number: int, lines: list[bytes], i: int) -> Row:
    # Take the line out of its chunk, so that a huge line is not held while its record is cleaned.
    raw, lines[i] = lines[i], b""
    if not raw.strip():
        return b"\n", None  # a blank line carries no record: pass it through
    record, error = parse_line(raw, number, settings.errors)
    del raw
    result: Any = None
    output: dict[str, Any] = {}
    if record is not None:
        output, result = _clean(settings, record)
        if result is None:
            error = locate(output, number)
    entry = None
    if settings.report_dir is not None:
        entry = _report(settings, number, record, result, error)
    cleaned = result is not None
    del result, record  # a huge record's blocks are freed before its JSON is built
    return _encode(output if cleaned else error, number), entry


def _clean(settings: Settings, record: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """The output record and the full result (None for an error record)."""
    result: Any
    if settings.html:
        from .html.records import clean_html_record_with_result

        output, result = clean_html_record_with_result(
            record, settings.options, field=settings.text_field, prefix=settings.prefix
        )
        body_key = "text"
    else:
        output, result = clean_record_with_result(
            record, settings.options, text_field=settings.text_field, prefix=settings.prefix
        )
        body_key = settings.text_field
    if settings.output_field is not None and result is not None:
        from .output_fields import move_body

        output = move_body(output, record, body_key, settings.output_field, settings.text_field)
    return output, result


def _encode(obj: dict[str, Any], number: int) -> bytes:
    try:
        text = dumps(obj)
    except (RecursionError, ValueError) as e:  # a record JSON cannot write back
        text = dumps({"error": f"cannot write the record as JSON: {type(e).__name__}", "line": number})
    data = text.encode("utf-8")
    del text  # the JSON string (up to 4 bytes a character) is freed before the line is made
    return data + b"\n"


def _no_position() -> int:
    return 0


def _chunks(source: IO[bytes], tell: Callable[[], int], read: deque[int], failed: list[Exception]) -> Iterator[Chunk]:
    """Chunks of input lines; appends to *read* the input position after each. If
    reading fails, the lines read before are still yielded and the error is put in
    *failed*, for the caller to raise once they are written."""
    lines: list[bytes] = []
    size = 0
    first = 1
    try:
        for number, raw in enumerate(source, 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            lines.append(raw)
            size += len(raw)
            if len(lines) >= CHUNK_LINES or size >= CHUNK_BYTES:
                read.append(tell())
                yield first, lines
                first, lines, size = number + 1, [], 0
    except Exception as e:  # any read or decompression error
        failed.append(e)
    if lines:
        read.append(tell())
        yield first, lines


# --- Reports ---------------------------------------------------------------------------


def _report(
    settings: Settings, number: int, record: Optional[dict[str, Any]], result: Any, error: dict[str, Any]
) -> Any:
    """Write one record's report page; return its index entry."""
    from .report import IndexEntry, render_report, report_filename

    assert settings.report_dir is not None
    record_id = record.get("id") if record is not None else None
    name = f"line {number}" if record_id is None else f"line {number}: id {record_id}"
    if result is None:
        return IndexEntry("", name, None, 0, 0, error=str(error.get("error", "")))
    href = report_filename(number, record_id)
    assert record is not None
    if settings.html:  # the report shows the rendered page, which the offsets refer to
        page = render_report(result.rendered, result.result, name=name)
        result = result.result
    else:
        page = render_report(record[settings.text_field], result, name=name)
    _write_report(os.path.join(settings.report_dir, href), page)
    return IndexEntry.from_result(href, name, result)


def _write_index(directory: str, entries: list[Any]) -> None:
    from .report import render_index

    _write_report(os.path.join(directory, "index.html"), render_index(entries))


def _write_report(path: str, page: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
    except OSError as e:
        raise ReportWriteError(f"cannot write report {path}: {e.strerror or e}") from None


# --- Progress ----------------------------------------------------------------------------


class Progress:
    """Records done and records per second on stderr, rewritten in place; with a
    bar and a percentage when the input's size and read position are known."""

    WIDTH = 24

    def __init__(self, total_bytes: Optional[int] = None, position: Optional[Callable[[], int]] = None) -> None:
        self.start = self.last = time.monotonic()
        self.total = total_bytes if total_bytes and position else None
        self.position = position
        self.done_position = 0

    def update(self, records: int, position: int) -> None:
        """*records* written so far, which came from the input up to byte *position*."""
        self.done_position = position
        now = time.monotonic()
        if now - self.last >= PROGRESS_INTERVAL:
            self.last = now
            self._show(records, now)

    def done(self, records: int) -> None:
        self._show(records, time.monotonic())
        sys.stderr.write("\n")
        sys.stderr.flush()

    def _show(self, records: int, now: float) -> None:
        rate = records / max(now - self.start, 1e-9)
        bar = ""
        if self.total:
            fraction = min(self.done_position / self.total, 1.0)
            filled = int(fraction * self.WIDTH)
            bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {fraction:4.0%} "
        sys.stderr.write(f"\rboilerstrip: {bar}{records:,} records, {rate:,.0f} records/s ")
        sys.stderr.flush()
