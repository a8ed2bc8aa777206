package coalesce

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type thing struct{ ID, State string }

type fakeCloud struct {
	mu      sync.Mutex
	things  []thing
	lists   atomic.Int32
	writes  atomic.Uint64
	delay   time.Duration
	failing atomic.Bool
}

func (f *fakeCloud) list(ctx context.Context) ([]thing, error) {
	f.lists.Add(1)
	time.Sleep(f.delay)
	if f.failing.Load() {
		return nil, errors.New("list failed")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]thing(nil), f.things...), nil
}

func (f *fakeCloud) set(id, state string) {
	f.writes.Add(1)
	defer f.writes.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.things {
		if f.things[i].ID == id {
			f.things[i].State = state
			return
		}
	}
	f.things = append(f.things, thing{id, state})
}

func newList(f *fakeCloud) *List[thing] {
	return New(f.list, func(t thing) string { return t.ID }, f.writes.Load)
}

func TestConcurrentReadersShareOneList(t *testing.T) {
	f := &fakeCloud{delay: 20 * time.Millisecond}
	for _, id := range []string{"a", "b", "c"} {
		f.set(id, "running")
	}
	l := newList(f)
	var wg sync.WaitGroup
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := []string{"a", "b", "c"}[i%3]
			got, found, err := l.Get(context.Background(), id, time.Minute)
			if err != nil || !found || got.ID != id || got.State != "running" {
				t.Errorf("Get(%s) = %+v %v %v", id, got, found, err)
			}
		}()
	}
	wg.Wait()
	if n := f.lists.Load(); n != 1 {
		t.Fatalf("300 concurrent reads made %d list requests, want 1", n)
	}
	if _, found, err := l.Get(context.Background(), "zzz", time.Minute); err != nil || found {
		t.Fatalf("an object not in the list: found=%v err=%v", found, err)
	}
	if n := f.lists.Load(); n != 1 {
		t.Fatalf("a later read within maxAge listed again (%d lists)", n)
	}
}

func TestAWriteMakesTheNextReadListAgain(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "starting")
	l := newList(f)
	if got, _, _ := l.Get(context.Background(), "a", time.Hour); got.State != "starting" {
		t.Fatalf("got %+v", got)
	}
	f.set("a", "running")
	got, _, err := l.Get(context.Background(), "a", time.Hour)
	if err != nil || got.State != "running" {
		t.Fatalf("after a write, read %+v (%v); the list was served stale", got, err)
	}
	if n := f.lists.Load(); n != 2 {
		t.Fatalf("want 2 lists, got %d", n)
	}
}

func TestAListAskedForBeforeAWriteIsNotJoinedAfterIt(t *testing.T) {
	f := &fakeCloud{delay: 100 * time.Millisecond}
	f.set("a", "starting")
	l := newList(f)
	first := make(chan thing)
	go func() {
		got, _, _ := l.Get(context.Background(), "a", time.Hour)
		first <- got
	}()
	time.Sleep(20 * time.Millisecond) // the first list is in flight
	f.set("a", "running")
	got, _, err := l.Get(context.Background(), "a", time.Hour)
	if err != nil || got.State != "running" {
		t.Fatalf("a read that began after the write saw %+v (%v)", got, err)
	}
	<-first
	if n := f.lists.Load(); n != 2 {
		t.Fatalf("want 2 lists, got %d", n)
	}
}

func TestAnOldListIsNotServed(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "starting")
	l := newList(f)
	clock := time.Now()
	l.now = func() time.Time { return clock }
	_, _, _ = l.Get(context.Background(), "a", time.Second)
	clock = clock.Add(999 * time.Millisecond)
	_, _, _ = l.Get(context.Background(), "a", time.Second)
	if n := f.lists.Load(); n != 1 {
		t.Fatalf("a list younger than maxAge was not reused: %d lists", n)
	}
	clock = clock.Add(2 * time.Millisecond)
	_, _, _ = l.Get(context.Background(), "a", time.Second)
	if n := f.lists.Load(); n != 2 {
		t.Fatalf("a list older than maxAge was served: %d lists", n)
	}
}

func TestAFailedListIsNotReused(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "running")
	l := newList(f)
	f.failing.Store(true)
	if _, _, err := l.Get(context.Background(), "a", time.Hour); err == nil {
		t.Fatal("want the list's error")
	}
	f.failing.Store(false)
	if _, found, err := l.Get(context.Background(), "a", time.Hour); err != nil || !found {
		t.Fatalf("after a failure the next read must list again: found=%v err=%v", found, err)
	}
}

func TestOneReaderGivingUpDoesNotFailTheOthers(t *testing.T) {
	f := &fakeCloud{delay: 100 * time.Millisecond}
	f.set("a", "running")
	l := newList(f)
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 1)
	go func() {
		_, _, err := l.Get(ctx, "a", time.Hour)
		errs <- err
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Fatalf("the reader that gave up got %v", err)
	}
	if _, found, err := l.Get(context.Background(), "a", time.Hour); err != nil || !found {
		t.Fatalf("the reader sharing the list got found=%v err=%v", found, err)
	}
	if n := f.lists.Load(); n != 1 {
		t.Fatalf("want the list shared, got %d lists", n)
	}
}

