package textclass

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
)

// Features are what Classify measures on one block.
type Features struct {
	Runes    int32 // characters, spaces included
	Wide     int32 // of those, CJK and Hangul characters, each worth a few Latin letters
	Words    int32 // runs of letters and digits (apostrophes inside words kept)
	Stops    int32 // words in the stop-word list of the document's language
	Caps     int32 // words starting with an upper-case letter
	Numeric  int32 // words holding a digit
	Links    int32 // URLs and e-mail addresses
	Seps     int32 // menu separators: | • · » › ¦ and similar
	Lines    int32 // lines in the block
	Terminal bool  // ends like a sentence: . ! ? (closing quotes and brackets skipped; not …)
	Breaks   int32 // sentence breaks inside: . ! or ? then a space and a capital (or uncased) letter
	Copy     bool  // holds a © sign
	Time     bool  // holds a clock time such as 10:31
	Dash     bool  // starts with a dash: a quote's attribution or a list item
	Years    int32 // four-digit numbers from 1900 to 2099
	Days     int32 // one- or two-digit numbers from 1 to 31
	Repeats  int32 // how many blocks of the document have exactly this text
	Dup      bool  // an earlier block has this text, or a repeated neighbour (see countRepeats)
	Unlisted int32 // words in a script no stop-word list covers (not Latin or Cyrillic)

	// Simple: the block's lines, between its line breaks, are simple as render.NewLines
	// reads them: none empty, no space at an end, valid UTF-8 without control characters,
	// white space but single spaces, or U+2028 and U+2029. Then Fields are its words as
	// render.WordCount counts them (else Fields is not to be read). A line break inside
	// a line (a decoded &#10;) is a line break here too: see Lines.
	Simple bool
	Fields int32
	Marks  bool // holds a byte Markdown's escaping may escape (blocks.MarkdownSpecial)
	Quotes bool // holds " or \, which JSON escapes (as it does the control characters, U+2028 and U+2029, none of them in Simple lines)
}

// scanner tokenises blocks, counting stop words per language. It reuses its buffers.
type scanner struct {
	idx   *stopIndex
	lower []byte
	cont  int    // continuation bytes of multi-byte characters in the block so far
	lanes uint64 // stop-word hits not yet added to the block's hits, laneBits a language (see addHits)
	held  int    // how many stop words lanes holds
	hit   bool   // the block scanned last holds a stop word
	field bool   // the block's last field (a run of characters other than white space) has a word (Fields)
}

// scanAll measures block s, adding per-language stop-word hits to hits.
func (sc *scanner) scanAll(s string, hits *[numLangs]int32) Features {
	f := sc.scan(s, hits)
	if sc.held > 0 {
		sc.flushHits(hits)
	}
	return f
}

// scan is scanAll leaving the block's last hits in sc.lanes (takeLanes), as many as
// laneMax of a language: hits holds those before, and sc.hit is set, only when a lane
// filled.
func (sc *scanner) scan(s string, hits *[numLangs]int32) Features {
	f := Features{Lines: 1, Simple: s != "" && s[0] != ' ' && s[len(s)-1] != ' '}
	sc.cont, sc.hit, sc.field = 0, false, false
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiWord[c]:
				if end, spaced, ok := sc.shortWord(s, i, &f, hits); ok {
					i = end
					if spaced {
						i++ // the space after a word counts for nothing
					}
					continue
				}
				i = sc.word(s, i, &f, hits)
				continue
			case c == ' ':
				if i > 0 && s[i-1] == ' ' {
					f.Simple = false // a second space
				}
				sc.field = false
			case punctCounts[c]:
				sc.asciiPunct(s, i, &f)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if letterOrDigit(r) {
			i = sc.word(s, i, &f, hits)
			continue
		}
		switch {
		case r == utf8.RuneError && n == 1 || r < 0xa0 || blocks.SpaceOrSeparator(r):
			f.Simple = false
		case blocks.IsCJKChar(r):
			f.Fields++ // a word of its own, as the Han and kana letters (see wordSlow)
			sc.field = false
		}
		switch r {
		case '•', '·', '»', '›', '¦', '▸', '►', '▶', '→', '|', '∙', '◦', '●', '■', '▪':
			f.Seps++
		case '©':
			f.Copy = true
		case '。', '！', '？':
			if i+n < len(s) {
				f.Breaks++ // no space follows a full stop in CJK text
			}
		}
		sc.cont += n - 1
		i += n
	}
	f.Dash = startsWithDash(s)
	f.Runes = int32(len(s) - sc.cont)
	f.Terminal = endsSentence(s)
	return f
}

