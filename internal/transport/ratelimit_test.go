package transport

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fixedWindowServer counts requests in fixed windows that start with the
// first request after the last one ended, like the clouds do, and answers
// 429 beyond limit. It announces its policy when policy is set.
func fixedWindowServer(t *testing.T, limit int, length time.Duration, policy string) (*httptest.Server, *atomic.Int32, *atomic.Int32) {
	var mu sync.Mutex
	var start time.Time
	var n int
	var ok, refused atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now := time.Now()
		if now.Sub(start) >= length {
			start, n = now, 0
		}
		n++
		over := n > limit
		mu.Unlock()
		if policy != "" {
			w.Header().Set("RateLimit-Policy", policy)
		}
		if over {
			refused.Add(1)
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		ok.Add(1)
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &ok, &refused
}

func sendConcurrently(t *testing.T, c *Client, n int, path string) time.Duration {
	t.Helper()
	start := time.Now()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: path}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}

func TestWindowLimitNeverOverrunsAFixedWindowServer(t *testing.T) {
	srv, ok, refused := fixedWindowServer(t, 10, 300*time.Millisecond, "")
	c := newTestClient(t, srv.URL, func(c *Config) { c.Limits = Limits{Window: 300 * time.Millisecond, PerWindow: 10} })
	d := sendConcurrently(t, c, 35, "/a")
	if refused.Load() != 0 {
		t.Fatalf("the server refused %d requests", refused.Load())
	}
	if ok.Load() != 35 {
		t.Fatalf("want 35 answered, got %d", ok.Load())
	}
	// Ten go at once, then ten more each window: the 35th needs three windows.
	if d < 900*time.Millisecond || d > 1500*time.Millisecond {
		t.Fatalf("35 requests at 10 per 300ms took %v, want about 0.9s", d)
	}
}

func TestRateLimitPerEndpoint(t *testing.T) {
	var calls atomic.Int32
	srv := flaky(t, &calls)
	c := newTestClient(t, srv.URL, func(c *Config) {
		c.Limits = Limits{Window: 500 * time.Millisecond, PerEndpoint: 2, Endpoints: map[string]int{"GET /fast": 1000}}
	})
	timeIt := func(paths ...string) time.Duration {
		start := time.Now()
		for _, p := range paths {
			if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: p}); err != nil {
				t.Fatal(err)
			}
		}
		return time.Since(start)
	}
	if d := timeIt("/1", "/2", "/3", "/4", "/1", "/2"); d > 150*time.Millisecond {
		t.Fatalf("distinct endpoints must not wait on each other, took %v", d)
	}
	if d := timeIt("/fast", "/fast", "/fast", "/fast"); d > 150*time.Millisecond {
		t.Fatalf("an endpoint override of 1000 a window was not applied, took %v", d)
	}
	if d := timeIt("/same", "/same", "/same"); d < 500*time.Millisecond {
		t.Fatalf("3 requests to an endpoint allowed 2 a window took only %v", d)
	}
}

func TestLearnsTheLimitsTheServerAnnounces(t *testing.T) {
	// The documented budget (1 an hour) would stall; the server says 5 per 200ms.
	srv, ok, refused := fixedWindowServer(t, 5, 200*time.Millisecond, `"project";q=1000;w=1, "endpoint";q=5;w=1`)
	c := newTestClient(t, srv.URL, func(c *Config) { c.Limits = Limits{Window: time.Hour, PerWindow: 1000, PerEndpoint: 1} })
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	// Now 5 a second for /x: nine more need just over one second.
	start := time.Now()
	for range 9 {
		if _, err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/x"}); err != nil {
			t.Fatalf("after learning the policy: %v", err)
		}
	}
	if d := time.Since(start); d < time.Second || d > 3*time.Second {
		t.Fatalf("9 requests at a learned 5 a second took %v", d)
	}
	if refused.Load() != 0 || ok.Load() != 10 {
		t.Fatalf("answered %d, refused %d", ok.Load(), refused.Load())
	}
}

