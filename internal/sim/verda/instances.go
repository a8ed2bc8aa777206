package verda

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type instance struct {
	ID              string
	Hostname        string
	Description     string
	Location        string
	Type            InstanceType
	Image           string
	ImageID         string
	OSName          string
	Status          string
	IP              string
	CreatedAt       time.Time
	IsSpot          bool
	Contract        string
	PricePerHour    float64
	SSHKeyIDs       []string
	StartupScriptID string
	OSVolumeID      string
	JupyterToken    string
	Tags            []Tag
	Plan            schedule
	Order           int64
	// Refusal, when set, is the error every action on the instance answers
	// (a test's fault: an instance the cloud will not act on).
	Refusal string
}

// instanceBody is the document's instance object.
type instanceBody struct {
	Tags            json.RawMessage `json:"tags"`
	ID              string          `json:"id"`
	IP              *string         `json:"ip"`
	Status          string          `json:"status"`
	CreatedAt       string          `json:"created_at"`
	CPU             Spec            `json:"cpu"`
	GPU             Spec            `json:"gpu"`
	GPUMemory       Spec            `json:"gpu_memory"`
	Memory          Spec            `json:"memory"`
	Storage         Spec            `json:"storage"`
	Hostname        string          `json:"hostname"`
	Description     string          `json:"description"`
	Location        string          `json:"location"`
	PricePerHour    float64         `json:"price_per_hour"`
	IsSpot          bool            `json:"is_spot"`
	InstanceType    string          `json:"instance_type"`
	Image           string          `json:"image"`
	OSName          string          `json:"os_name"`
	StartupScriptID *string         `json:"startup_script_id"`
	SSHKeyIDs       []string        `json:"ssh_key_ids"`
	OSVolumeID      string          `json:"os_volume_id"`
	JupyterToken    string          `json:"jupyter_token"`
	Contract        string          `json:"contract"`
	Pricing         string          `json:"pricing"`
	VolumeIDs       []string        `json:"volume_ids"`
}

const (
	statusOrdered      = "ordered"
	statusProvisioning = "provisioning"
	statusRunning      = "running"
	statusOffline      = "offline"
	statusDeleting     = "deleting"
)

var hostnamePattern = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)

func (c *Cloud) body(i *instance) instanceBody {
	b := instanceBody{
		ID: i.ID, Status: i.Status, CreatedAt: i.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
		CPU: i.Type.CPU, GPU: i.Type.GPU, GPUMemory: i.Type.GPUMemory, Memory: i.Type.Memory, Storage: i.Type.Storage,
		Hostname: i.Hostname, Description: i.Description, Location: i.Location, PricePerHour: i.PricePerHour,
		IsSpot: i.IsSpot, InstanceType: i.Type.InstanceType, Image: i.Image, OSName: i.OSName,
		SSHKeyIDs: i.SSHKeyIDs, OSVolumeID: i.OSVolumeID, JupyterToken: i.JupyterToken,
		Contract: i.Contract, Pricing: "FIXED_PRICE", VolumeIDs: c.attachedTo(i.ID), Tags: tagList(i.Tags),
	}
	if c.switches.Get().ImageAsID && i.ImageID != "" {
		b.Image = i.ImageID
	}
	if i.IP != "" && i.Status != statusOrdered && i.Status != statusProvisioning {
		ip := i.IP
		b.IP = &ip
	}
	if i.StartupScriptID != "" {
		id := i.StartupScriptID
		b.StartupScriptID = &id
	}
	if b.SSHKeyIDs == nil {
		b.SSHKeyIDs = []string{}
	}
	return b
}

// attachedTo lists the volumes attached to an instance, OS volume first.
func (c *Cloud) attachedTo(instanceID string) []string {
	var vols []*volume
	for _, v := range c.volumes {
		if slices.Contains(v.attachments(), instanceID) && v.Status != volumeDeleted {
			vols = append(vols, v)
		}
	}
	sort.Slice(vols, func(i, j int) bool {
		if vols[i].IsOSVolume != vols[j].IsOSVolume {
			return vols[i].IsOSVolume
		}
		return vols[i].Order < vols[j].Order
	})
	ids := make([]string, 0, len(vols))
	for _, v := range vols {
		ids = append(ids, v.ID)
	}
	return ids
}

func (c *Cloud) listInstances(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	status := r.URL.Query().Get("status")
	var all []*instance
	for _, i := range c.instances {
		if status == "" || i.Status == status {
			all = append(all, i)
		}
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Order < all[b].Order })
	out := make([]instanceBody, 0, len(all))
	for _, i := range all {
		out = append(out, c.body(i))
	}
	core.WriteJSON(w, http.StatusOK, out)
}

