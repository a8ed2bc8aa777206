package bluelobster

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// createBackup starts a backup task; the instance keeps running.
func (c *Cloud) createBackup(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	t := c.newTask("backup", i.UUID)
	t.TakeBackup = true
	core.WriteJSON(w, http.StatusOK, map[string]any{"message": "Backup started", "task_id": t.ID, "instance_id": i.UUID})
}

// findBackup is the instance and index of the backup volid. Callers hold c.mu.
func (c *Cloud) findBackup(volid string) (*instance, int) {
	for _, i := range c.instances {
		for n, b := range i.Backups {
			if b.VolID == volid {
				return i, n
			}
		}
	}
	return nil, -1
}

func (c *Cloud) listAllBackups(w http.ResponseWriter, _ *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	out := []map[string]any{}
	for _, i := range c.ordered() {
		for _, b := range i.Backups {
			out = append(out, map[string]any{
				"volid": b.VolID, "instance_id": i.UUID, "instance_name": i.Name, "size_bytes": b.SizeBytes,
				"size_human": strconv.FormatFloat(float64(b.SizeBytes)/1e9, 'f', 1, 64) + " GB",
				"created_at": b.CreatedAt.UTC().Format(time.RFC3339), "notes": b.Notes,
			})
		}
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"backups": out, "total": len(out)})
}

// backupByQuery answers for the backup named by the volid query parameter.
// Callers hold c.mu.
func (c *Cloud) backupByQuery(w http.ResponseWriter, r *http.Request) (*instance, int, bool) {
	c.settle()
	volid := r.URL.Query().Get("volid")
	if volid == "" {
		c.fail(w, http.StatusBadRequest, "invalid_request", "volid is required")
		return nil, 0, false
	}
	i, n := c.findBackup(volid)
	if i == nil {
		c.fail(w, http.StatusNotFound, "not_found", "Backup not found")
		return nil, 0, false
	}
	return i, n, true
}

func (c *Cloud) deleteBackup(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, n, ok := c.backupByQuery(w, r)
	if !ok {
		return
	}
	t := c.newTask("backup_delete", i.UUID)
	t.DeleteBackup = i.Backups[n].VolID
	core.WriteJSON(w, http.StatusOK, map[string]any{"success": true, "message": "Backup deletion started", "task_id": t.ID, "volid": t.DeleteBackup})
}

func (c *Cloud) setBackupNotes(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Notes *string `json:"notes"`
	}
	if !decode(c, w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	i, n, ok := c.backupByQuery(w, r)
	if !ok {
		return
	}
	if req.Notes == nil {
		c.fail(w, http.StatusBadRequest, "invalid_request", "notes is required")
		return
	}
	i.Backups[n].Notes = *req.Notes
	core.WriteJSON(w, http.StatusOK, map[string]any{"success": true, "message": "Notes updated", "volid": i.Backups[n].VolID})
}

// EditBackupNotes changes a backup's notes, as the console would.
func (c *Cloud) EditBackupNotes(volid, notes string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, n := c.findBackup(volid)
	if i == nil {
		return false
	}
	i.Backups[n].Notes = notes
	return true
}

// RemoveBackup deletes a backup at once, as the console would.
func (c *Cloud) RemoveBackup(volid string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, n := c.findBackup(volid)
	if i == nil {
		return false
	}
	i.Backups = append(i.Backups[:n], i.Backups[n+1:]...)
	return true
}
