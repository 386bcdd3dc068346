// Package langid identifies the language of a text: Detect returns an ISO
// 639-1 code and a score. (Measurements and the choice of the method: see the
// end of this comment once written.)
package langid