func (c *Cloud) getInstance(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	i, ok := c.instances[r.PathValue("id")]
	if !ok {
		fail(w, http.StatusNotFound, "Instance not found")
		return
	}
	core.WriteJSON(w, http.StatusOK, c.body(i))
}

type volumeSpec struct {
	Name              string  `json:"name"`
	Size              float64 `json:"size"`
	Type              string  `json:"type"`
	OnSpotDiscontinue string  `json:"on_spot_discontinue"`
}

type deployRequest struct {
	InstanceType    string          `json:"instance_type"`
	Image           string          `json:"image"`
	Hostname        string          `json:"hostname"`
	Description     *string         `json:"description"`
	LocationCode    string          `json:"location_code"`
	SSHKeyIDs       json.RawMessage `json:"ssh_key_ids"`
	StartupScriptID string          `json:"startup_script_id"`
	IsSpot          bool            `json:"is_spot"`
	Contract        string          `json:"contract"`
	Pricing         string          `json:"pricing"`
	Coupon          string          `json:"coupon"`
	OSVolume        *volumeSpec     `json:"os_volume"`
	Volumes         []volumeSpec    `json:"volumes"`
	ExistingVolumes []string        `json:"existing_volumes"`
	Tags            []tagSpec       `json:"tags"`
}

var spotPolicies = []string{"", "keep_detached", "move_to_trash", "delete_permanently"}

// validateDeploy returns the status and message of the document's errors, or 0.
func (c *Cloud) validateDeploy(req *deployRequest) (int, string) {
	cat := c.catalog
	switch {
	case req.LocationCode == "":
		return 400, "location_code is required"
	case !slices.ContainsFunc(cat.Locations, func(l Location) bool { return l.Code == req.LocationCode }):
		return 400, fmt.Sprintf("Invalid location_code %q", req.LocationCode)
	case req.Hostname == "" || !hostnamePattern.MatchString(req.Hostname):
		return 400, "hostname must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit"
	case req.Description == nil:
		return 400, "description is required"
	case req.Image == "":
		return 400, "image is required"
	case req.Contract != "" && !slices.Contains([]string{"LONG_TERM", "PAY_AS_YOU_GO", "SPOT"}, req.Contract):
		return 400, fmt.Sprintf("Invalid contract %q", req.Contract)
	case req.OSVolume != nil && !slices.Contains(spotPolicies, req.OSVolume.OnSpotDiscontinue):
		return 400, "Invalid os_volume.on_spot_discontinue"
	}
	if !slices.ContainsFunc(cat.InstanceTypes, func(t InstanceType) bool { return t.InstanceType == req.InstanceType }) {
		return 400, fmt.Sprintf("Invalid instance_type %q", req.InstanceType)
	}
	for _, id := range idList(req.SSHKeyIDs) {
		if _, ok := c.keys[id]; !ok {
			return 400, fmt.Sprintf("SSH key %s not found", id)
		}
	}
	if req.StartupScriptID != "" {
		if _, ok := c.scripts[req.StartupScriptID]; !ok {
			return 400, fmt.Sprintf("Startup script %s not found", req.StartupScriptID)
		}
	}
	for _, v := range req.Volumes {
		if v.Name == "" || v.Size < 1 || !validVolumeType(v.Type) || !slices.Contains(spotPolicies, v.OnSpotDiscontinue) {
			return 400, "each of volumes needs a name, a size of at least 1 GB and a valid type"
		}
	}
	for _, id := range req.ExistingVolumes {
		v, ok := c.volumes[id]
		switch {
		case !ok || v.Status == volumeDeleted:
			return 400, fmt.Sprintf("Volume %s not found", id)
		case v.InstanceID != "":
			return 400, fmt.Sprintf("Volume %s is attached to another instance", id)
		case v.Location != req.LocationCode:
			return 400, fmt.Sprintf("Volume %s is in %s, not %s", id, v.Location, req.LocationCode)
		}
	}
	if !c.imageKnown(req.Image, req.LocationCode) {
		return 400, fmt.Sprintf("Invalid image %q: not an image type and not a detached OS volume in %s", req.Image, req.LocationCode)
	}
	return 0, ""
}

func (c *Cloud) imageKnown(image, location string) bool {
	if slices.ContainsFunc(c.catalog.Images, func(i Image) bool { return i.ImageType == image && !i.IsCluster }) {
		return true
	}
	v, ok := c.volumes[image]
	return ok && v.IsOSVolume && v.InstanceID == "" && v.Status != volumeDeleted && v.Location == location
}

