package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func newTestClient(t *testing.T, url string, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{Cloud: "Testcloud", BaseURL: url, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, RetryMax: 4}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// flaky answers with the given statuses in turn, then 200.
func flaky(t *testing.T, calls *atomic.Int32, statuses ...int) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(calls.Add(1))
		if n <= len(statuses) {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(statuses[n-1])
			_, _ = w.Write([]byte(`{"code":"server_error","message":"try later"}`))
			return
		}
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRetriesServerErrorsForReplayableMethods(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		t.Run(method, func(t *testing.T) {
			var calls atomic.Int32
			srv := flaky(t, &calls, 500, 502, 503)
			_, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: method, Path: "/things"})
			if err != nil {
				t.Fatalf("want success after retries, got %v", err)
			}
			if got := calls.Load(); got != 4 {
				t.Fatalf("want 4 attempts, got %d", got)
			}
		})
	}
}

func TestNeverRetriesServerErrorForAPutThatCreates(t *testing.T) {
	var calls atomic.Int32
	srv := flaky(t, &calls, 500)
	_, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: http.MethodPut, Path: "/things", Body: map[string]string{"action": "clone"}, Creates: true})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 500 {
		t.Fatalf("want the 500 as an APIError, got %v", err)
	}
	if got := calls.Load(); got != 1 {
		t.Fatalf("a PUT that creates and reached the server must not be repeated; got %d attempts", got)
	}
}

func TestNeverRetriesServerErrorForPost(t *testing.T) {
	var calls atomic.Int32
	srv := flaky(t, &calls, 500)
	_, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: http.MethodPost, Path: "/things", Body: map[string]string{"a": "b"}})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 500 || apiErr.Code != "server_error" {
		t.Fatalf("want the 500 as an APIError, got %v", err)
	}
	if got := calls.Load(); got != 1 {
		t.Fatalf("a POST that reached the server must not be repeated; got %d attempts", got)
	}
}

func TestRetries429ForEveryMethod(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		var calls atomic.Int32
		srv := flaky(t, &calls, 429, 429)
		if _, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: method, Path: "/x"}); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if got := calls.Load(); got != 3 {
			t.Fatalf("%s: want 3 attempts, got %d", method, got)
		}
	}
}

func TestRetryAfterSecondsIsHonoured(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	start := time.Now()
	if _, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: http.MethodGet, Path: "/"}); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 950*time.Millisecond {
		t.Fatalf("Retry-After: 1 not honoured, retried after %v", waited)
	}
}

func TestRetryAfterParsing(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := map[string]time.Duration{
		"7": 7 * time.Second,
		"0": 0,
		now.Add(42 * time.Second).Format(http.TimeFormat): 42 * time.Second,
		now.Add(-time.Minute).Format(http.TimeFormat):     0,
	}
	for in, want := range cases {
		got, ok := retryAfter(in, now)
		if !ok || got != want {
			t.Errorf("retryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if d, ok := retryAfter("9227000000", now); !ok || d != maxRetryAfter {
		t.Errorf("an absurd Retry-After must be capped, got %v", d)
	}
	for _, bad := range []string{"", "soon", "-3"} {
		if _, ok := retryAfter(bad, now); ok {
			t.Errorf("retryAfter(%q) accepted", bad)
		}
	}
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {time.Now().Add(time.Hour).Format(http.TimeFormat)}}}
	if d := backoff(time.Millisecond, time.Second, 1, resp); d < 59*time.Minute || d > maxRetryAfter {
		t.Errorf("an HTTP-date Retry-After must win over the backoff ceiling, got %v", d)
	}
}

func TestBackoffStaysWithinFloorAndCeiling(t *testing.T) {
	for attempt := 0; attempt < 40; attempt++ {
		d := backoff(10*time.Millisecond, 80*time.Millisecond, attempt, nil)
		if d < 5*time.Millisecond || d > 80*time.Millisecond {
			t.Fatalf("attempt %d: backoff %v outside [5ms, 80ms]", attempt, d)
		}
	}
}

// dropping closes the connection after reading the request, the first n times.
func dropping(t *testing.T, calls *atomic.Int32, n int32) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= n {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		_, _ = w.Write([]byte(`"abc"`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDroppedConnectionRetriedForGet(t *testing.T) {
	var calls atomic.Int32
	srv := dropping(t, &calls, 2)
	if _, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: http.MethodGet, Path: "/"}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 3 {
		t.Fatalf("want 3 attempts, got %d", calls.Load())
	}
}

func TestDroppedConnectionNotRetriedForPost(t *testing.T) {
	var calls atomic.Int32
	srv := dropping(t, &calls, 1)
	_, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: http.MethodPost, Path: "/", Body: map[string]int{"n": 1}})
	if err == nil {
		t.Fatal("want an error")
	}
	if !MayHaveSucceeded(err) {
		t.Fatalf("a POST whose answer was lost may have succeeded; got %v", err)
	}
	if calls.Load() != 1 {
		t.Fatalf("want exactly one attempt, got %d", calls.Load())
	}
}

