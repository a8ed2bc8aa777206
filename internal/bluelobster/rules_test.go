package bluelobster

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

func rules(ports ...string) []api.Rule {
	out := make([]api.Rule, len(ports))
	for i, p := range ports {
		out[i] = api.Rule{Type: "in", Action: "ACCEPT", Proto: "tcp", DPort: p, Enable: 1}
	}
	return out
}

func ports(rs []api.Rule) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.DPort)
	}
	return strings.Join(s, ",")
}

func TestPlanRulesTouchesOnlyWhatChanged(t *testing.T) {
	cases := []struct {
		from, to         []api.Rule
		deletes, inserts int
	}{
		{rules("22", "80", "443"), rules("22", "8080", "443"), 1, 1}, // edit the middle rule
		{rules("22", "80", "443"), rules("22", "80", "443"), 0, 0},
		{rules("22", "80"), rules("22", "80", "443"), 0, 1},
		{rules("22", "80", "443"), rules("80", "443"), 1, 0},
		{nil, rules("22", "80"), 0, 2},
		{rules("22", "80"), nil, 2, 0},
		{rules("22", "80", "443"), rules("443", "22", "80"), 1, 1}, // move one rule
	}
	for _, tc := range cases {
		p := planRules(tc.from, tc.to)
		if len(p.Deletes) != tc.deletes || len(p.Inserts) != tc.inserts {
			t.Errorf("%s -> %s: %d deletes, %d inserts; want %d, %d", ports(tc.from), ports(tc.to), len(p.Deletes), len(p.Inserts), tc.deletes, tc.inserts)
		}
		if got := ports(simulate(tc.from, p, false, false)); got != ports(tc.to) {
			t.Errorf("%s -> %s: got %s", ports(tc.from), ports(tc.to), got)
		}
		for _, pos := range p.Deletes {
			if tc.from[pos].DPort == "22" && strings.HasPrefix(ports(tc.to), "22") {
				t.Errorf("%s -> %s: the unchanged first rule was deleted", ports(tc.from), ports(tc.to))
			}
		}
	}
}

func TestRuleCaseIsNotADifference(t *testing.T) {
	a := []api.Rule{{Type: "IN", Action: "drop", Proto: "TCP", DPort: "22", Enable: 1}}
	b := []api.Rule{{Type: "in", Action: "DROP", DPort: "22", Enable: 1}}
	if p := planRules(a, b); len(p.Deletes)+len(p.Inserts) != 0 {
		t.Fatalf("case and a default protocol are not changes: %+v", p)
	}
}

// Whatever end an API that ignores positions inserts at, plan then repair
// converges on the desired order.
func TestRepairConvergesFromEitherEnd(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pool := []string{"22", "80", "443", "8080", "5432", "6379", "9000"}
	pick := func() []api.Rule {
		var ps []string
		for _, p := range r.Perm(len(pool))[:r.IntN(len(pool)+1)] {
			ps = append(ps, pool[p])
		}
		return rules(ps...)
	}
	for i := 0; i < 500; i++ {
		from, to := pick(), pick()
		for _, top := range []bool{false, true} {
			after := simulate(from, planRules(from, to), true, top)
			if ports(after) == ports(to) {
				continue
			}
			if got := ports(simulate(after, repairPlan(after, to, top), true, top)); got != ports(to) {
				t.Fatalf("top=%v %s -> %s: repaired to %s", top, ports(from), ports(to), got)
			}
		}
	}
}

// simulate applies a plan to a list as an API that honours positions would;
// with ignorePos, new rules go to the top or the bottom instead.
func simulate(rules []api.Rule, p rulePlan, ignorePos, top bool) []api.Rule {
	out := append([]api.Rule{}, rules...)
	for _, pos := range p.Deletes {
		out = append(out[:pos], out[pos+1:]...)
	}
	for _, ins := range p.Inserts {
		pos := ins.Pos
		if ignorePos {
			pos = int64(len(out))
			if top {
				pos = 0
			}
		}
		out = append(out[:pos], append([]api.Rule{ins.Rule}, out[pos:]...)...)
	}
	return out
}
