// Package batch gathers calls that arrive close together into one request:
// the first call of a kind opens a batch, calls of the same kind that come
// within a short window join it, and one send serves them all, each caller
// getting back the outcome of its own item. While a batch of a kind is
// being sent, the next one of that kind goes on gathering, so that batches
// grow when sends are slow (a rate limit holds them back) and stay small
// when they are fast.
package batch

import (
	"context"
	"errors"
	"sync"
	"time"
)

var errNoOutcome = errors.New("the batched request reported no outcome for this item")

// Batcher gathers items by key. Items of one key go out together; items of
// different keys never do.
type Batcher[K comparable, I any] struct {
	window time.Duration
	most   int
	send   func(ctx context.Context, key K, items []I) []error

	mu sync.Mutex
	// queued holds each key's groups not sent yet, oldest first; only the
	// last one takes new items.
	queued  map[K][]*group[I]
	sending map[K]bool
}

type group[I any] struct {
	items []I
	errs  []error
	done  chan struct{}
	ctx   context.Context
	// due: the window has passed, so the group goes as soon as the send
	// before it of its key is done.
	due bool
}

// New returns a Batcher that waits window after a batch's first item for
// more, and sends at once when a batch holds most items. send gets a
// batch's items and returns one error for each, in their order.
func New[K comparable, I any](window time.Duration, most int, send func(ctx context.Context, key K, items []I) []error) *Batcher[K, I] {
	return &Batcher[K, I]{window: window, most: most, send: send, queued: map[K][]*group[I]{}, sending: map[K]bool{}}
}

// Do adds item to the open batch of its key (or opens one) and returns the
// outcome of item once the batch has been sent. The batch is sent even when
// the caller stops waiting for it: a request that may have reached the cloud
// is never abandoned halfway.
func (b *Batcher[K, I]) Do(ctx context.Context, key K, item I) error {
	b.mu.Lock()
	q := b.queued[key]
	var g *group[I]
	if len(q) > 0 && len(q[len(q)-1].items) < b.most {
		g = q[len(q)-1]
	} else {
		g = &group[I]{done: make(chan struct{}), ctx: context.WithoutCancel(ctx)}
		b.queued[key] = append(q, g)
		time.AfterFunc(b.window, func() { b.windowPassed(key, g) })
	}
	n := len(g.items)
	g.items = append(g.items, item)
	if len(g.items) >= b.most {
		g.due = true
		b.startLocked(key)
	}
	b.mu.Unlock()
	select {
	case <-g.done:
		return g.errs[n]
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (b *Batcher[K, I]) windowPassed(key K, g *group[I]) {
	b.mu.Lock()
	defer b.mu.Unlock()
	g.due = true
	b.startLocked(key)
}

// startLocked sends the oldest group of key if it is due and no send of
// its key is under way. b.mu is held.
func (b *Batcher[K, I]) startLocked(key K) {
	q := b.queued[key]
	if len(q) == 0 || !q[0].due || b.sending[key] {
		return
	}
	g := q[0]
	if len(q) == 1 {
		delete(b.queued, key)
	} else {
		b.queued[key] = q[1:]
	}
	b.sending[key] = true
	go b.sendGroup(key, g)
}

func (b *Batcher[K, I]) sendGroup(key K, g *group[I]) {
	g.errs = b.send(g.ctx, key, g.items)
	for len(g.errs) < len(g.items) {
		g.errs = append(g.errs, errNoOutcome)
	}
	close(g.done)
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.sending, key)
	b.startLocked(key)
}