func TestWaitersShareAListWhileOtherObjectsChange(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "starting")
	l := newList(f)
	const interval = 200 * time.Millisecond
	mark := f.writes.Load() // a's change has ended
	if _, _, err := l.GetSince(context.Background(), "a", mark, interval); err != nil {
		t.Fatal(err)
	}
	f.set("b", "starting") // another object changes
	got, _, err := l.GetSince(context.Background(), "a", mark, interval)
	if err != nil || got.State != "starting" {
		t.Fatalf("got %+v %v", got, err)
	}
	if n := f.lists.Load(); n != 1 {
		t.Fatalf("a write to another object made the waiter list again: %d lists", n)
	}
	// A waiter whose own change ended later needs a newer list.
	f.set("a", "running")
	got, _, _ = l.GetSince(context.Background(), "a", f.writes.Load(), interval)
	if got.State != "running" || f.lists.Load() != 2 {
		t.Fatalf("a waiter was served a list older than its own change: %+v after %d lists", got, f.lists.Load())
	}
	// A refresh never accepts a list older than the last write.
	f.set("c", "starting")
	if _, found, _ := l.Get(context.Background(), "c", interval); !found || f.lists.Load() != 3 {
		t.Fatalf("a refresh was served a list from before a write (found=%v, %d lists)", found, f.lists.Load())
	}
}

func TestReadAndPollAskForWhatTheListLacks(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "running")
	l := newList(f)
	var asked []string
	single := func(_ context.Context, id string) (*thing, error) {
		asked = append(asked, id)
		return nil, errors.New(id + " not found")
	}
	got, err := l.Read(context.Background(), "a", time.Hour, single)
	if err != nil || got.State != "running" || len(asked) != 0 {
		t.Fatalf("a listed object: %+v %v, asked on its own for %v", got, err, asked)
	}
	if _, err := l.Poll(context.Background(), "gone", f.writes.Load(), time.Hour, single); err == nil || len(asked) != 1 || asked[0] != "gone" {
		t.Fatalf("an object the list lacks must be asked for on its own: err=%v asked=%v", err, asked)
	}
}

func TestWaitsListAtMostOnceAnInterval(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "starting")
	l := newList(f)
	const interval = 100 * time.Millisecond
	start := time.Now()
	var wg sync.WaitGroup
	// Twenty waiters whose own changes end one after another, 20ms apart,
	// each then polling five times.
	for i := range 20 {
		time.Sleep(20 * time.Millisecond)
		f.set(fmt.Sprint("w", i), "starting")
		mark := f.writes.Load()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if _, found, err := l.GetSince(context.Background(), fmt.Sprint("w", i), mark, interval); err != nil || !found {
					t.Errorf("waiter %d: found=%v err=%v", i, found, err)
					return
				}
				time.Sleep(interval)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if max := int32(elapsed/interval) + 2; f.lists.Load() > max {
		t.Fatalf("%d lists in %v, want at most one an interval (%d)", f.lists.Load(), elapsed, max)
	}
}

func TestARefreshIsNotHeldBackByTheWaitsSpacing(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "starting")
	l := newList(f)
	if _, _, err := l.GetSince(context.Background(), "a", f.writes.Load(), time.Hour); err != nil {
		t.Fatal(err)
	}
	f.set("a", "running")
	start := time.Now()
	got, _, err := l.Get(context.Background(), "a", time.Hour)
	if err != nil || got.State != "running" {
		t.Fatalf("got %+v %v", got, err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("a refresh after a write waited %v for the waits' next round", d)
	}
}

// A create's snapshot before the request may be a recent list taken before
// other writes, so a fleet's creates share it; the lookup after a lost
// answer must list after the create ended.
func TestSnapshots(t *testing.T) {
	f := &fakeCloud{}
	f.set("a", "running")
	l := newList(f)
	clock := time.Now()
	l.now = func() time.Time { return clock }
	ctx := context.Background()
	if all, err := l.Snapshot(ctx, false); err != nil || len(all) != 1 {
		t.Fatalf("%+v %v", all, err)
	}
	f.set("b", "creating") // another create of this client
	if all, _ := l.Snapshot(ctx, false); len(all) != 1 || f.lists.Load() != 1 {
		t.Fatalf("a recent snapshot must be shared across writes: %+v after %d lists", all, f.lists.Load())
	}
	all, err := l.Snapshot(ctx, true)
	if err != nil || len(all) != 2 || f.lists.Load() != 2 {
		t.Fatalf("a fresh snapshot must list after the write: %+v %v after %d lists", all, err, f.lists.Load())
	}
	clock = clock.Add(SnapshotAge + time.Millisecond)
	if _, _ = l.Snapshot(ctx, false); f.lists.Load() != 3 {
		t.Fatalf("a snapshot older than SnapshotAge was served: %d lists", f.lists.Load())
	}
}
