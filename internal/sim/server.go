// Package sim is gpucloud-sim: the five clouds' APIs on one loopback port,
// each under its prefix, with an admin API under /_sim/ that injects faults,
// counts requests and lists what every cloud holds.
package sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/novitai"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

// Options configure a simulator.
type Options struct {
	Verda       verda.Options
	TensorDock  tensordock.Options
	BlueLobster bluelobster.Options
}

// Server is a running simulator's handler and state.
type Server struct {
	Verda       *verda.Cloud
	TensorDock  *tensordock.Cloud
	BlueLobster *bluelobster.Cloud
	Nova        *nova.Cloud
	Novitai     *novitai.Cloud

	clouds []core.Cloud
	mux    *http.ServeMux
	admin  *http.ServeMux
	faults faults
	stats  *stats

	hooksMu sync.Mutex
	hooks   []*hook

	// BodyTimeout bounds how long a request body may take to arrive;
	// zero means DefaultBodyTimeout.
	BodyTimeout time.Duration
	// Changed, when set, runs after every request that may have changed
	// what the clouds hold (for -state-file).
	Changed func()

	saveMu sync.Mutex
}

// hook is an action to run once, before the first request it matches.
type hook struct {
	match  func(*http.Request) bool
	action func()
}

// New builds a simulator with every cloud mounted.
func New(opts Options) *Server {
	s := &Server{mux: http.NewServeMux(), admin: http.NewServeMux(), stats: newStats()}
	s.Verda = verda.New(opts.Verda)
	s.TensorDock = tensordock.New(opts.TensorDock)
	s.BlueLobster = bluelobster.New(opts.BlueLobster)
	s.Nova = nova.New()
	s.Novitai = novitai.New()
	s.clouds = []core.Cloud{s.Verda, s.TensorDock, s.BlueLobster, s.Nova, s.Novitai}
	for _, c := range s.clouds {
		c.Register(s.mux)
	}
	s.registerAdmin()
	return s
}

// Clouds lists the mounted clouds.
func (s *Server) Clouds() []core.Cloud { return s.clouds }

// AddFault injects a fault and returns it with its ID.
func (s *Server) AddFault(f Fault) (Fault, error) { return s.faults.add(f) }

// Faults lists the injected faults with how often each has hit.
func (s *Server) Faults() []Fault { return s.faults.snapshot() }

// OnRequest runs action once, before the first request that match accepts
// is handled: for changing objects out of band at a given moment, such as
// between Terraform's plan and its apply.
func (s *Server) OnRequest(match func(*http.Request) bool, action func()) {
	s.hooksMu.Lock()
	defer s.hooksMu.Unlock()
	s.hooks = append(s.hooks, &hook{match: match, action: action})
}

