package transport

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
)

// APIError is a cloud's error answer, whatever shape its body had.
type APIError struct {
	Cloud     string
	Method    string
	Path      string
	Status    int
	Code      string
	Message   string
	Fields    []FieldError
	RequestID string
	// Tries says how often the request was sent, when more than once.
	Tries Tries
	// NotJSON: the body was not the cloud's JSON, as a proxy's error page is.
	NotJSON bool
}

// FieldError points at one request field the cloud refused.
type FieldError struct {
	Field   string
	Message string
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s API: %s %s%s: HTTP %d", e.Cloud, e.Method, e.Path, e.Tries, e.Status)
	if e.Code != "" {
		fmt.Fprintf(&b, " %s", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Message)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.RequestID)
	}
	return b.String()
}

// capacityCodes are the codes clouds use for "no machine free right now".
var capacityCodes = map[string]bool{
	"service_unavailable": true, // Verda
	"no_capacity":         true, // Blue Lobster, and Verda's instance status
	"NO_CAPACITY":         true,
}

func asAPIError(err error) (*APIError, bool) {
	var apiErr *APIError
	ok := errors.As(err, &apiErr)
	return apiErr, ok
}

// IsNotFound reports whether the cloud said the object does not exist.
func IsNotFound(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.Status == http.StatusNotFound
}

// IsBadRequest reports an HTTP 400.
func IsBadRequest(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.Status == http.StatusBadRequest
}

// IsConflict reports an HTTP 409 that is not about capacity.
func IsConflict(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.Status == http.StatusConflict && !capacityCodes[e.Code]
}

// IsCapacity reports that the cloud has no capacity for the request now.
func IsCapacity(err error) bool {
	e, ok := asAPIError(err)
	return ok && capacityCodes[e.Code]
}

// fromGateway reports an error that a proxy or gateway in front of the cloud
// answered: the cloud itself may have acted on the request.
func fromGateway(err error) bool {
	e, ok := asAPIError(err)
	return ok && (e.Status == http.StatusBadGateway || e.Status == http.StatusGatewayTimeout || e.Status >= 500 && e.NotJSON)
}

// IsRateLimited reports an HTTP 429 that survived every retry.
func IsRateLimited(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.Status == http.StatusTooManyRequests
}

// IsRefused reports that the cloud refused what the request asked for (a
// 4xx other than for credentials, permission or rate), so that asking for
// less of it may succeed.
func IsRefused(err error) bool {
	e, ok := asAPIError(err)
	if !ok || e.Status < 400 || e.Status >= 500 {
		return false
	}
	switch e.Status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusTooManyRequests:
		return false
	}
	return true
}

// IsUnauthorized reports rejected credentials.
func IsUnauthorized(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.Status == http.StatusUnauthorized
}

// errorBody is the union of the error shapes the five clouds answer with:
//
//	Verda        {"code": "...", "message": "..."}
//	Blue Lobster {"detail": {"error": "...", "message": "..."}} or {"error": "...", "message": "..."}
//	Nova         {"detail": "..."} or, for validation, {"detail": [{"loc": [...], "msg": "..."}]}
//	TensorDock   {"status": 400, "error": "..."}
//	novitai      {"error": {"code", "message", "details": [{"field", "message"}], "requestId"}}
type errorBody struct {
	Code      string          `json:"code"`
	Message   string          `json:"message"`
	Error     json.RawMessage `json:"error"`
	Detail    json.RawMessage `json:"detail"`
	RequestID string          `json:"requestId"`
}

type nestedError struct {
	Code      string          `json:"code"`
	Error     string          `json:"error"`
	Message   string          `json:"message"`
	Details   json.RawMessage `json:"details"`
	RequestID string          `json:"requestId"`
}

type validationItem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Loc     []any  `json:"loc"`
	Msg     string `json:"msg"`
}

// DecodeError turns an error answer into an *APIError. A body in none of the
// known shapes becomes the message as it is, so nothing the cloud said is lost.
func DecodeError(cloud, method, path string, status int, header http.Header, body []byte) *APIError {
	e := &APIError{Cloud: cloud, Method: method, Path: path, Status: status}
	e.RequestID = firstHeader(header, "X-Request-Id", "X-Request-ID", "Request-Id")
	var b errorBody
	if err := jsonx.Unmarshal(body, &b); err != nil {
		e.NotJSON = true
		e.Message = http.StatusText(status)
		if text := pageText(body); text != "" {
			e.Message = fmt.Sprintf("an answer that is not JSON (%s): %s", contentType(header), text)
		}
		return e
	}
	e.Code, e.Message = b.Code, b.Message
	if b.RequestID != "" {
		e.RequestID = b.RequestID
	}
	applyNested(e, b.Error)
	applyNested(e, b.Detail)
	if e.Message == "" && e.Code == "" {
		e.Message = strings.TrimSpace(string(body))
	}
	return e
}

func applyNested(e *APIError, raw json.RawMessage) {
	if len(raw) == 0 || string(raw) == "null" {
		return
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if e.Message == "" {
			e.Message = s
		} else if e.Code == "" {
			e.Code = s
		}
		return
	}
	var items []validationItem
	if json.Unmarshal(raw, &items) == nil {
		e.Fields = append(e.Fields, fieldErrors(items)...)
		if e.Message == "" {
			e.Message = "validation failed"
		}
		return
	}
	var n nestedError
	if json.Unmarshal(raw, &n) != nil {
		return
	}
	if e.Code == "" {
		e.Code = n.Code
		if e.Code == "" {
			e.Code = n.Error
		}
	}
	if e.Message == "" {
		e.Message = n.Message
	}
	if n.RequestID != "" {
		e.RequestID = n.RequestID
	}
	if len(n.Details) > 0 && json.Unmarshal(n.Details, &items) == nil {
		e.Fields = append(e.Fields, fieldErrors(items)...)
	}
}

func fieldErrors(items []validationItem) []FieldError {
	out := make([]FieldError, 0, len(items))
	for _, it := range items {
		f := FieldError{Field: it.Field, Message: it.Message}
		if f.Field == "" && len(it.Loc) > 0 {
			f.Field = fmt.Sprint(it.Loc[len(it.Loc)-1])
		}
		if f.Message == "" {
			f.Message = it.Msg
		}
		out = append(out, f)
	}
	return out
}

var markup = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// pageText is a short excerpt of a body that is not JSON, such as a proxy's
// HTML error page, as words.
func pageText(body []byte) string {
	return excerpt(markup.ReplaceAll(body, []byte(" ")))
}

func contentType(h http.Header) string {
	if ct := h.Get("Content-Type"); ct != "" {
		return ct
	}
	return "no content type"
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := h.Get(n); v != "" {
			return v
		}
	}
	return ""
}
