package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
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
		return strings.TrimSpace(s), nil
	case '{':
		var obj struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(b, &obj); err != nil || obj.ID == "" {
			return "", fmt.Errorf("unreadable ID in %q", b)
		}
		return obj.ID, nil
	}
	return string(b), nil
}

// Number reads a JSON number or a string holding one ("3.17"); Verda sends
// prices as strings.
type Number float64

func (n *Number) UnmarshalJSON(b []byte) error {
	s := strings.Trim(strings.TrimSpace(string(b)), `"`)
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("not a number: %s", b)
	}
	*n = Number(f)
	return nil
}

// Bool reads a JSON boolean or the strings "true"/"false".
type Bool bool

func (v *Bool) UnmarshalJSON(b []byte) error {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(string(b)), `"`)) {
	case "true", "1":
		*v = true
	case "false", "0", "", "null":
		*v = false
	default:
		return fmt.Errorf("not a boolean: %s", b)
	}
	return nil
}

// oneOrMany reads either a single object or an array of them.
func oneOrMany[T any](body []byte) ([]T, error) {
	b := bytes.TrimSpace(body)
	if len(b) > 0 && b[0] == '[' {
		var many []T
		err := json.Unmarshal(b, &many)
		return many, err
	}
	var one T
	if err := json.Unmarshal(b, &one); err != nil {
		return nil, err
	}
	return []T{one}, nil
}
