package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// create sends a create and returns the new object's ID. An answer that
// holds no readable ID is an *transport.UnreadableAnswerError: the object
// was made all the same.
func (c *Client) create(ctx context.Context, path string, body any) (string, error) {
	req := transport.Request{Method: http.MethodPost, Path: path, Body: body}
	resp, err := c.http.Do(ctx, req)
	if err != nil {
		return "", err
	}
	id, err := decodeCreatedID(resp.Body)
	if err != nil {
		return "", c.http.Unreadable(req, resp, err)
	}
	return id, nil
}

// plainID is what an ID sent as plain text may look like; anything else (an
// HTML page, a sentence) is not an ID.
var plainID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// decodeCreatedID reads the ID a create answers with: Verda sends it as plain
// text, but a JSON string or number and {"id": ...} are accepted too.
func decodeCreatedID(body []byte) (string, error) {
	b := bytes.TrimSpace(body)
	if len(b) == 0 {
		return "", fmt.Errorf("empty answer where an ID was expected")
	}
	var id string
	switch b[0] {
	case '"':
		if err := json.Unmarshal(b, &id); err != nil {
			return "", fmt.Errorf("unreadable ID: %w", err)
		}
	case '{':
		var obj struct {
			ID string `json:"id"`
		}
		if err := jsonx.Unmarshal(b, &obj); err != nil {
			return "", fmt.Errorf("unreadable ID: %w", err)
		}
		id = obj.ID
	default:
		id = string(b)
	}
	id = strings.TrimSpace(id)
	if !plainID.MatchString(id) {
		return "", fmt.Errorf("no ID in the answer")
	}
	return id, nil
}

// Number and Bool accept Verda's prices and flags sent as strings.
type (
	Number = jsonx.Number
	Bool   = jsonx.Bool
)

func oneOrMany[T any](body []byte) ([]T, error) { return jsonx.OneOrMany[T](body) }

// listAll reads a list that Verda may paginate. Asked for without page
// parameters, the list is whole unless the answer's X-Total-Count says it
// holds more than came back; then the rest is asked for page by page, in
// pages of the answer's X-Page-Size, until a page comes back short. A list
// cut short would make a missing object look deleted.
func listAll[T any](ctx context.Context, c *Client, path string) ([]T, error) {
	var all []T
	resp, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodGet, Path: path}, &all)
	if err != nil {
		return nil, err
	}
	total, err := strconv.Atoi(resp.Header.Get("X-Total-Count"))
	if err != nil || total <= len(all) || len(all) == 0 {
		return all, nil
	}
	size, err := strconv.Atoi(resp.Header.Get("X-Page-Size"))
	if err != nil || size <= 0 {
		size = len(all)
	}
	for page := 2; ; page++ {
		var batch []T
		if _, err := c.http.DoJSON(ctx, transport.Request{
			Method: http.MethodGet, Path: path,
			Query: url.Values{"page": {strconv.Itoa(page)}, "pageSize": {strconv.Itoa(size)}},
		}, &batch); err != nil {
			return nil, err
		}
		all = append(all, batch...)
		if len(batch) < size {
			return all, nil
		}
	}
}
