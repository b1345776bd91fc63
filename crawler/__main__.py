"""``python -m crawler <command>``: the project's commands beside ``scrapy crawl``.

    python -m crawler merge OUT FEED...   # the feeds of a crawl's workers as one, each article once
"""

from __future__ import annotations

import sys

COMMANDS = {"merge": "crawler.merge"}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    import importlib

    return importlib.import_module(COMMANDS[sys.argv[1]]).main(sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
