package warc

import (
	"io"
	"net/http"
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
// fields of rec when the block is an HTTP message.
func (r *Reader) payload(rec *Record, block gowarc.Block) (io.Reader, error) {
	switch b := block.(type) {
	case gowarc.HttpResponseBlock:
		rec.Status = b.HttpStatusCode()
		rec.HTTPHeader = httpHeader(b.HttpHeader())
		if rec.HTTPHeader == nil {
			rec.Status, rec.HTTPHeader = parseHTTPHeader(b.ProtocolHeaderBytes())
		}
		return b.PayloadBytes()
	case gowarc.HttpRequestBlock:
		rec.HTTPHeader = httpHeader(b.HttpHeader())
		return b.PayloadBytes()
	}
	return block.RawBytes()
}

func httpHeader(h *http.Header) http.Header {
	if h == nil {
		return nil
	}
	return *h
}

// isHTTP tells whether a WARC Content-Type says the block is an HTTP message.
func isHTTP(contentType string) bool {
	return strings.HasPrefix(mediaType(contentType), "application/http")
}
