package transport

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type replayableKey struct{}

type budgetKey struct{}

// retryBudget bounds one request's retries in count and in time: 429s have
// their own, much larger count, since waiting out a rate limit is right,
// while the time limit holds for every kind of retry.
type retryBudget struct {
	failures, failureMax   int
	throttled, throttleMax int
	start                  time.Time
	attemptStart           time.Time
	limit                  time.Duration // 0: no limit in time
	waitMin, waitMax       time.Duration
	attempts               int
	exhausted              bool
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

// fits reports whether waiting d still leaves the request within its time
// limit; when it does not, the budget is spent.
func (b *retryBudget) fits(d time.Duration) bool {
	if b.limit > 0 && time.Since(b.start)+d > b.limit {
		b.exhausted = true
	}
	return !b.exhausted
}

// replayable reports whether sending r again cannot duplicate anything.
func replayable(r *http.Request) bool {
	if v, ok := r.Context().Value(replayableKey{}).(bool); ok {
		return v
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// shouldRetry: 429 always; 5xx and lost connections only where a repeat cannot
// duplicate anything, or where the request provably never left this process;
// never past the request's budget. It waits before saying yes, so that a
// wait that would outlast the budget ends the request with the answer in
// hand instead; the client's own Backoff is then zero.
func shouldRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	budget, _ := ctx.Value(budgetKey{}).(*retryBudget)
	if budget == nil { // not a request of this package's client
		return false, err
	}
	budget.attempts++
	retry := false
	if err != nil {
		var se *sendError
		if !errors.As(err, &se) {
			return false, err
		}
		retry = (!se.sent || replayable(se.request)) && budget.spend(false)
	} else {
		switch {
		case resp.StatusCode == http.StatusTooManyRequests:
			retry = budget.spend(true)
		case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
			retry = replayable(resp.Request) && budget.spend(false)
		}
	}
	if !retry {
		return false, err
	}
	wait := backoff(budget.waitMin, budget.waitMax, budget.failures+budget.throttled-1, resp)
	// The next attempt may well take as long as this one did: one that
	// cannot end within the limit is not begun, and this answer is the last.
	if !budget.fits(wait + time.Since(budget.attemptStart)) {
		return false, err
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-timer.C:
	}
	budget.attemptStart = time.Now()
	return true, err
}

// tried is what the budget saw of the request's attempts.
func (b *retryBudget) tried() Tries {
	return Tries{Attempts: b.attempts, Over: time.Since(b.start), Exhausted: b.exhausted, Limit: b.limit}
}

// Tries says how often a request was sent before it failed, and over how
// long; an error that took one attempt says nothing more.
type Tries struct {
	Attempts  int
	Over      time.Duration
	Exhausted bool
	Limit     time.Duration
}

func (t Tries) String() string {
	if t.Attempts <= 1 {
		return ""
	}
	s := fmt.Sprintf(" after %d attempts over %s", t.Attempts, t.Over.Round(time.Millisecond))
	if t.Exhausted {
		// The budget ends before the clock does: the next wait and attempt
		// would not have fitted in what was left of it.
		s += fmt.Sprintf(" (another would not end within max_retry_time %s)", t.Limit)
	}
	return s
}

func noBackoff(time.Duration, time.Duration, int, *http.Response) time.Duration { return 0 }

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
