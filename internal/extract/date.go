package extract

import (
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// Date forms, by what the page wrote: an offset (kept as written, not converted), a time
// without one, or a day alone. Nothing the page did not say is added.
const (
	layoutZoned = time.RFC3339
	layoutLocal = "2006-01-02T15:04:05"
	layoutDay   = "2006-01-02"
)

// zoneOffsets are the offsets of the zone abbreviations that pages write after a time, in
// hours; any other abbreviation is ambiguous (IST, CST in China) or rare, and leaves the
// time without an offset.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"CET": 1, "CEST": 2, "BST": 1, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
}

// firstDate returns the first of the dates that parses, normalised (normalizeDate).
func firstDate(dates []string) string {
	for _, d := range dates {
		if s := normalizeDate(d); s != "" {
			return s
		}
	}
	return ""
}

// normalizeDate writes a date as ISO 8601 with what the page gave: "2017-02-23T17:18:13-08:00"
// (RFC 3339) when it has an offset or a known zone, "2017-02-23T17:18:13" when it has a
// time only, "2017-02-23" for a day. It returns "" for what does not parse as a date.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	layout, err := dateparse.ParseFormat(s)
	if err != nil {
		return ""
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil || t.Year() < 1000 {
		return ""
	}
	switch {
	case !strings.Contains(layout, ":04"): // no minutes: a day
		return t.Format(layoutDay)
	case strings.Contains(layout, "-07") || strings.Contains(layout, "Z07"):
		return t.Format(layoutZoned)
	case strings.Contains(layout, "MST"):
		name, _ := t.Zone()
		if off, ok := zoneOffsets[strings.ToUpper(name)]; ok {
			wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone(name, off*3600))
			return wall.Format(layoutZoned)
		}
		return t.Format(layoutLocal)
	case strings.HasSuffix(layout, "Z"): // a literal Z: UTC
		return t.Format(layoutZoned)
	}
	return t.Format(layoutLocal)
}
