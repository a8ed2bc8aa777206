package bluelobster

import (
	"net/http"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

// Team is a team of the simulated account. Blue Lobster's document names no
// call that lists or makes teams; they exist as the account has them.
type Team struct{ ID, Name string }

// Teams are the simulated account's teams.
var Teams = []Team{
	{ID: "5b0c1a6e-7d1f-4b7e-9a51-0c2d7e9f3a01", Name: "ML Team"},
	{ID: "9e4f2b8c-3a6d-4c1e-8b27-5d9a0e1f6b02", Name: "Render Team"},
}

func teamByID(id string) (Team, bool) {
	for _, t := range Teams {
		if t.ID == id {
			return t, true
		}
	}
	return Team{}, false
}

func (c *Cloud) assignTeam(w http.ResponseWriter, r *http.Request) {
	var req struct {
		TeamID string `json:"team_id"`
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
	if req.TeamID == "" {
		c.fail(w, http.StatusBadRequest, "invalid_request", "team_id is required")
		return
	}
	if _, ok := teamByID(req.TeamID); !ok {
		c.fail(w, http.StatusNotFound, "not_found", "Team not found")
		return
	}
	i.TeamID = req.TeamID
	core.WriteJSON(w, http.StatusOK, map[string]any{"success": true, "message": "Instance assigned to team", "instance_id": i.UUID, "team_id": i.TeamID})
}

func (c *Cloud) removeTeam(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	i.TeamID = ""
	core.WriteJSON(w, http.StatusOK, map[string]any{"success": true, "message": "Instance removed from team", "instance_id": i.UUID})
}

func (c *Cloud) teamInstances(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	team, ok := teamByID(r.PathValue("team_id"))
	if !ok {
		c.fail(w, http.StatusNotFound, "not_found", "Team not found")
		return
	}
	out := []map[string]any{}
	for _, i := range c.ordered() {
		if i.TeamID == team.ID {
			out = append(out, map[string]any{"uuid": i.UUID, "name": i.Name, "ip_address": i.IPs[0].Address, "power_status": i.Power})
		}
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"team_id": team.ID, "team_name": team.Name, "instances": out, "total": len(out)})
}
