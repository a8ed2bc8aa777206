package verda

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

const (
	volumeOrdered   = "ordered"
	volumeAttached  = "attached"
	volumeAttaching = "attaching"
	volumeDetached  = "detached"
	volumeDetaching = "detaching"
	volumeDeleted   = "deleted"
	volumeCloning   = "cloning"
)

var volumeTypes = []string{"HDD", "NVMe", "HDD_Shared", "NVMe_Shared", "NVMe_Local_Storage", "NVMe_Shared_Cluster", "NVMe_OS_Cluster"}

func validVolumeType(t string) bool { return slices.Contains(volumeTypes, t) }

type volume struct {
	ID         string
	Name       string
	Type       string
	Location   string
	Size       int
	Status     string
	IsOSVolume bool
	InstanceID string
	// AlsoAttached are the further instances a shared filesystem is attached to.
	AlsoAttached       []string
	Tags               []Tag
	SSHKeyIDs          []string
	OnSpotDiscontinue  string
	CreatedAt          time.Time
	DeletedAt          time.Time
	PermanentlyDeleted bool
	Plan               schedule
	Order              int64
}

// volumeBody is the document's volume object, active or deleted.
type volumeBody struct {
	Tags                     json.RawMessage `json:"tags"`
	ID                       string          `json:"id"`
	InstanceID               *string         `json:"instance_id"`
	Instances                any             `json:"instances"`
	Name                     string          `json:"name"`
	CreatedAt                string          `json:"created_at"`
	Status                   string          `json:"status"`
	Size                     int             `json:"size"`
	IsOSVolume               bool            `json:"is_os_volume"`
	Target                   *string         `json:"target"`
	Type                     string          `json:"type"`
	Location                 string          `json:"location"`
	SSHKeyIDs                []string        `json:"ssh_key_ids"`
	PseudoPath               string          `json:"pseudo_path,omitempty"`
	CreateDirectoryCommand   string          `json:"create_directory_command,omitempty"`
	MountCommand             string          `json:"mount_command,omitempty"`
	FilesystemToFstabCommand string          `json:"filesystem_to_fstab_command,omitempty"`
	Contract                 string          `json:"contract"`
	BaseHourlyCost           float64         `json:"base_hourly_cost"`
	MonthlyPrice             float64         `json:"monthly_price"`
	Currency                 string          `json:"currency"`
	DeletedAt                string          `json:"deleted_at,omitempty"`
	IsPermanentlyDeleted     *bool           `json:"is_permanently_deleted,omitempty"`
}

type volumeInstRef struct {
	ID           string  `json:"id"`
	IP           *string `json:"ip"`
	InstanceType string  `json:"instance_type"`
	Status       string  `json:"status"`
	OSVolumeID   string  `json:"os_volume_id"`
	Hostname     string  `json:"hostname"`
}

func (c *Cloud) volumeBody(v *volume) volumeBody {
	monthly := 0.0
	for _, t := range c.catalog.VolumeTypes {
		if t.Type == v.Type {
			monthly = t.Price.PricePerMonthPerGB * float64(v.Size)
		}
	}
	b := volumeBody{
		ID: v.ID, Name: v.Name, CreatedAt: v.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"), Status: v.Status,
		Size: v.Size, IsOSVolume: v.IsOSVolume, Type: v.Type, Location: v.Location, SSHKeyIDs: v.SSHKeyIDs,
		Contract: "PAY_AS_YOU_GO", MonthlyPrice: monthly, BaseHourlyCost: monthly / 730, Currency: "usd",
		Tags: tagList(v.Tags),
	}
	refs := []volumeInstRef{}
	if b.SSHKeyIDs == nil {
		b.SSHKeyIDs = []string{}
	}
	if v.InstanceID != "" {
		id := v.InstanceID
		b.InstanceID = &id
		target := "vdb"
		if v.IsOSVolume {
			target = "vda"
		}
		b.Target = &target
		for _, id := range v.attachments() {
			i, ok := c.instances[id]
			if !ok {
				continue
			}
			ref := volumeInstRef{ID: i.ID, InstanceType: i.Type.InstanceType, Status: i.Status, OSVolumeID: i.OSVolumeID, Hostname: i.Hostname}
			if i.Status == statusRunning {
				ip := i.IP
				ref.IP = &ip
			}
			refs = append(refs, ref)
		}
	}
	b.Instances = refs
	if c.switches.Get().ObjectsAsIDs {
		ids := make([]string, len(refs))
		for n, ref := range refs {
			ids[n] = ref.ID
		}
		b.Instances = ids
	}
	if v.Status == volumeDeleted {
		b.DeletedAt = v.DeletedAt.UTC().Format("2006-01-02T15:04:05.000Z")
		perm := v.PermanentlyDeleted
		b.IsPermanentlyDeleted = &perm
	} else {
		b.PseudoPath = "volume-" + shortID(v.ID)
		b.CreateDirectoryCommand = "mkdir -p /mnt/volume"
		b.MountCommand = fmt.Sprintf("mount -t nfs -o nconnect=16 nfs.%s.verda.internal:%s /mnt/volume", v.Location, b.PseudoPath)
		b.FilesystemToFstabCommand = fmt.Sprintf("echo 'nfs.%s.verda.internal:%s /mnt/volume nfs defaults 0 0' | sudo tee -a /etc/fstab", v.Location, b.PseudoPath)
	}
	return b
}

