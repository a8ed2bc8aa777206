package offers

import "testing"

func TestCanonical(t *testing.T) {
	for name, want := range map[string]string{
		"H100 SXM5 80GB": "H100-80GB", "h100-sxm5-80gb": "H100-80GB", "H100": "H100-80GB",
		"A100 SXM4 80GB": "A100-80GB", "a100-pcie-40gb": "A100-40GB",
		"geforcertx4090-pcie-24gb": "RTX4090-24GB", "4090": "RTX4090-24GB", "RTX 4090": "RTX4090-24GB",
		"5090": "RTX5090-32GB", "6000pro": "RTXPRO6000-96GB", "RTX PRO 6000 96GB": "RTXPRO6000-96GB",
		"RTX 6000 Ada 48GB": "RTX6000ADA-48GB", "L40S 48GB": "L40S-48GB", "A4000": "RTXA4000-16GB",
		"RTX A6000": "RTXA6000-48GB", "B200 192GB": "B200192GB-192GB", "mystery": "MYSTERY",
	} {
		if got, _ := Canonical(name); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", name, got, want)
		}
	}
	if _, mem := Canonical("a100-pcie-40gb"); mem != 40 {
		t.Errorf("memory from the name: %v", mem)
	}
}

func TestCountryCode(t *testing.T) {
	for in, want := range map[string]string{"FI": "FI", "Finland": "FI", "Ashburn, US": "US", "United States": "US", "de": "DE"} {
		if got := CountryCode(in); got != want {
			t.Errorf("CountryCode(%q) = %q, want %q", in, got, want)
		}
	}
}
