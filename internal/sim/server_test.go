package sim_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/nova"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

func call(t *testing.T, method, url, body string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func token(t *testing.T, base string) string {
	_, body := call(t, "POST", base+"/verda/v1/oauth2/token",
		`{"grant_type":"client_credentials","client_id":"`+verda.DefaultClientID+`","client_secret":"`+verda.DefaultClientSecret+`"}`)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal([]byte(body), &tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("no token: %s", body)
	}
	return tok.AccessToken
}

func TestAdminFaultsStatsAndReset(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	auth := []string{"Authorization", "Bearer " + token(t, srv.URL)}

	resp, body := call(t, "POST", srv.URL+"/_sim/faults", `{"path":"/verda/v1/locat*","kind":"status","status":429,"retry_after":"7","count":2}`)
	if resp.StatusCode != 201 || !strings.Contains(body, `"id":"f1"`) {
		t.Fatalf("adding a fault: %d %s", resp.StatusCode, body)
	}
	for i := 0; i < 2; i++ {
		resp, body = call(t, "GET", srv.URL+"/verda/v1/locations", "", auth...)
		if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "7" || !strings.Contains(body, `"code":"rate_limit_exceeded"`) {
			t.Fatalf("injected 429 %d: %d %v %s", i, resp.StatusCode, resp.Header, body)
		}
	}
	if resp, _ = call(t, "GET", srv.URL+"/verda/v1/locations", "", auth...); resp.StatusCode != 200 {
		t.Fatalf("the fault's count is spent, want 200, got %d", resp.StatusCode)
	}

	_, body = call(t, "GET", srv.URL+"/_sim/stats", "")
	var st map[string]sim.EndpointStats
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	loc := st["GET /verda/v1/locations"]
	if loc.Count != 3 || loc.Statuses["429"] != 2 || loc.Statuses["200"] != 1 {
		t.Fatalf("stats %s", body)
	}

	if resp, body = call(t, "POST", srv.URL+"/_sim/faults", `{"kind":"explode"}`); resp.StatusCode != 400 || !strings.Contains(body, "kind must be one of") {
		t.Fatalf("a bad fault must be refused: %d %s", resp.StatusCode, body)
	}

	call(t, "POST", srv.URL+"/verda/v1/ssh-keys", `{"name":"k","key":"ssh-ed25519 AAAA k"}`, auth...)
	_, body = call(t, "GET", srv.URL+"/_sim/objects", "")
	if !strings.Contains(body, `"kind":"ssh_key"`) {
		t.Fatalf("objects: %s", body)
	}
	if _, body = call(t, "GET", srv.URL+"/_sim/ledger", ""); strings.TrimSpace(body) != "[]" {
		t.Fatalf("an SSH key is not billed; ledger %s", body)
	}
	call(t, "POST", srv.URL+"/_sim/reset", "")
	if _, body = call(t, "GET", srv.URL+"/_sim/objects", ""); strings.TrimSpace(body) != "[]" {
		t.Fatalf("reset left objects: %s", body)
	}
}

func TestDropFaults(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	auth := []string{"Authorization", "Bearer " + token(t, srv.URL)}
	if _, err := s.AddFault(sim.Fault{Path: "/verda/v1/ssh-keys", Method: "POST", Kind: sim.FaultDrop, Count: 1}); err != nil {
		t.Fatal(err)
	}
	if resp, _ := call(t, "POST", srv.URL+"/verda/v1/ssh-keys", `{"name":"k","key":"ssh-ed25519 AAAA k"}`, auth...); resp != nil {
		t.Fatal("want a dropped connection")
	}
	if len(s.Objects()) != 0 {
		t.Fatal("a request dropped before the handler must change nothing")
	}
	if _, err := s.AddFault(sim.Fault{Path: "/verda/v1/ssh-keys", Method: "POST", Kind: sim.FaultDropAfter, Count: 1}); err != nil {
		t.Fatal(err)
	}
	if resp, _ := call(t, "POST", srv.URL+"/verda/v1/ssh-keys", `{"name":"k","key":"ssh-ed25519 AAAA k"}`, auth...); resp != nil {
		t.Fatal("want a dropped connection")
	}
	if len(s.Objects()) != 1 {
		t.Fatal("a request dropped after the handler must have taken effect")
	}
	if st := s.Stats()["POST /verda/v1/ssh-keys"]; st.Statuses["dropped"] != 2 {
		t.Fatalf("stats %+v", st)
	}
}

func TestVerdaRateLimitHeaders(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	s.Verda.UpdateSwitches(func(sw *verda.Switches) { sw.EndpointLimit = 2 })
	auth := []string{"Authorization", "Bearer " + token(t, srv.URL)}
	resp, _ := call(t, "GET", srv.URL+"/verda/v1/images", "", auth...)
	if got := resp.Header.Get("RateLimit-Policy"); got != `"project";q=500;w=60, "endpoint";q=2;w=60` {
		t.Fatalf("RateLimit-Policy %q", got)
	}
	if got := resp.Header.Get("RateLimit"); !strings.HasPrefix(got, `"project";r=499;`) || !strings.Contains(got, `"endpoint";r=1;`) {
		t.Fatalf("RateLimit %q", got)
	}
	call(t, "GET", srv.URL+"/verda/v1/images", "", auth...)
	resp, body := call(t, "GET", srv.URL+"/verda/v1/images", "", auth...)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "rate_limit_exceeded") {
		t.Fatalf("third request: %d %v %s", resp.StatusCode, resp.Header, body)
	}
	if resp, _ = call(t, "GET", srv.URL+"/verda/v1/locations", "", auth...); resp.StatusCode != 200 {
		t.Fatalf("another endpoint has its own window, got %d", resp.StatusCode)
	}
	s.Verda.UpdateSwitches(func(sw *verda.Switches) { sw.RateLimits = false })
	if resp, _ = call(t, "GET", srv.URL+"/verda/v1/images", "", auth...); resp.StatusCode != 200 {
		t.Fatalf("with limits off, want 200, got %d", resp.StatusCode)
	}
}

