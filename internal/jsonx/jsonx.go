// Package jsonx reads the loosely typed values cloud APIs send: numbers as
// strings, booleans as strings, one object where a list was documented.
package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Number reads a JSON number or a string holding one ("3.17").
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

// OneOrMany reads either a single object or an array of them.
func OneOrMany[T any](body []byte) ([]T, error) {
	b := bytes.TrimSpace(body)
	if len(b) > 0 && b[0] == '[' {
		var many []T
		err := Unmarshal(b, &many)
		return many, err
	}
	var one T
	if err := Unmarshal(b, &one); err != nil {
		return nil, err
	}
	return []T{one}, nil
}

// ObjectOrID reads an object that a document also allows as its ID alone:
// a JSON string or number sets id, anything else is decoded into object.
// Types call it from their UnmarshalJSON with object a conversion of
// themselves to a type without that method.
func ObjectOrID(b []byte, id *string, object any) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		return Unmarshal(b, id)
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*id = string(b)
		return nil
	}
	return Unmarshal(b, object)
}

// List reads a list that a cloud may send bare, inside one of envelopes
// (the keys of an object, such as "instances" or "data"), or, where its
// document shows the list by one item, as that one object. identified says
// whether such an object is an item (it carries its ID), so that an
// envelope this reader does not know is an error, never a short list that
// would make the objects missing from it look deleted.
func List[T any](body []byte, identified func(T) bool, envelopes ...string) ([]T, error) {
	b := bytes.TrimSpace(body)
	if len(b) > 0 && b[0] == '[' {
		var many []T
		err := Unmarshal(b, &many)
		return many, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil || fields == nil {
		return nil, errors.New("a list was expected; the answer is neither a JSON array nor an object")
	}
	for _, key := range envelopes {
		raw, ok := fields[key]
		raw = bytes.TrimSpace(raw)
		switch {
		case !ok:
		case string(raw) == "null":
			return nil, nil
		case len(raw) > 0 && raw[0] == '[':
			var many []T
			err := Unmarshal(raw, &many)
			return many, err
		}
	}
	var one T
	if err := Unmarshal(b, &one); err == nil && identified(one) {
		return []T{one}, nil
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return nil, fmt.Errorf("a list was expected, bare or under %s, but the answer is an object with %s", strings.Join(envelopes, " or "), strings.Join(keys, ", "))
}
