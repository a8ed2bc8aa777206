package bluelobster

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type rule struct {
	Type    string `json:"type"`
	Action  string `json:"action"`
	Proto   string `json:"proto,omitempty"`
	DPort   string `json:"dport,omitempty"`
	SPort   string `json:"sport,omitempty"`
	Source  string `json:"source,omitempty"`
	Dest    string `json:"dest,omitempty"`
	Comment string `json:"comment,omitempty"`
	Enable  int    `json:"enable"`
}

type firewall struct {
	Enabled             bool
	PolicyIn, PolicyOut string
	Rules               []rule
}

func (f *firewall) body() map[string]any {
	rules := make([]map[string]any, 0, len(f.Rules))
	for pos, r := range f.Rules {
		rules = append(rules, ruleBody(pos, r))
	}
	return map[string]any{"enabled": f.Enabled, "policy_in": f.PolicyIn, "policy_out": f.PolicyOut, "rules": rules}
}

func ruleBody(pos int, r rule) map[string]any {
	b := map[string]any{"pos": pos, "type": r.Type, "action": r.Action, "enable": r.Enable}
	for k, v := range map[string]string{"proto": r.Proto, "dport": r.DPort, "sport": r.SPort, "source": r.Source, "dest": r.Dest, "comment": r.Comment} {
		if v != "" {
			b[k] = v
		}
	}
	return b
}

func (c *Cloud) getFirewall(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.lookup(w, r); ok {
		core.WriteJSON(w, http.StatusOK, i.Firewall.body())
	}
}

func validPolicy(p string) bool { return p == "ACCEPT" || p == "DROP" }

func (c *Cloud) putFirewall(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Enable    *bool   `json:"enable"`
		PolicyIn  *string `json:"policy_in"`
		PolicyOut *string `json:"policy_out"`
	}
	if !decode(c, w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	f := &i.Firewall
	if req.PolicyIn != nil {
		if p := strings.ToUpper(*req.PolicyIn); validPolicy(p) {
			f.PolicyIn = p
		} else {
			c.fail(w, http.StatusBadRequest, "invalid_policy", "policy_in must be ACCEPT or DROP")
			return
		}
	}
	if req.PolicyOut != nil {
		if p := strings.ToUpper(*req.PolicyOut); validPolicy(p) {
			f.PolicyOut = p
		} else {
			c.fail(w, http.StatusBadRequest, "invalid_policy", "policy_out must be ACCEPT or DROP")
			return
		}
	}
	if req.Enable != nil {
		f.Enabled = *req.Enable
	}
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success", "message": "Firewall options updated", "firewall": f.body()})
}

func (c *Cloud) addRule(w http.ResponseWriter, r *http.Request) {
	var req struct {
		rule
		Enable *int `json:"enable"`
	}
	if !decode(c, w, r, &req) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	nr := req.rule
	nr.Type, nr.Action, nr.Proto = strings.ToLower(nr.Type), strings.ToUpper(nr.Action), strings.ToLower(nr.Proto)
	nr.Enable = 1
	if req.Enable != nil {
		nr.Enable = *req.Enable
	}
	if nr.Proto == "" {
		nr.Proto = "tcp"
	}
	switch {
	case nr.Type != "in" && nr.Type != "out":
		c.fail(w, http.StatusBadRequest, "invalid_rule", "type must be in or out")
		return
	case !slices.Contains([]string{"ACCEPT", "DROP", "REJECT"}, nr.Action):
		c.fail(w, http.StatusBadRequest, "invalid_rule", "action must be ACCEPT, DROP or REJECT")
		return
	case !slices.Contains([]string{"tcp", "udp", "icmp"}, nr.Proto):
		c.fail(w, http.StatusBadRequest, "invalid_rule", "proto must be tcp, udp or icmp")
		return
	}
	rules := i.Firewall.Rules
	pos := len(rules)
	if c.switches.Get().RulesInsertAtTop {
		pos = 0
	}
	i.Firewall.Rules = slices.Insert(rules, pos, nr)
	core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success", "message": "Firewall rule added", "rule": ruleBody(pos, nr)})
}

func (c *Cloud) rulePos(w http.ResponseWriter, r *http.Request, i *instance) (int, bool) {
	pos, err := strconv.Atoi(r.PathValue("pos"))
	if err != nil || pos < 0 || pos >= len(i.Firewall.Rules) {
		c.fail(w, http.StatusNotFound, "not_found", "No firewall rule at position "+r.PathValue("pos"))
		return 0, false
	}
	return pos, true
}

func (c *Cloud) getRule(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if pos, ok := c.rulePos(w, r, i); ok {
		core.WriteJSON(w, http.StatusOK, ruleBody(pos, i.Firewall.Rules[pos]))
	}
}

func (c *Cloud) deleteRule(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if pos, ok := c.rulePos(w, r, i); ok {
		i.Firewall.Rules = slices.Delete(i.Firewall.Rules, pos, pos+1)
		core.WriteJSON(w, http.StatusOK, map[string]any{"status": "success", "message": "Firewall rule at position " + strconv.Itoa(pos) + " deleted"})
	}
}

// FirewallRules lists an instance's rules as "type action proto dport" strings, for tests.
func (c *Cloud) FirewallRules(id string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if !ok {
		return nil
	}
	out := []string{}
	for _, r := range i.Firewall.Rules {
		out = append(out, strings.TrimSpace(strings.Join([]string{r.Type, r.Action, r.Proto, r.DPort}, " ")))
	}
	return out
}

// AddFirewallRule adds a rule at the bottom behind the API's back.
func (c *Cloud) AddFirewallRule(id, typ, action, proto, dport string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i, ok := c.instances[id]
	if ok {
		i.Firewall.Rules = append(i.Firewall.Rules, rule{Type: typ, Action: action, Proto: proto, DPort: dport, Enable: 1})
	}
	return ok
}
