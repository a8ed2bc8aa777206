package transport

import (
	"context"
	"fmt"
	"net/http"
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
}

type limiter struct {
	limits   Limits
	prefix   string
	global   *rate.Limiter
	mu       sync.Mutex
	endpoint map[string]*rate.Limiter
}

func newLimiter(l Limits, prefix string) *limiter {
	if l.Window == 0 {
		l.Window = time.Minute
	}
	return &limiter{limits: l, prefix: prefix, global: bucket(l.PerWindow, l.Window), endpoint: map[string]*rate.Limiter{}}
}

// bucket refills evenly over the window and allows a burst of a tenth of it,
// so a burst cannot exhaust a server-side fixed window on its own.
func bucket(n int, window time.Duration) *rate.Limiter {
	if n <= 0 {
		return nil
	}
	burst := max(1, n/10)
	return rate.NewLimiter(rate.Limit(float64(n)/window.Seconds()), burst)
}

func (l *limiter) forEndpoint(method, path string) *rate.Limiter {
	key := method + " " + strings.TrimPrefix(path, l.prefix)
	n, ok := l.limits.Endpoints[key]
	if !ok {
		n = l.limits.PerEndpoint
	}
	if n <= 0 {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.endpoint[key]
	if !ok {
		b = bucket(n, l.limits.Window)
		l.endpoint[key] = b
	}
	return b
}

type limitTransport struct {
	limiter *limiter
	next    http.RoundTripper
}

func (t *limitTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx := r.Context()
	for _, b := range []*rate.Limiter{t.limiter.forEndpoint(r.Method, r.URL.Path), t.limiter.global} {
		if b == nil {
			continue
		}
		if err := b.Wait(ctx); err != nil {
			if ctx.Err() == nil {
				// The limiter refuses at once when the wait would outlast the deadline.
				err = fmt.Errorf("%w: client-side rate limit: %v", context.DeadlineExceeded, err)
			}
			return nil, &sendError{request: r, sent: false, err: err}
		}
	}
	return t.next.RoundTrip(r)
}
