// Package bench measures the provider against gpucloud-sim at scale: wall
// time, requests per endpoint, 429s and the provider's peak memory for
// apply, a no-op plan and destroy of fleets of instances, with the
// documented rate limits on and their window shrunk so that a run fits in
// minutes. It checks the targets the provider promises and writes a report.
package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	gpucloud "github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
)

// Settings are the conditions every scenario runs under.
type Settings struct {
	// Latency is added to every answer of the simulator.
	Latency time.Duration
	// Window is how long the simulated clouds' one-minute rate-limit
	// windows last; Verda announces it, so the provider keeps to it.
	Window time.Duration
	// ProvisionDelay is how long a Verda deploy takes from ordered to
	// running; the other clouds are set to take about as long.
	ProvisionDelay time.Duration
	// PollInterval is the provider's poll_interval, scaled with the window.
	PollInterval time.Duration
	// Parallelism is Terraform's -parallelism (its default is 10).
	Parallelism int
}

// ActionDelay is how long a Verda action such as a delete takes.
func (s Settings) ActionDelay() time.Duration { return s.ProvisionDelay / 2 }

// DefaultSettings simulate a minute in six seconds.
func DefaultSettings() Settings {
	return Settings{
		Latency:        50 * time.Millisecond,
		Window:         6 * time.Second,
		ProvisionDelay: 500 * time.Millisecond,
		PollInterval:   200 * time.Millisecond,
		Parallelism:    10,
	}
}

// Phase names, in the order they run.
const (
	PhaseApply   = "apply"
	PhasePlan    = "no-op plan"
	PhaseDestroy = "destroy"
)

// Result is one phase of one scenario.
type Result struct {
	Scenario string `json:"scenario"`
	// Floor is the scenario's floor kind, empty for the provider's own.
	Floor     string         `json:"floor,omitempty"`
	Phase     string         `json:"phase"`
	Instances int            `json:"instances"`
	Seconds   float64        `json:"seconds"`
	Requests  int            `json:"requests"`
	Throttled int            `json:"throttled"`
	Endpoints map[string]int `json:"endpoints"`
	PeakRSS   int64          `json:"peak_rss_bytes"`
	// ProviderCPUSeconds is the CPU time (user and system) the provider
	// process spent in the phase.
	ProviderCPUSeconds float64 `json:"provider_cpu_seconds"`
	// LeastSeconds is the shortest an apply or destroy of Verda instances
	// can take under the rate limits, parallelism and provisioning or
	// deletion delay; zero where no such bound is computed.
	LeastSeconds float64 `json:"least_seconds,omitempty"`
	// FloorSeconds are, for the provider's own phase over Verda instances,
	// the same phase's wall time over as many of each floor's resources.
	FloorSeconds map[string]float64 `json:"floor_seconds,omitempty"`
}

// AttachFloors gives each of the provider's own Verda phases the wall time
// of the same phase over the same number of each floor's resources.
func AttachFloors(results []Result) {
	for i, r := range results {
		if r.Floor != "" || r.Scenario != VerdaScenario(r.Instances).Name {
			continue
		}
		for _, f := range results {
			if f.Floor != "" && f.Instances == r.Instances && f.Phase == r.Phase {
				if results[i].FloorSeconds == nil {
					results[i].FloorSeconds = map[string]float64{}
				}
				results[i].FloorSeconds[f.Floor] = f.Seconds
			}
		}
	}
}

// Runner runs scenarios with these binaries.
type Runner struct {
	Provider, Simulator, Terraform string
	// FloorProvider is the command that serves package floor's provider.
	FloorProvider []string
	// ProfileDir, when set, receives a CPU profile of the provider process
	// of each phase, named <scenario>-<phase>.pprof.
	ProfileDir string
	Settings   Settings
	// Log receives progress lines.
	Log func(format string, args ...any)
}

// Run runs every scenario on a fresh simulator and returns the results.
func (r *Runner) Run(ctx context.Context, scenarios []Scenario) ([]Result, error) {
	sim, err := startSimulator(r.Simulator)
	if err != nil {
		return nil, err
	}
	defer sim.stop()
	var results []Result
	for _, sc := range scenarios {
		if err := r.prepare(sim); err != nil {
			return nil, err
		}
		dir, err := os.MkdirTemp("", "gpucloud-bench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(sc.config(sim.base, r.Settings.PollInterval)), 0o644); err != nil {
			return nil, err
		}
		for _, phase := range []string{PhaseApply, PhasePlan, PhaseDestroy} {
			res, err := r.fastest(ctx, sim, dir, sc, phase)
			if err != nil {
				return nil, fmt.Errorf("%s, %s: %w", sc.Name, phase, err)
			}
			r.Log("%-10s %-10s %7.1fs %6d requests %4d throttled %6.1f MB %6.1fs provider CPU", sc.Name, phase, res.Seconds, res.Requests,
				res.Throttled, float64(res.PeakRSS)/(1<<20), res.ProviderCPUSeconds)
			results = append(results, res)
		}
		var left []any
		if err := sim.admin("GET", "ledger", nil, &left); err != nil {
			return nil, err
		}
		if len(left) > 0 {
			return nil, fmt.Errorf("%s: %d billed objects left after destroy", sc.Name, len(left))
		}
	}
	return results, nil
}

// PlanRuns is how often the no-op plan, which changes nothing, runs; the
// fastest run counts, so that a moment of contention on the machine does
// not decide a ratio of two plans.
const PlanRuns = 3

