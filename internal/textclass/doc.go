// Package textclass finds the article in a plain-text page dump: the text a scraper saves
// from a web page, one block per paragraph, holding the article together with every menu,
// widget label, teaser list, comment and footer of the page.
//
// Classify looks at each block alone first (length, word count, terminal punctuation and
// sentence breaks, share of capitalised words and of numbers, stop-word density in the
// language of the text, repetition within the document, menu- and link-like patterns such
// as pipes, bullets, "»", URLs, e-mail addresses, "©", or a date standing alone) and sorts
// it into good, near-good, short or bad, as jusText does. Then context decides the
// uncertain ones: a run of sentence-like blocks is prose even when each is short, and a
// short or near-good block takes the class of its nearest certain neighbours.
//
// Last, the article is taken to be one coherent run of blocks: the span with the highest
// total weight (good blocks count for their length, near-good ones for half, bad ones
// against it), grown backwards over lead paragraphs that a caption cut off; only the good
// and near-good blocks in it are kept. Position matters twice: a line holding only a date
// or a time starts a new post (a comment, a teaser), and the article is the first post
// whose span weighs at least a quarter of the heaviest one's, unless that span opens the
// document (a consent notice). A heading-like block just before the article is the title.
//
// On a page dump, a learned block model then has the last word (learned.go): a logistic
// model (package model) over each block's features, its neighbours', its position and the
// verdicts above gives every block a probability of being article text, and the article is
// the contiguous region of the highest total weight (each block weighs its probability
// above one half times its length), so that a long rail of teasers, each barely likely,
// cannot outweigh a few confident paragraphs; the blocks of the region that reach the
// threshold are kept, datelines never. The model is trained by `cleanbench train-text` on
// the text dumps of ../shared/bench and embedded as model.txt (reproducible byte for byte).
//
// The stop-word lists (stopwords/*.txt, embedded) cover English, German, French, Spanish,
// Portuguese, Italian, Dutch, Polish and Russian; the language of a document is the list
// that covers most of its prose, and the density levels scale with that prose. Text in
// another language is classified without stop words, on the other features, with CJK and
// Hangul characters counting as three letters.
//
// Everything is deterministic and works in one pass over the text plus a pass over the
// blocks; nothing depends on particular sites. Classify is safe for concurrent use.
package textclass
