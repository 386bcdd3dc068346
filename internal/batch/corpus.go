package batch

import (
	"context"
	"errors"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/corpus"
	"github.com/cleanhq/clean/internal/dedup"
	"github.com/cleanhq/clean/internal/render"
)

// corpusOutcome makes the corpus record of a web archive's record: cleaned when it is a
// document, skipped with its reason, or an error.
func (b *Batch) corpusOutcome(ctx context.Context, t *Task) Outcome {
	c := t.Corpus
	if c.EndOfFile {
		return Outcome{}
	}
	rec := &corpus.Record{ID: c.RecordID, Source: t.Name, URL: t.URL, Date: c.Date, WARCFile: c.File,
		WARCOffset: c.Offset, Truncated: c.Truncated}
	switch {
	case t.Err != nil:
		rec.Status, rec.Reason = corpus.Error, render.OneLine(clean.Cause(t.Err).Error())
	case c.Skip != "":
		rec.Status, rec.Reason = corpus.Skipped, c.Skip
	default:
		doc, err := b.textCleaner.Document(ctx, t)
		b.fill(rec, doc, err)
	}
	t.Data = nil
	o := Outcome{Corpus: rec}
	if b.minhash != nil && rec.Status == corpus.OK {
		o.signature = b.minhash.Signature(rec.Text)
	}
	return o
}

// fill completes a cleaned record: text, language and signals, or why there is none. A
// page without an article text is skipped, not an error: most pages of a crawl have none.
func (b *Batch) fill(rec *corpus.Record, doc clean.Document, err error) {
	switch {
	case errors.Is(err, clean.ErrNoText):
		rec.Status, rec.Reason = corpus.Skipped, clean.ErrNoText.Error()
		return
	case err != nil:
		rec.Status, rec.Reason = corpus.Error, render.OneLine(clean.Cause(err).Error())
		return
	}
	rec.Status, rec.Title, rec.Text, rec.WordCount = corpus.OK, doc.Title, doc.Text, doc.WordCount
	corpus.Annotate(rec, b.cfg.Filters)
}

// recordCorpus counts, marks duplicates in and emits a corpus record, in input order.
// Duplicates are looked for within each archive, so that a shard's records are those of
// a single run over all archives.
func (b *Batch) recordCorpus(st *Stats, prog Progress, t *Task, o Outcome) error {
	c := t.Corpus
	if c.EndOfFile {
		if errors.Is(t.Err, ErrFileDone) {
			st.Skipped++
			prog.Skipped()
			return nil
		}
		b.exact, b.minhashSeen = dedup.NewExact(), b.newMinHashState()
		st.NotDocuments += c.notDocuments
		return b.cfg.Sink.EndFile(c.File)
	}
	rec := o.Corpus
	if rec == nil { // cut short by the time limit, or by the pool
		rec = &corpus.Record{ID: c.RecordID, Source: t.Name, URL: t.URL, Date: c.Date, WARCFile: c.File,
			WARCOffset: c.Offset, Truncated: c.Truncated, Status: corpus.Error}
		if o.Err != nil {
			rec.Reason = render.OneLine(clean.Cause(o.Err).Error())
		}
	}
	if rec.Status == corpus.OK {
		rec.DuplicateOf = b.exact.Check(rec.Source, rec.Text)
		if b.minhashSeen != nil && o.signature != nil {
			rec.NearDupOf = b.minhashSeen.CheckSignature(rec.Source, o.signature)
		}
	}
	switch rec.Status {
	case corpus.OK:
		st.Done++
	case corpus.Error:
		st.Failed++
	default:
		st.NotCleaned++
	}
	prog.Finished(rec.Status != corpus.Error)
	return b.cfg.Sink.Emit(t, rec.Encode())
}

func (b *Batch) newMinHashState() *dedup.MinHash {
	if b.minhash == nil {
		return nil
	}
	return b.minhash.Fresh()
}
