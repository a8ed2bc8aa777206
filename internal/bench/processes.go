package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	gpucloud "github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
)

// simulator is a gpucloud-sim process and its admin API.
type simulator struct {
	cmd  *exec.Cmd
	base string
}

func startSimulator(bin string) (*simulator, error) {
	cmd := exec.Command(bin, "-listen", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	base, err := scanFor(out, "gpucloud-sim: ready on ", 10*time.Second)
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("gpucloud-sim did not start: %w", err)
	}
	return &simulator{cmd: cmd, base: base}, nil
}

func (s *simulator) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	_ = s.cmd.Wait()
}

// admin calls the simulator's admin API; out, when not nil, receives the answer.
func (s *simulator) admin(method, path string, body, out any) error {
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.base+"/_sim/"+path, reader)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s /_sim/%s: %s: %s", method, path, resp.Status, data)
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

// provider is the provider binary serving in debug mode, so that Terraform
// attaches to a process this program started and can measure.
type provider struct {
	cmd      *exec.Cmd
	reattach string
}

// startProvider starts a provider that serves in debug mode: bin with args,
// -debug for this provider, and env added to this process's environment.
func startProvider(bin string, env []string, args ...string) (*provider, error) {
	cmd := exec.Command(bin, args...)
	// Started by Terraform without TF_LOG, the provider turns its logs off;
	// in debug mode it would write them all, so ask for what Terraform gets.
	cmd.Env = append(os.Environ(), env...)
	for _, name := range gpucloud.Loggers {
		cmd.Env = append(cmd.Env, name+"=off")
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := scanFor(out, "\tTF_REATTACH_PROVIDERS=", 10*time.Second)
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("the provider did not start in debug mode: %w", err)
	}
	return &provider{cmd: cmd, reattach: strings.Trim(line, "'")}, nil
}

// usage is what a provider process spent.
type usage struct {
	peakRSS int64
	cpu     time.Duration // user and system
}

// stop ends the provider and returns what it spent; nil, for Terraform's
// built-in provider, has no process of its own.
func (p *provider) stop() (usage, error) {
	if p == nil {
		return usage{}, nil
	}
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		return usage{}, err
	}
	// Its exit status after an interrupt says nothing; its usage does.
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
	ru, ok := p.cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return usage{}, errors.New("no resource usage for the provider process")
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return usage{peakRSS: ru.Maxrss * 1024, cpu: cpu}, nil // Linux reports kilobytes
}

// scanFor reads lines until one starts with prefix and returns the rest of
// it; the remaining output is drained so that the process never blocks.
func scanFor(r io.Reader, prefix string, timeout time.Duration) (string, error) {
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		sent := false
		for sc.Scan() {
			if !sent && strings.HasPrefix(sc.Text(), prefix) {
				found <- strings.TrimPrefix(sc.Text(), prefix)
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case v, ok := <-found:
		if !ok {
			return "", fmt.Errorf("the output ended without %q", prefix)
		}
		return v, nil
	case <-time.After(timeout):
		return "", fmt.Errorf("no %q within %s", prefix, timeout)
	}
}
