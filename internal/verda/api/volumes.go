package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Volume is block or shared storage.
type Volume struct {
	// Tags is nil when the answer does not carry them.
	Tags                     *[]Tag   `json:"tags"`
	ID                       string   `json:"id"`
	InstanceID               string   `json:"instance_id"`
	Instances                []VolRef `json:"instances"`
	Name                     string   `json:"name"`
	CreatedAt                string   `json:"created_at"`
	Status                   string   `json:"status"`
	Size                     int64    `json:"size"`
	IsOSVolume               bool     `json:"is_os_volume"`
	Target                   string   `json:"target"`
	Type                     string   `json:"type"`
	Location                 string   `json:"location"`
	SSHKeyIDs                []string `json:"ssh_key_ids"`
	PseudoPath               string   `json:"pseudo_path"`
	MountCommand             string   `json:"mount_command"`
	CreateDirectoryCommand   string   `json:"create_directory_command"`
	FilesystemToFstabCommand string   `json:"filesystem_to_fstab_command"`
	Contract                 string   `json:"contract"`
	MonthlyPrice             Number   `json:"monthly_price"`
	Currency                 string   `json:"currency"`
	DeletedAt                string   `json:"deleted_at"`
	IsPermanentlyDeleted     bool     `json:"is_permanently_deleted"`
}

// VolRef is an instance a volume is attached to. Document 002's schema
// lists these as strings and its example as objects: both are read.
type VolRef struct {
	ID       string `json:"id"`
	Hostname string `json:"hostname"`
	Status   string `json:"status"`
}

func (r *VolRef) UnmarshalJSON(b []byte) error {
	type plain VolRef
	return jsonx.ObjectOrID(b, &r.ID, (*plain)(r))
}

// AttachedTo lists the IDs of the instances the volume is attached to.
func (v *Volume) AttachedTo() []string {
	ids := []string{}
	seen := map[string]bool{}
	for _, r := range v.Instances {
		if r.ID != "" && !seen[r.ID] {
			ids, seen[r.ID] = append(ids, r.ID), true
		}
	}
	if v.InstanceID != "" && !seen[v.InstanceID] {
		ids = append(ids, v.InstanceID)
	}
	return ids
}

// Volume statuses the provider acts on.
const (
	VolumeAttached = "attached"
	VolumeDetached = "detached"
	VolumeDeleted  = "deleted"
	VolumeCanceled = "canceled"
)

// CreateVolumeRequest is the body of POST /volumes.
type CreateVolumeRequest struct {
	Type         string    `json:"type"`
	LocationCode string    `json:"location_code"`
	Size         int64     `json:"size"`
	Name         string    `json:"name"`
	InstanceIDs  []string  `json:"instance_ids,omitempty"`
	Tags         []TagSpec `json:"tags,omitempty"`
}

// CloneVolumeRequest copies a volume into a new one (PUT /volumes, action clone).
type CloneVolumeRequest struct {
	Action       string   `json:"action"`
	ID           []string `json:"id"`
	Name         string   `json:"name,omitempty"`
	LocationCode string   `json:"location_code,omitempty"`
	Type         string   `json:"type,omitempty"`
}

// CloneVolume starts a copy of the volume source and returns the new
// volume's ID, which the document gives as {"id": ...}.
func (c *Client) CloneVolume(ctx context.Context, source string, req CloneVolumeRequest) (string, error) {
	req.Action, req.ID = VolumeActionClone, []string{source}
	treq := transport.Request{Method: http.MethodPut, Path: "/volumes", Body: req, Creates: true}
	resp, err := c.http.Do(ctx, treq)
	if err != nil {
		return "", err
	}
	id, err := decodeCreatedID(resp.Body)
	if err != nil {
		return "", c.http.Unreadable(treq, resp, err)
	}
	return id, nil
}

// CreateVolume orders a volume and returns its ID.
func (c *Client) CreateVolume(ctx context.Context, req CreateVolumeRequest) (string, error) {
	return c.create(ctx, "/volumes", req)
}

// GetVolume reads one volume; one in the trash has status "deleted".
func (c *Client) GetVolume(ctx context.Context, id string) (*Volume, error) {
	var out Volume
	if _, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodGet, Path: "/volumes/" + url.PathEscape(id)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListVolumes lists the project's volumes outside the trash.
func (c *Client) ListVolumes(ctx context.Context) ([]Volume, error) {
	return listAll[Volume](ctx, c, "/volumes")
}

// VolumeActionRequest is the body of PUT /volumes.
type VolumeActionRequest struct {
	Action      string   `json:"action"`
	ID          []string `json:"id"`
	InstanceID  string   `json:"instance_id,omitempty"`
	InstanceIDs []string `json:"instance_ids,omitempty"`
	Name        string   `json:"name,omitempty"`
	Size        int64    `json:"size,omitempty"`
	IsPermanent bool     `json:"is_permanent,omitempty"`
}

// Volume actions.
const (
	VolumeActionAttach = "attach"
	VolumeActionDetach = "detach"
	VolumeActionRename = "rename"
	VolumeActionResize = "resize"
	VolumeActionClone  = "clone"
)

// VolumeAction applies an action to volumes.
func (c *Client) VolumeAction(ctx context.Context, req VolumeActionRequest) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPut, Path: "/volumes", Body: req})
	return err
}

// DeleteVolume moves a volume to the trash, or deletes it for good.
func (c *Client) DeleteVolume(ctx context.Context, id string, permanently bool) error {
	_, err := c.http.Do(ctx, transport.Request{
		Method: http.MethodDelete, Path: "/volumes/" + url.PathEscape(id), Body: map[string]bool{"is_permanent": permanently},
	})
	return err
}
