package bluelobster

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type task struct {
	ID, Status, Final, Operation, VMUUID, IP, Message string
	Created                                           time.Time
	Delay                                             time.Duration
	// What the task does to its VM when it finishes: set its power
	// status, or remove it.
	SetPower string
	Remove   bool
	// Or take a backup of it, or delete one of its backups.
	TakeBackup   bool
	DeleteBackup string
}

// newTask queues an operation that finishes after the task delay, with its
// effect applied when it does. Callers hold c.mu.
func (c *Cloud) newTask(operation, vm string) *task {
	t := &task{
		ID: "task_" + core.NewID()[:12], Status: "PENDING", Final: "COMPLETED", Operation: operation, VMUUID: vm,
		Created: c.now(), Delay: time.Duration(c.switches.Get().TaskDelay),
	}
	c.tasks[t.ID] = t
	return t
}

// Hurry makes every task in flight finish by the next request, as if its
// delay had passed: for tests that slowed tasks down and no longer need to.
func (c *Cloud) Hurry() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range c.tasks {
		t.Delay = 0
	}
}

// settle moves tasks along and applies their effects. Callers hold c.mu.
func (c *Cloud) settle() {
	now := c.now()
	for _, t := range c.tasks {
		if t.Status != "PENDING" && t.Status != "PROCESSING" {
			continue
		}
		elapsed := now.Sub(t.Created)
		if elapsed >= t.Delay/2 {
			t.Status = "PROCESSING"
		}
		if elapsed < t.Delay {
			continue
		}
		t.Status = t.Final
		if i, ok := c.instances[t.VMUUID]; ok {
			switch {
			case t.Remove:
				c.remove(i)
			case t.SetPower != "":
				i.Power = t.SetPower
			case t.TakeBackup:
				c.takeBackup(i, t.Created.Add(t.Delay))
			case t.DeleteBackup != "":
				i.Backups = slices.DeleteFunc(i.Backups, func(b backup) bool { return b.VolID == t.DeleteBackup })
			}
		}
	}
}

func (c *Cloud) getTask(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	t, ok := c.tasks[r.PathValue("id")]
	if !ok {
		c.fail(w, http.StatusNotFound, "not_found", "Task not found")
		return
	}
	body := map[string]any{
		"task_id": t.ID, "status": t.Status, "operation": t.Operation, "vm_uuid": t.VMUUID, "ip_address": t.IP,
		"created_at": t.Created.UTC().Format(time.RFC3339), "updated_at": c.now().UTC().Format(time.RFC3339),
	}
	if t.Message != "" && (t.Status == "FAILED" || t.Status == "CANCELLED") {
		body["message"] = t.Message
	}
	core.WriteJSON(w, http.StatusOK, body)
}

func itoa(n int) string { return strconv.Itoa(n) }