// fastest runs a phase, the no-op plan PlanRuns times, and returns the
// fastest run.
func (r *Runner) fastest(ctx context.Context, sim *simulator, dir string, sc Scenario, phase string) (Result, error) {
	runs := 1
	if phase == PhasePlan {
		runs = PlanRuns
	}
	var best Result
	for i := range runs {
		res, err := r.phase(ctx, sim, dir, sc, phase)
		if err != nil {
			return Result{}, err
		}
		if i == 0 || res.Seconds < best.Seconds {
			best = res
		}
	}
	return best, nil
}

// prepare resets the simulator and sets the conditions: latency on every
// answer, rate limits on with the shrunken window, short provisioning.
func (r *Runner) prepare(sim *simulator) error {
	s := r.Settings
	speedup := int(time.Minute / s.Window)
	d := func(x time.Duration) string { return x.String() }
	steps := []struct {
		method, path string
		body         any
	}{
		{"POST", "reset", nil},
		{"POST", "faults", map[string]any{"kind": "latency", "path": "*", "latency_ms": s.Latency.Milliseconds()}},
		{"PATCH", "verda/switches", map[string]any{"rate_limits": true, "rate_limit_window": d(s.Window),
			"provision_delay": d(s.ProvisionDelay), "action_delay": d(s.ActionDelay())}},
		{"PATCH", "tensordock/switches", map[string]any{"rate_limits": true, "rate_limit_window": d(s.Window),
			"start_delay": d(s.ProvisionDelay), "stop_delay": d(s.ProvisionDelay / 2)}},
		{"PATCH", "nova/switches", map[string]any{"rate_limits": true, "rate_limit_window": d(s.Window),
			"boot_delay": d(s.ProvisionDelay), "stop_delay": d(s.ProvisionDelay / 2)}},
		{"PATCH", "novitai/switches", map[string]any{"rate_limits": true, "rate_per_minute": 100 * speedup,
			"creating_delay": d(s.ProvisionDelay / 2), "starting_delay": d(s.ProvisionDelay / 2), "stop_delay": d(s.ProvisionDelay / 2)}},
		{"PATCH", "bluelobster/switches", map[string]any{"task_delay": d(s.ProvisionDelay)}},
	}
	for _, st := range steps {
		if err := sim.admin(st.method, st.path, st.body, nil); err != nil {
			return err
		}
	}
	return nil
}

type endpointStats struct {
	Count    int            `json:"count"`
	Statuses map[string]int `json:"statuses"`
}

// phase runs one Terraform command against a provider process of its own,
// so that the process's peak memory is the phase's.
func (r *Runner) phase(ctx context.Context, sim *simulator, dir string, sc Scenario, phase string) (Result, error) {
	if err := sim.admin("DELETE", "stats", nil, nil); err != nil {
		return Result{}, err
	}
	var prov *provider
	var err error
	switch sc.Floor {
	case FloorData:
	case FloorNoop:
		prov, err = startProvider(r.FloorProvider[0], nil, r.FloorProvider[1:]...)
	default:
		var env []string
		if r.ProfileDir != "" {
			file := strings.ReplaceAll(fmt.Sprintf("%s-%s.pprof", sc.Name, phase), " ", "-")
			env = append(env, gpucloud.CPUProfileVariable+"="+filepath.Join(r.ProfileDir, file))
		}
		prov, err = startProvider(r.Provider, env, "-debug")
	}
	if err != nil {
		return Result{}, err
	}
	args := map[string][]string{
		PhaseApply:   {"apply", "-auto-approve"},
		PhasePlan:    {"plan", "-detailed-exitcode"},
		PhaseDestroy: {"destroy", "-auto-approve"},
	}[phase]
	args = append(args, "-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", r.Settings.Parallelism))
	cmd := exec.CommandContext(ctx, r.Terraform, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE=/dev/null", "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_LOG=")
	if prov != nil {
		cmd.Env = append(cmd.Env, "TF_REATTACH_PROVIDERS="+prov.reattach)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	runErr := cmd.Run()
	elapsed := time.Since(start)
	used, stopErr := prov.stop()
	if runErr != nil {
		return Result{}, fmt.Errorf("terraform %s: %v\n%s", args[0], runErr, tail(out.String(), 40))
	}
	if stopErr != nil {
		return Result{}, stopErr
	}
	var stats map[string]endpointStats
	if err := sim.admin("GET", "stats", nil, &stats); err != nil {
		return Result{}, err
	}
	res := Result{Scenario: sc.Name, Floor: sc.Floor, Phase: phase, Instances: sc.Instances(), Seconds: elapsed.Seconds(), PeakRSS: used.peakRSS,
		ProviderCPUSeconds: used.cpu.Seconds(), Endpoints: map[string]int{}}
	for route, st := range stats {
		res.Endpoints[route] = st.Count
		res.Requests += st.Count
		res.Throttled += st.Statuses["429"]
	}
	if sc.Spread == 0 && sc.Floor == "" {
		switch phase {
		case PhaseApply:
			res.LeastSeconds = LeastApplyTime(sc.Verda, r.Settings).Seconds()
		case PhaseDestroy:
			res.LeastSeconds = LeastDestroyTime(sc.Verda, r.Settings).Seconds()
		}
	}
	return res, nil
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// TopEndpoints lists a result's busiest endpoints, busiest first.
func (r Result) TopEndpoints(n int) []string {
	routes := make([]string, 0, len(r.Endpoints))
	for route := range r.Endpoints {
		routes = append(routes, route)
	}
	sort.Slice(routes, func(i, j int) bool {
		a, b := r.Endpoints[routes[i]], r.Endpoints[routes[j]]
		if a != b {
			return a > b
		}
		return routes[i] < routes[j]
	})
	if len(routes) > n {
		routes = routes[:n]
	}
	out := make([]string, len(routes))
	for i, route := range routes {
		out[i] = fmt.Sprintf("%s ×%d", route, r.Endpoints[route])
	}
	return out
}
