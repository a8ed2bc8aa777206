package coalesce

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestOnceFetchesOnceForEveryCaller(t *testing.T) {
	var o Once[[]string]
	var fetches atomic.Int32
	fetch := func(context.Context) ([]string, error) {
		fetches.Add(1)
		return []string{"a"}, nil
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := o.Get(context.Background(), fetch); err != nil || got[0] != "a" {
				t.Errorf("%v %v", got, err)
			}
		}()
	}
	wg.Wait()
	if n := fetches.Load(); n != 1 {
		t.Fatalf("%d fetches, want 1", n)
	}
}

func TestOnceKeepsAFailure(t *testing.T) {
	var o Once[int]
	boom := errors.New("boom")
	calls := 0
	fetch := func(context.Context) (int, error) { calls++; return 0, boom }
	for range 3 {
		if _, err := o.Get(context.Background(), fetch); !errors.Is(err, boom) {
			t.Fatal(err)
		}
	}
	if calls != 1 {
		t.Fatalf("a failed fetch is not repeated within a process: %d calls", calls)
	}
}
