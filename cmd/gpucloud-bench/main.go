// Command gpucloud-bench measures the provider against gpucloud-sim and
// fails when a target is missed; see internal/bench.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bench"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bench/floor"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gpucloud-bench:", err)
		os.Exit(1)
	}
}

func run() error {
	providerBin := flag.String("provider", "bin/terraform-provider-gpucloud", "provider binary")
	simBin := flag.String("sim", "bin/gpucloud-sim", "gpucloud-sim binary")
	terraform := flag.String("terraform", "terraform", "terraform binary")
	out := flag.String("out", "bench/results", "directory for results.md, chart.svg and results.json")
	quick := flag.Bool("quick", os.Getenv("BENCH_QUICK") == "1", "run the small scenarios only (BENCH_QUICK=1)")
	only := flag.String("only", "", "comma-separated scenario names to run (verda-10, verda-100, verda-1000, spread-100, floor-noop-1000, ...)")
	profile := flag.String("cpuprofile", "", "directory for a CPU profile of the provider in each phase (<scenario>-<phase>.pprof)")
	serveFloor := flag.Bool("serve-floor", false, "serve the floor provider for Terraform to attach to (the benchmark starts it so)")
	flag.Parse()
	if *serveFloor {
		return floor.Serve()
	}

	floors := func(n int) []bench.Scenario {
		return []bench.Scenario{bench.FloorScenario(bench.FloorData, n), bench.FloorScenario(bench.FloorNoop, n)}
	}
	scenarios := append(floors(1000), bench.VerdaScenario(10), bench.VerdaScenario(100), bench.SpreadScenario(20), bench.VerdaScenario(1000))
	if *quick {
		scenarios = append(floors(100), bench.VerdaScenario(10), bench.VerdaScenario(100), bench.SpreadScenario(4))
	}
	if *only != "" {
		var picked []bench.Scenario
		all := append(append(append(scenarios, floors(100)...), floors(1000)...), bench.VerdaScenario(1000), bench.SpreadScenario(20))
		for _, sc := range all {
			if slices.Contains(strings.Split(*only, ","), sc.Name) && !slices.Contains(picked, sc) {
				picked = append(picked, sc)
			}
		}
		if len(picked) == 0 {
			return fmt.Errorf("-only %q names no scenario", *only)
		}
		scenarios = picked
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	runner := &bench.Runner{
		Provider: *providerBin, Simulator: *simBin, Terraform: *terraform, Settings: bench.DefaultSettings(),
		FloorProvider: []string{self, "-serve-floor"}, ProfileDir: *profile,
		Log: func(format string, args ...any) { fmt.Printf(format+"\n", args...) },
	}
	start := time.Now()
	results, err := runner.Run(ctx, scenarios)
	if err != nil {
		return err
	}
	bench.AttachFloors(results)
	report := bench.Report{Settings: runner.Settings, Results: results, Targets: bench.CheckTargets(results)}
	if err := report.Write(*out); err != nil {
		return err
	}
	fmt.Printf("\n%s\nwritten to %s in %s\n", report.Markdown(), *out, time.Since(start).Round(time.Second))
	if !report.Met() {
		return fmt.Errorf("a target was missed")
	}
	return nil
}