// shortWord counts the word that starts at s[i] when, as most words, it is ASCII, shorter
// than eight bytes and followed by an ASCII character other than an apostrophe or by the
// end of a block of eight bytes or more: the eight bytes from s[i] on tell where it ends,
// what follows it, whether it holds a digit and, lowered, its stop-word key (packWord), in
// a few steps without a loop. It returns where the word ends, whether a space follows it,
// and true, or false when the word is not such a word (word reads it then).
func (sc *scanner) shortWord(s string, i int, f *Features, hits *[numLangs]int32) (end int, spaced, ok bool) {
	var x uint64
	switch {
	case i+8 <= len(s):
		x = blocks.Load8(s[i:])
	case len(s) >= 8: // near the end: the last eight bytes, shifted so that s[i] is first and zeros follow the end
		x = blocks.Load8(s[len(s)-8:]) >> (8 * (i + 8 - len(s)))
	default:
		return 0, false, false
	}
	word, digits := wordBytes8(x)
	other := ^word & blocks.ByteHighs
	if other == 0 {
		return 0, false, false
	}
	n := bits.TrailingZeros64(other) >> 3 // the word's length: s[i+n] (or the end, a zero in x) follows it
	if next := byte(x >> (8 * n)); next >= utf8.RuneSelf || next == '\'' {
		return 0, false, false
	} else if next == ' ' {
		spaced = true
	}
	bytes := uint64(1)<<(8*n) - 1
	f.Words++
	if !sc.field {
		f.Fields++
	}
	sc.field = !spaced
	if digits&bytes != 0 {
		countNumber(f, s[i:i+n])
		return i + n, spaced, true
	}
	key := (x | blocks.ByteOnes*0x20) & bytes
	if h := hashPacked(key); sc.idx.mayHold(h) {
		sc.addHits(sc.idx.lookupPacked(h, key), hits)
	}
	if c := byte(x); 'A' <= c && c <= 'Z' {
		f.Caps++
	}
	return i + n, spaced, true
}

// load8At returns the eight bytes of s from i on as a number, the first lowest; near the
// end, the last eight bytes shifted so that s[i] is first and zeros follow the end. s has
// eight bytes or more.
func load8At(s string, i int) uint64 {
	if i+8 <= len(s) {
		return blocks.Load8(s[i:])
	}
	return blocks.Load8(s[len(s)-8:]) >> (8 * (i + 8 - len(s)))
}

// wordBytes8 returns, for the eight bytes of x (the first lowest), 0x80 in each byte that
// is an ASCII letter or digit (word), and in each that is an ASCII digit (digits). Each
// range test adds to every byte, its top bit cleared, what takes the bytes from the range's
// start on to 0x80 or more: no sum carries into the next byte.
func wordBytes8(x uint64) (word, digits uint64) {
	const ones = blocks.ByteOnes
	low := x &^ blocks.ByteHighs
	lower := low | ones*0x20 // letters in lower case; digits stay
	letters := (lower + ones*(0x80-'a')) &^ (lower + ones*(0x80-'z'-1))
	digits = (low + ones*(0x80-'0')) &^ (low + ones*(0x80-'9'-1))
	ascii := ^x & blocks.ByteHighs
	return (letters | digits) & ascii, digits & ascii
}

// asciiWord marks the ASCII bytes that make up words (sized for any byte, so that a
// lookup of a byte of a multi-byte character is safe and false).
var asciiWord = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return t
}()

// punctCounts marks the ASCII characters asciiPunct counts or notes: of the others (the
// comma, the hyphen, brackets…), the scanner reads past without a call.
var punctCounts = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c < ' ' || c == 0x7f || blocks.MarkdownSpecial[c] || strings.IndexByte("\"\\|\n.!?@:", byte(c)) >= 0
	}
	return t
}()