func TestParseItem(t *testing.T) {
	cases := map[string]struct {
		want limitItem
		ok   bool
	}{
		`"project";q=500;w=60`:    {limitItem{"project", 500, -1, 60}, true},
		` "endpoint" ; q=60; w=6`: {limitItem{"endpoint", 60, -1, 6}, true},
		`"project";r=486;t=37`:    {limitItem{"project", -1, 486, 37}, true},
		`"endpoint";q=10`:         {limitItem{"endpoint", 10, -1, -1}, true},
		`;q=10;w=5`:               {ok: false},
		`"x";q=a;w=5`:             {limitItem{"x", -1, -1, 5}, true},
	}
	for in, want := range cases {
		got, ok := parseItem(in)
		if ok != want.ok || ok && got != want.want {
			t.Errorf("parseItem(%q) = %+v %v, want %+v %v", in, got, ok, want.want, want.ok)
		}
	}
}

// announcingServer counts in fixed windows of limit requests and tells
// what is left of the window through announce.
func announcingServer(t *testing.T, limit int, length time.Duration, announce func(h http.Header, left int, end time.Time)) (*httptest.Server, *atomic.Int32) {
	var mu sync.Mutex
	var start time.Time
	var n int
	var refused atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now := time.Now()
		if now.Sub(start) >= length {
			start, n = now, 0
		}
		n++
		left, end := max(0, limit-n), start.Add(length)
		mu.Unlock()
		announce(w.Header(), left, end)
		if n > limit {
			refused.Add(1)
			w.Header().Set("Retry-After", fmt.Sprint(int(time.Until(end)/time.Second)+1))
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &refused
}

// verdaHeaders announce as Verda does, in RateLimit-Policy and RateLimit.
func verdaHeaders(limit int, length time.Duration) func(http.Header, int, time.Time) {
	return func(h http.Header, left int, end time.Time) {
		h.Set("RateLimit-Policy", fmt.Sprintf(`"project";q=%d;w=%d`, limit, int(length/time.Second)))
		h.Set("RateLimit", fmt.Sprintf(`"project";r=%d;t=%d`, left, int((time.Until(end)+time.Second-1)/time.Second)))
	}
}

// A new process starts from what the server says is left of its window,
// spent by processes before it, not from a full window: in Verda's
// RateLimit header or in Nova Cloud's X-RateLimit headers.
func TestStartsFromTheAnnouncedRemainder(t *testing.T) {
	const limit, length = 10, 2 * time.Second
	for name, announce := range map[string]func(http.Header, int, time.Time){
		"RateLimit": verdaHeaders(limit, length),
		"X-RateLimit": func(h http.Header, left int, end time.Time) {
			h.Set("X-RateLimit-Limit", fmt.Sprint(limit))
			h.Set("X-RateLimit-Remaining", fmt.Sprint(left))
			h.Set("X-RateLimit-Reset", fmt.Sprint(end.Add(time.Second-1).Unix()))
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv, refused := announcingServer(t, limit, length, announce)
			limits := Limits{Window: length, PerWindow: limit}
			earlier := newTestClient(t, srv.URL, func(c *Config) { c.Limits = limits })
			for range 8 {
				if _, err := earlier.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
					t.Fatal(err)
				}
			}
			next := newTestClient(t, srv.URL, func(c *Config) { c.Limits = limits; c.RateLimitRetryMax = 1 })
			for range 4 {
				if _, err := next.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
					t.Fatal(err)
				}
			}
			if n := refused.Load(); n != 0 {
				t.Fatalf("the second process was refused %d times: it did not keep to the announced remainder", n)
			}
		})
	}
}

