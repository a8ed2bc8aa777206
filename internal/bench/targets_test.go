package bench

import (
	"strings"
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

func TestLeastDestroyTime(t *testing.T) {
	s := Settings{Latency: 50 * time.Millisecond, Window: 6 * time.Second, ProvisionDelay: 500 * time.Millisecond, Parallelism: 10}
	// 1000 deletes in requests of 10: 100 requests fit two windows, so the
	// 100 rounds of slots of 350ms bound it.
	if got, want := LeastDestroyTime(1000, s), 50*time.Millisecond+100*350*time.Millisecond; got != want {
		t.Errorf("LeastDestroyTime(1000) = %v, want %v", got, want)
	}
	// Alone in their requests, 1000 deletes would need 17 windows of 60.
	s.Parallelism = 1
	if got, want := LeastDestroyTime(1000, s), 50*time.Millisecond+1000*350*time.Millisecond; got != want {
		t.Errorf("LeastDestroyTime(1000) at parallelism 1 = %v, want %v", got, want)
	}
	s.Parallelism, s.ProvisionDelay = 1000, 0
	if got, want := LeastDestroyTime(1000, s), 50*time.Millisecond+100*time.Millisecond; got != want {
		t.Errorf("LeastDestroyTime(1000) at parallelism 1000 = %v, want %v", got, want)
	}
}

func TestCheckTargets(t *testing.T) {
	good := []Result{
		{Scenario: "verda-1000", Phase: PhaseApply, Instances: 1000, Seconds: 110, LeastSeconds: 96.65, PeakRSS: 60 << 20},
		{Scenario: "verda-1000", Phase: PhasePlan, Instances: 1000, Seconds: 8, Requests: 2, PeakRSS: 40 << 20, FloorSeconds: map[string]float64{FloorNoop: 6}},
		{Scenario: "floor-noop-1000", Floor: FloorNoop, Phase: PhasePlan, Instances: 1000, Seconds: 6, PeakRSS: 400 << 20},
		{Scenario: "spread-100", Phase: PhaseApply, Instances: 100, Seconds: 30, Throttled: 3, PeakRSS: 40 << 20},
		{Scenario: "verda-1000", Phase: PhaseDestroy, Instances: 1000, Seconds: 40, LeastSeconds: 35.05, Requests: 1200, PeakRSS: 40 << 20},
	}
	for _, target := range CheckTargets(good) {
		if !target.Met {
			t.Errorf("missed %s (%s)", target.Name, target.Detail)
		}
	}
	bad := []Result{
		{Scenario: "verda-1000", Phase: PhaseApply, Instances: 1000, Seconds: 130, LeastSeconds: 96.65, Throttled: 1, PeakRSS: 60 << 20},
		{Scenario: "verda-1000", Phase: PhasePlan, Instances: 1000, Seconds: 10, Requests: 6, PeakRSS: 151 << 20, FloorSeconds: map[string]float64{FloorNoop: 6}},
		{Scenario: "verda-1000", Phase: PhaseDestroy, Instances: 1000, Seconds: 50, LeastSeconds: 35.05, Requests: 1400, Throttled: 2, PeakRSS: 40 << 20,
			FloorSeconds: map[string]float64{FloorNoop: 45}},
	}
	missed := 0
	for _, target := range CheckTargets(bad) {
		if !target.Met {
			missed++
		}
		if strings.Contains(target.Name, "destroy of verda-1000: at most 1.25") && !strings.Contains(target.Detail, "Terraform alone, with the no-op resource, took 45.0s") {
			t.Errorf("a least time below the no-op floor says so: %s", target.Detail)
		}
	}
	if missed != 8 {
		t.Errorf("want the slow apply, its 429, the costly plan, its ratio to the floor, its memory, the slow destroy, its 429 and its requests missed; %d were", missed)
	}
}

func TestAttachFloors(t *testing.T) {
	results := []Result{
		{Scenario: "verda-1000", Phase: PhasePlan, Instances: 1000, Seconds: 8},
		{Scenario: "verda-100", Phase: PhasePlan, Instances: 100, Seconds: 1},
		{Scenario: "floor-noop-1000", Floor: FloorNoop, Phase: PhasePlan, Instances: 1000, Seconds: 6},
		{Scenario: "floor-data-1000", Floor: FloorData, Phase: PhasePlan, Instances: 1000, Seconds: 1.5},
		{Scenario: "floor-noop-1000", Floor: FloorNoop, Phase: PhaseApply, Instances: 1000, Seconds: 9},
	}
	AttachFloors(results)
	if got := results[0].FloorSeconds; len(got) != 2 || got[FloorNoop] != 6 || got[FloorData] != 1.5 {
		t.Errorf("the plan of 1000 gets both floors of its phase and size, got %v", got)
	}
	if results[1].FloorSeconds != nil || results[2].FloorSeconds != nil {
		t.Errorf("a size without floors, and the floors themselves, get none")
	}
}
