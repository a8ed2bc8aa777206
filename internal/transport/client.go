// Package transport is the one HTTP engine every cloud client uses: base URL,
// authentication, JSON, typed errors, retries, client-side rate limits and
// masked request logs.
package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
)

const maxBodyBytes = 32 << 20

// Config describes one cloud's HTTP endpoint.
type Config struct {
	Cloud     string // "Verda", used in errors and logs
	BaseURL   string
	UserAgent string
	Limits    Limits
	// Secrets are masked wherever requests and responses are logged.
	Secrets []string

	// Optional knobs; zero values get production defaults.
	HTTPClient *http.Client
	// RetryMax caps retries after 5xx answers and lost connections;
	// RateLimitRetryMax caps retries after 429s.
	RetryMax          int
	RateLimitRetryMax int
	RetryWaitMin      time.Duration
	RetryWaitMax      time.Duration
	Tuning
}

// Tuning is what a provider configuration may change about every request;
// zero values get the defaults.
type Tuning struct {
	// AttemptTimeout bounds each attempt at a request.
	AttemptTimeout time.Duration
	// MaxRetryTime bounds the time a request spends being retried, after
	// 5xx answers, lost connections and 429s alike.
	MaxRetryTime time.Duration
	// RecordDir, when set, is where each cloud account's request record
	// lives, so that provider processes one after another share one budget.
	RecordDir string
}

// DefaultMaxRetryTime is how long a request may be retried unless the
// configuration says otherwise.
const DefaultMaxRetryTime = 2 * time.Minute

// Client sends requests to one cloud. It is safe for concurrent use.
type Client struct {
	cloud       string
	base        *url.URL
	userAgent   string
	auth        Authenticator
	masker      *Masker
	retrying    *retryablehttp.Client
	retryMax    int
	throttleMax int
	retryTime   time.Duration
	waitMin     time.Duration
	waitMax     time.Duration
	writes      *atomic.Uint64
	// record is this cloud account's request record, nil without one.
	record *record
}

// Request is one API call. Path is relative to the base URL and already escaped.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	// Body is sent as JSON; Form, when set instead, as form encoding.
	Body any
	Form url.Values
	// NoAuth sends the request without credentials (token endpoints, public catalogues).
	NoAuth bool
	// Replayable marks a POST that is safe to send twice (a token request).
	Replayable bool
	// Creates marks a request of a method that is usually safe to repeat (a
	// PUT) which here makes a new object, so that it is never sent twice.
	Creates bool
}

// Response is a successful answer.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// New builds a client from cfg.
func New(cfg Config) (*Client, error) {
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("%s endpoint %q is not an absolute URL", cfg.Cloud, cfg.BaseURL)
	}
	masker := NewMasker(cfg.Secrets...)
	hc := cfg.HTTPClient
	if hc == nil {
		hc = cleanhttp.DefaultPooledClient()
	}
	if cfg.AttemptTimeout == 0 {
		cfg.AttemptTimeout = 2 * time.Minute
	}
	inner := hc.Transport
	if inner == nil {
		inner = cleanhttp.DefaultPooledTransport()
	}
	window := cfg.Limits.Window
	if window == 0 {
		window = time.Minute
	}
	var record *record
	var earlier []recordEntry
	if cfg.RecordDir != "" {
		record, earlier = openRecord(recordPath(cfg.RecordDir, cfg.Cloud, base.String(), cfg.Secrets), window, time.Now())
	}
	wrapped := *hc
	// Each attempt has its own deadline (below) so that a slow answer is
	// retried like a lost one; http.Client.Timeout would bound all attempts
	// together and hide whether the request had left this process.
	wrapped.Timeout = 0
	wrapped.Transport = &limitTransport{
		limiter: newLimiter(cfg.Limits, base.Path, record, earlier),
		next: &attemptTransport{
			timeout: cfg.AttemptTimeout,
			next: &logTransport{
				cloud:  cfg.Cloud,
				masker: masker,
				next:   &sentTransport{next: inner},
			},
		},
	}

	rc := retryablehttp.NewClient()
	rc.HTTPClient = &wrapped
	rc.Logger = nil
	retryMax, throttleMax := orDefault(cfg.RetryMax, 8), orDefault(cfg.RateLimitRetryMax, 100)
	// The per-request budget in shouldRetry decides; this is only the outer bound.
	rc.RetryMax = retryMax + throttleMax
	rc.CheckRetry = shouldRetry
	rc.Backoff = noBackoff
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler

	return &Client{
		cloud:       cfg.Cloud,
		base:        base,
		userAgent:   cfg.UserAgent,
		masker:      masker,
		retrying:    rc,
		retryMax:    retryMax,
		throttleMax: throttleMax,
		retryTime:   orDefault(cfg.MaxRetryTime, DefaultMaxRetryTime),
		waitMin:     orDefault(cfg.RetryWaitMin, 500*time.Millisecond),
		waitMax:     orDefault(cfg.RetryWaitMax, 30*time.Second),
		writes:      new(atomic.Uint64),
		record:      record,
	}, nil
}

