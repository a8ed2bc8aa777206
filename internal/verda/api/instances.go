package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Instance is a deployed machine.
type Instance struct {
	// Tags is nil when the answer does not carry them.
	Tags            *[]Tag   `json:"tags"`
	ID              string   `json:"id"`
	IP              string   `json:"ip"`
	Status          string   `json:"status"`
	CreatedAt       string   `json:"created_at"`
	CPU             Hardware `json:"cpu"`
	GPU             Hardware `json:"gpu"`
	GPUMemory       Hardware `json:"gpu_memory"`
	Memory          Hardware `json:"memory"`
	Storage         Hardware `json:"storage"`
	Hostname        string   `json:"hostname"`
	Description     string   `json:"description"`
	Location        string   `json:"location"`
	PricePerHour    Number   `json:"price_per_hour"`
	IsSpot          bool     `json:"is_spot"`
	InstanceType    string   `json:"instance_type"`
	Image           string   `json:"image"`
	OSName          string   `json:"os_name"`
	StartupScriptID string   `json:"startup_script_id"`
	SSHKeyIDs       []string `json:"ssh_key_ids"`
	OSVolumeID      string   `json:"os_volume_id"`
	JupyterToken    string   `json:"jupyter_token"`
	Contract        string   `json:"contract"`
	Pricing         string   `json:"pricing"`
	VolumeIDs       []string `json:"volume_ids"`
}

// Instance statuses the provider acts on.
const (
	StatusRunning            = "running"
	StatusOffline            = "offline"
	StatusError              = "error"
	StatusNoCapacity         = "no_capacity"
	StatusInstallationFailed = "installation_failed"
	StatusNotFound           = "notfound"
	StatusDiscontinued       = "discontinued"
)

// DeployFailures are the statuses in which a deploy has failed for good.
var DeployFailures = []string{StatusError, StatusNoCapacity, StatusInstallationFailed, StatusNotFound, StatusDiscontinued}

// OSVolumeSpec names and sizes a new instance's OS volume.
type OSVolumeSpec struct {
	Name              string `json:"name,omitempty"`
	Size              int64  `json:"size,omitempty"`
	OnSpotDiscontinue string `json:"on_spot_discontinue,omitempty"`
}

// NewVolumeSpec is a volume created with an instance.
type NewVolumeSpec struct {
	Name              string `json:"name"`
	Size              int64  `json:"size"`
	Type              string `json:"type"`
	OnSpotDiscontinue string `json:"on_spot_discontinue,omitempty"`
}

// DeployRequest is the body of POST /instances.
type DeployRequest struct {
	InstanceType    string          `json:"instance_type"`
	Image           string          `json:"image"`
	Hostname        string          `json:"hostname"`
	Description     string          `json:"description"`
	LocationCode    string          `json:"location_code"`
	SSHKeyIDs       []string        `json:"ssh_key_ids,omitempty"`
	StartupScriptID string          `json:"startup_script_id,omitempty"`
	IsSpot          bool            `json:"is_spot,omitempty"`
	Contract        string          `json:"contract,omitempty"`
	Coupon          string          `json:"coupon,omitempty"`
	OSVolume        *OSVolumeSpec   `json:"os_volume,omitempty"`
	Volumes         []NewVolumeSpec `json:"volumes,omitempty"`
	ExistingVolumes []string        `json:"existing_volumes,omitempty"`
	Tags            []TagSpec       `json:"tags,omitempty"`
}

// DeployInstance orders an instance and returns its ID; it is not running yet.
func (c *Client) DeployInstance(ctx context.Context, req DeployRequest) (string, error) {
	return c.create(ctx, "/instances", req)
}

// GetInstance reads one instance.
func (c *Client) GetInstance(ctx context.Context, id string) (*Instance, error) {
	var out Instance
	if _, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodGet, Path: "/instances/" + url.PathEscape(id)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListInstances lists every instance of the project.
func (c *Client) ListInstances(ctx context.Context) ([]Instance, error) {
	var out []Instance
	_, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodGet, Path: "/instances"}, &out)
	return out, err
}

// Instance actions.
const (
	ActionStart    = "start"
	ActionShutdown = "shutdown"
	ActionDelete   = "delete"
)

// ActionRequest is the body of PUT /instances. VolumeIDs nil leaves Verda's
// default (delete the OS volume, detach the rest); empty deletes none.
type ActionRequest struct {
	Action            string    `json:"action"`
	ID                []string  `json:"id"`
	VolumeIDs         *[]string `json:"volume_ids,omitempty"`
	DeletePermanently bool      `json:"delete_permanently,omitempty"`
}

type actionResult struct {
	InstanceID string `json:"instanceId"`
	Action     string `json:"action"`
	Status     string `json:"status"`
	Error      string `json:"error"`
	StatusCode int    `json:"statusCode"`
}

// InstanceAction applies an action to instances. An instance already in the
// requested state is success (Verda answers 204); with several instances,
// the failures of a 207 answer become one error.
func (c *Client) InstanceAction(ctx context.Context, req ActionRequest) error {
	resp, err := c.http.Do(ctx, transport.Request{Method: http.MethodPut, Path: "/instances", Body: req})
	if err != nil || resp.Status != http.StatusMultiStatus {
		return err
	}
	var results []actionResult
	if err := jsonx.Unmarshal(resp.Body, &results); err != nil {
		return c.http.Unreadable(transport.Request{Method: http.MethodPut, Path: "/instances"}, resp, err)
	}
	var failures []string
	for _, r := range results {
		if r.Status != "success" {
			failures = append(failures, fmt.Sprintf("%s: %s", r.InstanceID, r.Error))
		}
	}
	if len(failures) == 0 {
		return nil
	}
	return &transport.APIError{
		Cloud: "Verda", Method: http.MethodPut, Path: "/instances", Status: http.StatusMultiStatus,
		Code: "partial_failure", Message: fmt.Sprintf("%s failed for %s", req.Action, strings.Join(failures, "; ")),
	}
}
