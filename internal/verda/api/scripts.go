package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// scriptsPageSize is the largest page Verda serves.
const scriptsPageSize = 100

// CreateStartupScript stores a script and returns its ID.
func (c *Client) CreateStartupScript(ctx context.Context, name, script string) (string, error) {
	return c.create(ctx, "/scripts", map[string]string{"name": name, "script": script})
}

// GetStartupScript reads one script.
func (c *Client) GetStartupScript(ctx context.Context, id string) (*StartupScript, error) {
	path := "/scripts/" + url.PathEscape(id)
	resp, err := c.http.Do(ctx, transport.Request{Method: http.MethodGet, Path: path})
	if err != nil {
		return nil, err
	}
	scripts, err := oneOrMany[StartupScript](resp.Body)
	if err != nil || len(scripts) == 0 {
		return nil, &transport.APIError{Cloud: "Verda", Method: http.MethodGet, Path: path, Status: http.StatusNotFound, Code: "not_found", Message: "startup script not found"}
	}
	s := scripts[0]
	if s.ID == "" {
		s.ID = id
	}
	return &s, nil
}

// ListStartupScripts reads every page of the project's scripts.
func (c *Client) ListStartupScripts(ctx context.Context) ([]StartupScript, error) {
	var all []StartupScript
	for page := 1; ; page++ {
		var batch []StartupScript
		resp, err := c.http.DoJSON(ctx, transport.Request{
			Method: http.MethodGet, Path: "/scripts",
			Query: url.Values{"page": {strconv.Itoa(page)}, "pageSize": {strconv.Itoa(scriptsPageSize)}},
		}, &batch)
		if err != nil {
			return nil, err
		}
		all = append(all, batch...)
		total, err := strconv.Atoi(resp.Header.Get("X-Total-Count"))
		// Without pagination headers the answer was the whole list.
		if err != nil || len(batch) == 0 || len(all) >= total {
			return all, nil
		}
	}
}

// DeleteStartupScript removes a script.
func (c *Client) DeleteStartupScript(ctx context.Context, id string) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodDelete, Path: "/scripts/" + url.PathEscape(id)})
	return err
}