// Fact is what an earlier process (or this one) recorded of name for this
// cloud account, "" when nothing: a behaviour of the cloud that the
// documents leave open and that an answer has shown.
func (c *Client) Fact(name string) string { return c.record.fact(name) }

// SetFact records what an answer showed of name, for the processes after
// this one. Without a record directory it is forgotten with the process.
func (c *Client) SetFact(name, value string) { c.record.setFact(name, value) }

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// WithAuth returns a client that shares this one's connections, limits and
// masker and authenticates every request with auth.
func (c *Client) WithAuth(auth Authenticator) *Client {
	cp := *c
	cp.auth = auth
	return &cp
}

// Masker is where authenticators register secrets they learn (tokens).
func (c *Client) Masker() *Masker { return c.masker }

// Cloud is the display name of the cloud this client speaks to.
func (c *Client) Cloud() string { return c.cloud }

// Writes counts the starts and the ends of requests that may change
// something at the cloud. Two equal readings mean that no such request ran
// in between, so what was read in between is still current.
func (c *Client) Writes() uint64 { return c.writes.Load() }

func (r Request) mayWrite() bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return !r.NoAuth
}

// Do sends req and returns the answer; an error answer becomes an *APIError.
func (c *Client) Do(ctx context.Context, req Request) (*Response, error) {
	if req.mayWrite() {
		c.writes.Add(1)
		defer c.writes.Add(1)
	}
	resp, err := c.attempt(ctx, req)
	if err == nil && resp.Status == http.StatusUnauthorized && !req.NoAuth {
		if r, ok := c.auth.(Reauthenticator); ok {
			r.Reauthenticate(resp.rejectedCredential)
			resp, err = c.attempt(ctx, req)
		}
	}
	if err != nil {
		return nil, err
	}
	if resp.Status >= 400 {
		err := DecodeError(c.cloud, req.Method, req.Path, resp.Status, resp.Header, resp.Body)
		err.Tries, err.Message = resp.tried, c.masker.Mask(err.Message)
		return nil, err
	}
	return &resp.Response, nil
}

// DoJSON sends req and decodes a JSON answer into out (when out is not nil).
func (c *Client) DoJSON(ctx context.Context, req Request, out any) (*Response, error) {
	resp, err := c.Do(ctx, req)
	if err != nil {
		return nil, err
	}
	if out != nil && len(bytes.TrimSpace(resp.Body)) > 0 {
		if err := jsonx.Unmarshal(resp.Body, out); err != nil {
			return resp, c.Unreadable(req, resp, err)
		}
	}
	return resp, nil
}

// Unreadable is the error for a success answer whose body could not be
// read: the cloud did what was asked, so a create answered this way made
// its object.
func (c *Client) Unreadable(req Request, resp *Response, err error) error {
	return &UnreadableAnswerError{
		Cloud: c.cloud, Method: req.Method, Path: req.Path, Status: resp.Status,
		Excerpt: c.masker.Mask(excerpt(resp.Body)), Err: err,
	}
}

// UnreadableAnswerError is a success answer whose body could not be read.
type UnreadableAnswerError struct {
	Cloud, Method, Path string
	Status              int
	Excerpt             string
	Err                 error
}

func (e *UnreadableAnswerError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("%s API: %s %s: a success answer that could not be read: %v", e.Cloud, e.Method, e.Path, e.Err)
	}
	return fmt.Sprintf("%s API: %s %s: HTTP %d with an answer that could not be read (%v): %q", e.Cloud, e.Method, e.Path, e.Status, e.Err, e.Excerpt)
}

// NoIDError is a create's success answer that names no new object.
func NoIDError(cloud, method, path string) error {
	return &UnreadableAnswerError{Cloud: cloud, Method: method, Path: path, Err: errors.New("the answer names no ID")}
}

func (e *UnreadableAnswerError) Unwrap() error { return e.Err }

// maxExcerpt is how much of an unreadable body an error shows.
const maxExcerpt = 200

func excerpt(body []byte) string {
	r := []rune(strings.Join(strings.Fields(string(body)), " "))
	if len(r) > maxExcerpt {
		return string(r[:maxExcerpt]) + "…"
	}
	return string(r)
}

type attemptResult struct {
	Response
	rejectedCredential string
	tried              Tries
}

