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

func TestPlanRulesKeepsWhatTheEndOfAddsAllows(t *testing.T) {
	cases := []struct {
		from, to      []api.Rule
		atTop         bool
		deletes, adds int
	}{
		{rules("22", "80"), rules("22", "80", "443"), false, 0, 1},
		{rules("22", "80", "443"), rules("22", "443"), false, 1, 0}, // a delete in the middle keeps the rest
		{rules("22", "80", "443"), rules("22", "80", "443"), false, 0, 0},
		{rules("22", "80", "443"), rules("22", "8080", "443"), false, 2, 2}, // adds land below: the tail is rewritten
		{rules("22", "80", "443"), rules("22", "8080", "443"), true, 2, 2},
		{rules("80", "443"), rules("22", "80", "443"), true, 0, 1},
		{rules("80", "443"), rules("22", "80", "443"), false, 2, 3},
		{nil, rules("22", "80"), false, 0, 2},
		{nil, rules("22", "80"), true, 0, 2},
		{rules("22", "80"), nil, true, 2, 0},
	}
	for _, tc := range cases {
		p := planRules(tc.from, tc.to, tc.atTop)
		if len(p.Deletes) != tc.deletes || len(p.Adds) != tc.adds {
			t.Errorf("%s -> %s (top %v): %d deletes, %d adds; want %d, %d", ports(tc.from), ports(tc.to), tc.atTop, len(p.Deletes), len(p.Adds), tc.deletes, tc.adds)
		}
		if got := ports(simulate(tc.from, p, tc.atTop)); got != ports(tc.to) {
			t.Errorf("%s -> %s (top %v): got %s", ports(tc.from), ports(tc.to), tc.atTop, got)
		}
	}
}

func TestRuleCaseIsNotADifference(t *testing.T) {
	a := []api.Rule{{Type: "IN", Action: "drop", Proto: "TCP", DPort: "22", Enable: 1}}
	b := []api.Rule{{Type: "in", Action: "DROP", DPort: "22", Enable: 1}}
	if p := planRules(a, b, false); len(p.Deletes)+len(p.Adds) != 0 {
		t.Fatalf("case and a default protocol are not changes: %+v", p)
	}
}

// Whatever end the API adds at, a plan for that end reaches the desired
// order, and a plan for the wrong end followed by one for the right end
// does too.
func TestPlansConvergeFromEitherEnd(t *testing.T) {
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
			if got := ports(simulate(from, planRules(from, to, top), top)); got != ports(to) {
				t.Fatalf("top=%v %s -> %s: got %s", top, ports(from), ports(to), got)
			}
			wrong := simulate(from, planRules(from, to, !top), top)
			if got := ports(simulate(wrong, planRules(wrong, to, top), top)); got != ports(to) {
				t.Fatalf("top=%v after a wrong guess, %s -> %s: got %s", top, ports(from), ports(to), got)
			}
		}
	}
}

// simulate applies a plan to a list as an API that adds at the top or the
// bottom would.
func simulate(rules []api.Rule, p rulePlan, top bool) []api.Rule {
	out := append([]api.Rule{}, rules...)
	for _, pos := range p.Deletes {
		out = append(out[:pos], out[pos+1:]...)
	}
	for _, rule := range p.Adds {
		if top {
			out = append([]api.Rule{rule}, out...)
		} else {
			out = append(out, rule)
		}
	}
	return out
}

func TestRulesAcceptingSSH(t *testing.T) {
	in := func(action, proto, dport string, enable int64) api.Rule {
		return api.Rule{Type: "in", Action: action, Proto: proto, DPort: dport, Enable: enable}
	}
	for _, tc := range []struct {
		rules []api.Rule
		want  bool
	}{
		{[]api.Rule{in("ACCEPT", "tcp", "22", 1)}, true},
		{[]api.Rule{in("accept", "", "80,22", 1)}, true},
		{[]api.Rule{in("ACCEPT", "tcp", "20:25", 1)}, true},
		{[]api.Rule{in("ACCEPT", "tcp", "", 1)}, true},
		{[]api.Rule{in("ACCEPT", "udp", "22", 1)}, false},
		{[]api.Rule{in("DROP", "tcp", "22", 1)}, false},
		{[]api.Rule{in("ACCEPT", "tcp", "22", 0)}, false},
		{[]api.Rule{in("ACCEPT", "tcp", "80,443", 1), {Type: "out", Action: "ACCEPT", DPort: "22", Enable: 1}}, false},
		{nil, false},
	} {
		if got := acceptsSSH(tc.rules); got != tc.want {
			t.Errorf("%+v: got %v", tc.rules, got)
		}
	}
}
