"""A folder of reports in, one sheet per new report, a summary line each; a second run reads only what is new."""

from __future__ import annotations

import shutil
import subprocess
import sys

import yaml

from tests.paths import CORPUS, DATA_DIR, FIXTURES, ROOT


def ingest(folder, out):
    return subprocess.run([sys.executable, "-m", "rightsgraph.cli", "ingest", str(folder), "--out", str(out),
                           "--data", str(DATA_DIR), "--corpus", str(CORPUS)], capture_output=True, text=True, cwd=ROOT)


def test_ingest_writes_a_sheet_per_new_report_and_skips_what_is_known(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "sheets"
    folder.mkdir()
    shutil.copy(FIXTURES / "extract" / "azerbaijan-2014.txt", folder)
    shutil.copy(CORPUS / "kazakhstan-annual-report-2010.txt", folder)  # already curated
    (folder / "broken.txt").write_bytes(b"\xff\xfe not text")
    result = ingest(folder, out)
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert result.returncode == 1  # one report could not be read; the others still went through
    assert lines["kazakhstan-annual-report-2010.txt"] == "skipped (already curated)"
    assert lines["broken.txt"].startswith("error:") and "not UTF-8" in lines["broken.txt"]
    summary = lines["azerbaijan-2014.txt"]
    assert "16 sentences" in summary and "1 already known" in summary and "Transfer 1" in summary
    sheet = yaml.safe_load((out / "azerbaijan-2014.review.yaml").read_text())
    assert sheet["source"]["id"] == "azerbaijan-2014"
    known = [e for e in sheet["entities"] if e["candidate"].get("known")]
    assert [e["id"] for e in known] == ["ecthr"]  # the curated European Court of Human Rights

    shutil.copy(FIXTURES / "extract" / "belarus-2015.txt", folder)
    (folder / "broken.txt").unlink()
    again = ingest(folder, out)
    assert again.returncode == 0
    assert "skipped (sheet" in again.stdout and "belarus-2015.txt: 14 sentences" in again.stdout
