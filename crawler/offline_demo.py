"""One command, no network: crawl the bundled copy of vietnam.vn and print what the crawl report says.

    python -m crawler.offline_demo                 # writes output/offline-demo.jsonl (+ .report.json)

It serves ``tests/fixtures/portal/`` on 127.0.0.1 (:mod:`crawler.demo_portal`), then runs the real
``scrapy crawl vietnam_vn`` against it for the copy's window, 2026-11-21 .. 2026-11-23. State a crawl
keeps between runs (the seen-store) lives in ``demo/`` beside the output (``output/demo/``), never in
your real crawls' store; ``-O`` over the last demo's file makes each demo run write the same records
again. Politeness delays are off: the only site crawled is the local copy.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from .demo_portal import PortalServer
from .report import report_path_for

REPO_ROOT = Path(__file__).resolve().parent.parent
WINDOW = ("2026-11-21", "2026-11-23")
LOCAL_COPY_SETTINGS = {"AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0", "TELNETCONSOLE_ENABLED": "0"}


def scrapy_env() -> dict[str, str]:
    """The environment for ``scrapy crawl`` of this project from any working directory."""
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}


def crawl_command(base_url: str, output: Path) -> list[str]:
    command = ["scrapy", "crawl", "vietnam_vn", "-a", f"base_url={base_url}", "-a", f"since={WINDOW[0]}",
               "-a", f"until={WINDOW[1]}", "-O", str(output)]
    settings = {**LOCAL_COPY_SETTINGS, "SEENSTORE_PATH": str(output.parent / "demo" / "seen-vietnam_vn.sqlite3")}
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    return command


def print_summary(report: dict, output: Path) -> None:
    print("\n=== offline crawl of the bundled vietnam.vn copy ===")
    print(f"pages fetched:    {report['pages_fetched']}")
    print(f"articles written: {report['articles_written']}  -> {output}")
    print(f"skipped:          {', '.join(f'{k}={v}' for k, v in report['skipped'].items()) or 'none'}")
    print(f"not fetched:      {', '.join(f'{k}={v}' for k, v in report['not_fetched'].items())}")
    print(f"sitemaps read:    {report['sitemaps']['fetched']}, errors: {report['sitemaps']['errors'] or 'none'}")
    rates = report["field_fill_rate"]
    print("fields filled:    " + ", ".join(f"{k} {v:.0%}" for k, v in rates.items() if v))
    print(f"report:           {report_path_for(str(output))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "output" / "offline-demo.jsonl",
                        help="the JSONL feed to write (default: output/offline-demo.jsonl)")
    output = parser.parse_args(argv).output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with PortalServer() as server, tempfile.TemporaryDirectory(prefix="vnnews-demo-") as workdir:
        command = crawl_command(server.url, output)
        print(f"Serving the bundled portal copy at {server.url}\n$ {shlex.join(command)}", flush=True)
        returncode = subprocess.run([sys.executable, "-m", *command], cwd=workdir, env=scrapy_env(),
                                    check=False).returncode
    report_path = report_path_for(str(output))
    if report_path is None or not report_path.is_file():
        print(f"The crawl wrote no report (exit code {returncode}).", file=sys.stderr)
        return returncode or 1
    print_summary(json.loads(report_path.read_text(encoding="utf-8")), output)
    return returncode


if __name__ == "__main__":
    sys.exit(main())
