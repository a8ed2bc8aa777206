package bench

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
)

// Report is what a run writes: the settings, the results and the targets.
type Report struct {
	Settings Settings `json:"settings"`
	Results  []Result `json:"results"`
	Targets  []Target `json:"targets"`
}

// Met reports whether every target was met.
func (r Report) Met() bool {
	for _, t := range r.Targets {
		if !t.Met {
			return false
		}
	}
	return true
}

// Write saves results.md, chart.svg and results.json under dir.
func (r Report) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	raw, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"results.md":   []byte(r.Markdown()),
		"chart.svg":    []byte(r.Chart()),
		"results.json": append(raw, '\n'),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Markdown is the results table and the targets.
func (r Report) Markdown() string {
	s := r.Settings
	var b strings.Builder
	b.WriteString("# Benchmark\n\n")
	fmt.Fprintf(&b, "Against gpucloud-sim with %s added to every answer and every cloud's documented rate limits on, "+
		"a minute simulated as %s (Verda announces its window, so the provider keeps to it; for the other clouds the provider "+
		"keeps to the real minute). Verda deploys take %s, Terraform runs with -parallelism=%d, poll_interval is %s. "+
		"Each phase runs its own provider process; peak RSS and provider CPU are that process's. The no-op plan "+
		"runs three times and the fastest counts. Like the commands of a "+
		"pipeline, each process starts from the request record the phases before it left: for the clouds that do not "+
		"announce their window (TensorDock, Nova, novitai) it keeps to what the real minute has left, though the "+
		"simulator's windows are shorter.\n\n",
		s.Latency, s.Window, s.ProvisionDelay, s.Parallelism, s.PollInterval)
	b.WriteString("| scenario | phase | instances | wall time | least time, floors | requests | 429s | peak RSS | provider CPU | busiest endpoints |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, res := range r.Results {
		var floors []string
		if res.LeastSeconds > 0 {
			floors = append(floors, fmt.Sprintf("%.1f s (%.2f×)", res.LeastSeconds, res.Seconds/res.LeastSeconds))
		}
		for _, kind := range []string{FloorNoop, FloorData} {
			if f, ok := res.FloorSeconds[kind]; ok && f > 0 {
				floors = append(floors, fmt.Sprintf("%s %.1f s (%.2f×)", kind, f, res.Seconds/f))
			}
		}
		least := "–"
		if len(floors) > 0 {
			least = strings.Join(floors, "<br>")
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %.1f s | %s | %d | %d | %.1f MB | %.1f s | %s |\n",
			res.Scenario, res.Phase, res.Instances, res.Seconds, least, res.Requests, res.Throttled,
			float64(res.PeakRSS)/(1<<20), res.ProviderCPUSeconds, strings.Join(res.TopEndpoints(3), "<br>"))
	}
	b.WriteString("\n## Targets\n\n")
	for _, t := range r.Targets {
		mark := "met"
		if !t.Met {
			mark = "**missed**"
		}
		fmt.Fprintf(&b, "- %s: %s (%s)\n", t.Name, mark, t.Detail)
	}
	b.WriteString("\nLeast time: Verda admits 60 creates a window, so N creates need ⌈N/60⌉ windows and the last " +
		"cannot be sent before the last of them opens; each instance also keeps one of Terraform's slots for at least " +
		"a create answer, the deploy and one read. The bound is the larger of the two, plus the token request. " +
		"A destroy's deletes share requests, but Terraform has at most -parallelism of them in flight, so a request holds " +
		"at most that many IDs; each instance keeps a slot for at least the delete's answer, the deletion and one read. " +
		"Floors: `noop` is the same phase over as many instances of a framework resource with the Verda instance's schema " +
		"that does nothing (internal/bench/floor), `terraform_data` over as many of Terraform's built-in resource; " +
		"the floor-* rows are those runs.\n\n")
	b.WriteString("![wall time and requests per phase](chart.svg)\n")
	return b.String()
}

// Chart draws wall time and requests per scenario and phase as two panels
// of horizontal bars.
func (r Report) Chart() string {
	const (
		width, labelW, barH, gap, panelGap = 900, 190, 14, 6, 40
		barW                               = (width - labelW - 2*panelGap) / 2
	)
	colors := map[string]string{PhaseApply: "#2b6cb0", PhasePlan: "#38a169", PhaseDestroy: "#c05621"}
	var maxSec float64
	maxReq := 1
	for _, res := range r.Results {
		maxSec = max(maxSec, res.Seconds, res.LeastSeconds)
		maxReq = max(maxReq, res.Requests)
	}
	if maxSec == 0 {
		maxSec = 1
	}
	top := 50
	height := top + len(r.Results)*(barH+gap) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="13" font-weight="bold">wall time, s (black tick: least time)</text>`+"\n", labelW)
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="13" font-weight="bold">API requests</text>`+"\n", labelW+barW+panelGap)
	legendX := labelW
	for _, phase := range []string{PhaseApply, PhasePlan, PhaseDestroy} {
		fmt.Fprintf(&b, `<rect x="%d" y="30" width="10" height="10" fill="%s"/><text x="%d" y="39">%s</text>`+"\n", legendX, colors[phase], legendX+14, phase)
		legendX += 90
	}
	for i, res := range r.Results {
		y := top + i*(barH+gap)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelW-8, y+barH-3, html.EscapeString(res.Scenario+" "+res.Phase))
		w := int(res.Seconds / maxSec * barW)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", labelW, y, max(w, 1), barH, colors[res.Phase])
		fmt.Fprintf(&b, `<text x="%d" y="%d">%.1f</text>`+"\n", labelW+max(w, 1)+4, y+barH-3, res.Seconds)
		if res.LeastSeconds > 0 {
			x := labelW + int(res.LeastSeconds/maxSec*barW)
			fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black" stroke-width="2"/>`+"\n", x, y-2, x, y+barH+2)
		}
		rx := labelW + barW + panelGap
		rw := int(float64(res.Requests) / float64(maxReq) * barW)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", rx, y, max(rw, 1), barH, colors[res.Phase])
		fmt.Fprintf(&b, `<text x="%d" y="%d">%d</text>`+"\n", rx+max(rw, 1)+4, y+barH-3, res.Requests)
	}
	b.WriteString("</svg>\n")
	return b.String()
}
