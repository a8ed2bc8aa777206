package verda_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
)

const sshKeyAddr = "gpucloud_verda_ssh_key.test"

func sshKeyConfig(s *acctest.Sim, name, key string) string {
	return s.Config(fmt.Sprintf(`
resource "gpucloud_verda_ssh_key" "test" {
  name       = %q
  public_key = %q
}
`, name, key))
}

func TestAccSSHKey_lifecycle(t *testing.T) {
	s := acctest.StartSim(t)
	var firstID, secondID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				// The newline that file() keeps must not cause a diff.
				Config: sshKeyConfig(s, "alice", acctest.SSHKeyEd25519+"\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sshKeyAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectUnknownValue(sshKeyAddr, tfjsonpath.New("id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sshKeyAddr, tfjsonpath.New("name"), knownvalue.StringExact("alice")),
					statecheck.ExpectKnownValue(sshKeyAddr, tfjsonpath.New("public_key"), knownvalue.StringExact(acctest.SSHKeyEd25519+"\n")),
					statecheck.ExpectKnownValue(sshKeyAddr, tfjsonpath.New("fingerprint"), knownvalue.StringRegexp(regexp.MustCompile(`^SHA256:[A-Za-z0-9+/]{43}$`))),
					statecheck.ExpectKnownValue(sshKeyAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
				},
				Check: acctest.CaptureAttr(sshKeyAddr, "id", &firstID),
			},
			{
				Config: sshKeyConfig(s, "alice", acctest.SSHKeyEd25519+"\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				// Verda cannot rename a key: a new name replaces it.
				Config: sshKeyConfig(s, "alice-renamed", acctest.SSHKeyEd25519),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sshKeyAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sshKeyAddr, tfjsonpath.New("name"), knownvalue.StringExact("alice-renamed")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CaptureAttr(sshKeyAddr, "id", &secondID),
					func(*terraform.State) error {
						if firstID == secondID {
							return fmt.Errorf("the key was not replaced")
						}
						if n := s.CountObjects("verda", "ssh_key"); n != 1 {
							return fmt.Errorf("want 1 key in Verda after the replacement, found %d", n)
						}
						return nil
					},
				),
			},
			{
				ResourceName:      sshKeyAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:    sshKeyAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sshKeyAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

func TestAccSSHKey_deletedOutOfBandIsRecreated(t *testing.T) {
	s := acctest.StartSim(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config: sshKeyConfig(s, "drift", acctest.SSHKeyEd25519),
				Check:  acctest.CaptureAttr(sshKeyAddr, "id", &id),
			},
			{
				PreConfig: func() {
					if !s.Verda.DeleteSSHKey(id) {
						t.Fatalf("key %s was not in the simulator", id)
					}
				},
				Config: sshKeyConfig(s, "drift", acctest.SSHKeyEd25519),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sshKeyAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(sshKeyAddr, tfjsonpath.New("name"), knownvalue.StringExact("drift")),
				},
			},
		},
	})
}

func TestAccSSHKey_invalidKeyIsAPlanTimeError(t *testing.T) {
	s := acctest.StartSim(t)
	for _, bad := range []string{
		"not a key",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----",
		acctest.SSHKeyEd25519 + "\n" + acctest.SSHKeyOther,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories(),
			Steps: []resource.TestStep{{
				Config:      sshKeyConfig(s, "bad", bad),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid SSH public key.*public_key|(?s)public_key.*Invalid SSH public key`),
			}},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      sshKeyConfig(s, "", acctest.SSHKeyEd25519),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)name.*length must be between 1 and 255`),
		}},
	})
	if n := s.Requests("POST /verda/v1/ssh-keys", ""); n != 0 {
		t.Fatalf("bad input must fail before any request; %d creates were sent", n)
	}
}

func TestAccSSHKey_failedCreateLeavesNothing(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/verda/v1/ssh-keys", Kind: sim.FaultStatus, Status: 500, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{
			{
				Config:      sshKeyConfig(s, "fails-once", acctest.SSHKeyEd25519),
				ExpectError: regexp.MustCompile(`(?s)Error creating Verda SSH key "fails-once".*HTTP 500`),
			},
			{
				Config: sshKeyConfig(s, "fails-once", acctest.SSHKeyEd25519),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(sshKeyAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccSSHKey_lostCreateAnswerIsAdopted(t *testing.T) {
	s := acctest.StartSim(t)
	if _, err := s.AddFault(sim.Fault{Method: "POST", Path: "/verda/v1/ssh-keys", Kind: sim.FaultDropAfter, Count: 1}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             s.CheckNothingLeft,
		Steps: []resource.TestStep{{
			Config: sshKeyConfig(s, "lost-answer", acctest.SSHKeyEd25519),
			Check: func(*terraform.State) error {
				if n := s.CountObjects("verda", "ssh_key"); n != 1 {
					return fmt.Errorf("want exactly one key, found %d", n)
				}
				if n := s.Requests("POST /verda/v1/ssh-keys", "dropped"); n != 1 {
					return fmt.Errorf("the fault did not fire: %d dropped creates", n)
				}
				if n := s.Requests("POST /verda/v1/ssh-keys", ""); n != 1 {
					return fmt.Errorf("the create was sent %d times", n)
				}
				return nil
			},
		}},
	})
}
