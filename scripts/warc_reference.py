"""The reference corpus pipeline on a WARC file: datatrove's WarcReader, its Trafilatura
extractor and its Gopher, C4 and FineWeb quality filters (the FineWeb pipeline's order), in
one process, one core. Prints the documents read, kept, and the CPU time (this process and
its children: datatrove runs the extractor in a sandboxed child process).

    go run ./cmd/cleanbench warc -only-build -repeat 1 -out /tmp/wb/bench.warc.gz
    python3 scripts/warc_reference.py /tmp/wb 'bench.warc.gz'
    /usr/bin/time -f '%U %S' clean -j 1 --filter gopher,c4,fineweb /tmp/wb/bench.warc.gz >/dev/null

Needs: pip install 'datatrove[io,processing]==0.10.1' trafilatura lxml_html_clean spacy
"""

import resource
import sys
import time


def cpu_seconds():
    self_ = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return self_.ru_utime + self_.ru_stime + kids.ru_utime + kids.ru_stime


def main(folder, glob):
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter,
                                            GopherQualityFilter, GopherRepetitionFilter)
    from datatrove.pipeline.readers import WarcReader

    reader = WarcReader(folder, glob_pattern=glob)
    steps = [Trafilatura(favour_precision=True), GopherRepetitionFilter(), GopherQualityFilter(),
             C4QualityFilter(), FineWebQualityFilter()]
    counted = []

    def count(data):
        for doc in data:
            counted.append(1)
            yield doc

    cpu0, wall0 = cpu_seconds(), time.monotonic()
    data = count(reader.run(None, rank=0, world_size=1))
    for step in steps:
        data = step.run(data, rank=0, world_size=1)
    kept = sum(1 for _ in data)
    cpu, wall = cpu_seconds() - cpu0, time.monotonic() - wall0
    print(f"datatrove: {len(counted)} documents read, {kept} kept, {cpu:.2f} CPU-s, {wall:.2f} s, "
          f"{len(counted) / cpu:.1f} docs/cpu-s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