// Without announcements, processes one after another share a record of
// their requests, which holds no credential.
func TestProcessesShareARecordOfTheirRequests(t *testing.T) {
	srv, ok, refused := fixedWindowServer(t, 5, time.Second, "")
	dir := t.TempDir()
	const secret = "sk-live-do-not-write-me"
	client := func() *Client {
		return newTestClient(t, srv.URL, func(c *Config) {
			c.Limits = Limits{Window: time.Second, PerWindow: 5}
			c.RecordDir, c.Secrets, c.RateLimitRetryMax = dir, []string{secret}, 1
		})
	}
	for range 3 {
		c := client()
		for range 3 {
			if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if refused.Load() != 0 || ok.Load() != 9 {
		t.Fatalf("three processes of 3 requests against 5 a second: answered %d, refused %d", ok.Load(), refused.Load())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 {
		t.Fatalf("want one record for one account, got %v", files)
	}
	body, err := os.ReadFile(files[0])
	if err != nil || strings.Count(string(body), "\n") != 9 || strings.Contains(string(body)+files[0], secret) {
		t.Fatalf("the record holds one line a request and no credential: %q %v", body, err)
	}
}

func TestTokenBucketLimitAllowsTheBurstThenTheRate(t *testing.T) {
	var calls atomic.Int32
	srv := flaky(t, &calls)
	// 20 a second with a burst of 4: 4 at once, then one every 50ms.
	c := newTestClient(t, srv.URL, func(c *Config) { c.Limits = Limits{Window: time.Second, PerWindow: 20, Burst: 4} })
	start := time.Now()
	for range 4 {
		if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/b"}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d > 40*time.Millisecond {
		t.Fatalf("the burst took %v", d)
	}
	for range 6 {
		if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/b"}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 280*time.Millisecond {
		t.Fatalf("6 requests beyond the burst at 20/s took only %v", d)
	}
}

func TestWritesCountsRequestsThatMayChangeSomething(t *testing.T) {
	var calls atomic.Int32
	srv := flaky(t, &calls)
	c := newTestClient(t, srv.URL)
	before := c.Writes()
	for _, r := range []Request{{Method: http.MethodGet, Path: "/"}, {Method: http.MethodPost, Path: "/token", NoAuth: true}} {
		if _, err := c.Do(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	if c.Writes() != before {
		t.Fatalf("reads and token requests changed the count to %d", c.Writes())
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if _, err := c.WithAuth(nil).Do(context.Background(), Request{Method: m, Path: "/"}); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.Writes() - before; got != 8 {
		t.Fatalf("four writes should count 8 (start and end), got %d", got)
	}
}

// Following the announced remainder answer after answer never holds a lone
// process back beyond the server's own windows, though the header rounds
// the time left up to whole seconds.
func TestFollowingTheRemainderKeepsTheServersPace(t *testing.T) {
	srv, refused := announcingServer(t, 20, 2*time.Second, verdaHeaders(20, 2*time.Second))
	c := newTestClient(t, srv.URL, func(c *Config) { c.Limits = Limits{Window: 2 * time.Second, PerWindow: 20}; c.RateLimitRetryMax = 1 })
	// 50 requests trickling in at 20 a second, at 20 a window, need three
	// windows: just over four seconds.
	start := time.Now()
	for range 50 {
		if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if d := time.Since(start); d > 5500*time.Millisecond || refused.Load() != 0 {
		t.Fatalf("50 requests at 20 a window of 2s took %v with %d refused", d, refused.Load())
	}
}

// A record keeps the limits servers announced, so that the next process
// counts the recorded requests in the server's window, not the documented
// one: requests older than the announced window hold nobody back.
func TestRecordKeepsAnnouncedWindows(t *testing.T) {
	srv, _, refused := fixedWindowServer(t, 5, time.Second, `"project";q=5;w=1`)
	dir := t.TempDir()
	client := func() *Client {
		return newTestClient(t, srv.URL, func(c *Config) {
			c.Limits = Limits{Window: time.Hour, PerWindow: 5}
			c.RecordDir, c.RateLimitRetryMax = dir, 1
		})
	}
	first := client()
	for range 5 {
		if _, err := first.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(1100 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	start := time.Now()
	if _, err := client().Do(ctx, Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatalf("the next process waited out the documented hour: %v", err)
	}
	if d := time.Since(start); d > 500*time.Millisecond || refused.Load() != 0 {
		t.Fatalf("took %v, %d refused", d, refused.Load())
	}
}

// Facts one process learned reach the next through the record, whether or
// not the cloud has a budget to keep; without a record they stay in memory.
func TestFactsReachTheNextProcess(t *testing.T) {
	dir := t.TempDir()
	client := func(dir string) *Client {
		return newTestClient(t, "http://127.0.0.1:1", func(c *Config) { c.RecordDir = dir })
	}
	first := client(dir)
	if got := first.Fact("rules_at"); got != "" {
		t.Fatalf("nothing learned yet, got %q", got)
	}
	first.SetFact("rules_at", "top")
	if got := client(dir).Fact("rules_at"); got != "top" {
		t.Fatalf("the next process reads %q, want top", got)
	}
	first.SetFact("rules_at", "bottom")
	if got := client(dir).Fact("rules_at"); got != "bottom" {
		t.Fatalf("the latest fact wins, got %q", got)
	}
	none := client("")
	none.SetFact("rules_at", "top")
	if got := client("").Fact("rules_at"); got != "" {
		t.Fatalf("without a record nothing is shared, got %q", got)
	}
}