func (c *Client) attempt(ctx context.Context, req Request) (*attemptResult, error) {
	u := *c.base
	u.Path = c.base.Path + req.Path
	u.RawPath = ""
	if p, err := url.PathUnescape(u.Path); err == nil && p != u.Path {
		u.RawPath, u.Path = u.Path, p
	}
	if len(req.Query) > 0 {
		u.RawQuery = req.Query.Encode()
	}

	var body []byte
	contentType := ""
	switch {
	case req.Form != nil:
		body = []byte(req.Form.Encode())
		contentType = "application/x-www-form-urlencoded"
	case req.Body != nil:
		var err error
		if body, err = json.Marshal(req.Body); err != nil {
			return nil, fmt.Errorf("%s API: %s %s: encoding request: %w", c.cloud, req.Method, req.Path, err)
		}
		contentType = "application/json"
	}
	if req.Replayable || req.Creates {
		ctx = context.WithValue(ctx, replayableKey{}, req.Replayable && !req.Creates)
	}
	now := time.Now()
	budget := &retryBudget{failureMax: c.retryMax, throttleMax: c.throttleMax, start: now, attemptStart: now, limit: c.retryTime, waitMin: c.waitMin, waitMax: c.waitMax}
	ctx = context.WithValue(ctx, budgetKey{}, budget)
	var reader any
	if body != nil {
		reader = body
	}
	hr, err := retryablehttp.NewRequestWithContext(ctx, req.Method, u.String(), reader)
	if err != nil {
		return nil, fmt.Errorf("%s API: %s %s: %w", c.cloud, req.Method, req.Path, err)
	}
	hr.Header.Set("Accept", "application/json")
	if contentType != "" {
		hr.Header.Set("Content-Type", contentType)
	}
	if c.userAgent != "" {
		hr.Header.Set("User-Agent", c.userAgent)
	}
	if !req.NoAuth && c.auth != nil {
		if err := c.auth.Authorize(ctx, hr.Request); err != nil {
			return nil, err
		}
	}

	hresp, err := c.retrying.Do(hr)
	if err != nil {
		return nil, c.wrapTransportError(ctx, req, budget.tried(), err)
	}
	defer hresp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(hresp.Body, maxBodyBytes))
	if err != nil {
		return nil, c.wrapTransportError(ctx, req, budget.tried(), err)
	}
	return &attemptResult{
		Response:           Response{Status: hresp.StatusCode, Header: hresp.Header, Body: data},
		rejectedCredential: credentialOf(hr.Request),
		tried:              budget.tried(),
	}, nil
}

func (c *Client) wrapTransportError(ctx context.Context, req Request, tried Tries, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%s API: %s %s: %w", c.cloud, req.Method, req.Path, ctxErr)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s API: %s %s: %w", c.cloud, req.Method, req.Path, err)
	}
	var big *tooLargeError
	if errors.As(err, &big) {
		return &UnreadableAnswerError{Cloud: c.cloud, Method: req.Method, Path: req.Path, Status: big.status, Err: big}
	}
	var se *sendError
	sent := !errors.As(err, &se) || se.sent
	return &NoAnswerError{Cloud: c.cloud, Method: req.Method, Path: req.Path, Sent: sent, Err: err, Tries: tried}
}

// NoAnswerError is a request that got no HTTP answer after every retry.
// When Sent is true the server may have acted on it.
type NoAnswerError struct {
	Cloud, Method, Path string
	Sent                bool
	Err                 error
	Tries               Tries
}

func (e *NoAnswerError) Error() string {
	return fmt.Sprintf("%s API: %s %s: no answer%s: %v", e.Cloud, e.Method, e.Path, e.Tries, e.Err)
}

func (e *NoAnswerError) Unwrap() error { return e.Err }

// MayHaveSucceeded reports whether a failed create might still have created
// something: the request reached the server but its answer was lost, a
// gateway in front of the cloud answered instead of it, or the cloud said it
// succeeded in words that could not be read.
func MayHaveSucceeded(err error) bool {
	var na *NoAnswerError
	var unreadable *UnreadableAnswerError
	return errors.As(err, &na) && na.Sent || errors.As(err, &unreadable) || fromGateway(err)
}

// MayHaveChanged reports a failure after which the cloud may have changed
// something: MayHaveSucceeded, for a request that was not a read or a
// request for a token.
func MayHaveChanged(err error) bool {
	var auth *AuthError
	if !MayHaveSucceeded(err) || errors.As(err, &auth) {
		return false
	}
	method := ""
	var na *NoAnswerError
	var unreadable *UnreadableAnswerError
	var apiErr *APIError
	switch {
	case errors.As(err, &na):
		method = na.Method
	case errors.As(err, &unreadable):
		method = unreadable.Method
	case errors.As(err, &apiErr):
		method = apiErr.Method
	}
	return method != http.MethodGet && method != http.MethodHead
}
