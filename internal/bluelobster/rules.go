package bluelobster

import (
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

// rulePlan is the fewest writes that turn current into desired, when new
// rules can be placed at a position: delete what is not in the longest common
// subsequence (highest position first, so the others do not move), then
// insert each missing rule at its final position, lowest first.
type rulePlan struct {
	Deletes []int64
	Inserts []ruleInsert
}

type ruleInsert struct {
	Pos  int64
	Rule api.Rule
}

func planRules(current, desired []api.Rule) rulePlan {
	n, m := len(current), len(desired)
	// lcs[i][j]: longest common subsequence of current[i:] and desired[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ruleKey(current[i]) == ruleKey(desired[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	keep := make([]bool, n)
	have := make([]bool, m)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case ruleKey(current[i]) == ruleKey(desired[j]):
			keep[i], have[j] = true, true
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	var p rulePlan
	for i := n - 1; i >= 0; i-- {
		if !keep[i] {
			p.Deletes = append(p.Deletes, int64(i))
		}
	}
	for j := range desired {
		if !have[j] {
			p.Inserts = append(p.Inserts, ruleInsert{Pos: int64(j), Rule: desired[j]})
		}
	}
	return p
}

// repairPlan converges when the API ignored the positions asked for and puts
// new rules at one end: it keeps the longest run shared at the other end and
// rewrites the rest in an order that lands right.
func repairPlan(current, desired []api.Rule, insertsAtTop bool) rulePlan {
	var p rulePlan
	if !insertsAtTop {
		prefix := 0
		for prefix < len(current) && prefix < len(desired) && ruleKey(current[prefix]) == ruleKey(desired[prefix]) {
			prefix++
		}
		for i := len(current) - 1; i >= prefix; i-- {
			p.Deletes = append(p.Deletes, int64(i))
		}
		for j := prefix; j < len(desired); j++ {
			p.Inserts = append(p.Inserts, ruleInsert{Pos: int64(j), Rule: desired[j]})
		}
		return p
	}
	suffix := 0
	for suffix < len(current) && suffix < len(desired) && ruleKey(current[len(current)-1-suffix]) == ruleKey(desired[len(desired)-1-suffix]) {
		suffix++
	}
	for i := len(current) - suffix - 1; i >= 0; i-- {
		p.Deletes = append(p.Deletes, int64(i))
	}
	for j := len(desired) - suffix - 1; j >= 0; j-- {
		p.Inserts = append(p.Inserts, ruleInsert{Pos: 0, Rule: desired[j]})
	}
	return p
}
