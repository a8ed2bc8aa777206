package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
)

// decodeCreatedID reads the ID a create answers with: Verda sends it as plain
// text, but a JSON string and {"id": ...} are accepted too.
func decodeCreatedID(body []byte) (string, error) {
	b := bytes.TrimSpace(body)
	if len(b) == 0 {
		return "", fmt.Errorf("empty answer where an ID was expected")
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", fmt.Errorf("unreadable ID %q: %w", b, err)
		}
		if id := strings.TrimSpace(s); id != "" {
			return id, nil
		}
		return "", fmt.Errorf("empty ID %q where an ID was expected", b)
	case '{':
		var obj struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(b, &obj); err != nil || strings.TrimSpace(obj.ID) == "" {
			return "", fmt.Errorf("unreadable ID in %q", b)
		}
		return strings.TrimSpace(obj.ID), nil
	}
	return string(b), nil
}

// Number and Bool accept Verda's prices and flags sent as strings.
type (
	Number = jsonx.Number
	Bool   = jsonx.Bool
)

func oneOrMany[T any](body []byte) ([]T, error) { return jsonx.OneOrMany[T](body) }
