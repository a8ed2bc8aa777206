package batch

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

type recorder struct {
	mu    sync.Mutex
	sends [][]int
}

func (r *recorder) send(_ context.Context, key string, items []int) []error {
	r.mu.Lock()
	r.sends = append(r.sends, slices.Clone(items))
	r.mu.Unlock()
	errs := make([]error, len(items))
	for i, it := range items {
		if it%5 == 0 {
			errs[i] = fmt.Errorf("%s: item %d refused", key, it)
		}
	}
	return errs
}

func doAll(b *Batcher[string, int], key string, items []int) []error {
	errs := make([]error, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = b.Do(context.Background(), key, it)
		}()
	}
	wg.Wait()
	return errs
}

// Calls that arrive together share one send, and each gets its own item's
// outcome back.
func TestCallsArrivingTogetherShareOneSend(t *testing.T) {
	r := &recorder{}
	b := New(50*time.Millisecond, 100, r.send)
	errs := doAll(b, "k", []int{1, 2, 3, 5, 7})
	if len(r.sends) != 1 || len(r.sends[0]) != 5 {
		t.Fatalf("want one send of 5 items, got %v", r.sends)
	}
	for i, it := range []int{1, 2, 3, 5, 7} {
		if (errs[i] != nil) != (it == 5) {
			t.Fatalf("item %d: got %v; only item 5 fails", it, errs[i])
		}
	}
}

// A full batch goes at once, without waiting out the window; items of
// different keys never share a send.
func TestFullBatchesAndKeysSplit(t *testing.T) {
	r := &recorder{}
	b := New(time.Hour, 3, r.send)
	start := time.Now()
	doAll(b, "k", []int{1, 2, 3})
	if time.Since(start) > 10*time.Second || len(r.sends) != 1 {
		t.Fatalf("a full batch is sent at once: %v", r.sends)
	}

	r2 := &recorder{}
	b2 := New(20*time.Millisecond, 100, r2.send)
	var wg sync.WaitGroup
	for _, key := range []string{"a", "b"} {
		wg.Add(1)
		go func() { defer wg.Done(); doAll(b2, key, []int{1, 2}) }()
	}
	wg.Wait()
	if len(r2.sends) != 2 || len(r2.sends[0]) != 2 || len(r2.sends[1]) != 2 {
		t.Fatalf("want one send per key, got %v", r2.sends)
	}
}

// A caller that stops waiting gets its context's error, and the batch is
// still sent for the others; a send that reports too few outcomes fails
// the items it left out.
func TestCancelledCallerAndMissingOutcomes(t *testing.T) {
	sent := make(chan []int, 1)
	b := New(30*time.Millisecond, 100, func(_ context.Context, _ string, items []int) []error {
		sent <- items
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Do(ctx, "k", 1); !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if got := <-sent; !slices.Equal(got, []int{1}) {
		t.Fatalf("the batch is still sent: %v", got)
	}
	if err := b.Do(context.Background(), "k", 2); !errors.Is(err, errNoOutcome) {
		t.Fatalf("want errNoOutcome, got %v", err)
	}
	<-sent
}

// While a batch is being sent, the next gathers: a slow send makes the
// batches after it larger, and a full batch opens another.
func TestBatchesGrowWhileASendIsUnderWay(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	var sizes []int
	b := New(time.Millisecond, 4, func(_ context.Context, _ string, items []int) []error {
		mu.Lock()
		sizes = append(sizes, len(items))
		first := len(sizes) == 1
		mu.Unlock()
		if first {
			<-release
		}
		return nil
	})
	var wg sync.WaitGroup
	do := func(it int) {
		wg.Add(1)
		go func() { defer wg.Done(); _ = b.Do(context.Background(), "k", it) }()
	}
	do(0)
	for {
		mu.Lock()
		started := len(sizes) == 1
		mu.Unlock()
		if started {
			break
		}
		time.Sleep(time.Millisecond)
	}
	for it := 1; it <= 6; it++ {
		do(it)
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if !slices.Equal(sizes, []int{1, 4, 2}) {
		t.Fatalf("want a send of 1, then the 6 that came meanwhile in batches of at most 4; got %v", sizes)
	}
}
