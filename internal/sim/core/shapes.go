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
	// no document says what type an ID is.
	IDsAsNumbers bool `json:"ids_as_numbers"`
}

// Active reports whether any variant is on.
func (s Shapes) Active() bool { return s.IDsAsNumbers }

var objectSeq atomic.Int64

func init() { objectSeq.Store(100000) }

// NewObjectID returns the ID of a new object: a UUID, or an integer.
func NewObjectID(numeric bool) string {
	if numeric {
		return strconv.FormatInt(objectSeq.Add(1), 10)
	}
	return uuid.NewString()
}

// Rewrite applies the variants to a JSON answer; anything else is left as
// it is.
func (s Shapes) Rewrite(body []byte) []byte {
	if !s.IDsAsNumbers {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return body
	}
	out, err := json.Marshal(numericIDs(v, false))
	if err != nil {
		return body
	}
	return append(out, '\n')
}

// numericIDs turns IDs that are integers into JSON numbers.
func numericIDs(v any, isID bool) any {
	switch x := v.(type) {
	case map[string]any:
		for k, item := range x {
			x[k] = numericIDs(item, idKey(k))
		}
	case []any:
		for i, item := range x {
			x[i] = numericIDs(item, isID)
		}
	case string:
		if _, err := strconv.ParseInt(x, 10, 64); isID && err == nil {
			return json.Number(x)
		}
	}
	return v
}

func idKey(k string) bool {
	lower := strings.ToLower(k)
	return lower == "id" || lower == "uuid" || strings.HasSuffix(lower, "_id") || strings.HasSuffix(lower, "_ids") ||
		strings.HasSuffix(lower, "_uuid") || strings.HasSuffix(k, "Id") || strings.HasSuffix(k, "Ids")
}
