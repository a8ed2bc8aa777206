package transport

import (
	"context"
	"fmt"
	"net/http"
	"sort"
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
	// observe adopts what the server says is left of its window, when it
	// has counted more than this gate: requests other processes sent.
	observe(remaining int, reset time.Duration, now time.Time)
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

func (w *window) observe(remaining int, reset time.Duration, now time.Time) {
	// What the server counted stands in its window, which ends within the
	// whole second after reset-1s that the header rounds up to. As sends of
	// this gate, counted requests expire at the latest end; sends of this
	// gate since the earliest start are among them.
	latest := now.Add(reset - w.length)
	counted := 0
	for _, t := range w.sent {
		if !t.Before(latest.Add(-time.Second)) {
			counted++
		}
	}
	for spent := w.limit - remaining; counted < spent; counted++ {
		w.sent = append(w.sent, latest)
	}
	sort.Slice(w.sent, func(i, j int) bool { return w.sent[i].Before(w.sent[j]) })
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

// observe: no cloud with a token bucket announces what is left of it.
func (b *bucket) observe(int, time.Duration, time.Time) {}

type limiter struct {
	limits Limits
	prefix string
	record *record

	mu       sync.Mutex
	global   gate
	endpoint map[string]gate
	// adopted are the limits servers announced, by key.
	adopted map[string]recordEntry
	// limited: there is a budget to keep, so requests are recorded.
	limited bool
}

// newLimiter keeps to l. With a record, it starts from the requests other
// processes recorded within the window and the limits servers announced to
// them, and records its own (where there is a limit to keep to).
func newLimiter(l Limits, prefix string, rec *record, earlier []recordEntry) *limiter {
	if l.Window == 0 {
		l.Window = time.Minute
	}
	lim := &limiter{limits: l, prefix: prefix, endpoint: map[string]gate{}, record: rec}
	lim.global = lim.newGate(l.PerWindow)
	lim.limited = l.PerWindow > 0 || l.PerEndpoint > 0 || len(l.Endpoints) > 0
	for _, e := range earlier {
		if e.policy() {
			lim.adopt(e.key, e.quota, e.window)
		}
	}
	for _, e := range earlier {
		if lim.limited && !e.policy() && e.fact == "" {
			lim.count(e.key, e.at)
		}
	}
	return lim
}

// count takes one request at a moment from the endpoint's and the cloud's
// budgets. l.mu is held, or l is not shared yet.
func (l *limiter) count(key string, at time.Time) {
	for _, g := range []gate{l.forEndpoint(key), l.global} {
		if g != nil {
			g.take(at)
		}
	}
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
			l.count(key, now)
			l.mu.Unlock()
			if l.limited {
				l.record.add(recordEntry{at: now, key: key})
			}
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
// (`"project";q=500;w=60, "endpoint";q=60;w=60`) and what is left of them
// in a RateLimit header (`"project";r=486;t=37, "endpoint";r=48;t=37`),
// which counts the requests of every process using the account: the item
// named "project" or "global" is the cloud's, any other is this endpoint's.
func (l *limiter) learn(method, path string, h http.Header) {
	policy, left := h.Get("RateLimit-Policy"), h.Get("RateLimit")
	if policy == "" && left == "" {
		l.learnLegacy(method, path, h)
		return
	}
	key := l.key(method, path)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	keyOf := func(name string) string {
		if name == "project" || name == "global" {
			return cloudKey
		}
		return key
	}
	for _, item := range splitItems(policy) {
		it, ok := parseItem(item)
		if !ok || it.quota <= 0 || it.seconds <= 0 || it.seconds > 86400 {
			continue
		}
		w := time.Duration(it.seconds) * time.Second
		if k := keyOf(it.name); l.adopt(k, it.quota, w) {
			l.record.add(recordEntry{at: now, key: k, quota: it.quota, window: w})
		}
	}
	gateFor := func(name string) gate {
		if k := keyOf(name); k != cloudKey {
			return l.forEndpoint(k)
		}
		return l.global
	}
	for _, item := range splitItems(left) {
		it, ok := parseItem(item)
		if !ok || it.remaining < 0 || it.seconds < 0 || it.seconds > 86400 {
			continue
		}
		if g := gateFor(it.name); g != nil {
			g.observe(it.remaining, time.Duration(it.seconds)*time.Second, now)
		}
	}
}

// learnLegacy adopts what is left of the limit that applies to this request
// from X-RateLimit-Remaining and X-RateLimit-Reset (when the window ends, in
// Unix seconds, or in seconds from now when small), as Nova Cloud sends them:
// the endpoint's own limit where it has one, else the cloud's.
func (l *limiter) learnLegacy(method, path string, h http.Header) {
	remaining, err1 := strconv.Atoi(strings.TrimSpace(h.Get("X-RateLimit-Remaining")))
	resetAt, err2 := strconv.ParseInt(strings.TrimSpace(h.Get("X-RateLimit-Reset")), 10, 64)
	if err1 != nil || err2 != nil || remaining < 0 || resetAt < 0 {
		return
	}
	now := time.Now()
	reset := time.Duration(resetAt) * time.Second
	if resetAt > 1e9 {
		reset = time.Unix(resetAt, 0).Sub(now)
	}
	if reset < 0 || reset > 24*time.Hour {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.forEndpoint(l.key(method, path))
	if g == nil {
		g = l.global
	}
	if g != nil {
		g.observe(remaining, reset, now)
	}
}

// cloudKey is the key of the cloud's own limit, beside endpoints' keys.
const cloudKey = "*"

// adopt makes quota in window the limit of key (cloudKey for the cloud's
// own), and reports whether that changed it. l.mu is held, or l is not
// shared yet.
func (l *limiter) adopt(key string, quota int, window time.Duration) bool {
	if l.adopted == nil {
		l.adopted = map[string]recordEntry{}
	}
	if was, ok := l.adopted[key]; ok && was.quota == quota && was.window == window {
		return false
	}
	l.adopted[key] = recordEntry{quota: quota, window: window}
	var g gate
	if key == cloudKey {
		g = l.global
	} else {
		g = l.forEndpoint(key)
	}
	switch {
	case g != nil:
		g.resize(quota, window)
	case key == cloudKey:
		l.global = newWindow(quota, window)
	default:
		l.endpoint[key] = newWindow(quota, window)
	}
	return true
}

func splitItems(header string) []string {
	if header == "" {
		return nil
	}
	return strings.Split(header, ",")
}

// limitItem is one `"name";q=N;w=S` item of a RateLimit-Policy header or
// one `"name";r=N;t=S` item of a RateLimit header; what an item leaves
// out is -1.
type limitItem struct {
	name                      string
	quota, remaining, seconds int
}

func parseItem(item string) (limitItem, bool) {
	parts := strings.Split(strings.TrimSpace(item), ";")
	it := limitItem{name: strings.Trim(strings.TrimSpace(parts[0]), `"`), quota: -1, remaining: -1, seconds: -1}
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			continue
		}
		switch k {
		case "q":
			it.quota = n
		case "r":
			it.remaining = n
		case "w", "t":
			it.seconds = n
		}
	}
	return it, it.name != ""
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
