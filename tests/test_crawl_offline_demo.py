"""The README's offline command, run as a new user would: ``python -m crawler.offline_demo``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from portal_pages import IN_WINDOW

from extractors import validation_errors

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_offline_demo_crawls_the_bundled_copy(tmp_path):
    output = tmp_path / "demo.jsonl"
    done = subprocess.run([sys.executable, "-m", "crawler.offline_demo", "--output", str(output)], cwd=REPO_ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(IN_WINDOW)
    assert all(validation_errors(record) == [] for record in records)
    assert f"articles written: {len(IN_WINDOW)}" in done.stdout
    assert "$ scrapy crawl vietnam_vn -a base_url=http://127.0.0.1:" in done.stdout
    assert (tmp_path / "demo.report.json").is_file()
