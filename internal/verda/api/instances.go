package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

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

// ListInstances lists every instance of the project, every page of it.
func (c *Client) ListInstances(ctx context.Context) ([]Instance, error) {
	return listAll[Instance](ctx, c, "/instances")
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
	outcomes, err := c.act(ctx, req)
	if err != nil {
		return err
	}
	return errors.Join(outcomes...)
}

// act sends one PUT /instances and returns each instance's outcome in the
// order of req.ID, or the error of the request as a whole. A 207 answer is
// split by instanceId; an instance the answer leaves out has failed, as
// nothing says it was done.
func (c *Client) act(ctx context.Context, req ActionRequest) ([]error, error) {
	sent := transport.Request{Method: http.MethodPut, Path: "/instances", Body: req}
	resp, err := c.http.Do(ctx, sent)
	if err != nil {
		return nil, err
	}
	outcomes := make([]error, len(req.ID))
	if resp.Status != http.StatusMultiStatus {
		return outcomes, nil
	}
	var results []actionResult
	if err := jsonx.Unmarshal(resp.Body, &results); err != nil {
		return nil, c.http.Unreadable(sent, resp, err)
	}
	byID := make(map[string]actionResult, len(results))
	for _, r := range results {
		byID[r.InstanceID] = r
	}
	for i, id := range req.ID {
		r, ok := byID[id]
		switch {
		case !ok:
			outcomes[i] = &transport.APIError{Cloud: "Verda", Method: http.MethodPut, Path: "/instances", Status: http.StatusMultiStatus,
				Code: "no_result", Message: fmt.Sprintf("the answer holds no result for %s of instance %s", req.Action, id)}
		case r.Status != "success":
			status := r.StatusCode
			if status == 0 {
				status = http.StatusMultiStatus
			}
			outcomes[i] = &transport.APIError{Cloud: "Verda", Method: http.MethodPut, Path: "/instances", Status: status,
				Message: fmt.Sprintf("%s of instance %s failed: %s", req.Action, id, r.Error)}
		}
	}
	return outcomes, nil
}

// deleteKey is what a batch of deletes shares: the whole request body but
// the instance IDs. Deletes that name volumes of their own are never batched.
type deleteKey struct {
	keepVolumes, permanently bool
}

// Deletes arriving within deleteWindow of each other share a request, of at
// most deletesPerRequest instances; while one such request is under way (or
// waits for the rate limit), the next gathers every delete that comes
// meanwhile, so a destroy of many instances needs far fewer requests than
// instances.
const (
	deleteWindow      = 20 * time.Millisecond
	deletesPerRequest = 50
)

// DeleteInstance applies a delete action to one instance. Deletes with the
// same volume choice that arrive together go out as one PUT /instances with
// many IDs; its 207 answer is split back, so that one instance's failure
// fails only its own delete. A delete that names volumes to delete is sent
// alone.
func (c *Client) DeleteInstance(ctx context.Context, req ActionRequest) error {
	if len(req.ID) != 1 || req.VolumeIDs != nil && len(*req.VolumeIDs) > 0 {
		return c.InstanceAction(ctx, req)
	}
	return c.deletes.Do(ctx, deleteKey{keepVolumes: req.VolumeIDs != nil, permanently: req.DeletePermanently}, req.ID[0])
}

func (c *Client) sendDeletes(ctx context.Context, key deleteKey, ids []string) []error {
	req := ActionRequest{Action: ActionDelete, ID: ids, DeletePermanently: key.permanently}
	if key.keepVolumes {
		req.VolumeIDs = &[]string{}
	}
	outcomes, err := c.act(ctx, req)
	if err == nil {
		return outcomes
	}
	if len(ids) == 1 || !transport.IsRefused(err) {
		return repeat(err, len(ids))
	}
	// Refused as a whole: each instance is sent alone, so that the one the
	// cloud refused fails only its own delete.
	outcomes = make([]error, len(ids))
	for i, id := range ids {
		one := req
		one.ID = []string{id}
		outcomes[i] = c.InstanceAction(ctx, one)
	}
	return outcomes
}

func repeat(err error, n int) []error {
	out := make([]error, n)
	for i := range out {
		out[i] = err
	}
	return out
}
