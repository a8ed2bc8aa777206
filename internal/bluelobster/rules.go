package bluelobster

import (
	"slices"
	"strconv"
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

// acceptsSSH reports whether some enabled inbound rule accepts TCP port 22
// from anywhere it names; an unknown value counts as accepting, since the
// plan cannot tell.
func acceptsSSH(rules []api.Rule) bool {
	for _, r := range rules {
		proto := strings.ToLower(r.Proto)
		if r.Enable == 0 || !strings.EqualFold(r.Type, "in") || !strings.EqualFold(r.Action, "ACCEPT") || proto != "" && proto != "tcp" {
			continue
		}
		if r.DPort == "" || portIn(22, r.DPort) {
			return true
		}
	}
	return false
}

// portIn reports whether a port spec ("22", "80,443", "8000:8010") holds port.
func portIn(port int, spec string) bool {
	for _, part := range strings.Split(spec, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), ":")
		if !isRange {
			hi = lo
		}
		from, err1 := strconv.Atoi(lo)
		to, err2 := strconv.Atoi(hi)
		if err1 == nil && err2 == nil && from <= port && port <= to {
			return true
		}
	}
	return false
}
