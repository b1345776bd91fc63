"""Body quality on Mozilla Readability's test pages (116 pages, ``articleBody`` truth, ScrapingHub layout).

    python -m benchmarks readability                    # ours, trafilatura, readability-lxml -> results/readability.json
    python -m benchmarks readability --systems ours --no-write --show 10

The ScrapingHub metric as is (body shingle P/R/F1). Each figure for the seen and unseen folds, all
pages and the gap; the JSON's page rows and ``--show`` list seen pages only.
"""

from __future__ import annotations

from .single import main_for

main = main_for("readability", __doc__.splitlines()[0])

if __name__ == "__main__":
    main()
