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
}

// recordEntry is one request sent.
type recordEntry struct {
	at  time.Time
	key string // "METHOD /path", as the limiter keys endpoints
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
// that were sent within window of now, oldest first. Records nobody has
// written to for staleRecord are removed. A record that cannot be opened
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
	return &record{f: f}, entries
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
		nanos, key, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.ParseInt(nanos, 10, 64)
		if !ok || err != nil {
			continue
		}
		if at := time.Unix(0, n); at.After(since) {
			out = append(out, recordEntry{at: at, key: key})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
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
		fmt.Fprintf(w, "%d %s\n", e.at.UnixNano(), e.key)
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

// add notes one request. Each is one appended line, written at once, so
// that processes writing the same record at the same time do not mix them.
func (r *record) add(at time.Time, key string) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	_, _ = fmt.Fprintf(r.f, "%d %s\n", at.UnixNano(), key)
}
