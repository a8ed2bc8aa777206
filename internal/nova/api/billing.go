package api

import (
	"context"
	"encoding/json"
	"net/http"
)

// CurrentSpend is the answer of GET /billing/current-spend, as it came: the
// document names the call but not its fields.
func (c *Client) CurrentSpend(ctx context.Context) (json.RawMessage, error) {
	var out json.RawMessage
	return out, c.call(ctx, http.MethodGet, "/billing/current-spend", nil, nil, &out)
}
