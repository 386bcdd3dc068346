"""The Spark job gives the same records as the single-machine run, record for record.

Runs the job in local[2] mode over a manifest of the small real WARC and WET files in
testdata/warc (Common Crawl, wget, Heritrix, edge cases), with the clean binary built
from this checkout. `.ci/run` installs the pinned requirements (requirements.txt).
"""

import glob
import json
import os
import shutil
import subprocess

import pytest

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402

import clean_warc  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture(scope="module")
def clean_bin(tmp_path_factory):
    if shutil.which("java") is None:
        pytest.skip("no java")
    out = tmp_path_factory.mktemp("bin") / "clean"
    subprocess.run(["go", "build", "-o", str(out), "./cmd/clean"], cwd=ROOT, check=True)
    return str(out)


@pytest.fixture(scope="module")
def manifest(tmp_path_factory):
    files = sorted(f for f in glob.glob(os.path.join(ROOT, "testdata", "warc", "*")) if not f.endswith(".md"))
    assert len(files) >= 10
    path = tmp_path_factory.mktemp("m") / "warc.paths"
    path.write_text("# test manifest\n" + "\n".join(files) + "\n")
    return str(path)


@pytest.fixture(scope="module")
def spark():
    s = (SparkSession.builder.master("local[2]").appName("clean-warc-test")
         .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate())
    yield s
    s.stop()


def single_machine(clean_bin, manifest, extra=()):
    res = subprocess.run([clean_bin, "--input-list", manifest, "-f", "jsonl", "-j", "2", *extra],
                         capture_output=True, text=True)
    assert res.returncode in (0, 3), res.stderr
    return [json.loads(line) for line in res.stdout.splitlines()]


def spark_run(spark, clean_bin, manifest, out, extra=()):
    n = clean_warc.run(spark, manifest, str(out), clean=clean_bin, extra=extra)
    parts = sorted(glob.glob(os.path.join(str(out), "part-*")))
    assert len(parts) == n  # one part per WARC file
    records = []
    for p in parts:
        with open(p, encoding="utf-8") as f:
            records += [json.loads(line) for line in f if line.strip()]
    return records


def test_spark_equals_single_machine(spark, clean_bin, manifest, tmp_path):
    want = single_machine(clean_bin, manifest)
    got = spark_run(spark, clean_bin, manifest, tmp_path / "out")
    assert len(want) > 50
    assert {r["status"] for r in want} == {"ok", "skipped", "error"}
    assert got == want


def test_spark_passes_flags(spark, clean_bin, manifest, tmp_path):
    want = single_machine(clean_bin, manifest, ["--dedup", "minhash"])
    got = spark_run(spark, clean_bin, manifest, tmp_path / "out", extra=["--dedup", "minhash"])
    assert got == want


def test_manifest_comments_and_blanks(tmp_path):
    m = tmp_path / "m.txt"
    m.write_text("# c\n\n a.warc.gz \n  # d\nb.warc.gz\n")
    assert clean_warc.read_manifest(str(m)) == ["a.warc.gz", "b.warc.gz"]
