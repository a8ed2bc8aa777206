package bluelobster_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simbl "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
)

func firewallIs(s *acctest.Sim, want ...string) func(*terraform.State) error {
	return func(st *terraform.State) error {
		id := st.RootModule().Resources[inst].Primary.ID
		if got := s.BlueLobster.FirewallRules(id); !slices.Equal(got, want) {
			return fmt.Errorf("firewall rules %q, want %q", got, want)
		}
		return nil
	}
}

func ruleWrites(s *acctest.Sim) int {
	return s.Requests("POST /bluelobster/api/v1/instances/{id}/firewall/rules", "") + s.Requests("DELETE /bluelobster/api/v1/instances/{id}/firewall/rules/{pos}", "")
}

func firewallHCL(rules ...string) string {
	return `
resource "gpucloud_bluelobster_firewall" "fw" {
  instance_id = gpucloud_bluelobster_instance.vm.id
  rules = [` + strings.Join(rules, ",\n") + `]
}
`
}

func rule(action, port string) string {
	return fmt.Sprintf(`{ type = "in", action = %q, proto = "tcp", dport = %q }`, action, port)
}

// Editing one rule rewrites it and the rules after it, since the document
// names no way to add a rule at a position; the rules before it are
// untouched.
func TestAccFirewall_editRewritesFromTheEditedRule(t *testing.T) {
	s := acctest.StartSim(t)
	base := instanceHCL("fw-box", "running", "")
	three := firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "80"), rule("DROP", "3306"))
	edited := firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "8080"), rule("DROP", "3306"))
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{Config: s.Config(base + three), Check: firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 80", "in DROP tcp 3306")},
			{
				PreConfig: func() { before = ruleWrites(s) },
				Config:    s.Config(base + edited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_firewall.fw", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 8080", "in DROP tcp 3306"),
					func(*terraform.State) error {
						if n := ruleWrites(s) - before; n != 4 {
							return fmt.Errorf("editing the second of three rules took %d rule writes, want 4 (2 deletes, 2 adds)", n)
						}
						return nil
					},
				),
			},
			{
				// Only the case differs from what Blue Lobster stores: no change.
				Config: s.Config(base + firewallHCL(rule("accept", "22"), rule("accept", "8080"), rule("drop", "3306"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_firewall.fw", plancheck.ResourceActionNoop),
				}},
			},
			{
				// A rule added in the console is removed: the firewall is authoritative.
				PreConfig: func() {
					for _, o := range s.Ledger() {
						s.BlueLobster.AddFirewallRule(o.ID, "in", "ACCEPT", "tcp", "5900")
					}
				},
				Config: s.Config(base + edited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("gpucloud_bluelobster_firewall.fw", plancheck.ResourceActionUpdate),
				}},
				Check: firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 8080", "in DROP tcp 3306"),
			},
			{
				// Destroying the firewall leaves it disabled with no rules.
				Config: s.Config(base),
				Check:  firewallIs(s),
			},
		},
	})
}

// Whichever end the API adds rules at, the firewall ends in the configured
// order.
func TestAccFirewall_orderWhicheverEndRulesAreAddedAt(t *testing.T) {
	for _, top := range []bool{false, true} {
		t.Run(fmt.Sprintf("insert_at_top=%v", top), func(t *testing.T) {
			s := acctest.StartSim(t)
			s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.RulesInsertAtTop = top })
			base := instanceHCL("order-box", "running", "")
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingLeft,
				Steps: []resource.TestStep{
					{
						Config: s.Config(base + firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "80"), rule("DROP", "3306"))),
						Check:  firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 80", "in DROP tcp 3306"),
					},
					{
						Config: s.Config(base + firewallHCL(rule("ACCEPT", "22"), rule("ACCEPT", "8080"), rule("DROP", "3306"), rule("ACCEPT", "443"))),
						Check:  firewallIs(s, "in ACCEPT tcp 22", "in ACCEPT tcp 8080", "in DROP tcp 3306", "in ACCEPT tcp 443"),
					},
				},
			})
		})
	}
}