func TestVerdaAuthIsEnforced(t *testing.T) {
	srv := httptest.NewServer(sim.New(sim.Options{}))
	defer srv.Close()
	resp, body := call(t, "GET", srv.URL+"/verda/v1/locations", "")
	if resp.StatusCode != 401 || !strings.Contains(body, "unauthorized_request") {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if resp, _ = call(t, "GET", srv.URL+"/verda/v1/instance-types", ""); resp.StatusCode != 200 {
		t.Fatalf("instance types are public, got %d", resp.StatusCode)
	}
	resp, body = call(t, "POST", srv.URL+"/verda/v1/oauth2/token", `{"grant_type":"client_credentials","client_id":"a","client_secret":"b"}`)
	if resp.StatusCode != 401 {
		t.Fatalf("wrong credentials: %d %s", resp.StatusCode, body)
	}
	resp, body = call(t, "GET", srv.URL+"/verda/v1/nothing-here", "")
	if resp.StatusCode != 404 || !strings.Contains(body, `"code":"not_found"`) {
		t.Fatalf("unknown path: %d %s", resp.StatusCode, body)
	}
}

func TestSwitchesOverAdminAPI(t *testing.T) {
	srv := httptest.NewServer(sim.New(sim.Options{}))
	defer srv.Close()
	resp, body := call(t, "PATCH", srv.URL+"/_sim/verda/switches", `{"created_id_format":"json_object","rate_limit_window":"6s"}`)
	if resp.StatusCode != 200 || !strings.Contains(body, `"created_id_format":"json_object"`) || !strings.Contains(body, `"rate_limit_window":"6s"`) || !strings.Contains(body, `"rate_limits":true`) {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if resp, _ = call(t, "PATCH", srv.URL+"/_sim/nowhere/switches", `{}`); resp.StatusCode != 404 {
		t.Fatalf("unknown cloud: %d", resp.StatusCode)
	}
}

func TestOnRequestActsOnceBeforeTheFirstMatch(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	var seen []string
	s.OnRequest(func(r *http.Request) bool { return r.Method == http.MethodPost },
		func() { seen = append(seen, "hook") })
	call(t, "GET", srv.URL+"/verda/v1/instance-types", "")
	if len(seen) != 0 {
		t.Fatal("the hook ran for a request it does not match")
	}
	tok := token(t, srv.URL)
	if len(seen) != 1 {
		t.Fatalf("the hook should run once before the first POST, ran %d times", len(seen))
	}
	if resp, _ := call(t, "POST", srv.URL+"/verda/v1/ssh-keys", `{"name":"k","key":"ssh-ed25519 AAAA"}`, "Authorization", "Bearer "+tok); resp == nil {
		t.Fatal("no answer")
	}
	if len(seen) != 1 {
		t.Fatalf("the hook ran again: %d", len(seen))
	}
}

// Another user of the account creates objects through the admin API's
// console, past faults and counts; with ids_as_numbers on, new objects get
// integer IDs sent as JSON numbers, which work in paths like any ID.
func TestConsoleAndNumericIDs(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	if resp, body := call(t, "PATCH", srv.URL+"/_sim/nova/switches", `{"ids_as_numbers":true}`); resp.StatusCode != 200 || !strings.Contains(body, `"ids_as_numbers":true`) {
		t.Fatalf("switch: %d %s", resp.StatusCode, body)
	}
	if _, err := s.AddFault(sim.Fault{Path: "*", Kind: sim.FaultStatus, Status: 503}); err != nil {
		t.Fatal(err)
	}
	resp, body := call(t, "POST", srv.URL+"/_sim/console/nova/ssh-keys", `{"label":"theirs","ssh_public_key":"`+testKey+`"}`)
	if resp.StatusCode != 201 {
		t.Fatalf("console create: %d %s", resp.StatusCode, body)
	}
	var key map[string]any
	if err := json.Unmarshal([]byte(body), &key); err != nil {
		t.Fatal(err)
	}
	id, isNumber := key["id"].(float64)
	if !isNumber {
		t.Fatalf("the ID is not a JSON number: %s", body)
	}
	if len(s.Faults()) != 1 || s.Faults()[0].Hits != 0 || len(s.Stats()) != 0 {
		t.Fatalf("the console must pass faults and counts: %+v %+v", s.Faults(), s.Stats())
	}
	s.ClearFaults()
	resp, body = call(t, "GET", srv.URL+"/nova/ssh-keys/"+strconv.FormatFloat(id, 'f', -1, 64), "", "Authorization", "Bearer "+nova.ReadWriteKey)
	if resp.StatusCode != 200 || !strings.Contains(body, `"label":"theirs"`) || !regexp.MustCompile(`"id":\d+`).MatchString(body) {
		t.Fatalf("read by numeric ID: %d %s", resp.StatusCode, body)
	}
	if resp, _ := call(t, "POST", srv.URL+"/_sim/console/nowhere/x", `{}`); resp.StatusCode != 404 {
		t.Fatalf("an unknown cloud: %d", resp.StatusCode)
	}
}

// A garbled answer: the handler acts, the client gets its status with a
// body that is not JSON.
func TestGarbleFault(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/nova/ssh-keys", Kind: sim.FaultGarble, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resp, body := call(t, "POST", srv.URL+"/nova/ssh-keys", `{"label":"mine","ssh_public_key":"`+testKey+`"}`, "Authorization", "Bearer "+nova.ReadWriteKey)
	if resp.StatusCode != 201 || json.Valid([]byte(body)) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("garbled answer: %d %q", resp.StatusCode, body)
	}
	if n := len(s.Objects()); n != 1 {
		t.Fatalf("the key must have been made: %d objects", n)
	}
}

const testKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu sim@example"

// The admin API refuses switches it cannot take, naming them, and changes
// nothing then.
func TestSwitchesAreValidated(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	for body, want := range map[string]string{
		`{"provision_delay":"-10s"}`:          `switch \"provision_delay\": -10s must not be negative`,
		`{"provision_delay":"soon"}`:          `switch \"provision_delay\"`,
		`{"project_limit":-1}`:                `switch \"project_limit\": -1 must not be negative`,
		`{"deploy_outcome":"exploded"}`:       `switch \"deploy_outcome\": \"exploded\" is none of error, no_capacity, installation_failed, stall`,
		`{"no_such_switch":true}`:             `unknown switch \"no_such_switch\"`,
		`{"ids_as_numbers":"yes"}`:            `switch \"ids_as_numbers\"`,
		`[1]`:                                 `switches must be a JSON object`,
		`{"provision_delay":"1s","burst":-1}`: `unknown switch \"burst\"`,
	} {
		resp, got := call(t, "PATCH", srv.URL+"/_sim/verda/switches", body)
		if resp.StatusCode != 400 || !strings.Contains(got, want) {
			t.Errorf("%s: want 400 with %s, got %d %s", body, want, resp.StatusCode, got)
		}
	}
	_, got := call(t, "GET", srv.URL+"/_sim/verda/switches", "")
	if !strings.Contains(got, `"provision_delay":"3s"`) {
		t.Errorf("a refused change must leave the switches as they were: %s", got)
	}
	if resp, got := call(t, "PATCH", srv.URL+"/_sim/verda/switches", `{"provision_delay":"1s","deploy_outcome":"stall"}`); resp.StatusCode != 200 ||
		!strings.Contains(got, `"provision_delay":"1s"`) || !strings.Contains(got, `"deploy_outcome":"stall"`) {
		t.Errorf("valid switches: %d %s", resp.StatusCode, got)
	}
}

// A request body over the cap is refused with 413 in the cloud's error
// shape; one sent too slowly is dropped with its connection.
func TestRequestBodiesAreBounded(t *testing.T) {
	s := sim.New(sim.Options{})
	s.BodyTimeout = 200 * time.Millisecond
	srv := httptest.NewServer(s)
	defer srv.Close()
	big := `{"name":"k","key":"` + strings.Repeat("a", sim.MaxRequestBody) + `"}`
	resp, body := call(t, "POST", srv.URL+"/verda/v1/ssh-keys", big, "Authorization", "Bearer "+token(t, srv.URL))
	if resp.StatusCode != 413 || !strings.Contains(body, `"code":"payload_too_large"`) {
		t.Fatalf("an oversized body: %d %.200s", resp.StatusCode, body)
	}

	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	fmt.Fprintf(conn, "POST /verda/v1/ssh-keys HTTP/1.1\r\nHost: sim\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":")
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, _ := conn.Read(make([]byte, 1))
	if elapsed := time.Since(start); n != 0 || elapsed > 2*time.Second {
		t.Fatalf("a body that never arrives must be dropped within the timeout: read %d bytes after %s", n, elapsed)
	}
}

// A proxy's HTML error page, and an answer cut off half way with its
// connection.
func TestHTMLAndTruncateFaults(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	auth := []string{"Authorization", "Bearer " + token(t, srv.URL)}
	if _, err := s.AddFault(sim.Fault{Method: "GET", Path: "/verda/v1/locations", Kind: sim.FaultHTML, Status: 502, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resp, body := call(t, "GET", srv.URL+"/verda/v1/locations", "", auth...)
	if resp.StatusCode != 502 || resp.Header.Get("Content-Type") != "text/html" || !strings.Contains(body, "<title>502 Bad Gateway</title>") {
		t.Fatalf("proxy page: %d %s", resp.StatusCode, body)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/verda/v1/locations", nil)
	req.Header.Set(auth[0], auth[1])
	if _, err := s.AddFault(sim.Fault{Method: "GET", Path: "/verda/v1/locations", Kind: sim.FaultTruncate, Count: 1}); err != nil {
		t.Fatal(err)
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	if _, err := io.ReadAll(r.Body); err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
		t.Fatalf("a truncated body must end in unexpected EOF, got %v", err)
	}
	if _, err := s.AddFault(sim.Fault{Kind: sim.FaultHTML}); err == nil {
		t.Fatal("an html fault needs a status")
	}
}

// Objects survive a restart through the state file, status changes under
// way included; a file that is not a state is a clear error, never a
// silent reset.
func TestStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sim.json")
	first := sim.New(sim.Options{})
	first.Verda.UpdateSwitches(func(sw *verda.Switches) { sw.ProvisionDelay = simcore.Duration(300 * time.Millisecond) })
	for _, c := range []struct {
		cloud, path string
		body        any
	}{
		{"verda", "/ssh-keys", map[string]string{"name": "k", "key": testKey}},
		{"verda", "/instances", map[string]any{"instance_type": "CPU.4V.16G", "image": "ubuntu-24.04", "hostname": "kept", "description": "", "location_code": "FIN-01"}},
		{"tensordock", "/secrets", map[string]any{"data": map[string]any{"type": "secret", "attributes": map[string]string{"name": "k", "value": testKey, "type": "SSHKEY"}}}},
		{"bluelobster", "/instances/launch-instance", map[string]any{"region": "igl", "instance_type": "cpu_8x", "ssh_key": testKey, "name": "kept"}},
		{"nova", "/ssh-keys", map[string]string{"label": "k", "ssh_public_key": testKey}},
		{"novitai", "/api/instances", map[string]any{"name": "kept", "productName": "gpu-basic", "templateId": "tmpl-ubuntu-2204"}},
	} {
		if status, body, err := first.Console(c.cloud, http.MethodPost, c.path, c.body); err != nil || status >= 300 {
			t.Fatalf("%s %s: %d %s %v", c.cloud, c.path, status, body, err)
		}
	}
	if err := first.SaveState(path); err != nil {
		t.Fatal(err)
	}
	second := sim.New(sim.Options{})
	if err := second.LoadState(path); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(second.Objects()), fmt.Sprint(first.Objects()); got != want || len(first.Objects()) < 6 {
		t.Fatalf("after a restart:\n%s\nwant\n%s", got, want)
	}
	deadline := time.Now().Add(3 * time.Second)
	for !slices.ContainsFunc(second.Objects(), func(o simcore.Object) bool {
		return o.Kind == "instance" && o.Cloud == "verda" && o.Status == "running"
	}) {
		if time.Now().After(deadline) {
			t.Fatalf("the deploy under way before the restart never finished: %v", second.Objects())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := os.WriteFile(path, []byte(`{"clouds": `), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := sim.New(sim.Options{}).LoadState(path); err == nil || !strings.Contains(err.Error(), "is not a gpucloud-sim state file") {
		t.Fatalf("a corrupt file: %v", err)
	}
	if err := sim.New(sim.Options{}).LoadState(filepath.Join(t.TempDir(), "none.json")); err != nil {
		t.Fatalf("a missing file starts empty: %v", err)
	}
}

// A launch limit set over the admin API refuses launches with the cloud's
// own capacity error while the catalogue still offers the type; a reset
// lifts it.
func TestCapacityOverAdminAPI(t *testing.T) {
	s := sim.New(sim.Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, bad := range []string{`{"type":"gpu_1x_h100","launches":1}`, `{"type":"gpu_1x_h100","location":"phl","launches":-1}`, `not json`} {
		if resp, body := call(t, "PUT", srv.URL+"/_sim/bluelobster/capacity", bad); resp.StatusCode != 400 {
			t.Errorf("%s: %d %s", bad, resp.StatusCode, body)
		}
	}
	if resp, _ := call(t, "PUT", srv.URL+"/_sim/novitai/capacity", `{"type":"x","location":"y","launches":0}`); resp.StatusCode != 404 {
		t.Errorf("novitai has no launch limits: %d", resp.StatusCode)
	}
	resp, body := call(t, "PUT", srv.URL+"/_sim/bluelobster/capacity", `{"type":"gpu_1x_h100","location":"phl","launches":1}`)
	if resp.StatusCode != 200 || !strings.Contains(body, `"launches":1`) {
		t.Fatalf("set: %d %s", resp.StatusCode, body)
	}
	key := "X-API-Key"
	launch := func() (*http.Response, string) {
		return call(t, "POST", srv.URL+"/bluelobster/api/v1/instances/launch-instance",
			`{"region":"phl","instance_type":"gpu_1x_h100","ssh_key":"`+testKey+`","template_name":"UBUNTU-22-04-NV"}`, key, bluelobster.DefaultAPIKey)
	}
	if resp, body := launch(); resp.StatusCode != 200 {
		t.Fatalf("the one launch allowed: %d %s", resp.StatusCode, body)
	}
	if resp, body := launch(); resp.StatusCode != 409 || !strings.Contains(body, "no_capacity") {
		t.Fatalf("beyond the limit: %d %s", resp.StatusCode, body)
	}
	if _, body := call(t, "GET", srv.URL+"/bluelobster/api/v1/instances/available", "", key, bluelobster.DefaultAPIKey); !strings.Contains(body, "gpu_1x_h100") {
		t.Fatalf("the catalogue must still offer the type: %s", body)
	}
	if _, body := call(t, "GET", srv.URL+"/_sim/bluelobster/capacity", ""); !strings.Contains(body, `"launches":0`) {
		t.Fatalf("the limit is used up: %s", body)
	}
	call(t, "POST", srv.URL+"/_sim/reset", "")
	if _, body := call(t, "GET", srv.URL+"/_sim/bluelobster/capacity", ""); body != "[]\n" && body != "[]" {
		t.Fatalf("a reset lifts every limit: %q", body)
	}
}
