package transport

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
)

const masked = "***"

var secretHeaders = map[string]bool{
	"Authorization": true, "X-Api-Key": true, "Cookie": true, "Set-Cookie": true, "Proxy-Authorization": true,
}

// secretJSONField matches "key": "value" pairs whose key names a secret,
// also when a shortened body ends inside the value.
var secretJSONField = regexp.MustCompile(`(?i)("(?:[a-z_]*secret|[a-z_]*password|[a-z_]*token|api_?key|apikey|private_key)"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|\\?$)`)

// secretFormField matches the same names in form bodies and query strings.
var secretFormField = regexp.MustCompile(`(?i)((?:^|[?&])(?:[a-z_]*secret|[a-z_]*password|[a-z_]*token|api_?key)=)[^&]*`)

// Masker hides secrets in anything that is logged.
type Masker struct {
	mu      sync.RWMutex
	secrets []string
}

// NewMasker masks the given secrets (empty ones are ignored).
func NewMasker(secrets ...string) *Masker {
	m := &Masker{}
	for _, s := range secrets {
		m.Add(s)
	}
	return m
}

// Add registers another secret, such as a token just issued.
func (m *Masker) Add(secret string) {
	if len(secret) < 4 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.secrets = append(m.secrets, secret)
	// Longest first, so a secret containing another is hidden whole.
	sort.Slice(m.secrets, func(i, j int) bool { return len(m.secrets[i]) > len(m.secrets[j]) })
}

// Mask returns s with every known secret and every secret-named field hidden.
func (m *Masker) Mask(s string) string {
	return m.maskFields(m.maskKnown(s))
}

// MaskBody is Mask for a body that is logged only up to limit bytes: the
// known secrets are hidden in the whole body, so that none is cut in two,
// and the fields only in what is kept.
func (m *Masker) MaskBody(body []byte, limit int) string {
	s := m.maskKnown(string(body))
	if len(s) <= limit {
		return m.maskFields(s)
	}
	return fmt.Sprintf("%s… (%d more bytes not logged)", m.maskFields(s[:limit]), len(s)-limit)
}

func (m *Masker) maskKnown(s string) string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for _, secret := range m.secrets {
		s = strings.ReplaceAll(s, secret, masked)
	}
	return s
}

func (m *Masker) maskFields(s string) string {
	s = secretJSONField.ReplaceAllString(s, `${1}"`+masked+`"`)
	return secretFormField.ReplaceAllString(s, "${1}"+masked)
}

// Headers returns a loggable copy of h with credentials hidden.
func (m *Masker) Headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, v := range h {
		if secretHeaders[http.CanonicalHeaderKey(k)] {
			out[k] = masked
			continue
		}
		out[k] = m.Mask(strings.Join(v, ", "))
	}
	return out
}
