// Package lookup finds the one object a data source asks for by ID or name,
// and says so plainly when none or several match.
package lookup

import (
	"fmt"
	"strings"
)

// Kind names what is looked up, as messages should say it: What "Verda SSH
// key", Attr "name" (the attribute the name is matched on).
type Kind struct{ What, Attr string }

// One is the object among all whose ID is id, when id is set, or else the
// one whose name is name. key gives an object's ID and name.
func One[T any](all []T, id, name string, kind Kind, key func(*T) (id, name string)) (*T, error) {
	var found []*T
	for i := range all {
		oid, oname := key(&all[i])
		if (id != "" && oid == id) || (id == "" && oname == name) {
			found = append(found, &all[i])
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case id != "" && len(found) == 0:
		return nil, fmt.Errorf("no %s has the ID %q", kind.What, id)
	case len(found) == 0:
		return nil, fmt.Errorf("no %s has the %s %q", kind.What, kind.Attr, name)
	case id != "":
		return nil, fmt.Errorf("the cloud lists %d objects with the ID %q", len(found), id)
	}
	ids := make([]string, len(found))
	for i, f := range found {
		ids[i], _ = key(f)
	}
	return nil, fmt.Errorf("%d %ss have the %s %q (IDs %s); look one up by id", len(found), kind.What, kind.Attr, name, strings.Join(ids, ", "))
}
