"""Fit the per-type profiles: which switches each page type turns off (``data/type_profiles.json``).

    PYTHONPATH=src python benchmarks/fit_type_profiles.py            # fit and write the file
    PYTHONPATH=src python benchmarks/fit_type_profiles.py --dry-run  # fit and print only

What it does, per page type other than article (the article profile is empty by
design: today's pipeline), on the WCEB dev pages whose GOLD type it is:

* Gates: a type with a gate (:data:`boilerstrip.type_profiles.GATES`; forum: a thread
  found by the forum-posts pass) is fitted as the runtime applies it, the profile on
  the pages that pass the gate and the article pipeline on the others.
* Greedy forward selection over the switches a profile may hold
  (:data:`boilerstrip.type_profiles.PROFILE_SWITCHES`: the rule families and the
  passes after the page-type pass). A step scores every candidate added to the profile
  so far, with the benchmark's own metric (``scoring.score_pages``) on every page of
  the type, with the type forced (``Options(page_type=...)``), so the profile decides.
* Validation of each step by a 5-fold cross-validation grouped by host (a site is never
  in the training and the held-out folds at once): on each fold the candidate that the
  other four folds score best is taken, and its pages are scored with it. The step is
  accepted only if the pooled held-out F1 beats the profile so far by more than the
  sigma of a paired bootstrap (``scoring.paired_bootstrap``, 1000 resamples); the
  switch added is then the one best on all the type's pages. The first step that fails
  ends the type's selection.
* A check on the other sources (aeb, trafilatura-eval, dragnet, readability; their
  pages are articles): each fitted profile is applied to their pages with the detected
  type; if any source loses more than its paired-bootstrap sigma, the profile is emptied
  (``refused_by`` and ``fitted_off`` in the file say why and what).
* A guard for misread articles: the detector calls some articles by another type (blog
  posts with long comment threads read as forums). Before a validated switch enters a
  profile, the WCEB article pages are stripped as that type with and without it; if they
  lose more than their paired-bootstrap sigma, the switch is refused and the step is
  taken again without it (at most ``MAX_REFUSALS`` times per type). A switch that changes the score of no page of the type on
  its own (first step) is not tried in the later steps (speed).

Switches that only matter with the HTML front end's hints ("markup",
"markup-reasons") and the option passes ("precision", "recall", "keep") are not
candidates: text-mode pages cannot measure them.

Cost: one strip of each page of the type per candidate and step, spread over
``--jobs`` processes (about ten minutes for every type on two cores).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import pathlib
import sys
from collections import defaultdict
from collections.abc import Set as AbstractSet
from typing import Any, Optional, Sequence
from urllib.parse import urlsplit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import scoring  # noqa: E402
from _common import default_data_dir, read_jsonl  # noqa: E402

import boilerstrip  # noqa: E402
from boilerstrip.page_types import ARTICLE, PAGE_TYPES  # noqa: E402
from boilerstrip.type_profiles import GATES, PROFILE_SWITCHES  # noqa: E402

#: What a profile may hold that text-mode pages can measure (see the docstring).
CANDIDATES = tuple(s for s in PROFILE_SWITCHES if s not in {"markup", "markup-reasons", "precision", "recall", "keep"})

FOLDS = 5
#: Switches refused by the article guard after which a type's selection ends (cost).
MAX_REFUSALS = 3
OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "boilerstrip" / "data" / "type_profiles.json"

# Filled before the worker processes fork: (id, raw text) per page type.
_PAGES: dict[str, list[tuple[str, str]]] = {}


def host(url: str, fallback: str) -> str:
    """The page's host without "www." (the grouping of the folds); the id when there is no URL."""
    name = (urlsplit(url).hostname or "") if url else ""
    name = name[4:] if name.startswith("www.") else name
    return name or "no-url:" + fallback


def folds_of(groups: Sequence[str], folds: int = FOLDS) -> list[int]:
    """A fold per page, by host: hosts in order of first appearance, the largest first,
    each given to the fold with fewest pages so far (GroupKFold's rule, without numpy)."""
    size: dict[str, int] = defaultdict(int)
    for g in groups:
        size[g] += 1
    fold_of_group: dict[str, int] = {}
    load = [0] * folds
    for g in sorted(size, key=lambda g: -size[g]):
        k = min(range(folds), key=lambda k: (load[k], k))
        fold_of_group[g] = k
        load[k] += size[g]
    return [fold_of_group[g] for g in groups]


def _strip_all(job: tuple[str, str, tuple[str, ...]]) -> dict[str, str]:
    """The body text of every page of one gold type, stripped as *page_type* with the
    switches *off* (a profile)."""
    gold, page_type, off = job
    # The profile as the runtime applies it, its gate included (type_profiles.GATES).
    stripper = boilerstrip.Stripper(profiles={page_type: frozenset(off)})
    options = boilerstrip.Options(page_type=page_type)
    return {pid: stripper.strip(raw, options).text for pid, raw in _PAGES[gold]}


