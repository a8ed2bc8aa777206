package acctest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

// SentRequest is what a client sent: method, path, the names of its query
// parameters, and the paths of its body's fields ("volumes[].name").
type SentRequest struct {
	Method, Path string
	Query        []string
	Fields       []string
}

// Recorder keeps every request a simulator receives.
type Recorder struct {
	mu   sync.Mutex
	sent []SentRequest
}

// StartRecordingSim is StartSim whose requests are recorded.
func StartRecordingSim(t *testing.T) (*Sim, *Recorder) {
	t.Helper()
	s := &Sim{Server: sim.New(sim.Options{})}
	s.TestSpeeds()
	rec := &Recorder{}
	srv := httptest.NewServer(rec.wrap(s.Server))
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s, rec
}

func (r *Recorder) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body))
		sent := SentRequest{Method: req.Method, Path: req.URL.Path}
		for k := range req.URL.Query() {
			sent.Query = append(sent.Query, k)
		}
		sent.Fields = bodyFields(req.Header.Get("Content-Type"), body)
		r.mu.Lock()
		r.sent = append(r.sent, sent)
		r.mu.Unlock()
		next.ServeHTTP(w, req)
	})
}

func bodyFields(contentType string, body []byte) []string {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if strings.HasPrefix(contentType, "application/x-www-form-urlencoded") {
		form, _ := url.ParseQuery(string(body))
		var out []string
		for k := range form {
			out = append(out, k)
		}
		return out
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return []string{"(a body that is not JSON)"}
	}
	var out []string
	flatten(v, "", &out)
	return out
}

func flatten(v any, prefix string, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, item := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(item, p, out)
		}
	case []any:
		for _, item := range x {
			flatten(item, prefix+"[]", out)
		}
		if len(x) == 0 && prefix != "" {
			*out = append(*out, prefix+"[]")
		}
	default:
		if prefix != "" {
			*out = append(*out, prefix)
		}
	}
}

// Endpoint is what a document allows one endpoint's requests to carry:
// body field paths ("*" stands for any key of a dictionary, "[]" for the
// elements of a list) and query parameters.
type Endpoint struct {
	Fields, Query []string
}

// Documented is an API's requests as its document (or a labelled
// supplement fact) gives them, by "METHOD /path"; "{name}" in a path stands
// for one path segment.
type Documented map[string]Endpoint

// CheckDocumented fails the test for every request sent under prefix that
// no documented endpoint takes, or that carries a field or parameter its
// endpoint does not, and for every documented endpoint that no request
// exercised.
func (r *Recorder) CheckDocumented(t *testing.T, prefix string, doc Documented) {
	t.Helper()
	r.mu.Lock()
	sent := slices.Clone(r.sent)
	r.mu.Unlock()
	used := map[string]bool{}
	for _, s := range sent {
		path, ok := strings.CutPrefix(s.Path, prefix)
		if !ok {
			continue
		}
		key, ep, found := doc.match(s.Method, path)
		if !found {
			t.Errorf("%s %s is not a documented endpoint", s.Method, path)
			continue
		}
		used[key] = true
		for _, f := range s.Fields {
			if !slices.ContainsFunc(ep.Fields, func(allowed string) bool { return fieldMatches(allowed, f) }) {
				t.Errorf("%s sends %q, which its document does not name", key, f)
			}
		}
		for _, q := range s.Query {
			if !slices.Contains(ep.Query, q) {
				t.Errorf("%s sends the query parameter %q, which its document does not name", key, q)
			}
		}
	}
	var unused []string
	for key := range doc {
		if !used[key] {
			unused = append(unused, key)
		}
	}
	sort.Strings(unused)
	for _, key := range unused {
		t.Errorf("no request exercised %s: the test does not cover it", key)
	}
}

// match finds the documented endpoint of a request, the most literal one
// when several match ("/instances/templates" before "/instances/{id}").
func (d Documented) match(method, path string) (string, Endpoint, bool) {
	best, params := "", -1
	for key := range d {
		m, pattern, _ := strings.Cut(key, " ")
		if n := strings.Count(pattern, "{"); m == method && pathPattern(pattern).MatchString(path) && (params < 0 || n < params) {
			best, params = key, n
		}
	}
	return best, d[best], params >= 0
}

// pathPattern matches the paths of a documented one, "{name}" matching one
// segment.
func pathPattern(p string) *regexp.Regexp {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
			parts[i] = "[^/]+"
		} else {
			parts[i] = regexp.QuoteMeta(part)
		}
	}
	return regexp.MustCompile("^" + strings.Join(parts, "/") + "$")
}

func fieldMatches(allowed, field string) bool {
	a, f := strings.Split(allowed, "."), strings.Split(field, ".")
	if len(a) != len(f) {
		return false
	}
	for i := range a {
		if a[i] != "*" && a[i] != f[i] {
			return false
		}
	}
	return true
}

// Must fails the test at once on an error.
func Must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Eventually waits, for at most five seconds, until cond holds.
func Eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
