// Package warc reads WARC files (plain or gzip) and WET files as a stream of
// records, for corpus mode (issue 15). It is meant for a batch Source:
//
//	r, err := warc.NewReader(f, name, warc.WithMaxBody(16<<20))
//	if err != nil { ... }                 // not a WARC file, or unreadable
//	for {
//		rec, err := r.Next()
//		if err == io.EOF {
//			break
//		}
//		if rec == nil {                   // fatal: the stream cannot go on
//			return err
//		}
//		if err != nil {                   // this record only: report it, go on
//			continue
//		}
//		switch kind, reason := rec.Kind(); kind {
//		case warc.KindHTML: // clean rec.Body, charset rec.Charset
//		case warc.KindText: // WET conversion: rec.Body is the text
//		default:            // skipped: reason says why ("revisit", "status 404"…)
//		}
//	}
//
// # Input
//
// NewReader tells gzip from plain by the magic bytes, never by the name.
// Gzip members are decompressed one after the other into one stream, so a
// file with one member per record (Common Crawl), members that do not line
// up with records, and a whole-file gzip all read the same way. Nothing is
// loaded whole: the reader holds a 128 KiB window of the uncompressed
// stream and the current record, whose block (and decoded body) is capped
// by MaxBody (DefaultMaxBody, 32 MiB, unless WithMaxBody says otherwise).
//
// # Offsets
//
// Record.Offset is where the record starts in the file: the byte offset for
// a plain file; for a gzip file, the compressed offset of the gzip member
// the record starts in, as Common Crawl's indexes give it. In a per-record
// gzip file, seeking there and reading one record gives that record. In a
// whole-file gzip, every record lies in the member at offset 0, so Offset is
// 0 for all: it is no index there. Record.StreamOffset, the offset in the
// uncompressed stream, tells the records apart in every case.
//
// # Errors
//
// Next returns a per-record error together with the record (its WARC fields
// set as far as they could be read) when the format allows going on:
// ErrTooLarge (skipped without being buffered), ErrBadHeader (no
// Content-Length, no end of header), ErrLength (bytes other than line
// breaks between the block and the next record: the Content-Length was
// wrong; the reader goes on at the next "WARC/"), ErrTruncated (the file or
// a gzip member ends inside the record), ErrCorrupt (a gzip member that
// does not decompress: the reader goes on at the next gzip member),
// ErrDecode (a content coding that breaks on the way). Without a record
// the error is fatal (an I/O error), and Next returns it again. Nothing in the package panics on any input;
// FuzzReader checks it.
//
// Odd but readable things are Record.Warnings: a required WARC field
// missing, an HTTP header without its blank line, a coding that was
// declared but not applied. Digests are not verified: a corpus run needs
// the payload, not a check of the archive's integrity (the gzip CRC of
// each member is checked).
//
// # The HTTP layer
//
// For a block of Content-Type application/http, Status, HTTPHeader (as
// written), ContentType and Charset come from the HTTP header, and Body is
// the payload with the chunked transfer coding and the content codings
// (gzip, x-gzip, deflate, br, zstd) removed, in that order. Common Crawl
// stores bodies already decoded and renames the headers that declared the
// codings to X-Crawler-Transfer-Encoding and X-Crawler-Content-Encoding
// (in any case): with them, nothing is decoded. Archives also keep a
// Content-Encoding or Transfer-Encoding header on a body that the crawler
// already decoded; a coding that the body does not start with (no gzip
// magic, no chunk size line, no brotli stream) leaves the body as it is,
// with a warning. A coding that starts well but ends early (a truncated
// record) keeps what decoded, with a warning; one that breaks on the way is
// ErrDecode. Other blocks (WET conversions, resources, warcinfo…) have the
// whole block as Body and the WARC Content-Type as ContentType.
//
// # Why not gowarc
//
// github.com/nlnwa/gowarc/v3 was the reader tried first, and read the
// records until the measurements said otherwise. Its own file reader loses
// records in three of the 23 files of ../shared/bench/warc: a whole-file
// gzip (1 of 6 records, then a silent EOF: it drains the member after the
// first record), members not aligned with records (the request lost, the
// response empty) and a truncated member (no record at all, so its ID and
// URI are lost). So the package did the gzip layer, the framing and the
// HTTP layer itself and left gowarc the record; but with validation on
// (its no-validation mode empties the bodies) gowarc copies every block
// into its buffer, computes two digests of it and parses the HTTP header
// once more, for findings a corpus run never prints: 6 to 8 times the
// cost of reading the records here (BenchmarkRecords, uncompressed files,
// one core: 60–95 MB/s against 470–640 MB/s); in the CPU profile of
// `cleanbench warc`, its digests and buffer copies were 5% of the whole.
// The package now reads each block itself, in one slice of its
// Content-Length:
//
//   - the gzip layer (stream.go), which also gives the member offsets and
//     the resync at the next member after a corrupt one;
//   - the WARC header (header.go), read before the block, so that every
//     record, even a failed one, has its fields, as written, and a record
//     over MaxBody is skipped without being buffered;
//   - the resync after a bad record: past the declared block, then to the
//     next "WARC/";
//   - the HTTP header, parsed leniently (net/http drops Transfer-Encoding
//     from the header and rejects Content-Length: -1, found in 25
//     responses of iana.warc.gz), and the body decoding (body.go), with
//     github.com/andybalholm/brotli for br.
package warc
