package sim

import (
	"strconv"
	"sync"
)

// EndpointStats counts the requests one route received, by answer status.
type EndpointStats struct {
	Count    int            `json:"count"`
	Statuses map[string]int `json:"statuses"`
}

type stats struct {
	mu        sync.Mutex
	endpoints map[string]*EndpointStats
}

func newStats() *stats { return &stats{endpoints: map[string]*EndpointStats{}} }

func (s *stats) record(route string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.endpoints[route]
	if !ok {
		e = &EndpointStats{Statuses: map[string]int{}}
		s.endpoints[route] = e
	}
	e.Count++
	key := "dropped"
	if status > 0 {
		key = strconv.Itoa(status)
	}
	e.Statuses[key]++
}

func (s *stats) snapshot() map[string]EndpointStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]EndpointStats, len(s.endpoints))
	for k, v := range s.endpoints {
		cp := EndpointStats{Count: v.Count, Statuses: map[string]int{}}
		for sk, sv := range v.Statuses {
			cp.Statuses[sk] = sv
		}
		out[k] = cp
	}
	return out
}

func (s *stats) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.endpoints = map[string]*EndpointStats{}
}
