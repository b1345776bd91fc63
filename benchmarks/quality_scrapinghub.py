"""Body quality on the ScrapingHub article-extraction benchmark (181 pages, ``articleBody`` truth).

    python -m benchmarks.quality_scrapinghub            # ours + trafilatura (both settings), writes results/
    python -m benchmarks.quality_scrapinghub --systems ours --no-write --show 10
"""

from __future__ import annotations

from .data import scrapinghub_pages
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
                                     for o, ov in zip(outcomes, overlaps)}}
        print(f"{system:<24} P={scores['precision']:.4f} R={scores['recall']:.4f} F1={scores['f1']:.4f} "
              f"errors={systems[system]['health']['errors']} max={systems[system]['health']['max_seconds']}s")
        if args.show and system == "ours":
            worst = sorted(zip(outcomes, overlaps), key=lambda pair: pair[1].f1)[: args.show]
            for outcome, overlap in worst:
                print(f"   {overlap.f1:.3f} P={overlap.precision} R={overlap.recall} {outcome.page.id[:12]} "
                      f"{outcome.page.url}")
    if not args.no_write:
        print("wrote", write_result("scrapinghub", {"pages": len(pages), "systems": systems}))


if __name__ == "__main__":
    main()
