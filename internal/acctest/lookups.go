package acctest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Lookup is a data source that finds one object made before Terraform by
// its ID or its name, with the resource that makes such objects.
type Lookup struct {
	// Type is the resource's and the data source's type, such as
	// "gpucloud_verda_ssh_key"; NameAttr the name attribute of both.
	Type, NameAttr string
	// What is the object as the errors name it: "Verda SSH key".
	What string
	// Body is the resource's other arguments.
	Body string
	// Same are attributes the data source and the resource must agree on.
	Same []string
}

// TestLookup makes one object named "laptop" and two named "ci", finds the
// first by name and one of the others by ID, and checks that a name several
// objects have, or none, fails the plan saying which.
func TestLookup(t *testing.T, s *Sim, l Lookup) {
	t.Helper()
	objects := fmt.Sprintf(`
resource %[1]q "laptop" {
  %[2]s = "laptop"
%[3]s
}
resource %[1]q "ci" {
  count = 2
  %[2]s = "ci"
%[3]s
}
`, l.Type, l.NameAttr, l.Body)
	lookup := func(name, args string) string {
		return fmt.Sprintf("data %q %q {\n%s\n}\n", l.Type, name, args)
	}
	byName, byID, laptop := "data."+l.Type+".by_name", "data."+l.Type+".by_id", l.Type+".laptop"
	checks := []statecheck.StateCheck{
		statecheck.CompareValuePairs(byName, tfjsonpath.New("id"), laptop, tfjsonpath.New("id"), compare.ValuesSame()),
		Value(byID, l.NameAttr, knownvalue.StringExact("ci")),
	}
	for _, attr := range l.Same {
		checks = append(checks, statecheck.CompareValuePairs(byName, tfjsonpath.New(attr), laptop, tfjsonpath.New(attr), compare.ValuesSame()))
	}
	words := func(s string) string { return strings.Join(strings.Fields(regexp.QuoteMeta(s)), `\s+`) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(objects)},
			{
				Config: s.Config(objects + lookup("by_name", fmt.Sprintf("%s = %q", l.NameAttr, "laptop")) +
					lookup("by_id", fmt.Sprintf("id = %s.ci[1].id", l.Type))),
				ConfigStateChecks: checks,
			},
			{
				Config: s.Config(objects + lookup("several", fmt.Sprintf("%s = %q", l.NameAttr, "ci"))),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)2\s+%ss\s+have\s+the\s+%s\s+"ci"\s+\(IDs\s.*\);\s+look\s+one\s+up\s+by\s+id`,
					words(l.What), l.NameAttr)),
			},
			{
				Config:      s.Config(objects + lookup("none", fmt.Sprintf("%s = %q", l.NameAttr, "nobody"))),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`no\s+%s\s+has\s+the\s+%s\s+"nobody"`, words(l.What), l.NameAttr)),
			},
			{
				Config:      s.Config(objects + lookup("neither", "")),
				ExpectError: regexp.MustCompile(`(?s)Missing Attribute Configuration.*id.*` + l.NameAttr),
			},
			{Config: s.Config(objects)},
		},
	})
}
