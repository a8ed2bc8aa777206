// Package offers searches every configured cloud for GPUs at once and puts
// their offers in one list with one naming: gpucloud_gpu_offers.
package offers

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// family is a GPU model as the clouds spell it in many ways.
type family struct {
	token     string // searched for in the name squeezed to upper-case letters and digits
	canonical string
	memoryGB  float64
}

// families are tried in order: longer, more specific tokens first.
var families = []family{
	{"RTXPRO6000", "RTXPRO6000", 96},
	{"6000PRO", "RTXPRO6000", 96},
	{"RTX6000ADA", "RTX6000ADA", 48},
	{"6000ADA", "RTX6000ADA", 48},
	{"H200", "H200", 141},
	{"H100", "H100", 80},
	{"A100", "A100", 80},
	{"L40S", "L40S", 48},
	{"L40", "L40", 48},
	{"L4", "L4", 24},
	{"A6000", "RTXA6000", 48},
	{"A5000", "RTXA5000", 24},
	{"A4000", "RTXA4000", 16},
	{"5090", "RTX5090", 32},
	{"4090", "RTX4090", 24},
	{"3090", "RTX3090", 24},
	{"V100", "V100", 16},
}

var (
	squeeze  = regexp.MustCompile(`[^A-Z0-9]`)
	memoryRe = regexp.MustCompile(`(?i)(\d+)\s*GB`)
)

// Canonical names a GPU the same way across clouds: "H100-80GB", "RTX4090-24GB".
// The memory comes from the name when it says it, else from the model.
func Canonical(name string) (model string, memoryGB float64) {
	squeezed := squeeze.ReplaceAllString(strings.ToUpper(name), "")
	memory := 0.0
	if m := memoryRe.FindStringSubmatch(name); m != nil {
		memory, _ = strconv.ParseFloat(m[1], 64)
	}
	for _, f := range families {
		if strings.Contains(squeezed, f.token) {
			if memory == 0 {
				memory = f.memoryGB
			}
			return fmt.Sprintf("%s-%gGB", f.canonical, memory), memory
		}
	}
	if memory > 0 {
		return fmt.Sprintf("%s-%gGB", squeezed, memory), memory
	}
	return squeezed, 0
}

// countryCodes turns the country names clouds report into ISO codes.
var countryCodes = map[string]string{
	"UNITED STATES": "US", "USA": "US", "FINLAND": "FI", "GERMANY": "DE", "ICELAND": "IS", "NORWAY": "NO",
	"SWEDEN": "SE", "NETHERLANDS": "NL", "FRANCE": "FR", "UNITED KINGDOM": "GB", "CANADA": "CA", "JAPAN": "JP",
	"SINGAPORE": "SG", "HONG KONG": "HK", "AUSTRALIA": "AU", "INDIA": "IN", "POLAND": "PL", "SPAIN": "ES",
}

// CountryCode reads "FI", "Finland" or the last part of "Ashburn, US".
func CountryCode(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, ","); i >= 0 {
		s = strings.TrimSpace(s[i+1:])
	}
	upper := strings.ToUpper(s)
	if code, ok := countryCodes[upper]; ok {
		return code
	}
	return upper
}