class TypeFit:
    """The fit of one page type: its pages, their folds, and every scored profile."""

    def __init__(
        self,
        page_type: str,
        records: list[dict[str, Any]],
        articles: list[dict[str, Any]],
        scorer: Any,
        pool: Any,
        resamples: int,
    ) -> None:
        self.page_type = page_type
        self.records = records
        self.articles = articles
        self.as_article: dict[frozenset[str], scoring.PageScores] = {}
        self.scorer = scorer
        self.pool = pool
        self.resamples = resamples
        self.fold = folds_of([host(r.get("url") or "", r["id"]) for r in records])
        self.scored: dict[frozenset[str], scoring.PageScores] = {}

    def score(self, profiles: Sequence[frozenset[str]]) -> None:
        """Strip and score the type's pages under each profile not scored yet."""
        todo = [p for p in dict.fromkeys(profiles) if p not in self.scored]
        jobs = [(self.page_type, self.page_type, tuple(sorted(p))) for p in todo]
        for profile, preds in zip(todo, self.pool.map(_strip_all, jobs, chunksize=1)):
            self.scored[profile] = scoring.score_pages(self.scorer, self.records, preds)

    def article_loss(self, before: frozenset[str], after: frozenset[str]) -> dict[str, Any]:
        """The article pages read as this type: F1 with profile *after* against *before*."""
        todo = [p for p in (before, after) if p not in self.as_article]
        jobs = [(ARTICLE, self.page_type, tuple(sorted(p))) for p in todo]
        for profile, preds in zip(todo, self.pool.map(_strip_all, jobs, chunksize=1)):
            self.as_article[profile] = scoring.score_pages(self.scorer, self.articles, preds)
        a, b = self.as_article[before], self.as_article[after]
        d = scoring.paired_bootstrap(a, b, count=self.resamples, metrics=("f1",))["f1"]
        return {"gain": round(d.diff, 4), "sigma": round(d.sigma, 4), "loses": d.diff < -d.sigma}

    def f1(self, profile: frozenset[str], pages: Optional[Sequence[int]] = None) -> float:
        return self.scored[profile].figures(pages)["f1"]

    def held_out(self, chosen: Sequence[frozenset[str]]) -> scoring.PageScores:
        """The pooled held-out scores: each page scored with the profile chosen for its fold."""
        base = self.scored[chosen[0]]
        counts = tuple(self.scored[chosen[k]].counts[i] for i, k in enumerate(self.fold))
        exact = tuple(self.scored[chosen[k]].exact[i] for i, k in enumerate(self.fold))
        return scoring.PageScores(base.scorer, base.metric, base.ids, counts, exact)

    def step(self, current: frozenset[str], inert: AbstractSet[str]) -> dict[str, Any]:
        """One greedy step from *current*: the candidates, the held-out gain and its sigma."""
        candidates = [current | {s} for s in CANDIDATES if s not in current and s not in inert]
        self.score([current, *candidates])
        chosen, per_fold = [], []
        for k in range(FOLDS):
            train = [i for i, f in enumerate(self.fold) if f != k]
            best = max(candidates, key=lambda p: self.f1(p, train))
            chosen.append(best)
            per_fold.append(sorted(best - current)[0])
        pooled = self.held_out(chosen)
        diff = scoring.paired_bootstrap(self.scored[current], pooled, count=self.resamples, metrics=("f1",))["f1"]
        overall = max(candidates, key=self.f1)
        accepted = diff.diff > diff.sigma
        guard = self.article_loss(current, overall) if accepted else None
        return {
            "from": sorted(current),
            "add": sorted(overall - current)[0],
            "f1_before": round(self.f1(current), 4),
            "f1_all_pages": round(self.f1(overall), 4),
            "fold_choices": per_fold,
            "held_out_gain": round(diff.diff, 4),
            "sigma": round(diff.sigma, 4),
            "articles_read_as_this_type": guard,
            "accepted": accepted and not (guard and guard["loses"]),
        }

    def fit(self, max_steps: int) -> tuple[list[str], list[dict[str, Any]]]:
        current: frozenset[str] = frozenset()
        steps = []
        inert: frozenset[str] = frozenset()
        refused: set[str] = set()
        n = 0
        while n < max_steps:
            s = self.step(current, inert | refused)
            if n == 0:
                # Speed: a switch that changes no page of the type on its own is not
                # tried again in the later steps (it is reported as inert).
                base = self.scored[current]
                inert = frozenset(c for c in CANDIDATES if self.scored[frozenset({c})].counts == base.counts)
                s["inert"] = sorted(inert)
            steps.append(s)
            print(f"  {self.page_type}: {json.dumps(s)}", flush=True)
            guard = s["articles_read_as_this_type"]
            if guard and guard["loses"]:
                refused.add(s["add"])  # validated, but misread articles would pay for it: try the next
                if len(refused) < MAX_REFUSALS:
                    continue
                break
            if not s["accepted"]:
                break
            current = current | {s["add"]}
            n += 1
        return sorted(current), steps


