package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stateFile is what -state-file holds: each cloud's state by name.
type stateFile struct {
	Simulator string                     `json:"simulator"`
	Clouds    map[string]json.RawMessage `json:"clouds"`
}

const stateFileKind = "gpucloud-sim state, version 1"

// SaveState writes every cloud's objects to path, atomically: a reader sees
// the old file or the new one, never a part.
func (s *Server) SaveState(path string) error {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	f := stateFile{Simulator: stateFileKind, Clouds: map[string]json.RawMessage{}}
	for _, c := range s.clouds {
		raw, err := c.State()
		if err != nil {
			return fmt.Errorf("saving %s: %w", c.Name(), err)
		}
		f.Clouds[c.Name()] = raw
	}
	data, err := json.Marshal(f)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// LoadState restores every cloud's objects from path. A missing file is an
// empty simulator; a file that is not a simulator state is an error, so
// that objects are never lost without a word.
func (s *Server) LoadState(path string) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil || f.Simulator != stateFileKind {
		if err == nil {
			err = fmt.Errorf("it says it is %q", f.Simulator)
		}
		return fmt.Errorf("%s is not a gpucloud-sim state file (%v); move it away to start an empty simulator", path, err)
	}
	for _, c := range s.clouds {
		if raw, ok := f.Clouds[c.Name()]; ok {
			if err := c.Restore(raw); err != nil {
				return fmt.Errorf("%s: the %s state cannot be read (%v); move it away to start an empty simulator", path, c.Name(), err)
			}
		}
	}
	return nil
}
