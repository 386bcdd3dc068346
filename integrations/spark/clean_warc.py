"""Run clean over a manifest of WARC files on Apache Spark, one task per file.

In the style of Common Crawl's cc-pyspark: the manifest (one WARC path or URL per line,
as Common Crawl's warc.paths) becomes an RDD with one partition per file, and each
partition is piped through the clean binary (RDD.pipe: manifest lines in on its standard
input, JSON Lines corpus records out on its standard output). The records are written
as Spark output, one part per WARC file, in manifest order:

    spark-submit integrations/spark/clean_warc.py --clean /path/to/clean \\
        warc.paths hdfs:///corpus/clean-out

The clean binary must be on every executor (ship it with --files, or install it). Its
flags after -- are passed on, e.g. -- --filter gopher,c4 --dedup minhash.
"""

import argparse
import shlex
import sys

from pyspark.sql import SparkSession


def read_manifest(path):
    """The WARC paths or URLs of a manifest: blank lines and # comments skipped."""
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


def clean_command(clean, extra):
    """The command each task pipes its manifest lines through.

    clean exits 3 when some records are error records (they are in the output, with
    status "error"): that is a finished task. Any other non-zero exit fails the task, so
    that Spark retries it.
    """
    cmd = [clean, "--input-list", "-", "-f", "jsonl", "-j", "1"] + list(extra)
    quoted = " ".join(shlex.quote(c) for c in cmd)
    return ["sh", "-c", quoted + '; code=$?; [ "$code" -eq 0 ] || [ "$code" -eq 3 ]']


def run(spark, manifest, output, clean="clean", extra=()):
    """Clean every WARC file of the manifest; write the records under output."""
    paths = read_manifest(manifest)
    if not paths:
        raise SystemExit(f"{manifest}: no WARC paths")
    sc = spark.sparkContext
    rdd = sc.parallelize(paths, numSlices=len(paths))  # one task per WARC file
    records = rdd.pipe(" ".join(shlex.quote(c) for c in clean_command(clean, extra)), checkCode=True)
    records.saveAsTextFile(output)
    return len(paths)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("manifest", help="file with one WARC path or URL per line")
    p.add_argument("output", help="output directory (Spark writes part-NNNNN files)")
    p.add_argument("--clean", default="clean", help="path of the clean binary on the executors")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    p.add_argument("extra", nargs="*", help="flags passed on to clean (after --)")
    args = p.parse_args(argv)
    builder = SparkSession.builder.appName("clean-warc")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        n = run(spark, args.manifest, args.output, args.clean, args.extra)
    finally:
        spark.stop()
    print(f"clean_warc: {n} WARC files cleaned into {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
