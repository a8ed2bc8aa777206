package api

import (
	"context"
	"net/http"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Instance is a virtual machine. PowerStatus is "" when Blue Lobster sends
// null, which it does for some running VMs.
type Instance struct {
	UUID              string            `json:"uuid"`
	Name              string            `json:"name"`
	HostID            string            `json:"host_id"`
	Region            string            `json:"region"`
	IPAddress         string            `json:"ip_address"`
	InternalIP        string            `json:"internal_ip"`
	CPUCores          int64             `json:"cpu_cores"`
	Memory            int64             `json:"memory"`
	Storage           int64             `json:"storage"`
	GPUCount          int64             `json:"gpu_count"`
	GPUModel          string            `json:"gpu_model"`
	PowerStatus       string            `json:"power_status"`
	CreatedAt         string            `json:"created_at"`
	Metadata          map[string]string `json:"metadata"`
	InstanceType      string            `json:"instance_type"`
	PriceCentsPerHour jsonx.Number      `json:"price_cents_per_hour"`
	TemplateName      string            `json:"template_name"`
	OSType            string            `json:"os_type"`
	TeamID            string            `json:"team_id"`
	TeamName          string            `json:"team_name"`
	VMUsername        string            `json:"vm_username"`
}

// Power statuses.
const (
	PowerRunning = "running"
	PowerStopped = "stopped"
	PowerError   = "error"
)

// LaunchRequest is the body of POST /instances/launch-instance.
type LaunchRequest struct {
	Region       string            `json:"region"`
	InstanceType string            `json:"instance_type"`
	SSHKey       string            `json:"ssh_key"`
	Name         string            `json:"name,omitempty"`
	Username     string            `json:"username,omitempty"`
	Password     string            `json:"-"`
	Metadata     map[string]string `json:"metadata,omitempty"`
	TemplateName string            `json:"template_name,omitempty"`
	ISOURL       string            `json:"iso_url,omitempty"`
}

// Launch is the answer to a launch: the VM's UUID comes at once.
type Launch struct {
	TaskID     string `json:"task_id"`
	VMUUID     string `json:"vm_uuid"`
	AssignedIP string `json:"assigned_ip"`
	Status     string `json:"status"`
}

const pathLaunch = "/instances/launch-instance"

// LaunchInstance starts a launch task.
func (c *Client) LaunchInstance(ctx context.Context, req LaunchRequest) (*Launch, error) {
	body := map[string]any{"region": req.Region, "instance_type": req.InstanceType, "ssh_key": req.SSHKey}
	for k, v := range map[string]string{"name": req.Name, "username": req.Username, "template_name": req.TemplateName, "iso_url": req.ISOURL, passwordField: req.Password} {
		if v != "" {
			body[k] = v
		}
	}
	if len(req.Metadata) > 0 {
		body["metadata"] = req.Metadata
	}
	var out Launch
	if err := c.call(ctx, http.MethodPost, pathLaunch, body, &out); err != nil {
		return nil, err
	}
	if out.VMUUID == "" {
		return nil, transport.NoIDError("Blue Lobster", http.MethodPost, pathLaunch)
	}
	return &out, nil
}

// GetInstance reads one instance.
func (c *Client) GetInstance(ctx context.Context, id string) (*Instance, error) {
	var out Instance
	return &out, c.call(ctx, http.MethodGet, instancePath(id), nil, &out)
}

// ListInstances lists the account's instances.
func (c *Client) ListInstances(ctx context.Context) ([]Instance, error) {
	req := transport.Request{Method: http.MethodGet, Path: "/instances"}
	resp, err := c.http.Do(ctx, req)
	if err != nil {
		return nil, err
	}
	// Document 004 shows this list by one instance; the other lists it
	// documents come under a key.
	list, err := jsonx.List(resp.Body, func(i Instance) bool { return i.UUID != "" }, "instances", "data")
	if err != nil {
		return nil, c.http.Unreadable(req, resp, err)
	}
	return list, nil
}

type taskAnswer struct {
	TaskID string `json:"task_id"`
}

func (c *Client) task(ctx context.Context, method, path string) (string, error) {
	var out taskAnswer
	return out.TaskID, c.call(ctx, method, path, nil, &out)
}

// DeleteInstance starts a delete task.
func (c *Client) DeleteInstance(ctx context.Context, id string) (string, error) {
	return c.task(ctx, http.MethodDelete, instancePath(id))
}

// PowerOn starts a power-on task.
func (c *Client) PowerOn(ctx context.Context, id string) (string, error) {
	return c.task(ctx, http.MethodPost, instancePath(id, "power-on"))
}

// Shutdown starts a graceful shutdown task.
func (c *Client) Shutdown(ctx context.Context, id string) (string, error) {
	return c.task(ctx, http.MethodPost, instancePath(id, "shutdown"))
}

// Rename changes the instance's display name.
func (c *Client) Rename(ctx context.Context, id, name string) error {
	return c.call(ctx, http.MethodPut, instancePath(id, "rename"), map[string]string{"name": name}, nil)
}

// Template is an OS template.
type Template struct {
	Name        string `json:"name"`
	VMID        int64  `json:"vmid"`
	DisplayName string `json:"display_name"`
	OSType      string `json:"os_type"`
	HasNvidia   bool   `json:"has_nvidia"`
}

// ListTemplates lists the OS templates.
func (c *Client) ListTemplates(ctx context.Context) ([]Template, error) {
	var out struct {
		Templates []Template `json:"templates"`
	}
	return out.Templates, c.call(ctx, http.MethodGet, "/instances/templates", nil, &out)
}