// refusingOnce fails the first round trip before writing anything.
type refusingOnce struct {
	failed atomic.Bool
	next   http.RoundTripper
}

func (r *refusingOnce) RoundTrip(req *http.Request) (*http.Response, error) {
	if !r.failed.Swap(true) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	}
	return r.next.RoundTrip(req)
}

func TestPostThatNeverLeftIsRetried(t *testing.T) {
	var calls atomic.Int32
	srv := flaky(t, &calls)
	rt := &refusingOnce{next: http.DefaultTransport}
	c := newTestClient(t, srv.URL, func(c *Config) { c.HTTPClient = &http.Client{Transport: rt} })
	if _, err := c.Do(context.Background(), Request{Method: http.MethodPost, Path: "/", Body: map[string]int{"n": 1}}); err != nil {
		t.Fatalf("a POST that was never sent is safe to retry: %v", err)
	}
	if calls.Load() != 1 {
		t.Fatalf("want the server to see one request, got %d", calls.Load())
	}
}

func TestContextCancellationEndsAtOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
			return
		}
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, func(c *Config) { c.Limits = Limits{PerWindow: 1, Window: time.Hour} })
	for _, path := range []string{"/slow", "/throttled", "/throttled"} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		start := time.Now()
		_, err := c.Do(ctx, Request{Method: http.MethodGet, Path: path})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("%s: want the context's error, got %v", path, err)
		}
		if d := time.Since(start); d > time.Second {
			t.Fatalf("%s: cancellation took %v", path, d)
		}
	}
}

func TestErrorBodiesOfEveryCloud(t *testing.T) {
	cases := []struct {
		name, body string
		status     int
		want       APIError
	}{
		{"verda", `{"code":"insufficient_funds","message":"Not enough funds"}`, 402,
			APIError{Code: "insufficient_funds", Message: "Not enough funds"}},
		{"bluelobster nested", `{"detail":{"error":"no_capacity","message":"No capacity in igl"}}`, 409,
			APIError{Code: "no_capacity", Message: "No capacity in igl"}},
		{"bluelobster flat", `{"error":"invalid_name","message":"bad name"}`, 400,
			APIError{Code: "invalid_name", Message: "bad name"}},
		{"nova", `{"detail":"Insufficient balance. Required: $10.00, Available: $5.50"}`, 402,
			APIError{Message: "Insufficient balance. Required: $10.00, Available: $5.50"}},
		{"nova validation", `{"detail":[{"loc":["body","gpu_count"],"msg":"must be one of 1, 2, 4, 8"}]}`, 422,
			APIError{Message: "validation failed", Fields: []FieldError{{Field: "gpu_count", Message: "must be one of 1, 2, 4, 8"}}}},
		{"tensordock", `{"status":400,"error":"No available nodes found"}`, 400,
			APIError{Message: "No available nodes found"}},
		{"novitai", `{"error":{"code":"VALIDATION_ERROR","message":"Validation failed","details":[{"field":"gpuNum","message":"GPU number must be at least 1","value":0}],"requestId":"req_1"}}`, 400,
			APIError{Code: "VALIDATION_ERROR", Message: "Validation failed", RequestID: "req_1", Fields: []FieldError{{Field: "gpuNum", Message: "GPU number must be at least 1"}}}},
		{"not json", `<html>bad gateway</html>`, 502, APIError{Message: "an answer that is not JSON (no content type): bad gateway"}},
		{"empty", ``, 503, APIError{Message: "Service Unavailable"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := DecodeError("C", "GET", "/p", tc.status, http.Header{}, []byte(tc.body))
			if got.Code != tc.want.Code || got.Message != tc.want.Message || got.RequestID != tc.want.RequestID || len(got.Fields) != len(tc.want.Fields) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got.Fields {
				if got.Fields[i] != tc.want.Fields[i] {
					t.Fatalf("field %d: got %+v, want %+v", i, got.Fields[i], tc.want.Fields[i])
				}
			}
			if got.Status != tc.status || !strings.Contains(got.Error(), "GET /p") {
				t.Fatalf("error %q lacks status or operation", got.Error())
			}
		})
	}
}

