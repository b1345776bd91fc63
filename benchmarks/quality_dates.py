"""Publication day on htmldate's evaluation pages (386 pages, 381 with a day, 5 without).

    python -m benchmarks dates                          # ours and htmldate -> results/dates.json
    python -m benchmarks dates --systems ours --no-write --show 10

Right: the predicted calendar day is the true day (``metrics.same_day``); on a page without a date,
giving none is right (htmldate's evaluation counts these true negatives). ``date_found``: the share of
pages given any date. Pages are decoded from their bytes as the extractor decodes a crawled page
(they are not all UTF-8), and both systems get that same text. htmldate runs as
``find_date(html, original_date=True, url=url)``. Each figure for the seen and unseen folds, all pages
and the gap; the JSON's page rows and ``--show`` list seen pages only.
"""

from __future__ import annotations

from .single import main_for

main = main_for("dates", __doc__.splitlines()[0])

if __name__ == "__main__":
    main()
