"""One dev set as its own benchmark (``python -m benchmarks readability`` / ``dates``), by fold group.

The same run and scoring as the cross-validation (``cv.evaluate``), on one set, with ``--ids`` and the
seen pages' own scores in ``results/<set>.json`` (unseen pages are counted, never listed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .cv import default_systems, evaluate, print_set, show_worst_seen
from .folds import is_seen
from .runner import Outcome, arguments, write_result
from .sets import SETS


def main_for(set_name: str, description: str) -> Callable[[], None]:
    bench_set = SETS[set_name]

    def main() -> None:
        args = arguments(description, default_systems(bench_set))
        seen_pages: dict[str, dict[str, Any]] = {}

        def keep(system: str, outcomes: list[Outcome], scores: list[dict[str, Any]]) -> None:
            seen_pages[system] = {o.page.id: {k: None if v is None else round(v, 4)
                                              for k, v in bench_set.page_values(s).items()}
                                  for o, s in zip(outcomes, scores) if is_seen(o.page.id, o.page.url, set_name)}
            if args.show and system == "ours":
                show_worst_seen(bench_set, outcomes, scores, args.show)

        result = evaluate(bench_set, args.systems, args.ids, on_page_scores=keep)
        print_set(set_name, result)
        for system, pages in seen_pages.items():
            result["systems"][system]["seen_pages"] = pages
        if not args.no_write:
            print("wrote", write_result(set_name, {"pages": result["folds"]["pages"]["all"], **result}))

    return main
