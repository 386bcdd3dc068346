package batch

import (
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/fsutil"
)

// maxNameBytes bounds one component of an output file name (file systems allow 255).
const maxNameBytes = 120

// URLName derives a slash-separated output name from a URL: host, then the path, then a
// hash of the query when there is one; "index" stands for an empty or directory path.
func URLName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "url/" + fsutil.ShortHash(raw)
	}
	p := u.EscapedPath()
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index"
	}
	name := strings.ToLower(u.Host) + "/" + strings.TrimPrefix(p, "/")
	if u.RawQuery != "" {
		name += "-" + fsutil.ShortHash(u.RawQuery)
	}
	return name
}

// SafeRel turns a slash-separated name into a relative path that stays inside the output
// directory on every common file system: no absolute paths, no "..", no NUL or control
// characters, no characters Windows forbids, no reserved device names (CON, NUL, COM1…),
// no over-long components. A component that had to change gets a hash of its original
// form, so that two different names never map to the same path.
func SafeRel(name string) string {
	var parts []string
	for _, c := range strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == '\\' }) {
		if c == "." {
			continue
		}
		parts = append(parts, safeComponent(c))
	}
	if len(parts) == 0 {
		return "_" + fsutil.ShortHash(name)
	}
	return path.Join(parts...)
}

func safeComponent(c string) string {
	var b strings.Builder
	for _, r := range c {
		switch {
		case r < 0x20 || r == 0x7f || r == utf8.RuneError || strings.ContainsRune(`<>:"|?*`, r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimRight(b.String(), ". ")
	if s == "" || reservedName(s) {
		s = "_" + s
	}
	if s == c && len(s) <= maxNameBytes {
		return s
	}
	return truncateUTF8(s, maxNameBytes-9) + "~" + fsutil.ShortHash(c)
}

// reservedName reports Windows device names, which are reserved with any extension.
func reservedName(s string) bool {
	base := strings.ToUpper(strings.SplitN(s, ".", 2)[0])
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	return false
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