// asciiPunct counts separators, line breaks and link markers at s[i], an ASCII character
// other than a space and the letters and digits, and notes what makes the block other
// than Simple.
func (sc *scanner) asciiPunct(s string, i int, f *Features) {
	c := s[i]
	if blocks.MarkdownSpecial[c] {
		f.Marks = true
	}
	if c == '"' || c == '\\' {
		f.Quotes = true
	}
	switch c {
	case '|':
		f.Seps++
	case '\n':
		f.Lines++
		sc.field = false
		if i == 0 || s[i-1] == ' ' || i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n' {
			f.Simple = false // an empty line, or a space at the end of one
		}
	case '.', '!', '?':
		if i+2 < len(s) && s[i+1] == ' ' && startsSentence(s[i+2:]) {
			f.Breaks++
		}
	case '@':
		if i > 0 && asciiWord[s[i-1]] && i+1 < len(s) && asciiWord[s[i+1]] {
			f.Links++
		}
	case ':':
		if i+2 < len(s) && s[i+1] == '/' && s[i+2] == '/' {
			f.Links++
		}
		if i > 0 && isDigit(s[i-1]) && i+2 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) &&
			(i+3 == len(s) || !isDigit(s[i+3])) {
			f.Time = true
		}
	default:
		if c < ' ' || c == 0x7f {
			f.Simple = false // a control character
		}
	}
}

// word consumes the word starting at s[i] and returns the index after it: the words
// shortWord leaves, long ones, those at the end of the block, with an apostrophe or with
// non-ASCII letters.
func (sc *scanner) word(s string, i int, f *Features, hits *[numLangs]int32) int {
	start := i
	digit := false
	for {
		end, d := asciiRun(s, i)
		i, digit = end, digit || d
		if i < len(s) && s[i] >= utf8.RuneSelf && goesOn(s, start, i) {
			return sc.wordSlow(s, start, f, hits)
		}
		if i == len(s) || s[i] != '\'' || i == start || i+1 == len(s) || !isWordStart(s[i+1:]) {
			break // the end of the word, or a character that is not in words ("”", "—"…)
		}
		i++
	}
	w := s[start:i]
	f.Words++
	if !sc.field {
		f.Fields++
		sc.field = true
	}
	if digit {
		countNumber(f, w)
		return i
	}
	if len(w) <= 8 && len(s) >= 8 { // its key from one load, as shortWord's
		key := (load8At(s, start) | blocks.ByteOnes*0x20) & (1<<(8*len(w)) - 1)
		if h := hashPacked(key); sc.idx.mayHold(h) {
			sc.addHits(sc.idx.lookupPacked(h, key), hits)
		}
	} else {
		sc.addHits(sc.idx.lookupFolded(w), hits)
	}
	if c := w[0]; 'A' <= c && c <= 'Z' {
		f.Caps++
	}
	return i
}

// asciiRun reads the ASCII letters and digits of s from i on: it returns where they end
// and whether one is a digit. It reads eight bytes at a time (wordBytes8): the words
// that come here are mostly the long ones.
func asciiRun(s string, i int) (end int, digit bool) {
	var digits uint64
	for ; i+8 <= len(s); i += 8 {
		word, d := wordBytes8(blocks.Load8(s[i:]))
		if other := ^word & blocks.ByteHighs; other != 0 {
			n := bits.TrailingZeros64(other) >> 3
			return i + n, digits|d&(1<<(8*n)-1) != 0
		}
		digits |= d
	}
	all := byte(0xff) // the bits every byte has: a digit lacks 0x40, which letters have
	for ; i < len(s) && asciiWord[s[i]]; i++ {
		all &= s[i]
	}
	return i, digits != 0 || all&0x40 == 0
}

