"""Body quality on the ScrapingHub article-extraction benchmark (181 pages, ``articleBody`` truth).

    python -m benchmarks.quality_scrapinghub            # ours + trafilatura (both settings), writes results/
    python -m benchmarks.quality_scrapinghub --systems ours --no-write --show 10
"""

from __future__ import annotations

from .data import scrapinghub_pages
from .folds import is_seen
from .metrics import Overlap, body_scores
from .runner import arguments, health, run, write_result

DEFAULT_SYSTEMS = ["ours", "trafilatura", "trafilatura-no-comments"]


def main() -> None:
    args = arguments(__doc__.splitlines()[0], DEFAULT_SYSTEMS)
    pages = scrapinghub_pages(args.ids)
    systems = {}
    for system in args.systems:
        outcomes = run(system, pages)
        overlaps = [Overlap.of(o.page.truth.get("articleBody"), o.prediction.body) for o in outcomes]
        scores = body_scores(overlaps)
        systems[system] = {"body": scores, "health": health(outcomes),
                           "pages": {o.page.id: {"precision": ov.precision, "recall": ov.recall, "f1": ov.f1}
                                     for o, ov in zip(outcomes, overlaps)  # seen folds only
                                     if is_seen(o.page.id, o.page.url, "scrapinghub")}}
        print(f"{system:<24} P={scores['precision']:.4f} R={scores['recall']:.4f} F1={scores['f1']:.4f} "
              f"errors={systems[system]['health']['errors']} max={systems[system]['health']['max_seconds']}s")
        if args.show and system == "ours":  # seen folds only: unseen pages are never listed
            seen = [(o, ov) for o, ov in zip(outcomes, overlaps) if is_seen(o.page.id, o.page.url, "scrapinghub")]
            print(f"   worst seen pages ({len(seen)} of {len(outcomes)} pages are seen):")
            for outcome, overlap in sorted(seen, key=lambda pair: pair[1].f1)[: args.show]:
                print(f"   {overlap.f1:.3f} P={overlap.precision} R={overlap.recall} {outcome.page.id[:12]} "
                      f"{outcome.page.url}")
    if not args.no_write:
        print("wrote", write_result("scrapinghub", {"pages": len(pages), "systems": systems}))


if __name__ == "__main__":
    main()
