package bluelobster

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

func ipBody(i *instance, n int) map[string]any {
	ip := i.IPs[n]
	return map[string]any{
		"ip_address": ip.Address, "internal_ip": ip.Address, "interface_name": ip.Interface, "is_primary": n == 0,
		"bridge": "vmbr0", "mac_address": ip.MAC, "assigned_at": ip.AssignedAt.UTC().Format(time.RFC3339),
	}
}

func (c *Cloud) listIPs(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	ips := make([]map[string]any, 0, len(i.IPs))
	for n := range i.IPs {
		ips = append(ips, ipBody(i, n))
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"instance_id": i.UUID, "ip_count": len(ips), "ips": ips})
}

func (c *Cloud) addIP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if len(c.freeIPs[i.Region]) == 0 {
		c.fail(w, http.StatusConflict, "no_ips_available", "No IP addresses available in "+i.Region)
		return
	}
	used := map[string]bool{}
	for _, ip := range i.IPs {
		used[ip.Interface] = true
	}
	nic := 1
	for used["net"+strconv.Itoa(nic)] {
		nic++
	}
	i.IPs = append(i.IPs, ipAddr{Address: c.takeIP(i.Region), Interface: "net" + strconv.Itoa(nic), MAC: mac(i.Order, nic), AssignedAt: c.now()})
	body := ipBody(i, len(i.IPs)-1)
	delete(body, "is_primary")
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success", "message": "IP " + body["ip_address"].(string) + " assigned (configure as alias on primary interface)", "ip": body})
}

func (c *Cloud) releaseIP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	n := slices.IndexFunc(i.IPs, func(ip ipAddr) bool { return ip.Address == r.PathValue("ip") })
	switch {
	case n < 0:
		c.fail(w, http.StatusNotFound, "not_found", "IP "+r.PathValue("ip")+" is not assigned to this instance")
	case n == 0 || len(i.IPs) == 1:
		c.fail(w, http.StatusBadRequest, "invalid_request", "Cannot release the primary IP or the last remaining IP")
	default:
		ip := i.IPs[n]
		i.IPs = slices.Delete(i.IPs, n, n+1)
		c.freeIPs[i.Region] = append(c.freeIPs[i.Region], ip.Address)
		core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success", "message": "IP " + ip.Address + " released from " + ip.Interface, "released_ip": ip.Address, "released_interface": ip.Interface})
	}
}

type schedule struct {
	Enabled        bool
	Frequency      string
	TimeUTC        string
	RetentionCount int
	LastBackup     *time.Time
}

type backup struct {
	VolID     string
	SizeBytes int64
	CreatedAt time.Time
	Notes     string
}

var hhmm = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

// next is the schedule's next run after now.
func (s *schedule) next(now time.Time) time.Time {
	h, _ := strconv.Atoi(s.TimeUTC[:2])
	m, _ := strconv.Atoi(s.TimeUTC[3:])
	t := time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, time.UTC)
	for !t.After(now) {
		switch s.Frequency {
		case "weekly":
			t = t.AddDate(0, 0, 7)
		case "monthly":
			t = t.AddDate(0, 1, 0)
		default:
			t = t.AddDate(0, 0, 1)
		}
	}
	return t
}

func (c *Cloud) scheduleBody(i *instance) map[string]any {
	s := i.Schedule
	b := map[string]any{
		"instance_id": i.UUID, "enabled": s.Enabled, "frequency": s.Frequency, "time_utc": s.TimeUTC,
		"retention_count": s.RetentionCount, "last_backup": nil, "next_backup": nil,
	}
	if s.LastBackup != nil {
		b["last_backup"] = s.LastBackup.UTC().Format(time.RFC3339)
	}
	if s.Enabled {
		b["next_backup"] = s.next(c.now().UTC()).Format(time.RFC3339)
	}
	return b
}

func (c *Cloud) getSchedule(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if i.Schedule == nil {
		c.fail(w, http.StatusNotFound, "not_found", "No backup schedule for this instance")
		return
	}
	core.WriteJSON(w, http.StatusOK, c.scheduleBody(i))
}

func (c *Cloud) putSchedule(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Enabled        *bool  `json:"enabled"`
		Frequency      string `json:"frequency"`
		TimeUTC        string `json:"time_utc"`
		RetentionCount *int   `json:"retention_count"`
	}
	if !decode(c, w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	s := &schedule{Enabled: true, Frequency: req.Frequency, TimeUTC: req.TimeUTC, RetentionCount: 7}
	if old := i.Schedule; old != nil {
		s.LastBackup = old.LastBackup
	}
	if req.Enabled != nil {
		s.Enabled = *req.Enabled
	}
	if req.RetentionCount != nil {
		s.RetentionCount = *req.RetentionCount
	}
	switch {
	case !slices.Contains([]string{"daily", "weekly", "monthly"}, s.Frequency):
		c.fail(w, http.StatusBadRequest, "invalid_schedule", "frequency must be daily, weekly or monthly")
		return
	case !hhmm.MatchString(s.TimeUTC):
		c.fail(w, http.StatusBadRequest, "invalid_schedule", "time_utc must be HH:MM")
		return
	case s.RetentionCount < 1 || s.RetentionCount > 100:
		c.fail(w, http.StatusBadRequest, "invalid_schedule", "retention_count must be between 1 and 100")
		return
	}
	created := i.Schedule == nil
	i.Schedule = s
	msg := "Backup schedule updated"
	if created {
		msg = "Backup schedule created"
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"success": true, "message": msg, "instance_id": i.UUID,
		"schedule": map[string]any{"enabled": s.Enabled, "frequency": s.Frequency, "time_utc": s.TimeUTC, "retention_count": s.RetentionCount}})
}

func (c *Cloud) deleteSchedule(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if i.Schedule == nil {
		c.fail(w, http.StatusNotFound, "not_found", "No backup schedule for this instance")
		return
	}
	i.Schedule = nil
	core.WriteJSON(w, http.StatusOK, map[string]any{"success": true, "message": "Backup schedule deleted", "instance_id": i.UUID})
}

func (c *Cloud) listBackups(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	out := []map[string]any{}
	for _, b := range i.Backups {
		out = append(out, map[string]any{
			"volid": b.VolID, "size_bytes": b.SizeBytes, "size_human": strconv.FormatFloat(float64(b.SizeBytes)/1e9, 'f', 1, 64) + " GB",
			"created_at": b.CreatedAt.UTC().Format(time.RFC3339), "format": "pbs-vm",
		})
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"instance_id": i.UUID, "storage": "wil-pbs-01", "backups": out, "total": len(out), "backup_in_progress": nil, "restore_in_progress": nil})
}

// RunBackup takes a backup now, as the schedule would.
func (c *Cloud) RunBackup(id string, size int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if !ok {
		return false
	}
	c.takeBackupSized(i, c.now(), size)
	if i.Schedule != nil {
		now := c.now()
		i.Schedule.LastBackup = &now
	}
	return true
}

// takeBackup adds a backup taken at when, the size of the instance's disk.
// Callers hold c.mu.
func (c *Cloud) takeBackup(i *instance, when time.Time) {
	c.takeBackupSized(i, when, int64(i.Spec.StorageGiB)<<30/3)
}

func (c *Cloud) takeBackupSized(i *instance, when time.Time, size int64) {
	i.Backups = append(i.Backups, backup{VolID: "wil-pbs-01:backup/vm/" + strconv.FormatInt(100+i.Order, 10) + "/" + when.UTC().Format(time.RFC3339Nano), SizeBytes: size, CreatedAt: when})
}
