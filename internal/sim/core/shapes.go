package core

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/google/uuid"
)

// Shapes switch on answer variants the documents allow but the simulator
// does not send by default. Every cloud's switches embed them.
type Shapes struct {
	// IDsAsNumbers gives new objects integer IDs, sent as JSON numbers:
	// documents 000, 001, 003 and 004 do not say what type an ID is.
	// Verda's document defines its IDs as UUIDs, so its IDs stay UUIDs.
	IDsAsNumbers bool `json:"ids_as_numbers"`
	// NumbersAsStrings sends every number but an ID as a string ("2.5").
	NumbersAsStrings bool `json:"numbers_as_strings"`
	// ExtraFields adds fields no document names to every object.
	ExtraFields bool `json:"extra_fields"`
	// OptionalFields leaves out ("absent") or nulls ("null") every field
	// the cloud's document does not promise.
	OptionalFields string `json:"optional_fields" enum:"absent null"`
}

// Wire is what a cloud's document says about its answers' fields, which
// the variants need to know.
type Wire struct {
	// Optional are the fields, by name at any depth, that the document
	// does not promise in every answer.
	Optional map[string]bool
	// Dictionaries are the fields whose value is an object keyed by data
	// (GPU names, metadata keys), not a record with field names.
	Dictionaries map[string]bool
}

// Names is a set of field names.
func Names(names ...string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
}

// Active reports whether any variant is on.
func (s Shapes) Active() bool {
	return s.IDsAsNumbers || s.NumbersAsStrings || s.ExtraFields || s.OptionalFields != ""
}

var objectSeq atomic.Int64

func init() { objectSeq.Store(100000) }

// NewObjectID returns the ID of a new object: a UUID, or an integer.
func NewObjectID(numeric bool) string {
	if numeric {
		return strconv.FormatInt(objectSeq.Add(1), 10)
	}
	return uuid.NewString()
}

// ExtraField is the field ExtraFields adds to every object.
const ExtraField = "x_sim_undocumented"

// Rewrite applies the variants to a JSON answer; anything else is left as
// it is.
func (s Shapes) Rewrite(body []byte, wire Wire) []byte {
	if !s.Active() {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return body
	}
	out, err := json.Marshal(s.rewrite(v, "", wire, false, false))
	if err != nil {
		return body
	}
	return append(out, '\n')
}

// rewrite changes one value found under key: directly, or as an element of
// the list there; dictionary says the object holding it is keyed by data.
func (s Shapes) rewrite(v any, key string, wire Wire, dictionary, element bool) any {
	isID := !dictionary && idKey(key)
	switch x := v.(type) {
	case map[string]any:
		isDict := wire.Dictionaries[key] && !element
		for k, item := range x {
			if !isDict && wire.Optional[k] {
				switch s.OptionalFields {
				case "absent":
					delete(x, k)
					continue
				case "null":
					x[k] = nil
					continue
				}
			}
			x[k] = s.rewrite(item, k, wire, isDict, false)
		}
		if s.ExtraFields && !isDict {
			x[ExtraField] = map[string]any{"note": "a field no document names", "since": "2026-12"}
		}
	case []any:
		for i, item := range x {
			x[i] = s.rewrite(item, key, wire, false, true)
		}
	case string:
		if _, err := strconv.ParseInt(x, 10, 64); isID && err == nil && s.IDsAsNumbers {
			return json.Number(x)
		}
	case json.Number:
		if s.NumbersAsStrings && !(isID && s.IDsAsNumbers) {
			return x.String()
		}
	}
	return v
}

func idKey(k string) bool {
	lower := strings.ToLower(k)
	return lower == "id" || lower == "uuid" || strings.HasSuffix(lower, "_id") || strings.HasSuffix(lower, "_ids") ||
		strings.HasSuffix(lower, "_uuid") || strings.HasSuffix(k, "Id") || strings.HasSuffix(k, "Ids")
}
