// Package wait polls an object until it reaches a target state, a failure
// state, or the caller's deadline.
package wait

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Observation is what one poll saw.
type Observation struct {
	State string
	// Message is the cloud's own explanation, shown when State is a failure.
	Message string
}

// Options describes a wait. States compare case-insensitively.
type Options struct {
	Object  string // "Verda instance 1234", for messages
	Target  []string
	Failure []string
	// Floor and Ceiling bound the jittered, growing pause between polls.
	Floor, Ceiling time.Duration
	// Interval, when set, chooses the pause from the last state and replaces
	// the growing backoff (for APIs that advise a polling pattern).
	Interval func(state string) time.Duration
}

// FailedError: the object reached a failure state.
type FailedError struct {
	Object, State, Message string
}

func (e *FailedError) Error() string {
	msg := fmt.Sprintf("%s ended in state %q", e.Object, e.State)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// EndedIn reports whether err is a wait that ended in one of states.
func EndedIn(err error, states ...string) bool {
	var failed *FailedError
	return errors.As(err, &failed) && contains(states, failed.State)
}

// TimeoutError: the deadline passed first.
type TimeoutError struct {
	Object    string
	LastState string
	Waited    time.Duration
	Target    []string
}

func (e *TimeoutError) Error() string {
	last := e.LastState
	if last == "" {
		last = "unknown (never read)"
	}
	return fmt.Sprintf("timed out after %s waiting for %s to become %s; last state seen: %s",
		e.Waited.Round(time.Second), e.Object, strings.Join(e.Target, " or "), last)
}

func (e *TimeoutError) Unwrap() error { return context.DeadlineExceeded }

// Until polls until the object reaches a target state and returns the last
// observation. The deadline is the context's.
func Until(ctx context.Context, opts Options, poll func(context.Context) (Observation, error)) (Observation, error) {
	if opts.Floor <= 0 {
		opts.Floor = time.Second
	}
	if opts.Ceiling < opts.Floor {
		opts.Ceiling = opts.Floor
	}
	start := time.Now()
	pause := opts.Floor
	var last Observation
	seen := false
	for {
		obs, err := poll(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return last, timeout(ctx, opts, last, start)
			}
			return last, err
		}
		if !seen || !strings.EqualFold(obs.State, last.State) {
			tflog.Info(ctx, "waiting: state changed", map[string]any{
				"object": opts.Object, "from": last.State, "to": obs.State, "elapsed_s": int(time.Since(start).Seconds()),
			})
		}
		seen, last = true, obs
		if contains(opts.Target, obs.State) {
			return obs, nil
		}
		if contains(opts.Failure, obs.State) {
			return obs, &FailedError{Object: opts.Object, State: obs.State, Message: obs.Message}
		}

		next := pause
		if opts.Interval != nil {
			next = opts.Interval(obs.State)
		} else {
			pause = min(opts.Ceiling, pause*3/2)
		}
		timer := time.NewTimer(jitter(next))
		select {
		case <-ctx.Done():
			timer.Stop()
			return last, timeout(ctx, opts, last, start)
		case <-timer.C:
		}
	}
}

func timeout(ctx context.Context, opts Options, last Observation, start time.Time) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return fmt.Errorf("waiting for %s: %w", opts.Object, ctx.Err())
	}
	return &TimeoutError{Object: opts.Object, LastState: last.State, Waited: time.Since(start), Target: opts.Target}
}

// jitter spreads polls of many objects apart: ±20%.
func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	spread := int64(d) * 2 / 5
	return time.Duration(int64(d) - spread/2 + rand.Int64N(spread+1))
}

func contains(states []string, s string) bool {
	for _, t := range states {
		if strings.EqualFold(t, s) {
			return true
		}
	}
	return false
}

// For polls get until observe says the object reached a target state and
// returns the last object get returned, even when the wait fails, so that
// what is known of the object can still be saved.
func For[T any](ctx context.Context, opts Options, get func(context.Context) (*T, error), observe func(*T) Observation) (*T, error) {
	var last *T
	_, err := Until(ctx, opts, func(ctx context.Context) (Observation, error) {
		obj, err := get(ctx)
		if err != nil {
			return Observation{}, err
		}
		last = obj
		return observe(obj), nil
	})
	return last, err
}

// Gone polls get until it answers not found, or state names one of
// opts.Target, the states that mean a deleted object is gone.
func Gone[T any](ctx context.Context, opts Options, get func(context.Context) (*T, error), state func(*T) string) error {
	opts.Target = append([]string{gone}, opts.Target...)
	_, err := Until(ctx, opts, func(ctx context.Context) (Observation, error) {
		obj, err := get(ctx)
		if transport.IsNotFound(err) {
			return Observation{State: gone}, nil
		}
		if err != nil {
			return Observation{}, err
		}
		return Observation{State: state(obj)}, nil
	})
	return err
}

const gone = "gone"