func (s *Server) runHooks(r *http.Request) {
	s.hooksMu.Lock()
	var due []*hook
	kept := s.hooks[:0]
	for _, h := range s.hooks {
		if h.match(r) {
			due = append(due, h)
		} else {
			kept = append(kept, h)
		}
	}
	s.hooks = kept
	s.hooksMu.Unlock()
	for _, h := range due {
		h.action()
	}
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() { s.faults.clear() }

// Stats returns request counts by route ("GET /verda/v1/ssh-keys/{id}").
func (s *Server) Stats() map[string]EndpointStats { return s.stats.snapshot() }

// ResetStats zeroes the request counts.
func (s *Server) ResetStats() { s.stats.reset() }

// Objects lists everything the clouds hold.
func (s *Server) Objects() []core.Object {
	out := []core.Object{}
	for _, c := range s.clouds {
		out = append(out, c.Objects()...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Cloud != out[j].Cloud {
			return out[i].Cloud < out[j].Cloud
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Ledger lists the billed objects that exist.
func (s *Server) Ledger() []core.Object {
	out := []core.Object{}
	for _, o := range s.Objects() {
		if o.Billed {
			out = append(out, o)
		}
	}
	return out
}

// Reset forgets all state, faults and counts.
func (s *Server) Reset() {
	for _, c := range s.clouds {
		c.Reset()
	}
	for _, c := range s.capacities() {
		c.Reset()
	}
	s.faults.clear()
	s.stats.reset()
	s.hooksMu.Lock()
	s.hooks = nil
	s.hooksMu.Unlock()
}

// Request bodies larger than MaxRequestBody are refused with 413; one not
// sent in full within BodyTimeout is dropped with its connection.
const (
	MaxRequestBody     = 8 << 20
	DefaultBodyTimeout = 10 * time.Second
)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.readBody(w, r) {
		return
	}
	if strings.HasPrefix(r.URL.Path, "/_sim/") {
		s.admin.ServeHTTP(w, r)
		return
	}
	s.runHooks(r)
	route := s.route(r)

	var dropAfter, garble, truncate bool
	var delay time.Duration
	for _, f := range s.faults.match(r) {
		switch f.Kind {
		case FaultLatency:
			delay += f.latency()
		case FaultDrop:
			s.stats.record(route, 0)
			drop(w)
			return
		case FaultStatus, FaultHTML:
			if f.Acted {
				s.mux.ServeHTTP(httptest.NewRecorder(), r)
			}
			if !hold(r, delay) {
				return
			}
			if f.Kind == FaultHTML {
				answerProxyPage(w, f.Status)
			} else {
				s.answerFault(w, r, f)
			}
			s.stats.record(route, f.Status)
			return
		case FaultDropAfter:
			dropAfter = true
		case FaultGarble:
			garble = true
		case FaultTruncate:
			truncate = true
		}
	}
	// The work is done at once; only the answer is changed, held back or
	// lost, even from a client that gives up.
	rec := httptest.NewRecorder()
	s.mux.ServeHTTP(rec, r)
	if s.Changed != nil && r.Method != http.MethodGet {
		s.Changed()
	}
	if dropAfter {
		s.stats.record(route, 0)
		drop(w)
		return
	}
	s.stats.record(route, rec.Code)
	body := s.shaped(r, rec)
	if garble {
		rec.Header().Set("Content-Type", "text/html")
		body = []byte("<html><body><h1>Success</h1><p>Your request has been processed.</p></body></html>")
	}
	if !hold(r, delay) {
		return
	}
	if truncate {
		sendHalf(w, rec, body)
		return
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.Header().Del("Content-Length")
	w.WriteHeader(rec.Code)
	_, _ = w.Write(body)
}

// readBody reads the request body in full, within MaxRequestBody and the
// body timeout, and puts it back for the handlers. It answers or drops the
// request itself and reports false when the body is refused.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) bool {
	if r.Body == nil || r.Body == http.NoBody {
		return true
	}
	timeout := s.BodyTimeout
	if timeout <= 0 {
		timeout = DefaultBodyTimeout
	}
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(timeout))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxRequestBody))
	_ = rc.SetReadDeadline(time.Time{})
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		msg := fmt.Sprintf("request body over %d MiB", MaxRequestBody>>20)
		var answer any = map[string]string{"error": msg}
		if cl := s.cloudOf(r.URL.Path); cl != nil {
			answer = cl.ErrorBody(http.StatusRequestEntityTooLarge, "payload_too_large", msg)
		}
		core.WriteJSON(w, http.StatusRequestEntityTooLarge, answer)
		return false
	case err != nil:
		drop(w)
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return true
}

// route names r as the stats count it: "GET /verda/v1/instances/{id}".
func (s *Server) route(r *http.Request) string {
	_, pattern := s.mux.Handler(r)
	switch {
	case pattern == "":
		return r.Method + " " + r.URL.Path
	case !strings.Contains(pattern, " "):
		return r.Method + " " + pattern
	}
	return pattern
}

// shaped is a recorded answer in the variants its cloud has switched on.
func (s *Server) shaped(r *http.Request, rec *httptest.ResponseRecorder) []byte {
	if cl := s.cloudOf(r.URL.Path); cl != nil && strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		return cl.Shapes().Rewrite(rec.Body.Bytes(), cl.Wire())
	}
	return rec.Body.Bytes()
}

// cloudOf is the cloud that serves path, or nil.
func (s *Server) cloudOf(path string) core.Cloud {
	for _, c := range s.clouds {
		if strings.HasPrefix(path, c.Prefix()+"/") {
			return c
		}
	}
	return nil
}

// Console sends a request to a cloud as another user of the same account
// would from its console: past faults, hooks and request counts. path is
// under the cloud's prefix ("/instances"). It returns the answer's status
// and body.
func (s *Server) Console(cloud, method, path string, body any) (int, []byte, error) {
	c := s.cloud(cloud)
	if c == nil {
		return 0, nil, fmt.Errorf("no cloud %q", cloud)
	}
	var reader io.Reader = http.NoBody
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		reader = bytes.NewReader(raw)
	}
	r := httptest.NewRequest(method, c.Prefix()+path, reader)
	r.Header.Set("Content-Type", "application/json")
	c.ConsoleAuth(r)
	rec := httptest.NewRecorder()
	s.mux.ServeHTTP(rec, r)
	if s.Changed != nil && method != http.MethodGet {
		s.Changed()
	}
	return rec.Code, s.shaped(r, rec), nil
}

func (s *Server) answerFault(w http.ResponseWriter, r *http.Request, f Fault) {
	code := f.Code
	if code == "" {
		code = strings.ReplaceAll(strings.ToLower(http.StatusText(f.Status)), " ", "_")
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	var body any = map[string]string{"code": code, "message": "injected fault"}
	for _, c := range s.clouds {
		if strings.HasPrefix(r.URL.Path, c.Prefix()) {
			body = c.ErrorBody(f.Status, code, "injected fault")
		}
	}
	core.WriteJSON(w, f.Status, body)
}

// answerProxyPage answers as a proxy in front of the cloud does when the
// cloud fails: an HTML page.
func answerProxyPage(w http.ResponseWriter, status int) {
	text := fmt.Sprintf("%d %s", status, http.StatusText(status))
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<html>\r\n<head><title>%s</title></head>\r\n<body>\r\n<center><h1>%s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", text, text)
}

// sendHalf sends an answer's status and headers, announcing its whole
// length, then half its body, and closes the connection.
func sendHalf(w http.ResponseWriter, rec *httptest.ResponseRecorder, body []byte) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		drop(w)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n", rec.Code, http.StatusText(rec.Code))
	for k, vs := range rec.Header() {
		if k != "Content-Length" {
			for _, v := range vs {
				fmt.Fprintf(buf, "%s: %s\r\n", k, v)
			}
		}
	}
	fmt.Fprintf(buf, "Content-Length: %d\r\n\r\n", len(body))
	_, _ = buf.Write(body[:len(body)/2])
	_ = buf.Flush()
}