// Bad rules are plan-time errors naming the rule and the attribute.
func TestAccFirewall_badInput(t *testing.T) {
	s := acctest.StartSim(t)
	expectPlanErrors(t, s, map[string]string{
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "in", action = "ACCEPT", dport = "80:22" }`):              `(?s)rules\[0\].dport.*starts\s+after\s+it\s+ends`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "in", action = "ACCEPT", source = "10.0.0.0/33" }`):       `(?s)rules\[0\].source.*CIDR`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "sideways", action = "ACCEPT" }`):                         `(?s)type.*value must be one of`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "in", action = "ACCEPT", proto = "icmp", dport = "22" }`): `(?s)dport = "22" on an icmp rule: ICMP has no ports`,
		instanceHCL("ok", "running", "") + firewallHCL(`{ type = "in", action = "ALLOW" }`):                                `(?s)action.*value must be one of`,
	})
}

// machineWithFirewall is instance vm<i> with firewall fw<i> of three rules,
// written after the resource named by after, when set.
func machineWithFirewall(i int, after string) string {
	return fmt.Sprintf(`
resource "gpucloud_bluelobster_instance" "vm%[1]d" {
  region         = "igl"
  instance_type  = "gpu_1x_a4000"
  name           = "learn-%[1]d"
  ssh_public_key = %[2]q
  template_name  = "UBUNTU-22-04-NV"
}
resource "gpucloud_bluelobster_firewall" "fw%[1]d" {
  instance_id = gpucloud_bluelobster_instance.vm%[1]d.id
  rules       = [%[3]s]
  depends_on  = [%[4]s]
}
`, i, acctest.SSHKeyEd25519, strings.Join([]string{rule("ACCEPT", "22"), rule("ACCEPT", "80"), rule("DROP", "3306")}, ", "), after)
}

// Once an add has shown where this account's firewall puts new rules, the
// next firewall of the same apply is written in as many adds as it has rules,
// at either end.
func TestAccFirewall_directionLearnedOnceForTheAccount(t *testing.T) {
	two := func(n int) string {
		var b strings.Builder
		for i := range n {
			after := ""
			if i > 0 {
				after = fmt.Sprintf("gpucloud_bluelobster_firewall.fw%d", i-1)
			}
			b.WriteString(machineWithFirewall(i, after))
		}
		return b.String()
	}
	for _, top := range []bool{false, true} {
		t.Run(fmt.Sprintf("insert_at_top=%v", top), func(t *testing.T) {
			writes := map[int]int{}
			for _, n := range []int{1, 2} {
				s := acctest.StartSim(t)
				s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.RulesInsertAtTop = top })
				resource.Test(t, resource.TestCase{
					ProtoV6ProviderFactories: acctest.ProviderFactories(),
					CheckDestroy:             s.CheckNothingLeft,
					Steps: []resource.TestStep{{
						Config: s.Config(two(n)),
						Check:  func(*terraform.State) error { writes[n] = ruleWrites(s); return nil },
					}},
				})
			}
			if second := writes[2] - writes[1]; second != 3 {
				t.Fatalf("the second firewall took %d rule writes (the first %d); want 3, one per rule", second, writes[1])
			}
		})
	}
}

// Where the account adds rules is remembered in the request record, so a
// later command's first firewall is written in as many adds as it has
// rules, at either end, though its list starts empty and no add of that
// command has shown the end yet.
func TestAccFirewall_directionRememberedAcrossCommands(t *testing.T) {
	for _, top := range []bool{false, true} {
		t.Run(fmt.Sprintf("insert_at_top=%v", top), func(t *testing.T) {
			t.Setenv("GPUCLOUD_REQUEST_RECORD_DIR", t.TempDir())
			s := acctest.StartSim(t)
			s.BlueLobster.UpdateSwitches(func(sw *simbl.Switches) { sw.RulesInsertAtTop = top })
			var before int
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				CheckDestroy:             s.CheckNothingLeft,
				Steps: []resource.TestStep{
					{Config: s.Config(machineWithFirewall(0, ""))},
					{
						PreConfig: func() { before = ruleWrites(s) },
						Config:    s.Config(machineWithFirewall(0, "") + machineWithFirewall(1, "")),
						Check: func(*terraform.State) error {
							if n := ruleWrites(s) - before; n != 3 {
								return fmt.Errorf("the next command's firewall took %d rule writes, want 3, one per rule", n)
							}
							return nil
						},
					},
				},
			})
		})
	}
}
