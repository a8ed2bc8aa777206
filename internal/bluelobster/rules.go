package bluelobster

import (
	"slices"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

// ruleKey compares rules the way the firewall does: type, proto and action
// regardless of case, a missing protocol as tcp.
func ruleKey(r api.Rule) string {
	proto := strings.ToLower(r.Proto)
	if proto == "" {
		proto = "tcp"
	}
	return strings.Join([]string{
		strings.ToLower(r.Type), strings.ToUpper(r.Action), proto, r.DPort, r.SPort, r.Source, r.Dest, r.Comment,
		map[bool]string{true: "1", false: "0"}[r.Enable != 0],
	}, "\x00")
}

// rulePlan turns the current rules into the desired ones with the writes
// the API documents: deletes by position (highest first, so the others do
// not move), then adds, in the order to send them. The document does not
// say where an added rule lands, so a plan assumes one end.
type rulePlan struct {
	Deletes []int64
	Adds    []api.Rule
}

// planRules is the fewest writes when added rules land at the bottom (or,
// atTop, at the top): keep the current rules that already form the longest
// run of the desired list from the other end, delete the rest, and add
// what is missing in the order that puts each in its place.
func planRules(current, desired []api.Rule, atTop bool) rulePlan {
	if atTop {
		p := planRules(reversed(current), reversed(desired), false)
		for i, pos := range p.Deletes {
			p.Deletes[i] = int64(len(current)) - 1 - pos
		}
		slices.Reverse(p.Deletes)
		return p
	}
	// Greedily match the longest prefix of desired that current holds in order.
	keep := make([]bool, len(current))
	k := 0
	for i := range current {
		if k < len(desired) && ruleKey(current[i]) == ruleKey(desired[k]) {
			keep[i] = true
			k++
		}
	}
	var p rulePlan
	for i := len(current) - 1; i >= 0; i-- {
		if !keep[i] {
			p.Deletes = append(p.Deletes, int64(i))
		}
	}
	p.Adds = append(p.Adds, desired[k:]...)
	return p
}

func reversed(rs []api.Rule) []api.Rule {
	out := slices.Clone(rs)
	slices.Reverse(out)
	return out
}
