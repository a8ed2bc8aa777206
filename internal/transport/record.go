package transport

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A request record keeps when each request to one cloud account was sent,
// for the provider processes that come after this one: a pipeline runs
// several commands a minute, each in a process of its own, and a cloud
// counts them all against one budget. The record holds times and the
// method and path of each request: no credential, no body, no answer.
type record struct {
	mu sync.Mutex
	f  *os.File
	// facts are what processes learned of the cloud's behaviour, by name.
	facts map[string]string
}

// recordEntry is one request sent, or a limit the server announced.
type recordEntry struct {
	at  time.Time
	key string // "METHOD /path", as the limiter keys endpoints; "*" for the cloud's own limit
	// quota and window, when set, are a limit the server announced for key;
	// such an entry is no request.
	quota  int
	window time.Duration
	// fact, when set, is something learned of how the cloud behaves for
	// this account ("name=value"), and the entry no request.
	fact string
}

func (e recordEntry) policy() bool { return e.quota > 0 }

func (e recordEntry) line() string {
	if e.fact != "" {
		return fmt.Sprintf("%d !%s\n", e.at.UnixNano(), e.fact)
	}
	if e.policy() {
		return fmt.Sprintf("%d =%d/%d %s\n", e.at.UnixNano(), e.quota, int(e.window/time.Second), e.key)
	}
	return fmt.Sprintf("%d %s\n", e.at.UnixNano(), e.key)
}

// staleRecord is how old a record file may be before it is removed: older
// than any cloud's window, it can no longer say anything.
const staleRecord = time.Hour

// maxRecordBytes is how large a record grows before the next process
// rewrites it with only the requests still within the window.
const maxRecordBytes = 1 << 20

// recordPath is the record of one cloud account in dir: its name is a hash
// of the cloud, the endpoint and the credentials, so that the credentials
// cannot be read from it.
func recordPath(dir, cloud, base string, secrets []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s", cloud, base)
	for _, s := range secrets {
		fmt.Fprintf(h, "\x00%s", s)
	}
	return filepath.Join(dir, strings.ToLower(cloud)+"-"+hex.EncodeToString(h.Sum(nil))[:16]+".log")
}

// openRecord opens the record at path and returns the requests it holds
// that were sent within window of now, and the limits servers announced
// (so that the requests are counted in the server's windows, not the
// documented ones), oldest first. Records nobody has written to for
// staleRecord are removed. A record that cannot be opened
// leaves this process on its own budget, as without one.
func openRecord(path string, window time.Duration, now time.Time) (*record, []recordEntry) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil
	}
	removeStale(dir, now)
	entries := readRecord(path, now.Add(-window))
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxRecordBytes {
		compact(path, entries)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, entries
	}
	r := &record{f: f, facts: map[string]string{}}
	for _, e := range entries {
		if name, value, ok := strings.Cut(e.fact, "="); ok {
			r.facts[name] = value
		}
	}
	return r, entries
}

func readRecord(path string, since time.Time) []recordEntry {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []recordEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if e, ok := parseEntry(sc.Text()); ok && (e.policy() || e.fact != "" || e.at.After(since)) {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

func parseEntry(line string) (recordEntry, bool) {
	nanos, rest, ok := strings.Cut(line, " ")
	n, err := strconv.ParseInt(nanos, 10, 64)
	if !ok || err != nil {
		return recordEntry{}, false
	}
	e := recordEntry{at: time.Unix(0, n), key: rest}
	if fact, ok := strings.CutPrefix(rest, "!"); ok {
		return recordEntry{at: e.at, fact: fact}, strings.Contains(fact, "=")
	}
	if limit, key, ok := strings.Cut(strings.TrimPrefix(rest, "="), " "); ok && strings.HasPrefix(rest, "=") {
		q, w, _ := strings.Cut(limit, "/")
		quota, err1 := strconv.Atoi(q)
		seconds, err2 := strconv.Atoi(w)
		if err1 != nil || err2 != nil || quota <= 0 || seconds <= 0 {
			return recordEntry{}, false
		}
		e.key, e.quota, e.window = key, quota, time.Duration(seconds)*time.Second
	}
	return e, e.key != ""
}

// compact replaces the record with entries. A line another process appends
// meanwhile may be lost: the record is advice, and the cloud's 429 the rule.
func compact(path string, entries []recordEntry) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".compact-*")
	if err != nil {
		return
	}
	w := bufio.NewWriter(tmp)
	for _, e := range entries {
		_, _ = w.WriteString(e.line())
	}
	if w.Flush() != nil || tmp.Close() != nil || os.Rename(tmp.Name(), path) != nil {
		_ = os.Remove(tmp.Name())
	}
}

func removeStale(dir string, now time.Time) {
	old, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	for _, p := range old {
		if fi, err := os.Stat(p); err == nil && now.Sub(fi.ModTime()) > staleRecord {
			_ = os.Remove(p)
		}
	}
}

// fact is what the record says of name, "" when nothing.
func (r *record) fact(name string) string {
	if r == nil {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.facts[name]
}

// setFact records value for name when it is new.
func (r *record) setFact(name, value string) {
	if r == nil {
		return
	}
	r.mu.Lock()
	known := r.facts[name] == value
	r.facts[name] = value
	r.mu.Unlock()
	if !known {
		r.add(recordEntry{at: time.Now(), fact: name + "=" + value})
	}
}

// add notes one request or announced limit. Each is one appended line,
// written at once, so that processes writing the same record at the same
// time do not mix them.
func (r *record) add(e recordEntry) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	_, _ = r.f.WriteString(e.line())
}