// newVolume adds a volume in the ordered state. Callers hold c.mu.
func (c *Cloud) newVolume(spec volumeSpec, location string, os bool) *volume {
	c.Order++
	v := &volume{
		ID: c.newID(), Name: spec.Name, Type: spec.Type, Location: location, Size: int(spec.Size),
		Status: volumeOrdered, IsOSVolume: os, OnSpotDiscontinue: spec.OnSpotDiscontinue, CreatedAt: c.now(), Order: c.Order,
	}
	c.volumes[v.ID] = v
	return v
}

// attachments are the instances the volume is attached to.
func (v *volume) attachments() []string {
	if v.InstanceID == "" {
		return nil
	}
	return append([]string{v.InstanceID}, v.AlsoAttached...)
}

// attach adds an instance to the volume's attachments.
func (v *volume) attach(instanceID string) {
	switch {
	case v.InstanceID == "":
		v.InstanceID = instanceID
	case !slices.Contains(v.attachments(), instanceID):
		v.AlsoAttached = append(v.AlsoAttached, instanceID)
	}
}

// detachFrom takes one instance off the volume's attachments.
func (v *volume) detachFrom(instanceID string) {
	rest := slices.DeleteFunc(v.attachments(), func(id string) bool { return id == instanceID })
	v.InstanceID, v.AlsoAttached = "", nil
	for _, id := range rest {
		v.attach(id)
	}
}

func isSharedType(t string) bool { return slices.Contains([]string{"NVMe_Shared", "HDD_Shared"}, t) }

// trash moves a volume to the trash, or removes it for good.
func (c *Cloud) trash(v *volume, permanently bool) {
	v.InstanceID, v.AlsoAttached = "", nil
	v.Plan = nil
	if permanently {
		delete(c.volumes, v.ID)
		return
	}
	v.Status, v.DeletedAt = volumeDeleted, c.now()
}

func (c *Cloud) sortedVolumes(keep func(*volume) bool) []volumeBody {
	var vols []*volume
	for _, v := range c.volumes {
		if keep(v) {
			vols = append(vols, v)
		}
	}
	sort.Slice(vols, func(i, j int) bool { return vols[i].Order < vols[j].Order })
	out := make([]volumeBody, 0, len(vols))
	for _, v := range vols {
		out = append(out, c.volumeBody(v))
	}
	return out
}

func (c *Cloud) listVolumes(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	core.WriteJSON(w, http.StatusOK, c.sortedVolumes(func(v *volume) bool { return v.Status != volumeDeleted }))
}

func (c *Cloud) listTrash(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	core.WriteJSON(w, http.StatusOK, c.sortedVolumes(func(v *volume) bool { return v.Status == volumeDeleted }))
}

func (c *Cloud) getVolume(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	v, ok := c.volumes[r.PathValue("id")]
	if !ok {
		fail(w, http.StatusNotFound, "Volume not found")
		return
	}
	core.WriteJSON(w, http.StatusOK, c.volumeBody(v))
}

