package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// VM is a rented GPU machine.
type VM struct {
	ID            string       `json:"id"`
	VMID          int64        `json:"vmid"`
	Node          string       `json:"node"`
	InstanceLabel string       `json:"instance_label"`
	GPUType       string       `json:"gpu_type"`
	GPUCount      int64        `json:"gpu_count"`
	StorageGB     int64        `json:"storage_gb"`
	RAMGB         int64        `json:"ram_gb"`
	CPUCores      int64        `json:"cpu_cores"`
	IPAddress     string       `json:"ip_address"`
	Status        string       `json:"status"`
	CreatedAt     string       `json:"created_at"`
	StartedAt     string       `json:"started_at"`
	StoppedAt     string       `json:"stopped_at"`
	RentalType    string       `json:"rental_type"`
	HourlyRate    jsonx.Number `json:"hourly_rate"`
	TemplateVMID  int64        `json:"template_vmid"`
}

// VM statuses.
const (
	StatusRunning     = "running"
	StatusStopped     = "stopped"
	StatusInterrupted = "interrupted"
	StatusFailed      = "failed"
	StatusDestroyed   = "destroyed"
)

// CreateVMRequest is the body of POST /vms.
type CreateVMRequest struct {
	Node              string `json:"node"`
	GPUType           string `json:"gpu_type"`
	GPUCount          int64  `json:"gpu_count"`
	StorageGB         int64  `json:"storage_gb"`
	TemplateVMID      int64  `json:"template_vmid"`
	RentalType        string `json:"rental_type,omitempty"`
	ReservationMonths int64  `json:"reservation_months,omitempty"`
	AuthMethod        string `json:"auth_method,omitempty"`
	SSHKeyID          string `json:"ssh_key_id,omitempty"`
	Password          string `json:"password,omitempty"`
}

// CreateVM rents a VM; it answers at once, while the VM is still creating.
func (c *Client) CreateVM(ctx context.Context, req CreateVMRequest) (*VM, error) {
	var out VM
	if err := c.call(ctx, http.MethodPost, "/vms", nil, req, &out); err != nil {
		return nil, err
	}
	if out.ID == "" {
		return nil, transport.NoIDError("Nova Cloud", http.MethodPost, "/vms")
	}
	return &out, nil
}

// GetVM reads one VM.
func (c *Client) GetVM(ctx context.Context, id string) (*VM, error) {
	var out VM
	return &out, c.call(ctx, http.MethodGet, fmt.Sprintf(pathVM, url.PathEscape(id)), nil, nil, &out)
}

// ListVMs reads every page of the account's VMs.
func (c *Client) ListVMs(ctx context.Context) ([]VM, error) { return list[VM](ctx, c, "/vms") }

// DeleteVM destroys a VM.
func (c *Client) DeleteVM(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodDelete, fmt.Sprintf(pathVM, url.PathEscape(id)), nil, nil, nil)
}

// StartVM starts a stopped VM.
func (c *Client) StartVM(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodPost, fmt.Sprintf(pathStartVM, url.PathEscape(id)), nil, nil, nil)
}

// StopVM stops a running VM.
func (c *Client) StopVM(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodPost, fmt.Sprintf(pathStopVM, url.PathEscape(id)), nil, nil, nil)
}

// SSHKey is a stored public key.
type SSHKey struct {
	ID          string `json:"id"`
	Label       string `json:"label"`
	KeyType     string `json:"key_type"`
	Fingerprint string `json:"fingerprint"`
	CreatedAt   string `json:"created_at"`
}

// CreateSSHKey stores a key; an account holds at most five.
func (c *Client) CreateSSHKey(ctx context.Context, publicKey, label string) (*SSHKey, error) {
	var out SSHKey
	if err := c.call(ctx, http.MethodPost, pathSSHKeys, nil, map[string]string{"ssh_public_key": publicKey, "label": label}, &out); err != nil {
		return nil, err
	}
	if out.ID == "" {
		return nil, transport.NoIDError("Nova Cloud", http.MethodPost, pathSSHKeys)
	}
	return &out, nil
}

// GetSSHKey reads one key.
func (c *Client) GetSSHKey(ctx context.Context, id string) (*SSHKey, error) {
	var out SSHKey
	return &out, c.call(ctx, http.MethodGet, pathSSHKeys+"/"+url.PathEscape(id), nil, nil, &out)
}

// ListSSHKeys lists the account's keys.
func (c *Client) ListSSHKeys(ctx context.Context) ([]SSHKey, error) {
	return list[SSHKey](ctx, c, pathSSHKeys)
}

// DeleteSSHKey removes a key.
func (c *Client) DeleteSSHKey(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodDelete, pathSSHKeys+"/"+url.PathEscape(id), nil, nil, nil)
}

// Offer is a public GPU offer.
type Offer struct {
	GPUType           string       `json:"gpu_type"`
	GPUCount          int64        `json:"gpu_count"`
	GPURAMMB          int64        `json:"gpu_ram_mb"`
	GPUPriceHourly    jsonx.Number `json:"gpu_price_hourly"`
	InterruptibleRate jsonx.Number `json:"interruptible_rate"`
	Available         jsonx.Bool   `json:"available"`
	Location          string       `json:"location"`
	// Node is where the offer can be rented [inferred: no public source shows it].
	Node string `json:"node"`
}

// Search lists the public offers; it needs no credentials.
func (c *Client) Search(ctx context.Context) ([]Offer, error) {
	var out []Offer
	_, err := c.http.DoJSON(ctx, transportPublic(http.MethodGet, "/search"), &out)
	return out, err
}

// Pricing returns the hourly price per GPU type; it needs no credentials.
func (c *Client) Pricing(ctx context.Context) (map[string]float64, error) {
	var out struct {
		GPUs map[string]jsonx.Number `json:"gpus"`
	}
	if _, err := c.http.DoJSON(ctx, transportPublic(http.MethodGet, "/pricing"), &out); err != nil {
		return nil, err
	}
	prices := map[string]float64{}
	for k, v := range out.GPUs {
		prices[k] = float64(v)
	}
	return prices, nil
}
