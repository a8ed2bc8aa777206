package bench

import (
	"testing"
	"time"
)

func TestLeastApplyTime(t *testing.T) {
	s := Settings{Latency: 50 * time.Millisecond, Window: 6 * time.Second, ProvisionDelay: 500 * time.Millisecond, Parallelism: 10}
	cases := map[int]time.Duration{
		// ten creates fit one window: one round of slots bounds it.
		10: 50*time.Millisecond + 600*time.Millisecond,
		// 1000 creates need 17 windows of 60: the last opens after 16.
		1000: 50*time.Millisecond + 16*6*time.Second + 600*time.Millisecond,
	}
	for n, want := range cases {
		if got := LeastApplyTime(n, s); got != want {
			t.Errorf("LeastApplyTime(%d) = %v, want %v", n, got, want)
		}
	}
	// With slow provisioning the slots bound it instead: 100 rounds of 10.
	s.ProvisionDelay = 2 * time.Second
	if got, want := LeastApplyTime(1000, s), 50*time.Millisecond+100*2100*time.Millisecond; got != want {
		t.Errorf("parallelism-bound LeastApplyTime = %v, want %v", got, want)
	}
}

func TestCheckTargets(t *testing.T) {
	good := []Result{
		{Scenario: "verda-1000", Phase: PhaseApply, Instances: 1000, Seconds: 110, LeastSeconds: 96.65, PeakRSS: 60 << 20},
		{Scenario: "verda-1000", Phase: PhasePlan, Instances: 1000, Requests: 2, PeakRSS: 40 << 20},
		{Scenario: "spread-100", Phase: PhaseApply, Instances: 100, Seconds: 30, Throttled: 3, PeakRSS: 40 << 20},
	}
	for _, target := range CheckTargets(good) {
		if !target.Met {
			t.Errorf("missed %s (%s)", target.Name, target.Detail)
		}
	}
	bad := []Result{
		{Scenario: "verda-1000", Phase: PhaseApply, Instances: 1000, Seconds: 130, LeastSeconds: 96.65, Throttled: 1, PeakRSS: 60 << 20},
		{Scenario: "verda-1000", Phase: PhasePlan, Instances: 1000, Requests: 6, PeakRSS: 151 << 20},
	}
	missed := 0
	for _, target := range CheckTargets(bad) {
		if !target.Met {
			missed++
		}
	}
	if missed != 4 {
		t.Errorf("want the slow apply, its 429, the costly plan and its memory missed; %d were", missed)
	}
}