// goesOn reports whether the word that starts at s[start] goes on with the non-ASCII
// character at s[i], as wordSlow reads words: a letter, a digit, a combining mark, or ’
// between letters.
func goesOn(s string, start, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == '’' {
		return i > start && i+n < len(s) && isWordStart(s[i+n:])
	}
	return !punctuation(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// wordSlow consumes a word holding non-ASCII letters. It counts its Fields as
// render.WordCount does: a Han or kana letter is a word of its own.
func (sc *scanner) wordSlow(s string, i int, f *Features, hits *[numLangs]int32) int {
	start := i
	digit := false
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				digit = digit || '0' <= c && c <= '9'
				sc.fieldWord(f)
				i++
				continue
			}
			if c == '\'' && i > start && i+1 < len(s) && isWordStart(s[i+1:]) {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '’' && i > start && i+n < len(s) && isWordStart(s[i+n:]) {
			sc.cont += n - 1
			i += n
			continue
		}
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if !letter && !unicode.Is(unicode.Mn, r) {
			break
		}
		digit = digit || unicode.IsDigit(r)
		if isWide(r) {
			f.Wide++
		}
		switch {
		case blocks.IsCJKChar(r):
			f.Fields++
			sc.field = false
		case letter:
			sc.fieldWord(f)
		}
		sc.cont += n - 1
		i += n
	}
	w := s[start:i]
	if sc.count(f, w, digit) && len(w) <= sc.idx.maxLen {
		sc.addHits(sc.idx.lookup(sc.lowerWord(w)), hits)
	}
	return i
}

// fieldWord notes a letter or digit of the block's last field: the field's first counts
// it in Fields.
func (sc *scanner) fieldWord(f *Features) {
	if !sc.field {
		f.Fields++
		sc.field = true
	}
}

// letterOrDigit is unicode.IsLetter(r) || unicode.IsDigit(r), without the tables' search
// for the quotes, dashes and bullets of General Punctuation, most of the characters beyond
// ASCII between words.
func letterOrDigit(r rune) bool {
	return !punctuation(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// punctuation reports whether r is in the General Punctuation block (U+2000 to U+206F),
// which holds no letter, digit or combining mark (TestPunctuationBlock).
func punctuation(r rune) bool { return r >= 0x2000 && r <= 0x206f }

// unlistedScripts: letters from here on (Armenian, Hebrew, Arabic, Indic, CJK, Hangul…)
// belong to no shipped stop-word list, unless they are Latin or Cyrillic.
const unlistedScripts = 0x0530

// count adds word w to f and reports whether it may be a stop word (it holds no digit).
func (sc *scanner) count(f *Features, w string, digit bool) bool {
	f.Words++
	if digit {
		countNumber(f, w)
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			f.Caps++
		}
		return true
	}
	first, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(first) {
		f.Caps++
	}
	if first >= unlistedScripts && !unicode.In(first, unicode.Latin, unicode.Cyrillic) {
		f.Unlisted++
	}
	return true
}

// countNumber counts a word holding a digit: a year, a day of the month, other numbers.
func countNumber(f *Features, w string) {
	f.Numeric++
	switch {
	case len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && isDigit(w[2]) && isDigit(w[3]):
		f.Years++
	case len(w) == 1 && w[0] != '0' || len(w) == 2 && isDigit(w[0]) && isDigit(w[1]) && w > "00" && w <= "31":
		f.Days++
	}
}

// addHits counts a stop word for each of its languages: it adds one to the lanes of
// those languages in sc.lanes, which flushHits adds to hits before a lane can overflow
// (one addition for any number of languages, where a loop over the mask's bits takes a
// step for each).
func (sc *scanner) addHits(m langMask, hits *[numLangs]int32) {
	if m == 0 {
		return
	}
	sc.lanes += laneOnes[m&(1<<numLangs-1)]
	if sc.held++; sc.held == laneMax {
		sc.flushHits(hits)
	}
}

// takeLanes returns the hits held in sc.lanes, laneBits a language, and empties them.
func (sc *scanner) takeLanes() uint64 {
	x := sc.lanes
	sc.lanes, sc.held = 0, 0
	return x
}

// laneSums adds up lanes of hits (takeLanes) of many blocks: every third lane apart, in
// three numbers of lanes three times as wide, into which laneSum additions fit; then into
// totals.
type laneSums struct {
	wide   [3]uint64 // lane l at wideBits*(l/3) of wide[l%3]
	n      int
	totals [numLangs]int32
}

// The wide lanes of a laneSums, and the additions they take before they are added to the
// totals.
const (
	wideBits = 3 * laneBits
	wideMax  = 1<<wideBits - 1
	laneSum  = 1 << (wideBits - laneBits)
)

// thirdLanes masks the lanes 0, 3, 6… of a number of lanes of hits.
var thirdLanes = func() (m uint64) {
	for l := 0; l < numLangs; l += 3 {
		m |= laneMax << (laneBits * l)
	}
	return m
}()

// add adds the lanes x.
func (a *laneSums) add(x uint64) {
	a.wide[0] += x & thirdLanes
	a.wide[1] += x >> laneBits & thirdLanes
	a.wide[2] += x >> (2 * laneBits) & thirdLanes
	if a.n++; a.n == laneSum {
		a.flush()
	}
}

// addHits adds hits to the totals.
func (a *laneSums) addHits(hits *[numLangs]int32) {
	for l, n := range hits {
		a.totals[l] += n
	}
}

// flush adds the wide lanes to the totals and empties them.
func (a *laneSums) flush() {
	for l := range numLangs {
		a.totals[l] += int32(a.wide[l%3] >> (wideBits * (l / 3)) & wideMax)
	}
	a.wide, a.n = [3]uint64{}, 0
}

// flushHits adds the hits held in sc.lanes to hits, empties the lanes and notes that the
// block holds stop words (it is called when lanes holds some).
func (sc *scanner) flushHits(hits *[numLangs]int32) {
	for x := sc.lanes; x != 0; { // the lanes that hold hits, most often one or two
		l := bits.TrailingZeros64(x) / laneBits
		hits[l] += int32(x >> (laneBits * l) & laneMax)
		x &^= laneMax << (laneBits * l)
	}
	sc.lanes, sc.held, sc.hit = 0, 0, true
}

// laneBits is the width of a language's lane in scanner.lanes, which holds up to laneMax
// hits in each.
const (
	laneBits = 64 / numLangs
	laneMax  = 1<<laneBits - 1
)

// laneOnes holds, for each langMask, one in the lane of each of its languages.
var laneOnes = func() (t [1 << numLangs]uint64) {
	for m := range t {
		for l := range numLangs {
			if m>>l&1 != 0 {
				t[m] |= 1 << (laneBits * l)
			}
		}
	}
	return t
}()

// wideFactor: a CJK or Hangul character carries about as much text as this many Latin
// letters, so that the length thresholds hold for those scripts too.
const wideFactor = 3

// Size is the block's length in Latin-letter equivalents: Runes, with CJK and Hangul
// characters counted wideFactor times.
func (f *Features) Size() int { return int(f.Runes) + (wideFactor-1)*int(f.Wide) }

// hasSentence reports whether the block ends like a sentence or holds a sentence break.
func (f *Features) hasSentence() bool { return f.Terminal || f.Breaks > 0 }

// isWide reports whether r is a CJK ideograph, kana or Hangul.
func isWide(r rune) bool {
	return 0x2E80 <= r && r <= 0x9FFF || 0xAC00 <= r && r <= 0xD7AF ||
		0xF900 <= r && r <= 0xFAFF || 0x1100 <= r && r <= 0x11FF
}

// startsSentence reports whether s starts with a letter that can begin a sentence: a
// capital, or a letter of a script without case (Hangul, Arabic, Hebrew…).
func startsSentence(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !unicode.IsLower(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordStart reports whether s starts with a letter (so an apostrophe before it is inside
// a word, as in "don't" or "l'homme").
func isWordStart(s string) bool {
	if s[0] < utf8.RuneSelf {
		return asciiWord[s[0]] && s[0] > '9'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// lowerWord returns w in lower case with ’ as ', in sc's buffer (valid until the next call).
func (sc *scanner) lowerWord(w string) []byte {
	b := sc.lower[:0]
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	sc.lower = b
	return b
}

// startsWithDash reports whether s, leading spaces skipped, starts with a dash.
func startsWithDash(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\u00a0':
			continue
		case '-', '–', '—', '―':
			return true
		}
		return false
	}
	return false
}

// endsSentence reports whether s ends with sentence punctuation, ignoring trailing spaces,
// closing quotes and brackets. An ellipsis (… or ...) does not count: it mostly ends a
// teaser cut short.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s)
		}
		switch r {
		case '.':
			return !strings.HasSuffix(s, "...")
		case '!', '?', '。', '！', '？', '؟', '।':
			return true
		case ' ', '\t', '\n', '"', '\'', '”', '’', '»', '«', '“', ')', ']', '\u00a0':
			s = s[:len(s)-n]
		default:
			return false
		}
	}
	return false
}