// drop closes the client's connection without an answer.
// hold waits d and reports whether the client is still waiting too.
func hold(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
		return false
	}
}

func drop(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

func (s *Server) registerAdmin() {
	m := s.admin
	m.HandleFunc("GET /_sim/health", func(w http.ResponseWriter, r *http.Request) {
		core.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	m.HandleFunc("GET /_sim/stats", func(w http.ResponseWriter, r *http.Request) {
		core.WriteJSON(w, http.StatusOK, s.Stats())
	})
	m.HandleFunc("DELETE /_sim/stats", func(w http.ResponseWriter, r *http.Request) {
		s.ResetStats()
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET /_sim/faults", func(w http.ResponseWriter, r *http.Request) {
		core.WriteJSON(w, http.StatusOK, s.faults.snapshot())
	})
	m.HandleFunc("POST /_sim/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Fault
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			adminError(w, err)
			return
		}
		added, err := s.AddFault(f)
		if err != nil {
			adminError(w, err)
			return
		}
		core.WriteJSON(w, http.StatusCreated, added)
	})
	m.HandleFunc("DELETE /_sim/faults", func(w http.ResponseWriter, r *http.Request) {
		s.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET /_sim/ledger", func(w http.ResponseWriter, r *http.Request) {
		core.WriteJSON(w, http.StatusOK, s.Ledger())
	})
	m.HandleFunc("GET /_sim/objects", func(w http.ResponseWriter, r *http.Request) {
		core.WriteJSON(w, http.StatusOK, s.Objects())
	})
	m.HandleFunc("/_sim/console/{cloud}/{path...}", func(w http.ResponseWriter, r *http.Request) {
		var body any
		if r.ContentLength != 0 {
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
				adminError(w, err)
				return
			}
		}
		status, answer, err := s.Console(r.PathValue("cloud"), r.Method, "/"+r.PathValue("path"), body)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(answer)
	})
	m.HandleFunc("POST /_sim/reset", func(w http.ResponseWriter, r *http.Request) {
		s.Reset()
		if s.Changed != nil {
			s.Changed()
		}
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET /_sim/{cloud}/capacity", func(w http.ResponseWriter, r *http.Request) {
		if c := s.capacities()[r.PathValue("cloud")]; c != nil {
			core.WriteJSON(w, http.StatusOK, c.Limits())
			return
		}
		http.NotFound(w, r)
	})
	m.HandleFunc("PUT /_sim/{cloud}/capacity", func(w http.ResponseWriter, r *http.Request) {
		c := s.capacities()[r.PathValue("cloud")]
		if c == nil {
			http.NotFound(w, r)
			return
		}
		var l core.Limit
		if err := json.NewDecoder(r.Body).Decode(&l); err != nil {
			adminError(w, err)
			return
		}
		if l.Type == "" || l.Location == "" || l.Launches < 0 {
			adminError(w, fmt.Errorf("a limit needs a type, a location and launches of 0 or more"))
			return
		}
		c.Set(l.Type, l.Location, l.Launches)
		core.WriteJSON(w, http.StatusOK, c.Limits())
	})
	m.HandleFunc("GET /_sim/{cloud}/switches", func(w http.ResponseWriter, r *http.Request) {
		if c := s.cloud(r.PathValue("cloud")); c != nil {
			core.WriteJSON(w, http.StatusOK, c.Switches())
			return
		}
		http.NotFound(w, r)
	})
	m.HandleFunc("PATCH /_sim/{cloud}/switches", func(w http.ResponseWriter, r *http.Request) {
		c := s.cloud(r.PathValue("cloud"))
		if c == nil {
			http.NotFound(w, r)
			return
		}
		raw, err := io.ReadAll(r.Body)
		if err == nil {
			err = c.SetSwitches(raw)
		}
		if err != nil {
			adminError(w, err)
			return
		}
		core.WriteJSON(w, http.StatusOK, c.Switches())
	})
}

// capacities are the launch limits of the clouds that launch GPU
// machines, by cloud name: type and location are the instance type and
// location code on Verda, the GPU (v0Name) and hostnode ID on TensorDock,
// the instance type and region on Blue Lobster, the GPU type and node on Nova.
func (s *Server) capacities() map[string]*core.Capacity {
	return map[string]*core.Capacity{"verda": &s.Verda.Capacity, "tensordock": &s.TensorDock.Capacity,
		"bluelobster": &s.BlueLobster.Capacity, "nova": &s.Nova.Capacity}
}

func (s *Server) cloud(name string) core.Cloud {
	for _, c := range s.clouds {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

func adminError(w http.ResponseWriter, err error) {
	core.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
}