func (c *Cloud) deployInstance(w http.ResponseWriter, r *http.Request) {
	var req deployRequest
	if !decode(w, r, &req) {
		return
	}
	sw := c.switches.Get()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	if status, msg := c.validateDeploy(&req); status != 0 {
		fail(w, status, msg)
		return
	}
	var typ InstanceType
	for _, t := range c.catalog.InstanceTypes {
		if t.InstanceType == req.InstanceType {
			typ = t
		}
	}
	avail := c.catalog.Availability
	if req.IsSpot {
		avail = c.catalog.SpotAvailability
	}
	if !slices.Contains(avail[req.LocationCode], req.InstanceType) {
		failf(w, http.StatusServiceUnavailable, "Not enough resources at the moment for %s in %s, try again later or use a different location", req.InstanceType, req.LocationCode)
		return
	}
	price, _ := strconv.ParseFloat(typ.PricePerHour, 64)
	if req.IsSpot {
		price, _ = strconv.ParseFloat(typ.SpotPrice, 64)
	}
	if c.catalog.Balance < price {
		failf(w, http.StatusPaymentRequired, "Not enough funds: the balance of %.2f does not cover an hour at %.2f", c.catalog.Balance, price)
		return
	}
	// Taken last, so that only a launch that succeeds uses the room.
	if !c.Capacity.Take(req.InstanceType, req.LocationCode) {
		failf(w, http.StatusServiceUnavailable, "Not enough resources at the moment for %s in %s, try again later or use a different location", req.InstanceType, req.LocationCode)
		return
	}

	now := c.now()
	c.Order++
	contract := req.Contract
	if contract == "" {
		contract = "PAY_AS_YOU_GO"
		if req.IsSpot {
			contract = "SPOT"
		}
	}
	inst := &instance{
		ID: c.newID(), Hostname: req.Hostname, Description: *req.Description, Location: req.LocationCode, Type: typ,
		Image: req.Image, Status: statusOrdered, CreatedAt: now, IsSpot: req.IsSpot, Contract: contract,
		PricePerHour: price, SSHKeyIDs: idList(req.SSHKeyIDs), StartupScriptID: req.StartupScriptID,
		JupyterToken: strings.ReplaceAll(core.NewID(), "-", ""), Order: c.Order,
		IP: fmt.Sprintf("203.0.113.%d", 1+rand.IntN(254)),
	}
	inst.OSName, inst.ImageID = c.osOf(req.Image)
	tags, msg := c.newTags(req.Tags)
	if msg != "" {
		fail(w, http.StatusBadRequest, msg)
		return
	}
	inst.Tags = tags

	// The OS volume: a new one from the image type, or the detached one named as image.
	if v, ok := c.volumes[req.Image]; ok {
		v.InstanceID = inst.ID
		v.Status = volumeAttached
		inst.OSVolumeID = v.ID
	} else {
		spec := volumeSpec{Name: "OS-NVMe-" + shortID(inst.ID), Size: 50, Type: "NVMe"}
		if req.OSVolume != nil {
			if req.OSVolume.Name != "" {
				spec.Name = req.OSVolume.Name
			}
			if req.OSVolume.Size > 0 {
				spec.Size = req.OSVolume.Size
			}
			spec.OnSpotDiscontinue = req.OSVolume.OnSpotDiscontinue
		}
		os := c.newVolume(spec, req.LocationCode, true)
		os.InstanceID, os.Status, os.SSHKeyIDs = inst.ID, volumeAttached, inst.SSHKeyIDs
		inst.OSVolumeID = os.ID
	}
	for _, spec := range req.Volumes {
		v := c.newVolume(spec, req.LocationCode, false)
		v.InstanceID, v.Status = inst.ID, volumeAttached
	}
	for _, id := range req.ExistingVolumes {
		c.volumes[id].InstanceID = inst.ID
		c.volumes[id].Status = volumeAttached
	}

	delay := time.Duration(sw.ProvisionDelay)
	inst.Plan.add(now.Add(delay/3), statusProvisioning)
	switch sw.DeployOutcome {
	case "stall":
	case "error", "no_capacity", "installation_failed":
		inst.Plan.add(now.Add(delay), sw.DeployOutcome)
	default:
		if sw.OfflineBeforeRunning {
			inst.Plan.add(now.Add(delay*2/3), statusOffline)
		}
		inst.Plan.add(now.Add(delay), statusRunning)
	}
	c.instances[inst.ID] = inst
	c.answerCreated(w, http.StatusAccepted, inst.ID)
}

func (c *Cloud) osOf(image string) (name, id string) {
	for _, i := range c.catalog.Images {
		if i.ImageType == image {
			return i.Name, i.ID
		}
	}
	return "Custom OS volume", ""
}

