package transport

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type replayableKey struct{}

type budgetKey struct{}

// retryBudget counts one request's retries: 429s have their own, much larger
// allowance, since waiting out a rate limit is always right.
type retryBudget struct {
	failures, failureMax   int
	throttled, throttleMax int
}

func (b *retryBudget) spend(throttled bool) bool {
	if b == nil {
		return true
	}
	if throttled {
		b.throttled++
		return b.throttled <= b.throttleMax
	}
	b.failures++
	return b.failures <= b.failureMax
}

// replayable reports whether sending r again cannot duplicate anything.
func replayable(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	v, _ := r.Context().Value(replayableKey{}).(bool)
	return v
}

// shouldRetry: 429 always; 5xx and lost connections only where a repeat cannot
// duplicate anything, or where the request provably never left this process.
func shouldRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	budget, _ := ctx.Value(budgetKey{}).(*retryBudget)
	if err != nil {
		var se *sendError
		if !errors.As(err, &se) {
			return false, err
		}
		return (!se.sent || replayable(se.request)) && budget.spend(false), err
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return budget.spend(true), nil
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		return replayable(resp.Request) && budget.spend(false), nil
	}
	return false, nil
}

// backoff honours Retry-After (seconds or an HTTP date) and otherwise grows
// exponentially with jitter between min and max.
func backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return d
		}
	}
	d := min << min64(attempt, 20)
	if d <= 0 || d > max {
		d = max
	}
	half := d / 2
	return half + rand.N(half+1)
}

func min64(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// maxRetryAfter caps what a server may ask to wait; the caller's context
// bounds the wait in any case.
const maxRetryAfter = time.Hour

func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfter), true
	}
	return 0, false
}
