package validate

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// stringCheck is a validator from a description and a parse function.
type stringCheck struct {
	desc  string
	check func(string) error
}

func (v stringCheck) Description(context.Context) string         { return v.desc }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.desc }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value",
			fmt.Sprintf("%s: %q %s: %v.", req.Path, req.ConfigValue.ValueString(), v.desc, err))
	}
}

// PortSpec accepts "22", "80:443" and "80,443" and their combinations.
func PortSpec() validator.String {
	return stringCheck{desc: `must be a port (22), a range (80:443), or a comma-separated list of them (80,443)`, check: ParsePortSpec}
}

// ParsePortSpec checks a port spec.
func ParsePortSpec(s string) error {
	if s == "" {
		return fmt.Errorf("empty")
	}
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(part, ":")
		from, err := port(lo)
		if err != nil {
			return err
		}
		if !isRange {
			continue
		}
		to, err := port(hi)
		if err != nil {
			return err
		}
		if from > to {
			return fmt.Errorf("range %s starts after it ends", part)
		}
	}
	return nil
}

func port(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 65535 || strconv.Itoa(n) != s {
		return 0, fmt.Errorf("%q is not a port from 1 to 65535", s)
	}
	return n, nil
}

// IPOrCIDR accepts one IPv4 or IPv6 address or network.
func IPOrCIDR() validator.String {
	return stringCheck{desc: "must be an IP address (10.0.0.1) or a network in CIDR notation (10.0.0.0/8)", check: ParseIPOrCIDR}
}

// ParseIPOrCIDR checks an address or network.
func ParseIPOrCIDR(s string) error {
	if net.ParseIP(s) != nil {
		return nil
	}
	if _, _, err := net.ParseCIDR(s); err != nil {
		return fmt.Errorf("neither an address nor a CIDR network")
	}
	return nil
}

var clock = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

// TimeOfDay accepts HH:MM on a 24-hour clock.
func TimeOfDay() validator.String {
	return stringCheck{desc: "must be a time of day as HH:MM, from 00:00 to 23:59", check: func(s string) error {
		if !clock.MatchString(s) {
			return fmt.Errorf("not HH:MM")
		}
		return nil
	}}
}

// Regexp accepts a regular expression in Go's RE2 syntax.
func Regexp() validator.String {
	return stringCheck{desc: "must be a regular expression (RE2 syntax)", check: func(s string) error {
		_, err := regexp.Compile(s)
		return err
	}}
}

// Base64 accepts standard base64, as filebase64() writes it.
func Base64() validator.String {
	return stringCheck{desc: "must be base64, such as filebase64() gives", check: func(s string) error {
		_, err := base64.StdEncoding.DecodeString(s)
		return err
	}}
}

// ImageTag accepts a container image with an explicit tag other than
// latest, or a digest.
func ImageTag() validator.String {
	return stringCheck{desc: "must carry an explicit tag other than latest, such as `:1.4.2`, or a digest", check: func(s string) error {
		if strings.ContainsAny(s, " \t\n") || s == "" {
			return fmt.Errorf("not an image reference")
		}
		if strings.Contains(s, "@sha256:") {
			return nil
		}
		last := s[strings.LastIndex(s, "/")+1:]
		_, tag, ok := strings.Cut(last, ":")
		switch {
		case !ok || tag == "":
			return fmt.Errorf("no tag")
		case tag == "latest":
			return fmt.Errorf("latest is refused")
		}
		return nil
	}}
}
