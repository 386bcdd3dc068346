package render

import (
	"bytes"
	"encoding/json"
)

// JSON encodes v as one JSON value and a newline, HTML characters unescaped (an article
// holds < and &), indented by indent ("" for one line, as in JSON Lines).
func JSON(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
