package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// pathTeam is where an instance joins and leaves a team. The document
// describes both calls (a body of {"team_id"} to assign, none to remove) but
// gives no path, and no public source confirms one [inferred].
const pathTeam = "/instances/%s/team"

// AssignTeam puts the instance in the team.
func (c *Client) AssignTeam(ctx context.Context, id, teamID string) error {
	return c.call(ctx, http.MethodPost, fmt.Sprintf(pathTeam, url.PathEscape(id)), map[string]string{"team_id": teamID}, nil)
}

// RemoveFromTeam takes the instance out of its team.
func (c *Client) RemoveFromTeam(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodDelete, fmt.Sprintf(pathTeam, url.PathEscape(id)), nil, nil)
}