func TestErrorClassification(t *testing.T) {
	wrap := func(status int, code string) error {
		return errors.Join(errors.New("context"), &APIError{Status: status, Code: code})
	}
	if !IsNotFound(wrap(404, "not_found")) || IsNotFound(wrap(400, "")) {
		t.Error("IsNotFound")
	}
	if !IsCapacity(wrap(503, "service_unavailable")) || !IsCapacity(wrap(409, "no_capacity")) || IsCapacity(wrap(409, "conflict")) {
		t.Error("IsCapacity")
	}
	if !IsConflict(wrap(409, "conflict")) || IsConflict(wrap(409, "no_capacity")) {
		t.Error("IsConflict")
	}
	if !IsRateLimited(wrap(429, "")) || IsRateLimited(wrap(500, "")) {
		t.Error("IsRateLimited")
	}
	// A gateway's answer may hide a create the cloud went on with; the
	// cloud's own JSON refusal does not.
	for err, may := range map[error]bool{
		wrap(502, ""): true, wrap(504, ""): true, &APIError{Status: 500, NotJSON: true}: true,
		wrap(500, "server_error"): false, wrap(503, "service_unavailable"): false, wrap(400, ""): false,
		&NoAnswerError{Sent: true}: true, &NoAnswerError{Sent: false}: false, &UnreadableAnswerError{Status: 201}: true,
	} {
		if MayHaveSucceeded(err) != may {
			t.Errorf("MayHaveSucceeded(%v) = %v", err, !may)
		}
	}
}

func TestSecretsNeverLogged(t *testing.T) {
	const (
		secret  = "s3cr3t-client-secret"
		access  = "access-token-abcdef"
		refresh = "refresh-token-ghijkl"
		apiKey  = "api-key-mnopqr"
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth2/token" {
			_, _ = w.Write([]byte(`{"access_token":"` + access + `","refresh_token":"` + refresh + `","expires_in":3600}`))
			return
		}
		_, _ = w.Write([]byte(`{"jupyter_token":"notebook-token-xyz","echo":"` + r.Header.Get("Authorization") + `"}`))
	}))
	defer srv.Close()

	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	base := newTestClient(t, srv.URL, func(c *Config) { c.Secrets = []string{apiKey} })
	c := base.WithAuth(NewClientCredentials(base, "/oauth2/token", "client-id", secret))
	if _, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/things", Body: map[string]string{"password": "hunter22", "key": apiKey}}); err != nil {
		t.Fatal(err)
	}
	logs := out.String()
	if !strings.Contains(logs, "HTTP request") || !strings.Contains(logs, "/things") {
		t.Fatalf("requests were not logged:\n%s", logs)
	}
	for _, s := range []string{secret, access, refresh, apiKey, "hunter22", "notebook-token-xyz"} {
		if strings.Contains(logs, s) {
			t.Errorf("secret %q appears in the logs", s)
		}
	}
	if !strings.Contains(logs, masked) {
		t.Error("nothing was masked")
	}
}

func TestMaskerFields(t *testing.T) {
	m := NewMasker()
	in := `{"client_secret":"a\"b","name":"keep","refresh_token":"r","Password" : "p"} grant_type=x&client_secret=zz&b=1`
	got := m.Mask(in)
	for _, s := range []string{`a\"b`, `"r"`, `"p"`, "zz"} {
		if strings.Contains(got, s) {
			t.Errorf("%q survived masking: %s", s, got)
		}
	}
	if !strings.Contains(got, `"name":"keep"`) || !strings.Contains(got, "b=1") {
		t.Errorf("masking hid too much: %s", got)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(got[:strings.Index(got, "}")+1]), &v); err != nil {
		t.Errorf("masked JSON is no longer JSON: %v", err)
	}
}

type tokenServer struct {
	mu          sync.Mutex
	grants      []string
	contentType []string
	expiresIn   int
	issued      int
	refuseJSON  bool
	current     string
	apiCalls    atomic.Int32
	reject      atomic.Int32 // reject this many API calls with 401
}

