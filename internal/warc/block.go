package warc

import (
	"io"
	"strings"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// fillBlock sets the HTTP fields and the Body of rec from the block that
// gowarc parsed.
func (r *Reader) fillBlock(rec *Record, block gowarc.Block) error {
	payload, err := r.payload(rec, block)
	if err != nil {
		return err
	}
	body, err := readMax(payload, r.maxBody)
	if err != nil {
		return err
	}
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

// payload returns the reader of the payload of block, and sets the HTTP
// fields of rec when the block is an HTTP message. The HTTP header is
// parsed here, not taken from gowarc: gowarc's comes from
// net/http.ReadResponse, which drops Transfer-Encoding from the header
// and rejects what servers really send (Content-Length: -1).
func (r *Reader) payload(rec *Record, block gowarc.Block) (io.Reader, error) {
	switch b := block.(type) {
	case gowarc.HttpResponseBlock:
		rec.Status, rec.HTTPHeader = parseHTTPHeader(b.ProtocolHeaderBytes())
		return b.PayloadBytes()
	case gowarc.HttpRequestBlock:
		_, rec.HTTPHeader = parseHTTPHeader(b.ProtocolHeaderBytes())
		return b.PayloadBytes()
	}
	return block.RawBytes()
}

// isHTTP tells whether a WARC Content-Type says the block is an HTTP message.
func isHTTP(contentType string) bool {
	return strings.HasPrefix(mediaType(contentType), "application/http")
}
