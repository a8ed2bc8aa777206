// Package coalesce serves reads of single objects from one list request
// shared by every concurrent reader, so that refreshing or waiting for many
// objects of a kind costs one request per round instead of one per object.
package coalesce

import (
	"context"
	"sync"
	"time"
)

// List shares list requests among readers of one kind of object.
type List[T any] struct {
	fetch  func(context.Context) ([]T, error)
	id     func(T) string
	writes func() uint64
	now    func() time.Time

	mu     sync.Mutex
	latest *round[T]
}

// round is one list request, in flight until done is closed.
type round[T any] struct {
	started time.Time
	writes  uint64
	done    chan struct{}
	byID    map[string]T
	err     error
}

// New returns a List that lists with fetch, keys objects by id, and trusts
// a list only while writes, the client's count of requests that may change
// something, reads as it did when the list was asked for.
func New[T any](fetch func(context.Context) ([]T, error), id func(T) string, writes func() uint64) *List[T] {
	return &List[T]{fetch: fetch, id: id, writes: writes, now: time.Now}
}

// Get returns the object with this ID as a list shows it that was asked for
// at most maxAge ago and after every write this client made: what a
// refresh needs. found is false when that list does not hold it.
func (l *List[T]) Get(ctx context.Context, id string, maxAge time.Duration) (obj T, found bool, err error) {
	return l.get(ctx, id, l.writes(), maxAge, false)
}

// GetSince is Get for a wait, which polls every maxAge. The list may have
// been asked for before writes that ended after mark, which do not concern
// the object waited for (its own change ended before mark); and a new list
// is asked for at most once every maxAge, so that waiters for many objects
// share one list a round while other objects are still being changed.
func (l *List[T]) GetSince(ctx context.Context, id string, mark uint64, maxAge time.Duration) (obj T, found bool, err error) {
	return l.get(ctx, id, mark, maxAge, true)
}

// Read is Get that asks single for an object the list lacks, so that a
// missing object fails as a read of it alone would, with the cloud's 404.
func (l *List[T]) Read(ctx context.Context, id string, maxAge time.Duration, single func(context.Context, string) (*T, error)) (*T, error) {
	return orSingle(ctx, id, single)(l.Get(ctx, id, maxAge))
}

// Poll is GetSince that asks single for an object the list lacks, like Read.
func (l *List[T]) Poll(ctx context.Context, id string, mark uint64, maxAge time.Duration, single func(context.Context, string) (*T, error)) (*T, error) {
	return orSingle(ctx, id, single)(l.GetSince(ctx, id, mark, maxAge))
}

// Snapshot returns every object of a list: unless fresh, one asked for at
// most SnapshotAge ago, whatever this client wrote since (what a create
// compares with afterwards to tell what it made from what was there
// before, and what a plan looks for names in); fresh, one asked for after
// every write this client made so far (what a lost create is looked up in).
func (l *List[T]) Snapshot(ctx context.Context, fresh bool) ([]T, error) {
	if fresh {
		return l.all(ctx, l.writes(), RefreshAge)
	}
	return l.all(ctx, 0, SnapshotAge)
}

func (l *List[T]) all(ctx context.Context, mark uint64, maxAge time.Duration) ([]T, error) {
	r := l.roundFor(ctx, mark, maxAge, false)
	select {
	case <-r.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if r.err != nil {
		return nil, r.err
	}
	out := make([]T, 0, len(r.byID))
	for _, o := range r.byID {
		out = append(out, o)
	}
	return out, nil
}

func orSingle[T any](ctx context.Context, id string, single func(context.Context, string) (*T, error)) func(T, bool, error) (*T, error) {
	return func(obj T, found bool, err error) (*T, error) {
		if err != nil {
			return nil, err
		}
		if found {
			return &obj, nil
		}
		return single(ctx, id)
	}
}

func (l *List[T]) get(ctx context.Context, id string, mark uint64, maxAge time.Duration, spaced bool) (obj T, found bool, err error) {
	r := l.roundFor(ctx, mark, maxAge, spaced)
	select {
	case <-r.done:
	case <-ctx.Done():
		return obj, false, ctx.Err()
	}
	if r.err != nil {
		return obj, false, r.err
	}
	obj, found = r.byID[id]
	return obj, found, nil
}

// roundFor joins the latest list request when it is still to be sent, or
// was sent after mark and at most maxAge ago, and starts one otherwise;
// spaced, it starts no sooner than maxAge after the one before. The write
// count only grows, so a request sent after mark counts at least mark.
func (l *List[T]) roundFor(ctx context.Context, mark uint64, maxAge time.Duration, spaced bool) *round[T] {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if r := l.latest; r != nil && !r.failed() {
		if now.Before(r.started) || r.writes >= mark && now.Sub(r.started) <= maxAge {
			return r
		}
	}
	start := now
	if spaced && l.latest != nil {
		if next := l.latest.started.Add(maxAge); next.After(start) {
			start = next
		}
	}
	// writes as of now is a lower bound for a request sent at start.
	r := &round[T]{started: start, writes: l.writes(), done: make(chan struct{})}
	l.latest = r
	// The request serves every reader that joins it, so one reader giving
	// up must not cancel it; the transport's own deadlines bound it.
	go l.run(context.WithoutCancel(ctx), r, start.Sub(now))
	return r
}

func (l *List[T]) run(ctx context.Context, r *round[T], after time.Duration) {
	defer close(r.done)
	if after > 0 {
		time.Sleep(after)
	}
	all, err := l.fetch(ctx)
	if err != nil {
		r.err = err
		return
	}
	r.byID = make(map[string]T, len(all))
	for _, o := range all {
		r.byID[l.id(o)] = o
	}
}

// failed reports whether the round ended in an error, which is not shared
// with readers that come later.
func (r *round[T]) failed() bool {
	select {
	case <-r.done:
		return r.err != nil
	default:
		return false
	}
}

// RefreshAge is how old a shared list may be when it answers a refresh.
// Terraform refreshes every object of a configuration within seconds of
// each other, and any write by this provider makes a list stale at once.
const RefreshAge = 30 * time.Second

// SnapshotAge is how old a shared list may be when a create compares with
// it: any object created since is a candidate for a lost answer, so the
// shorter the better, while a fleet's creates still share one list.
const SnapshotAge = 10 * time.Second
