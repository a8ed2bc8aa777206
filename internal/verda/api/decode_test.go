package api

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
)

func TestDecodeCreatedID(t *testing.T) {
	for in, want := range map[string]string{
		"0f4e-1\n": "0f4e-1", `"0f4e-2"`: "0f4e-2", `{"id":"0f4e-3"}`: "0f4e-3", `  "0f4e-4" `: "0f4e-4", `{"id":12345}`: "12345", "67890": "67890",
	} {
		got, err := decodeCreatedID([]byte(in))
		if err != nil || got != want {
			t.Errorf("decodeCreatedID(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "  ", `{"name":"x"}`, `"unterminated`, "<html><body>502 Bad Gateway</body></html>", "Internal Server Error", `{"id":"a b"}`} {
		if got, err := decodeCreatedID([]byte(bad)); err == nil {
			t.Errorf("decodeCreatedID(%q) = %q, want an error", bad, got)
		}
	}
}

func TestLogLines(t *testing.T) {
	for answer, want := range map[string][]string{
		`["a", "b"]`: {"a", "b"},
		`{"logs": [{"timestamp": "t", "message": "pulling"}, {"log": "started"}]}`: {"pulling", "started"},
		`{"data": [{"text": "x"}, 3]}`:                                             {"x"},
		`{"nothing": []}`:                                                          nil,
		`"just a string"`:                                                          nil,
	} {
		if got := logLines(json.RawMessage(answer)); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", answer, got, want)
		}
	}
}

// Document 002's schemas give a volume's instances, a cluster's worker nodes
// and shared volumes, and ID fields, as strings, where its examples give
// objects and lists: an answer in either shape is read.
func TestDocumentedSchemaShapes(t *testing.T) {
	var v Volume
	if err := jsonx.Unmarshal([]byte(`{"id":"v1","instances":["i1"],"instance_id":"i1","ssh_key_ids":"k1"}`), &v); err != nil {
		t.Fatal(err)
	}
	if got := v.AttachedTo(); !slices.Equal(got, []string{"i1"}) || !slices.Equal(v.SSHKeyIDs, []string{"k1"}) {
		t.Errorf("volume: attached to %v, keys %v", got, v.SSHKeyIDs)
	}
	if err := jsonx.Unmarshal([]byte(`{"id":"v2","instances":[{"id":"i2","hostname":"web","status":"running"}]}`), &v); err != nil || v.Instances[0].Hostname != "web" {
		t.Errorf("volume with instance objects: %+v %v", v.Instances, err)
	}
	var c Cluster
	if err := jsonx.Unmarshal([]byte(`{"id":"c1","worker_nodes":["n1","n2"],"shared_volumes":["sv1"],"ssh_key_ids":["k1"]}`), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.WorkerNodes) != 2 || c.WorkerNodes[1].ID != "n2" || len(c.SharedVolumes) != 1 || c.SharedVolumes[0].ID != "sv1" {
		t.Errorf("cluster given by IDs: %+v %+v", c.WorkerNodes, c.SharedVolumes)
	}
}
