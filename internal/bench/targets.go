package bench

import (
	"fmt"
	"time"

	verda "github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// LeastApplyTime is the shortest an apply of n Verda instances can take.
// Verda admits so many creates a window (its limit for POST /instances and
// the project's); Terraform runs Parallelism creates at once, each busy for
// at least the create's answer, the provisioning delay and one read that
// sees the instance running.
func LeastApplyTime(n int, s Settings) time.Duration {
	if n <= 0 {
		return 0
	}
	return leastTime(n, ceilDiv(n, s.Parallelism), "POST /instances", s.ProvisionDelay, s)
}

// LeastDestroyTime is the shortest a destroy of n Verda instances can take.
// Deletes share requests, but Terraform has at most Parallelism of them in
// flight, so a request holds at most that many IDs and Verda's limit on PUT
// /instances bounds how many such requests a window admits. Each delete is
// busy for at least its answer, the deletion delay and one read that no
// longer sees the instance.
func LeastDestroyTime(n int, s Settings) time.Duration {
	if n <= 0 {
		return 0
	}
	rounds := ceilDiv(n, s.Parallelism)
	return leastTime(rounds, rounds, "PUT /instances", s.ActionDelay(), s)
}

// leastTime is the larger of two bounds, after the token request: requests
// to endpoint fit so many a window (its limit and the project's), so the
// last cannot be sent before the last window with room for it opens; and
// Terraform's slots are each busy rounds times over, each time for an
// answer, busy and one read.
func leastTime(requests, rounds int, endpoint string, busy time.Duration, s Settings) time.Duration {
	perEndpoint, ok := verda.Limits.Endpoints[endpoint]
	if !ok {
		perEndpoint = verda.Limits.PerEndpoint
	}
	windows := max(ceilDiv(requests, perEndpoint), ceilDiv(requests, verda.Limits.PerWindow))
	slot := 2*s.Latency + busy
	byRate := time.Duration(windows-1)*s.Window + slot
	byParallelism := time.Duration(rounds) * slot
	return s.Latency + max(byRate, byParallelism)
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// Target is one promise the benchmark checks.
type Target struct {
	Name   string `json:"name"`
	Met    bool   `json:"met"`
	Detail string `json:"detail"`
}

// Limits the provider promises.
const (
	MaxPlanRequests = 5
	MaxApplyRatio   = 1.25
	MaxDestroyRatio = 1.25
	// MaxPlanFloorRatio bounds a no-op plan against the same plan over the
	// no-op framework resource with the instance's schema (FloorNoop).
	MaxPlanFloorRatio = 1.5
	// MaxDestroyRequests is per instance destroyed.
	MaxDestroyRequests = 1.3
	MaxPeakRSS         = 150 << 20
)

// RatioAt is the fleet size whose apply is held to MaxApplyRatio: smaller
// applies take seconds, against which Terraform's own start-up weighs too
// much for the ratio to say anything about the provider.
const RatioAt = 1000

// CheckTargets judges results: a no-op plan of 100 or more Verda instances
// makes at most MaxPlanRequests requests; no Verda apply or destroy sees a
// 429; the apply and the destroy of RatioAt Verda instances take at most
// MaxApplyRatio and MaxDestroyRatio times their least time, and its no-op
// plan at most MaxPlanFloorRatio times the no-op framework resource's; a destroy of 100
// or more makes at most MaxDestroyRequests requests an instance; and no
// phase's provider process exceeds MaxPeakRSS.
func CheckTargets(results []Result) []Target {
	var targets []Target
	for _, r := range results {
		if r.Floor != "" {
			continue
		}
		what := fmt.Sprintf("%s of %s", r.Phase, r.Scenario)
		verdaOnly := r.Scenario == VerdaScenario(r.Instances).Name
		if floor, ok := r.FloorSeconds[FloorNoop]; ok && verdaOnly && r.Phase == PhasePlan && r.Instances == RatioAt {
			ratio := r.Seconds / floor
			targets = append(targets, Target{
				Name:   fmt.Sprintf("%s: at most %.1f× the no-op framework resource's", what, MaxPlanFloorRatio),
				Met:    ratio <= MaxPlanFloorRatio,
				Detail: fmt.Sprintf("%.1fs against %.1fs: %.2f×", r.Seconds, floor, ratio),
			})
		}
		if verdaOnly && r.Phase == PhasePlan && r.Instances >= 100 {
			targets = append(targets, Target{
				Name:   fmt.Sprintf("%s: at most %d requests", what, MaxPlanRequests),
				Met:    r.Requests <= MaxPlanRequests,
				Detail: fmt.Sprintf("%d requests", r.Requests),
			})
		}
		if verdaOnly && (r.Phase == PhaseApply || r.Phase == PhaseDestroy) {
			targets = append(targets, Target{
				Name:   what + ": no 429",
				Met:    r.Throttled == 0,
				Detail: fmt.Sprintf("%d answered 429", r.Throttled),
			})
			if r.Instances == RatioAt {
				most := map[string]float64{PhaseApply: MaxApplyRatio, PhaseDestroy: MaxDestroyRatio}[r.Phase]
				ratio := r.Seconds / r.LeastSeconds
				detail := fmt.Sprintf("%.1fs against at least %.1fs: %.2f×", r.Seconds, r.LeastSeconds, ratio)
				if noop, ok := r.FloorSeconds[FloorNoop]; ok && noop > r.LeastSeconds {
					// A least time below what Terraform needs with a provider
					// that does nothing says so, rather than blame the provider.
					detail += fmt.Sprintf("; Terraform alone, with the no-op resource, took %.1fs", noop)
				}
				targets = append(targets, Target{
					Name:   fmt.Sprintf("%s: at most %.2f× the least time", what, most),
					Met:    ratio <= most,
					Detail: detail,
				})
			}
		}
		if verdaOnly && r.Phase == PhaseDestroy && r.Instances >= 100 {
			perInstance := float64(r.Requests) / float64(r.Instances)
			targets = append(targets, Target{
				Name:   fmt.Sprintf("%s: at most %.1f requests an instance", what, MaxDestroyRequests),
				Met:    perInstance <= MaxDestroyRequests,
				Detail: fmt.Sprintf("%d requests: %.2f an instance", r.Requests, perInstance),
			})
		}
		targets = append(targets, Target{
			Name:   fmt.Sprintf("%s: provider peak RSS under %d MB", what, MaxPeakRSS>>20),
			Met:    r.PeakRSS < MaxPeakRSS,
			Detail: fmt.Sprintf("%.1f MB", float64(r.PeakRSS)/(1<<20)),
		})
	}
	return targets
}
