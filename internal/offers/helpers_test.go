package offers_test

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type jsonNumber = json.Number

// sameValue passes when both values are equal.
type sameValue struct{}

func (sameValue) CompareValues(values ...any) error {
	if len(values) == 2 && !reflect.DeepEqual(values[0], values[1]) {
		return fmt.Errorf("%v differs from %v", values[0], values[1])
	}
	return nil
}

// listFunc is a knownvalue.Check over a whole list.
type listFunc func([]any) error

func (f listFunc) CheckValue(v any) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("expected a list, got %T", v)
	}
	return f(list)
}

func (f listFunc) String() string { return "list predicate" }