// instancesShutDown reports the first of ids that is missing or not shut down.
func (c *Cloud) instancesShutDown(ids []string) (string, bool) {
	for _, id := range ids {
		i, ok := c.instances[id]
		if !ok || i.Status != statusOffline {
			return id, false
		}
	}
	return "", true
}

func (c *Cloud) createVolume(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Type         string    `json:"type"`
		LocationCode string    `json:"location_code"`
		Size         float64   `json:"size"`
		Name         string    `json:"name"`
		InstanceID   string    `json:"instance_id"`
		InstanceIDs  []string  `json:"instance_ids"`
		Tags         []tagSpec `json:"tags"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	targets := req.InstanceIDs
	if req.InstanceID != "" {
		targets = append([]string{req.InstanceID}, targets...)
	}
	switch {
	case req.LocationCode == "":
		fail(w, http.StatusBadRequest, "location_code is required")
		return
	case !slices.ContainsFunc(c.catalog.Locations, func(l Location) bool { return l.Code == req.LocationCode }):
		failf(w, http.StatusBadRequest, "Invalid location_code %q", req.LocationCode)
		return
	case req.Name == "" || req.Size < 1 || !validVolumeType(req.Type):
		fail(w, http.StatusBadRequest, "name, a size of at least 1 GB and a valid type are required")
		return
	case len(targets) > 1 && !isSharedType(req.Type):
		fail(w, http.StatusBadRequest, "Only shared volumes can be attached to several instances")
		return
	}
	if _, ok := c.instancesShutDown(targets); !ok {
		fail(w, http.StatusForbidden, "One or more of the specified instances is not shut down")
		return
	}
	tags, msg := c.newTags(req.Tags)
	if msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	v := c.newVolume(volumeSpec{Name: req.Name, Size: req.Size, Type: req.Type}, req.LocationCode, false)
	v.Tags = tags
	final := volumeDetached
	if len(targets) > 0 {
		for _, id := range targets {
			v.attach(id)
		}
		final = volumeAttached
	}
	v.Plan.add(c.now().Add(time.Duration(c.switches.Get().ActionDelay)), final)
	c.answerCreated(w, http.StatusAccepted, v.ID)
}

func (c *Cloud) volumeAction(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Action      string          `json:"action"`
		ID          json.RawMessage `json:"id"`
		InstanceID  string          `json:"instance_id"`
		InstanceIDs []string        `json:"instance_ids"`
		IsPermanent bool            `json:"is_permanent"`
		Name        string          `json:"name"`
		Size        float64         `json:"size"`
		Location    string          `json:"location_code"`
		Type        string          `json:"type"`
	}
	if !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	ids := idList(req.ID)
	if len(ids) == 0 {
		fail(w, http.StatusBadRequest, "id is required")
		return
	}
	vols := make([]*volume, 0, len(ids))
	for _, id := range ids {
		v, ok := c.volumes[id]
		if !ok || (v.Status == volumeDeleted && req.Action != "delete") {
			failf(w, http.StatusNotFound, "Volume %s not found", id)
			return
		}
		vols = append(vols, v)
	}
	now, delay := c.now(), time.Duration(c.switches.Get().ActionDelay)
	switch req.Action {
	case "attach":
		targets := req.InstanceIDs
		if req.InstanceID != "" {
			targets = append([]string{req.InstanceID}, targets...)
		}
		if len(targets) == 0 {
			fail(w, http.StatusBadRequest, "instance_id or instance_ids is required to attach")
			return
		}
		for _, target := range targets {
			i, ok := c.instances[target]
			if !ok {
				failf(w, http.StatusNotFound, "Instance %s not found", target)
				return
			}
			if i.Status != statusOffline {
				fail(w, http.StatusForbidden, "One or more of the specified instances is not shut down")
				return
			}
			for _, v := range vols {
				switch {
				case !isSharedType(v.Type) && (len(targets) > 1 || v.InstanceID != "" && v.InstanceID != target):
					failf(w, http.StatusBadRequest, "Volume %s is not a shared filesystem: it attaches to one instance", v.ID)
					return
				case v.Location != i.Location:
					failf(w, http.StatusBadRequest, "Volume %s is in %s, the instance in %s", v.ID, v.Location, i.Location)
					return
				}
			}
		}
		for _, v := range vols {
			for _, target := range targets {
				v.attach(target)
			}
			v.Status = volumeAttaching
			v.Plan.add(now.Add(delay), volumeAttached)
		}
	case "detach":
		for _, v := range vols {
			if v.IsOSVolume && v.InstanceID != "" {
				if i, ok := c.instances[v.InstanceID]; ok && i.Status != statusOffline {
					fail(w, http.StatusForbidden, "The instance must be shut down to detach its OS volume")
					return
				}
			}
		}
		for _, v := range vols {
			if v.InstanceID == "" {
				continue
			}
			v.InstanceID, v.AlsoAttached, v.Status = "", nil, volumeDetaching
			v.Plan.add(now.Add(delay), volumeDetached)
		}
	case "clone":
		if len(vols) != 1 {
			fail(w, http.StatusBadRequest, "clone takes one volume")
			return
		}
		src := vols[0]
		spec := volumeSpec{Name: cmp.Or(req.Name, src.Name+"-clone"), Size: float64(src.Size), Type: cmp.Or(req.Type, src.Type)}
		location := cmp.Or(req.Location, src.Location)
		switch {
		case !validVolumeType(spec.Type):
			failf(w, http.StatusBadRequest, "Invalid type %q", spec.Type)
			return
		case !slices.ContainsFunc(c.catalog.Locations, func(l Location) bool { return l.Code == location }):
			failf(w, http.StatusBadRequest, "Invalid location_code %q", location)
			return
		}
		clone := c.newVolume(spec, location, false)
		clone.Status = volumeCloning
		clone.Plan.add(now.Add(delay), volumeDetached)
		core.WriteJSON(w, http.StatusAccepted, map[string]string{"id": clone.ID})
		return
	case "rename":
		if req.Name == "" {
			fail(w, http.StatusBadRequest, "name is required")
			return
		}
		for _, v := range vols {
			v.Name = req.Name
		}
	case "resize":
		for _, v := range vols {
			if int(req.Size) < v.Size {
				failf(w, http.StatusBadRequest, "New size %d GB is smaller than the current %d GB", int(req.Size), v.Size)
				return
			}
		}
		for _, v := range vols {
			v.Size = int(req.Size)
		}
	case "delete":
		for _, v := range vols {
			if v.InstanceID != "" {
				failf(w, http.StatusBadRequest, "Volume %s is attached; detach it first", v.ID)
				return
			}
		}
		for _, v := range vols {
			c.trash(v, req.IsPermanent)
		}
	default:
		failf(w, http.StatusBadRequest, "Action %q is not available", req.Action)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (c *Cloud) deleteVolume(w http.ResponseWriter, r *http.Request) {
	var req struct {
		IsPermanent bool `json:"is_permanent"`
	}
	if r.ContentLength != 0 && !decode(w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	v, ok := c.volumes[r.PathValue("id")]
	switch {
	case !ok:
		fail(w, http.StatusNotFound, "Volume not found")
	case v.Status == volumeDeleted && !req.IsPermanent:
		w.WriteHeader(http.StatusNoContent)
	case v.InstanceID != "":
		fail(w, http.StatusBadRequest, "Volume is attached; detach it first")
	default:
		c.trash(v, req.IsPermanent)
		w.WriteHeader(http.StatusAccepted)
	}
}

// RenameVolume changes a volume's name behind the API's back.
func (c *Cloud) RenameVolume(id, name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.volumes[id]
	if ok {
		v.Name = name
	}
	return ok
}

// Volume reports a volume's status and attachment, for tests.
func (c *Cloud) Volume(id string) (status, instanceID string, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	v, ok := c.volumes[id]
	if !ok {
		return "", "", false
	}
	return v.Status, v.InstanceID, true
}

// TrashVolume moves a volume to the trash behind the API's back.
func (c *Cloud) TrashVolume(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.volumes[id]
	if ok {
		c.trash(v, false)
	}
	return ok
}

// shortID is the start of an ID that names derived things, as Verda does
// with the first eight characters of a UUID.
func shortID(id string) string { return id[:min(len(id), 8)] }