def check_other_sources(
    profiles: dict[str, Any], data: pathlib.Path, renderer: str, scorer: Any, resamples: int
) -> None:
    """Drop each fitted profile under which a source other than WCEB loses: its pages
    stripped with their detected types, with the profile against without it; a loss
    beyond the paired-bootstrap sigma empties the profile (the verdict is recorded)."""
    sources = [p for p in sorted(data.glob(f"*/*.{renderer}.jsonl.gz")) if p.parent.name != "wceb"]
    plain = boilerstrip.Stripper(profiles={})
    base: dict[str, tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]] = {}
    for path in sources:
        records = scorer.load_dataset(str(path))
        results = {r["id"]: plain.strip(r["raw_text"]) for r in records}
        texts = {k: v.text for k, v in results.items()}
        types = {k: v.page_type or ARTICLE for k, v in results.items()}
        base[path.parent.name] = (records, texts, types)
    for page_type, profile in profiles.items():
        if not profile["off"]:
            continue
        with_it = boilerstrip.Stripper(profiles={page_type: frozenset(profile["off"])})
        verdicts = {}
        for source, (records, texts, types) in base.items():
            after = {
                r["id"]: with_it.strip(r["raw_text"]).text if types[r["id"]] == page_type else texts[r["id"]]
                for r in records
            }
            a = scoring.score_pages(scorer, records, texts)
            b = scoring.score_pages(scorer, records, after)
            d = scoring.paired_bootstrap(a, b, count=resamples, metrics=("f1",))["f1"]
            verdicts[source] = {"gain": round(d.diff, 4), "sigma": round(d.sigma, 4), "loses": d.diff < -d.sigma}
        profile["other_sources"] = verdicts
        losers = sorted(s for s, v in verdicts.items() if v["loses"])
        print(f"  {page_type} {profile['off']}: other sources {json.dumps(verdicts)}", flush=True)
        if losers:
            profile["refused_by"] = losers
            profile["fitted_off"] = profile["off"]
            profile["off"] = []


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=None, help="benchmark directory (default: ../shared/benchmarks)")
    ap.add_argument("--renderer", default="html_text", help="WCEB rendering to fit on (default html_text)")
    ap.add_argument("--types", nargs="*", default=[t for t in PAGE_TYPES if t != ARTICLE], help="types to fit")
    ap.add_argument("--max-steps", type=int, default=3, help="greedy steps per type at most (default 3)")
    ap.add_argument("--resamples", type=int, default=scoring.RESAMPLES, help="paired bootstrap resamples")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--out", type=pathlib.Path, default=OUT, help="where to write the profiles")
    ap.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    ap.add_argument(
        "--check-existing", action="store_true", help="skip the fit: only check the profiles in --out on the other sources"
    )
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    records = read_jsonl(data / "wceb" / f"wceb-dev.{args.renderer}.jsonl.gz")
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_type[r["page_type"]].append(r)
    for t, recs in by_type.items():
        _PAGES[t] = [(r["id"], r["raw_text"]) for r in recs]
    scorer = scoring.load(data / "score.py")
    if args.check_existing:
        profiles = json.loads(args.out.read_text(encoding="utf-8"))["profiles"]
    else:
        # A fit of some types keeps the others as the file has them.
        kept = json.loads(args.out.read_text(encoding="utf-8"))["profiles"] if args.out.exists() else {}
        profiles = {t: p for t, p in kept.items() if t not in args.types and t != ARTICLE}
        profiles[ARTICLE] = {"off": [], "why": "by design: the article pipeline unchanged"}
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for t in args.types:
                if t == ARTICLE:
                    continue
                print(f"{t}: {len(by_type[t])} pages", flush=True)
                off, steps = TypeFit(t, by_type[t], by_type[ARTICLE], scorer, pool, args.resamples).fit(args.max_steps)
                profiles[t] = {"off": off, "steps": steps}
                if t in GATES:
                    profiles[t]["gate"] = GATES[t]
    check_other_sources(profiles, data, args.renderer, scorer, args.resamples)
    profiles = {t: profiles[t] for t in PAGE_TYPES if t in profiles}
    out = {
        "about": "Per page type, the switches its pages run without; written by benchmarks/fit_type_profiles.py",
        "fitted_on": f"WCEB dev, {args.renderer}, pages of each gold type, {FOLDS}-fold CV grouped by host",
        "profiles": profiles,
    }
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    if args.dry_run:
        print(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
