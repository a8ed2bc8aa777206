package transport

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits is a cloud's documented request budget. Zero means unlimited.
type Limits struct {
	// Window is the period the counts below refer to; a minute unless set.
	Window time.Duration
	// PerWindow caps all requests together.
	PerWindow int
	// PerEndpoint caps requests with the same method and path.
	PerEndpoint int
	// Endpoints overrides PerEndpoint for "METHOD /path" keys.
	Endpoints map[string]int
	// Burst, when set, says the cloud refills a token bucket of this size
	// evenly over the window instead of counting in windows.
	Burst int
}

// gate is one budget requests wait on.
type gate interface {
	// delay is how long until one more request fits; zero means now.
	delay(now time.Time) time.Duration
	take(now time.Time)
	resize(limit int, window time.Duration)
}

// window admits at most limit requests in any span of its length. A server
// that counts in fixed windows then never sees more than limit in one of
// them, wherever its windows start; a token bucket with any burst could
// put limit+burst into one. The margin absorbs the time a request takes to
// arrive.
type window struct {
	limit  int
	length time.Duration
	sent   []time.Time // the last sends, oldest first, at most limit of them
}

func newWindow(limit int, length time.Duration) *window {
	w := &window{}
	w.resize(limit, length)
	return w
}

func (w *window) resize(limit int, length time.Duration) {
	w.limit, w.length = limit, length+length/50+50*time.Millisecond
	if len(w.sent) > limit {
		w.sent = w.sent[len(w.sent)-limit:]
	}
}

func (w *window) delay(now time.Time) time.Duration {
	if len(w.sent) < w.limit {
		return 0
	}
	return max(0, w.sent[len(w.sent)-w.limit].Add(w.length).Sub(now))
}

func (w *window) take(now time.Time) {
	w.sent = append(w.sent, now)
	if len(w.sent) > w.limit {
		w.sent = w.sent[len(w.sent)-w.limit:]
	}
}

// bucket mirrors a server that refills a token bucket.
type bucket struct{ *rate.Limiter }

func newBucket(limit, burst int, length time.Duration) *bucket {
	return &bucket{rate.NewLimiter(rate.Limit(float64(limit)/length.Seconds()), burst)}
}

func (b *bucket) delay(now time.Time) time.Duration {
	missing := 1 - b.TokensAt(now)
	if missing <= 0 {
		return 0
	}
	return max(time.Millisecond, time.Duration(missing/float64(b.Limit())*float64(time.Second)))
}

func (b *bucket) take(now time.Time) { b.AllowN(now, 1) }

func (b *bucket) resize(limit int, length time.Duration) {
	b.SetLimit(rate.Limit(float64(limit) / length.Seconds()))
}

type limiter struct {
	limits Limits
	prefix string

	mu       sync.Mutex
	global   gate
	endpoint map[string]gate
}

func newLimiter(l Limits, prefix string) *limiter {
	if l.Window == 0 {
		l.Window = time.Minute
	}
	lim := &limiter{limits: l, prefix: prefix, endpoint: map[string]gate{}}
	lim.global = lim.newGate(l.PerWindow)
	return lim
}

func (l *limiter) newGate(n int) gate {
	switch {
	case n <= 0:
		return nil
	case l.limits.Burst > 0:
		return newBucket(n, min(l.limits.Burst, n), l.limits.Window)
	default:
		return newWindow(n, l.limits.Window)
	}
}

func (l *limiter) key(method, path string) string {
	return method + " " + strings.TrimPrefix(path, l.prefix)
}

// forEndpoint returns the endpoint's gate, nil when it has none. l.mu is held.
func (l *limiter) forEndpoint(key string) gate {
	if g, ok := l.endpoint[key]; ok {
		return g
	}
	n, ok := l.limits.Endpoints[key]
	if !ok {
		n = l.limits.PerEndpoint
	}
	g := l.newGate(n)
	l.endpoint[key] = g
	return g
}

// wait blocks until both the endpoint's and the cloud's budgets admit one
// more request and counts it against both at the same moment.
func (l *limiter) wait(ctx context.Context, method, path string) error {
	key := l.key(method, path)
	for {
		l.mu.Lock()
		now := time.Now()
		gates := []gate{l.forEndpoint(key), l.global}
		var d time.Duration
		for _, g := range gates {
			if g != nil {
				d = max(d, g.delay(now))
			}
		}
		if d == 0 {
			for _, g := range gates {
				if g != nil {
					g.take(now)
				}
			}
			l.mu.Unlock()
			return nil
		}
		l.mu.Unlock()
		if deadline, ok := ctx.Deadline(); ok && now.Add(d).After(deadline) {
			return fmt.Errorf("%w: client-side rate limit: the next free slot is %s away", context.DeadlineExceeded, d.Round(time.Millisecond))
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// learn adopts the limits a server announces in a RateLimit-Policy header
// (`"project";q=500;w=60, "endpoint";q=60;w=60`): the one named "project"
// or "global" is the cloud's, any other is this endpoint's.
func (l *limiter) learn(method, path string, h http.Header) {
	policy := h.Get("RateLimit-Policy")
	if policy == "" {
		return
	}
	key := l.key(method, path)
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, item := range strings.Split(policy, ",") {
		name, q, w, ok := parsePolicy(item)
		if !ok {
			continue
		}
		if name == "project" || name == "global" {
			if l.global == nil {
				l.global = newWindow(q, w)
			} else {
				l.global.resize(q, w)
			}
			continue
		}
		if g := l.forEndpoint(key); g != nil {
			g.resize(q, w)
		} else {
			l.endpoint[key] = newWindow(q, w)
		}
	}
}

// parsePolicy reads one `"name";q=N;w=S` item.
func parsePolicy(item string) (name string, quota int, window time.Duration, ok bool) {
	parts := strings.Split(strings.TrimSpace(item), ";")
	name = strings.Trim(strings.TrimSpace(parts[0]), `"`)
	var seconds int
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			continue
		}
		switch k {
		case "q":
			quota = n
		case "w":
			seconds = n
		}
	}
	if name == "" || quota <= 0 || seconds <= 0 || seconds > 86400 {
		return "", 0, 0, false
	}
	return name, quota, time.Duration(seconds) * time.Second, true
}

type limitTransport struct {
	limiter *limiter
	next    http.RoundTripper
}

func (t *limitTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if err := t.limiter.wait(r.Context(), r.Method, r.URL.Path); err != nil {
		return nil, &sendError{request: r, sent: false, err: err}
	}
	resp, err := t.next.RoundTrip(r)
	if err == nil {
		t.limiter.learn(r.Method, r.URL.Path, resp.Header)
	}
	return resp, err
}