func (s *tokenServer) handler(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/oauth2/token" {
		s.mu.Lock()
		defer s.mu.Unlock()
		ct := r.Header.Get("Content-Type")
		s.contentType = append(s.contentType, ct)
		if s.refuseJSON && strings.HasPrefix(ct, "application/json") {
			w.WriteHeader(http.StatusUnsupportedMediaType)
			return
		}
		var grant string
		if strings.HasPrefix(ct, "application/json") {
			var body map[string]string
			_ = json.NewDecoder(r.Body).Decode(&body)
			grant = body["grant_type"]
		} else {
			_ = r.ParseForm()
			grant = r.PostForm.Get("grant_type")
		}
		time.Sleep(20 * time.Millisecond)
		s.grants = append(s.grants, grant)
		s.issued++
		s.current = "tok-" + string(rune('a'+s.issued))
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": s.current, "refresh_token": "ref", "expires_in": s.expiresIn})
		return
	}
	s.apiCalls.Add(1)
	s.mu.Lock()
	ok := r.Header.Get("Authorization") == "Bearer "+s.current
	s.mu.Unlock()
	if !ok || s.reject.Add(-1) >= 0 {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"code":"unauthorized_request","message":"Access token is missing or invalid"}`))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func oauthClient(t *testing.T, ts *tokenServer) (*Client, *Tokens) {
	srv := httptest.NewServer(http.HandlerFunc(ts.handler))
	t.Cleanup(srv.Close)
	base := newTestClient(t, srv.URL)
	cc := NewClientCredentials(base, "/oauth2/token", "id", "secret")
	return base.WithAuth(cc), cc
}

func TestConcurrentFirstCallsFetchOneToken(t *testing.T) {
	ts := &tokenServer{expiresIn: 3600}
	c, _ := oauthClient(t, ts)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(ts.grants) != 1 {
		t.Fatalf("want one token request, got %v", ts.grants)
	}
}

func TestTokenRefreshedBeforeExpiry(t *testing.T) {
	ts := &tokenServer{expiresIn: 3600}
	c, cc := oauthClient(t, ts)
	clock := time.Now()
	cc.now = func() time.Time { return clock }
	call := func() {
		if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
			t.Fatal(err)
		}
	}
	call()
	clock = clock.Add(58 * time.Minute)
	call()
	if len(ts.grants) != 1 {
		t.Fatalf("token renewed too early: %v", ts.grants)
	}
	clock = clock.Add(90 * time.Second) // inside the last minute
	call()
	if want := []string{"client_credentials", "refresh_token"}; strings.Join(ts.grants, ",") != strings.Join(want, ",") {
		t.Fatalf("grants %v, want %v", ts.grants, want)
	}
	if ts.apiCalls.Load() != 3 {
		t.Fatalf("no call may be refused on the way: %d API calls", ts.apiCalls.Load())
	}
}

func TestUnauthorizedRefreshesOnceAndRepeats(t *testing.T) {
	ts := &tokenServer{expiresIn: 3600}
	c, _ := oauthClient(t, ts)
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	ts.reject.Store(1)
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatalf("a single 401 must be healed by a refresh: %v", err)
	}
	ts.reject.Store(5)
	_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
	if !IsUnauthorized(err) {
		t.Fatalf("a persistent 401 must surface, got %v", err)
	}
	if got := strings.Join(ts.grants, ","); got != "client_credentials,refresh_token,refresh_token" {
		t.Fatalf("want exactly one refresh per refused request, got %s", got)
	}
}

func TestTokenFallsBackToFormEncoding(t *testing.T) {
	ts := &tokenServer{expiresIn: 3600, refuseJSON: true}
	c, _ := oauthClient(t, ts)
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if len(ts.contentType) != 2 || !strings.HasPrefix(ts.contentType[1], "application/x-www-form-urlencoded") {
		t.Fatalf("want JSON then form, got %v", ts.contentType)
	}
}

func TestRateLimitRetriesHaveTheirOwnBudget(t *testing.T) {
	statuses := make([]int, 15)
	for i := range statuses {
		statuses[i] = 429
	}
	var calls atomic.Int32
	srv := flaky(t, &calls, statuses...)
	// RetryMax 4 bounds 5xx retries; fifteen 429s in a row must still be waited out.
	if _, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: http.MethodGet, Path: "/"}); err != nil {
		t.Fatalf("429s must be retried beyond the failure budget: %v", err)
	}
	calls.Store(0)
	srv = flaky(t, &calls, 500, 500, 500, 500, 500, 500)
	_, err := newTestClient(t, srv.URL).Do(context.Background(), Request{Method: http.MethodGet, Path: "/"})
	if e, ok := asAPIError(err); !ok || e.Status != 500 || calls.Load() != 5 {
		t.Fatalf("want the 500 after 1+4 attempts, got %v after %d", err, calls.Load())
	}
	calls.Store(0)
	srv = flaky(t, &calls, 429, 429, 429)
	_, err = newTestClient(t, srv.URL, func(c *Config) { c.RateLimitRetryMax = 2 }).Do(context.Background(), Request{Method: http.MethodGet, Path: "/"})
	if !IsRateLimited(err) || calls.Load() != 3 {
		t.Fatalf("want a rate-limit error after 1+2 attempts, got %v after %d", err, calls.Load())
	}
}

func TestSlowAnswerEndsTheAttemptNotTheCall(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			time.Sleep(300 * time.Millisecond)
		}
		_, _ = w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, func(c *Config) { c.AttemptTimeout = 100 * time.Millisecond })

	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/read"}); err != nil {
		t.Fatalf("a read that was slow once must be retried: %v", err)
	}
	if n := calls.Load(); n != 2 {
		t.Fatalf("want 2 attempts at the read, got %d", n)
	}

	calls.Store(0)
	_, err := c.Do(context.Background(), Request{Method: http.MethodPost, Path: "/create", Body: map[string]string{}})
	var na *NoAnswerError
	if !errors.As(err, &na) || !na.Sent || !strings.Contains(err.Error(), "no answer within 100ms") {
		t.Fatalf("a create whose answer came too late must report that it may have acted, got %v", err)
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("a create that may have acted must not be sent again: %d attempts", n)
	}
}

// A request facing an endpoint that keeps failing gives up within
// MaxRetryTime, whatever its retry counts allow, and says how often it
// tried over how long and what the last answer was.
func TestRetriesEndWithinMaxRetryTime(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(`{"code":"server_error","message":"try later"}`))
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL, func(c *Config) {
		c.RetryMax, c.RetryWaitMin, c.RetryWaitMax, c.MaxRetryTime = 1000, 20*time.Millisecond, 20*time.Millisecond, 150*time.Millisecond
	})
	start := time.Now()
	_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/things"})
	elapsed := time.Since(start)
	if elapsed > 300*time.Millisecond {
		t.Fatalf("gave up after %s, want within the 150ms budget and one attempt", elapsed)
	}
	n := calls.Load()
	if n < 3 {
		t.Fatalf("only %d attempts: the budget was not used", n)
	}
	want := fmt.Sprintf("Testcloud API: GET /things after %d attempts over", n)
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "(another would not end within max_retry_time 150ms): HTTP 503") ||
		!strings.Contains(err.Error(), "try later") {
		t.Fatalf("want %q with the budget and the last answer, got %v", want, err)
	}
}

// The failures a slow or broken endpoint can answer with each end within
// the bound and say what happened in words.
func TestFailuresInBoundedTime(t *testing.T) {
	always := func(h http.HandlerFunc) string {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return srv.URL
	}
	html := `<!DOCTYPE html><html><head><title>500 Internal Server Error</title><style>body{color:red}</style></head>` +
		`<body><h1>Internal Server Error</h1><p>The server encountered an error.</p></body></html>`
	cases := []struct {
		name    string
		url     string
		bound   time.Duration
		wants   []string
		retries bool
	}{
		{"a 504 after a delay", always(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(60 * time.Millisecond)
			w.WriteHeader(http.StatusGatewayTimeout)
		}), 600 * time.Millisecond, []string{"Testcloud API: GET /things after", "attempts over", "another would not end within max_retry_time 300ms", "HTTP 504", "Gateway Timeout"}, true},
		{"an HTML 500 page", always(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(html))
		}), 600 * time.Millisecond, []string{"HTTP 500: an answer that is not JSON (text/html): 500 Internal Server Error Internal Server Error The server encountered an error."}, true},
		{"a truncated body", always(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "1000")
			_, _ = w.Write([]byte(`{"things": [`))
		}), 600 * time.Millisecond, []string{"Testcloud API: GET /things: no answer after", "unexpected EOF"}, true},
		{"an oversized answer", always(func(w http.ResponseWriter, r *http.Request) {
			chunk := []byte(strings.Repeat(" ", 1<<20))
			_, _ = w.Write([]byte(`[`))
			for range 33 {
				_, _ = w.Write(chunk)
			}
		}), 5 * time.Second, []string{"HTTP 200 with an answer that could not be read (the answer is larger than 32 MiB, more than the provider reads)"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestClient(t, tc.url, func(c *Config) {
				c.RetryMax, c.RetryWaitMin, c.RetryWaitMax, c.MaxRetryTime = 1000, 20*time.Millisecond, 40*time.Millisecond, 300*time.Millisecond
			})
			start := time.Now()
			var out any
			_, err := c.DoJSON(context.Background(), Request{Method: http.MethodGet, Path: "/things"}, &out)
			if elapsed := time.Since(start); elapsed > tc.bound {
				t.Errorf("took %s, want at most %s", elapsed, tc.bound)
			}
			for _, want := range tc.wants {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("want %q in the error, got %v", want, err)
				}
			}
			if tc.retries && !strings.Contains(fmt.Sprint(err), " attempts over ") {
				t.Errorf("a failure worth retrying must say how often it was tried: %v", err)
			}
		})
	}
}
