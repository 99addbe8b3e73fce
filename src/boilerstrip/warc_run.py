"""The ``--warc`` run: the pages of crawl files cleaned (in parallel) into JSONL, in order.

Pages are read in this process and grouped into chunks; each chunk is cleaned
by :func:`clean_chunk` here or in ``--jobs`` worker processes
(:func:`boilerstrip.parallel.ordered_map`), and the output records are written
in input order. Records that are not pages, or cannot be cleaned, are counted
by reason; ``--stats`` (or the progress line) reports the counts on stderr.
"""

from __future__ import annotations

import signal
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Iterable, Iterator, Optional

from .interrupts import Terminated, stop_between_writes
from .jsonl import Progress
from .options import Options
from .output_fields import move_body
from .parallel import OrderedMap
from .warc import Page, clean_page, encode, read_pages

#: Pages per chunk ...
CHUNK_PAGES = 64
#: ... or bytes of payload, whichever comes first (as for --jsonl).
CHUNK_BYTES = 4 << 20


@dataclass(frozen=True)
class WarcSettings:
    """What every chunk is cleaned with; picklable, sent to the workers."""

    options: Options = Options()
    errors: str = "strict"
    #: The HTML front end is installed; without it, response records are skipped.
    html: bool = True
    #: Write the body to this key instead of ``text``.
    output_field: str = "text"


@dataclass
class WarcStats:
    records: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    #: The signal (SIGINT or SIGTERM) that stopped the run, if one did.
    stopped_by: Optional[int] = None

    @property
    def interrupted(self) -> bool:
        return self.stopped_by is not None

    def summary(self) -> str:
        """``12 records written, 3 skipped (request record: 2, not HTML (image/png): 1)``."""
        line = f"{self.records:,} records written"
        total = sum(self.skipped.values())
        if total:
            reasons = ", ".join(f"{reason}: {n:,}" for reason, n in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0])))
            line += f", {total:,} skipped ({reasons})"
        return line


#: A cleaned page's JSONL line, or the reason it was skipped.
Row = tuple[Optional[bytes], Optional[str]]

_NEEDS_HTML = "HTML page (needs the html extra: pip install 'boilerstrip[html]')"


def clean_chunk(settings: WarcSettings, pages: list[Page]) -> list[Row]:
    """Clean one chunk of pages: the unit of work of a worker."""
    rows: list[Row] = []
    for page in pages:
        if page.html and not settings.html:
            rows.append((None, _NEEDS_HTML))
            continue
        out = clean_page(page, settings.options, settings.errors)
        if isinstance(out, str):
            rows.append((None, out))
        else:
            rows.append((encode(move_body(out, {}, "text", settings.output_field, "text")), None))
    return rows


def run(
    sources: Iterable[IO[bytes]],
    out: IO[bytes],
    settings: WarcSettings,
    jobs: int = 1,
    progress: Optional[Progress] = None,
) -> WarcStats:
    """Clean every page of every crawl file in *sources* (raw binary streams) into *out*."""
    stats = WarcStats()
    results = OrderedMap(partial(clean_chunk, settings), _chunks(sources, stats.skipped), jobs)
    # The signals stay caught until the pool is shut down and the output flushed.
    with stop_between_writes() as stop:
        try:
            for rows in results:
                for line, reason in rows:
                    if line is not None:
                        out.write(line)
                        stats.records += 1
                    else:
                        stats.skipped[reason or "skipped"] += 1
                if progress:
                    progress.update(stats.records, progress.position() if progress.position else 0)
                if stop.requested:
                    stats.stopped_by = stop.signum
                    break
        except KeyboardInterrupt as e:  # a second Ctrl-C or SIGTERM: stop at once
            stats.stopped_by = signal.SIGTERM if isinstance(e, Terminated) else signal.SIGINT
            results.abandon()
        except BaseException:  # the output is gone (a closed pipe) or the run failed
            results.abandon()
            raise
        finally:
            results.close()
            out.flush()
            if progress:
                progress.done(stats.records)
    return stats


def _chunks(sources: Iterable[IO[bytes]], skipped: Counter[str]) -> Iterator[list[Page]]:
    chunk: list[Page] = []
    size = 0
    for source in sources:
        for page in read_pages(source, skipped):
            chunk.append(page)
            size += len(page.payload)
            if len(chunk) >= CHUNK_PAGES or size >= CHUNK_BYTES:
                yield chunk
                chunk, size = [], 0
    if chunk:
        yield chunk


def report(stats: WarcStats) -> None:
    sys.stderr.write(f"boilerstrip: {stats.summary()}\n")
    sys.stderr.flush()
