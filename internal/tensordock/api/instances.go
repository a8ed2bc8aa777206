package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// PortForward maps a port of the instance to one on the hostnode's IP.
type PortForward struct {
	InternalPort int64 `json:"internal_port"`
	ExternalPort int64 `json:"external_port"`
}

// GPUAllocation is the GPUs of one model an instance has.
type GPUAllocation struct {
	Count  int64  `json:"count"`
	V0Name string `json:"v0Name,omitempty"`
}

// Resources is an instance's size.
type Resources struct {
	VCPUCount int64                    `json:"vcpu_count"`
	RAMGB     int64                    `json:"ram_gb"`
	StorageGB int64                    `json:"storage_gb"`
	GPUs      map[string]GPUAllocation `json:"gpus"`
}

// GPU returns the instance's GPU model and count ("", 0 for CPU-only).
func (r Resources) GPU() (string, int64) {
	for name, g := range r.GPUs {
		if g.Count > 0 {
			return name, g.Count
		}
	}
	return "", 0
}

// Instance is a virtual machine.
type Instance struct {
	Type         string        `json:"type"`
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Status       string        `json:"status"`
	IPAddress    string        `json:"ipAddress"`
	PortForwards []PortForward `json:"portForwards"`
	Resources    Resources     `json:"resources"`
	RateHourly   jsonx.Number  `json:"rateHourly"`
}

// Statuses, compared case-insensitively: TensorDock writes "Stopped".
const (
	StatusRunning  = "running"
	StatusStopped  = "stopped"
	StatusError    = "error"
	StatusDeleting = "deleting"
)

// IsStopped covers Stopped and StoppedDisassociated.
func (i *Instance) IsStopped() bool {
	return strings.HasPrefix(strings.ToLower(i.Status), StatusStopped)
}

// CloudInit is the first-boot configuration.
type CloudInit struct {
	RunCmd         []string `json:"runcmd,omitempty"`
	Packages       []string `json:"packages,omitempty"`
	PackageUpdate  bool     `json:"package_update,omitempty"`
	PackageUpgrade bool     `json:"package_upgrade,omitempty"`
}

// CreateAttributes are a new instance's attributes.
type CreateAttributes struct {
	Name         string        `json:"name"`
	Type         string        `json:"type"`
	Image        string        `json:"image"`
	HostnodeID   string        `json:"hostnode_id,omitempty"`
	LocationID   string        `json:"location_id,omitempty"`
	Resources    Resources     `json:"resources"`
	PortForwards []PortForward `json:"port_forwards,omitempty"`
	SSHKeyID     string        `json:"ssh_key_id,omitempty"`
	SSHKey       string        `json:"ssh_key,omitempty"`
	DedicatedIP  bool          `json:"useDedicatedIp,omitempty"`
	CloudInit    *CloudInit    `json:"cloud_init,omitempty"`
}

type resourceDoc[T any] struct {
	Data struct {
		Type       string `json:"type"`
		ID         string `json:"id,omitempty"`
		Attributes T      `json:"attributes"`
	} `json:"data"`
}

// CreateInstance orders a virtual machine and returns its ID.
func (c *Client) CreateInstance(ctx context.Context, a CreateAttributes) (string, error) {
	a.Type = "virtualmachine"
	var req resourceDoc[CreateAttributes]
	req.Data.Type, req.Data.Attributes = "virtualmachine", a
	post := transport.Request{Method: http.MethodPost, Path: "/instances", Body: req}
	resp, err := c.send(ctx, post)
	if err != nil {
		return "", err
	}
	var out struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := jsonx.Unmarshal(resp.Body, &out); err != nil || out.Data.ID == "" {
		if err == nil {
			err = errors.New("the answer has no instance ID")
		}
		return "", c.http.Unreadable(post, resp, err)
	}
	return out.Data.ID, nil
}

// GetInstance reads one instance.
func (c *Client) GetInstance(ctx context.Context, id string) (*Instance, error) {
	var raw json.RawMessage
	if err := get(ctx, c, "/instances/"+url.PathEscape(id), &raw); err != nil {
		return nil, err
	}
	inst, err := decodeInstance(raw)
	if err != nil {
		return nil, fmt.Errorf("TensorDock API: GET /instances/%s: unexpected answer: %w", id, err)
	}
	return inst, nil
}

// decodeInstance reads an instance wrapped in {"data": ...} or not.
func decodeInstance(raw []byte) (*Instance, error) {
	var wrapped struct {
		Data *Instance `json:"data"`
	}
	if jsonx.Unmarshal(raw, &wrapped) == nil && wrapped.Data != nil && wrapped.Data.ID != "" {
		return wrapped.Data, nil
	}
	var inst Instance
	if err := jsonx.Unmarshal(raw, &inst); err != nil {
		return nil, err
	}
	return &inst, nil
}

// ListInstances lists the organisation's instances.
func (c *Client) ListInstances(ctx context.Context) ([]Instance, error) {
	var raw json.RawMessage
	if err := get(ctx, c, "/instances", &raw); err != nil {
		return nil, err
	}
	list, err := decodeInstanceList(raw)
	if err != nil {
		return nil, fmt.Errorf("TensorDock API: GET /instances: unexpected answer: %w", err)
	}
	return list, nil
}

// decodeInstanceList reads {"data": {"instances": [...]}} or {"data": [...]}
// (SUPPLEMENT.md), and one instance under data as a list of one.
func decodeInstanceList(raw []byte) ([]Instance, error) {
	var out struct {
		Data json.RawMessage `json:"data"`
	}
	if err := jsonx.Unmarshal(raw, &out); err != nil {
		return nil, err
	}
	return jsonx.List(out.Data, func(i Instance) bool { return i.ID != "" }, "instances")
}

func (c *Client) post(ctx context.Context, id, action string) error {
	return c.do(ctx, transport.Request{Method: http.MethodPost, Path: "/instances/" + url.PathEscape(id) + "/" + action}, nil)
}

// StartInstance starts a stopped instance.
func (c *Client) StartInstance(ctx context.Context, id string) error { return c.post(ctx, id, "start") }

// StopInstance stops a running instance.
func (c *Client) StopInstance(ctx context.Context, id string) error { return c.post(ctx, id, "stop") }

// DeleteInstance deletes an instance.
func (c *Client) DeleteInstance(ctx context.Context, id string) error {
	return c.do(ctx, transport.Request{Method: http.MethodDelete, Path: "/instances/" + url.PathEscape(id)}, nil)
}

// ModifyGPUs is the GPU part of a modify request.
type ModifyGPUs struct {
	GPUV0Name string `json:"gpuV0Name"`
	Count     int64  `json:"count"`
}

// ModifyRequest resizes a stopped instance.
type ModifyRequest struct {
	CPUCores int64       `json:"cpuCores"`
	RAMGB    int64       `json:"ramGb"`
	DiskGB   int64       `json:"diskGb"`
	GPUs     *ModifyGPUs `json:"gpus,omitempty"`
}

// ModifyInstance resizes a stopped instance.
func (c *Client) ModifyInstance(ctx context.Context, id string, req ModifyRequest) error {
	return c.do(ctx, transport.Request{Method: http.MethodPut, Path: "/instances/" + url.PathEscape(id) + "/modify", Body: req}, nil)
}