type actionRequest struct {
	Action            string          `json:"action"`
	ID                json.RawMessage `json:"id"`
	VolumeIDs         *[]string       `json:"volume_ids"`
	DeletePermanently bool            `json:"delete_permanently"`
}

type actionResult struct {
	InstanceID string `json:"instanceId"`
	Action     string `json:"action"`
	Status     string `json:"status"`
	Error      string `json:"error,omitempty"`
	StatusCode int    `json:"statusCode,omitempty"`
}

var errAlreadyThere = fmt.Errorf("already in the requested state")

func (c *Cloud) instanceAction(w http.ResponseWriter, r *http.Request) {
	var req actionRequest
	if !decode(w, r, &req) {
		return
	}
	ids := idList(req.ID)
	if len(ids) == 0 || req.Action == "" {
		fail(w, http.StatusBadRequest, "action and id are required")
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	results := make([]actionResult, 0, len(ids))
	failed := 0
	for _, id := range ids {
		status, err := c.act(id, req)
		res := actionResult{InstanceID: id, Action: req.Action, Status: "success"}
		if err != nil && err != errAlreadyThere {
			res.Status, res.Error, res.StatusCode = "error", err.Error(), status
			failed++
		}
		if len(ids) == 1 {
			switch {
			case err == errAlreadyThere:
				w.WriteHeader(http.StatusNoContent)
			case err != nil:
				fail(w, status, err.Error())
			default:
				core.WriteJSON(w, http.StatusAccepted, []actionResult{res})
			}
			return
		}
		results = append(results, res)
	}
	if failed > 0 {
		core.WriteJSON(w, http.StatusMultiStatus, results)
		return
	}
	core.WriteJSON(w, http.StatusAccepted, results)
}

// act applies one action to one instance. Callers hold c.mu.
func (c *Cloud) act(id string, req actionRequest) (int, error) {
	i, ok := c.instances[id]
	if !ok {
		return http.StatusNotFound, fmt.Errorf("Instance %s not found", id)
	}
	if i.Refusal != "" {
		return http.StatusBadRequest, errors.New(i.Refusal)
	}
	now := c.now()
	delay := time.Duration(c.switches.Get().ActionDelay)
	switch req.Action {
	case "start", "boot":
		switch i.Status {
		case statusRunning:
			return 0, errAlreadyThere
		case statusOffline:
			i.Status = statusProvisioning
			i.Plan = nil
			i.Plan.add(now.Add(delay), statusRunning)
			return 0, nil
		}
	case "shutdown", "force_shutdown":
		switch i.Status {
		case statusOffline:
			return 0, errAlreadyThere
		case statusRunning:
			i.Plan = nil
			i.Plan.add(now.Add(delay), statusOffline)
			return 0, nil
		}
	case "delete", "discontinue":
		if i.Status == statusDeleting {
			return 0, errAlreadyThere
		}
		c.releaseVolumes(i, req.VolumeIDs, req.DeletePermanently)
		i.Status = statusDeleting
		i.Plan = nil
		i.Plan.addGone(now.Add(delay))
		return 0, nil
	default:
		return http.StatusBadRequest, fmt.Errorf("Action %q is not available", req.Action)
	}
	return http.StatusBadRequest, fmt.Errorf("Can't %s an instance in status %s", req.Action, i.Status)
}

// releaseVolumes deletes the named volumes (by default the OS volume) and
// detaches the rest, as a delete action does.
func (c *Cloud) releaseVolumes(i *instance, toDelete *[]string, permanently bool) {
	del := []string{i.OSVolumeID}
	if toDelete != nil {
		del = *toDelete
	}
	for _, id := range c.attachedTo(i.ID) {
		v := c.volumes[id]
		v.detachFrom(i.ID)
		if v.InstanceID != "" {
			// A shared filesystem stays attached to its other instances.
			continue
		}
		if slices.Contains(del, id) {
			c.trash(v, permanently && toDelete != nil)
			continue
		}
		v.Status = volumeDetached
	}
}

// DeleteInstance removes an instance behind the API's back, as a user in the
// console would: its OS volume goes to the trash, other volumes are detached.
func (c *Cloud) DeleteInstance(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	i, ok := c.instances[id]
	if ok {
		c.releaseVolumes(i, nil, false)
		delete(c.instances, id)
	}
	return ok
}

// RefuseActions makes every action on an instance fail with message, until
// called again with an empty one.
func (c *Cloud) RefuseActions(id, message string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if ok {
		i.Refusal = message
	}
	return ok
}

// SetInstanceStatus changes an instance's status behind the API's back.
func (c *Cloud) SetInstanceStatus(id, status string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	i, ok := c.instances[id]
	if ok {
		i.Status = status
		i.Plan = nil
	}
	return ok
}
