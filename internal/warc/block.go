package warc

import (
	"bytes"
	"strings"
)

// fillBlock sets the HTTP fields and the Body of rec from its block: for
// an HTTP message, the HTTP header is parsed and the body decoded; any
// other block is the Body as it is.
func (r *Reader) fillBlock(rec *Record, block []byte) error {
	if !hasHTTPBlock(rec) {
		rec.Body = block
		rec.Charset = charset(rec.ContentType)
		return nil
	}
	head, body, ok := splitHTTP(block)
	if !ok {
		rec.Warnings = append(rec.Warnings, "no end of the HTTP header")
	}
	rec.Status, rec.HTTPHeader = parseHTTPHeader(head)
	var err error
	if rec.HTTPHeader != nil {
		rec.ContentType = rec.HTTPHeader.Get("Content-Type")
		var warns []string
		body, warns, err = decodeBody(rec.HTTPHeader, body, r.maxBody)
		rec.Warnings = append(rec.Warnings, warns...)
	}
	rec.Body = body
	rec.Charset = charset(rec.ContentType)
	return err
}

// hasHTTPBlock tells whether the block of rec is an HTTP message: a
// response, request, resource, conversion or continuation record whose
// WARC Content-Type is application/http (a revisit's block, HTTP headers
// without a body, is kept whole).
func hasHTTPBlock(rec *Record) bool {
	switch rec.Type {
	case "response", "request", "resource", "conversion", "continuation":
		return isHTTP(rec.ContentType)
	}
	return false
}

// splitHTTP splits an HTTP message into its header (status or request
// line, fields and the blank line) and its payload. Without a blank line
// the whole block is the header, and ok is false.
func splitHTTP(block []byte) (head, payload []byte, ok bool) {
	for i := 0; i < len(block); {
		j := bytes.IndexByte(block[i:], '\n')
		if j < 0 {
			break
		}
		line := block[i : i+j+1]
		i += j + 1
		if len(line) < 3 { // "\r\n", "\n": the blank line (gowarc's rule, kept)
			return block[:i], block[i:], true
		}
	}
	return block, nil, false
}

// isHTTP tells whether a WARC Content-Type says the block is an HTTP message.
func isHTTP(contentType string) bool {
	return strings.HasPrefix(mediaType(contentType), "application/http")
}
