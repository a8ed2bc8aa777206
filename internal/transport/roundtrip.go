package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// sendError records whether a failed request was completely written to the
// connection. One that was not cannot have been acted on by the server.
type sendError struct {
	request *http.Request
	sent    bool
	err     error
}

func (e *sendError) Error() string { return e.err.Error() }
func (e *sendError) Unwrap() error { return e.err }

type sentTransport struct{ next http.RoundTripper }

func (t *sentTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	var written atomic.Bool
	trace := &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				written.Store(true)
			}
		},
	}
	traced := r.WithContext(httptrace.WithClientTrace(r.Context(), trace))
	resp, err := t.next.RoundTrip(traced)
	if err != nil {
		return nil, &sendError{request: r, sent: written.Load(), err: err}
	}
	return resp, nil
}

// attemptTransport gives up on one attempt after timeout. The response body
// is read completely inside logTransport, so the deadline may end with the call.
type attemptTransport struct {
	timeout time.Duration
	next    http.RoundTripper
}

func (t *attemptTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	timeout := t.timeout
	// A retry gets what is left of the request's retry time, so that the
	// request ends within it.
	if b, _ := r.Context().Value(budgetKey{}).(*retryBudget); b != nil && b.attempts > 0 && b.limit > 0 {
		timeout = min(timeout, max(b.limit-time.Since(b.start), minRetryAttempt))
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	resp, err := t.next.RoundTrip(r.WithContext(ctx))
	var se *sendError
	if err != nil && r.Context().Err() == nil && ctx.Err() != nil && errors.As(err, &se) {
		se.err = fmt.Errorf("no answer within %s", timeout)
	}
	return resp, err
}

// minRetryAttempt is the least time a retry is given to answer.
const minRetryAttempt = time.Second

// maxLoggedBody caps what a trace log shows of a body: a list of a
// thousand instances is a megabyte, and logging it whole on every poll
// would cost more than the request.
const maxLoggedBody = 16 << 10

type logTransport struct {
	cloud  string
	masker *Masker
	next   http.RoundTripper
}

func (t *logTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx := r.Context()
	reqBody, err := drain(&r.Body)
	if err != nil {
		return nil, &sendError{request: r, sent: false, err: err}
	}
	tflog.Debug(ctx, "HTTP request", map[string]any{
		"cloud":   t.cloud,
		"method":  r.Method,
		"url":     t.masker.Mask(r.URL.String()),
		"headers": t.masker.Headers(r.Header),
	})
	tflog.Trace(ctx, "HTTP request body", map[string]any{"cloud": t.cloud, "body": t.masker.MaskBody(reqBody, maxLoggedBody)})

	start := time.Now()
	resp, err := t.next.RoundTrip(r)
	elapsed := time.Since(start).Milliseconds()
	if err != nil {
		tflog.Debug(ctx, "HTTP request failed", map[string]any{
			"cloud": t.cloud, "method": r.Method, "url": t.masker.Mask(r.URL.String()),
			"error": t.masker.Mask(err.Error()), "duration_ms": elapsed,
		})
		return nil, err
	}
	respBody, err := drain(&resp.Body)
	var big *tooLargeError
	if errors.As(err, &big) {
		big.status = resp.StatusCode
		return nil, big
	}
	if err != nil {
		return nil, &sendError{request: r, sent: true, err: err}
	}
	tflog.Debug(ctx, "HTTP response", map[string]any{
		"cloud": t.cloud, "method": r.Method, "url": t.masker.Mask(r.URL.String()),
		"status": resp.StatusCode, "duration_ms": elapsed, "headers": t.masker.Headers(resp.Header),
	})
	tflog.Trace(ctx, "HTTP response body", map[string]any{"cloud": t.cloud, "body": t.masker.MaskBody(respBody, maxLoggedBody)})
	return resp, nil
}

// drain reads a body completely and puts an identical reader in its place.
// A body over maxBodyBytes is a *tooLargeError.
func drain(body *io.ReadCloser) ([]byte, error) {
	if *body == nil || *body == http.NoBody {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(*body, maxBodyBytes+1))
	(*body).Close()
	if err != nil {
		return nil, err
	}
	if len(data) > maxBodyBytes {
		return nil, &tooLargeError{limit: maxBodyBytes}
	}
	*body = io.NopCloser(bytes.NewReader(data))
	return data, nil
}

// tooLargeError is an answer longer than the provider reads; sending the
// request again would get the same.
type tooLargeError struct {
	limit  int
	status int
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("the answer is larger than %d MiB, more than the provider reads", e.limit>>20)
}
