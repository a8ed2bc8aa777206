package bluelobster_test

import "fmt"

// compareFunc passes when the two values differ.
type compareFunc struct{}

func (compareFunc) CompareValues(values ...any) error {
	if len(values) == 2 && fmt.Sprint(values[0]) == fmt.Sprint(values[1]) {
		return fmt.Errorf("expected different values, both are %v", values[0])
	}
	return nil
}
