package textclass

import "sync"

// bufferPool reuses the zeroed scratch buffers of a classification across documents, up
// to max elements each, so that one huge dump is not kept alive.
type bufferPool[T any] struct {
	pool sync.Pool
	max  int
}

// buffer is a zeroed slice of n elements, from the pool when n is small enough.
type buffer[T any] struct {
	s   []T
	buf *[]T // from the pool, or nil
}

func (p *bufferPool[T]) get(n int) buffer[T] {
	b := p.getDirty(n)
	clear(b.s)
	return b
}

// getDirty is get without the zeroing: the elements are what the last user left, for a
// caller that sets every one.
func (p *bufferPool[T]) getDirty(n int) buffer[T] {
	if n > p.max {
		return buffer[T]{s: make([]T, n)}
	}
	buf, _ := p.pool.Get().(*[]T)
	if buf == nil {
		buf = new([]T)
	}
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	return buffer[T]{s: (*buf)[:n], buf: buf}
}

// put gives b's memory back to the pool; b is not to be used after.
func (p *bufferPool[T]) put(b buffer[T]) {
	if b.buf != nil {
		p.pool.Put(b.buf)
	}
}
