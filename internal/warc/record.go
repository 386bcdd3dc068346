package warc

import (
	"net/http"
	"strings"
)

// Record is one WARC record. The WARC fields are as written in the file
// (except TargetURI, whose angle brackets, written by some tools, are
// removed); the HTTP fields are set for records whose block is an HTTP
// message (Content-Type application/http).
type Record struct {
	File         string // the name given to NewReader
	Offset       int64  // where the record starts in the file: see the package doc
	StreamOffset int64  // where the record starts in the uncompressed stream
	Version      string // "WARC/1.0", "WARC/0.17"…

	Type               string      // WARC-Type, lower case: response, resource, request, metadata, revisit, conversion, warcinfo…
	ID                 string      // WARC-Record-ID, as written ("<urn:uuid:…>")
	TargetURI          string      // WARC-Target-URI
	Date               string      // WARC-Date, as written (it is not always valid)
	Truncated          string      // WARC-Truncated ("length", "time", "disconnect"…), "" when whole
	RefersTo           string      // WARC-Refers-To, as written
	IdentifiedLanguage string      // WARC-Identified-Content-Language (WET)
	Length             int64       // Content-Length of the block
	Header             http.Header // every WARC header field, keys in canonical form

	Status      int         // HTTP status code of a response, 0 when not HTTP or unparsable
	HTTPHeader  http.Header // HTTP headers, nil when not HTTP
	ContentType string      // HTTP Content-Type (the WARC Content-Type when the block is not HTTP)
	Charset     string      // charset parameter of ContentType, lower case, "" when none

	// Body is the payload: for an HTTP message, the body with its
	// transfer and content codings removed; otherwise the whole block.
	Body []byte

	// Warnings lists what was odd but did not stop the record from being
	// read: a coding that was declared but not applied, bytes skipped
	// before the next record, a required field missing…
	Warnings []string
}

// Kind values: what a corpus run does with a record.
const (
	KindHTML = "html" // an HTML page to clean
	KindText = "text" // extracted text (a WET conversion record)
	KindSkip = "skip" // anything else; Kind gives the reason
)

// Kind tells what a corpus run should do with the record: KindHTML for
// an HTTP 200 response whose Content-Type is HTML (or, without a usable
// Content-Type, whose body sniffs as HTML), KindText for a conversion
// record, and KindSkip otherwise, with a short reason: the record type
// ("revisit", "request", "warcinfo"…), "status 404", "not html:
// image/png", "empty body"…
func (r *Record) Kind() (kind, reason string) {
	switch r.Type {
	case "response":
		return r.responseKind()
	case "conversion":
		if len(r.Body) == 0 {
			return KindSkip, "empty body"
		}
		return KindText, ""
	case "":
		return KindSkip, "no WARC-Type"
	}
	return KindSkip, r.Type
}

func (r *Record) responseKind() (kind, reason string) {
	switch {
	case r.HTTPHeader == nil && isHTTP(r.Header.Get("Content-Type")):
		return KindSkip, "unparsable http header"
	case r.HTTPHeader == nil:
		return KindSkip, "not http: " + orNone(r.ContentType)
	case r.Status != http.StatusOK:
		return KindSkip, "status " + itoa(r.Status)
	case len(r.Body) == 0:
		return KindSkip, "empty body"
	case isHTML(r.ContentType):
		return KindHTML, ""
	case sniffable(r.ContentType) && isHTML(http.DetectContentType(r.Body)):
		return KindHTML, ""
	}
	return KindSkip, "not html: " + orNone(mediaType(r.ContentType))
}

func isHTML(contentType string) bool {
	t := mediaType(contentType)
	return strings.Contains(t, "html")
}

// sniffable tells whether a Content-Type says too little to be trusted:
// missing, unparsable or generic.
func sniffable(contentType string) bool {
	switch mediaType(contentType) {
	case "", "application/octet-stream", "unknown/unknown", "application/unknown", "*/*", "text/plain":
		return true
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "no content type"
	}
	return s
}
