package lookup

import (
	"strings"
	"testing"
)

type object struct{ id, name string }

func key(o *object) (string, string) { return o.id, o.name }

func TestOne(t *testing.T) {
	all := []object{{"1", "laptop"}, {"2", "ci"}, {"3", "ci"}}
	kind := Kind{What: "Verda SSH key", Attr: "name"}
	for _, tc := range []struct{ id, name, want, err string }{
		{"", "laptop", "1", ""},
		{"3", "", "3", ""},
		{"3", "laptop", "3", ""},
		{"", "nobody", "", `no Verda SSH key has the name "nobody"`},
		{"9", "", "", `no Verda SSH key has the ID "9"`},
		{"", "ci", "", `2 Verda SSH keys have the name "ci" (IDs 2, 3); look one up by id`},
	} {
		got, err := One(all, tc.id, tc.name, kind, key)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("id %q name %q: error %v, want %q", tc.id, tc.name, err, tc.err)
		case tc.err == "" && (err != nil || got.id != tc.want):
			t.Errorf("id %q name %q: got %v, %v; want %s", tc.id, tc.name, got, err, tc.want)
		}
	}
}
