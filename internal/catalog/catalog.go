// Package catalog checks planned values against what a cloud's public
// catalogue says exists (instance types, locations, images, nodes), so
// that a value the cloud would refuse fails the plan, not the apply.
package catalog

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// listedInFull is how many valid values an error lists before it lists
// only the nearest ones.
const listedInFull = 12

// nearest is how many of the nearest values a long list is cut to.
const nearest = 5

// Value is one planned value to check.
type Value struct {
	Attr  path.Path
	Value types.String
	// What names the kind of value in a sentence: "an instance type Verda offers".
	What string
	// Where names where all values are listed: "gpucloud_verda_instance_types".
	Where string
}

// Check fails the plan when v is known and not among valid; err, from
// fetching the catalogue, only warns: the plan goes on and the apply
// decides. Values compare exactly unless fold is set. It reports whether
// the value is valid (or could not be checked).
func Check(diags *diag.Diagnostics, v Value, valid []string, fold bool, err error) bool {
	if v.Value.IsNull() || v.Value.IsUnknown() {
		return true
	}
	if err != nil {
		diags.AddAttributeWarning(v.Attr, "Could not check "+name(v.Attr),
			fmt.Sprintf("The list to check %q against could not be read (%v); the plan goes on and the apply will tell.", v.Value.ValueString(), err))
		return true
	}
	got := v.Value.ValueString()
	if slices.ContainsFunc(valid, func(s string) bool { return s == got || fold && strings.EqualFold(s, got) }) {
		return true
	}
	diags.AddAttributeError(v.Attr, "Unknown "+name(v.Attr), fmt.Sprintf("%q is not %s. %s", got, v.What, Suggest(got, valid, v.Where)))
	return false
}

// Suggest says which values are valid: all of them when there are few, or
// else the nearest to got, and where the rest are listed.
func Suggest(got string, valid []string, where string) string {
	if len(valid) == 0 {
		return "There are none right now."
	}
	sorted := slices.Clone(valid)
	sort.Strings(sorted)
	if len(sorted) <= listedInFull {
		return "Valid values: " + strings.Join(sorted, ", ") + "."
	}
	sort.SliceStable(sorted, func(i, j int) bool { return distance(got, sorted[i]) < distance(got, sorted[j]) })
	s := fmt.Sprintf("The nearest of %d: %s.", len(sorted), strings.Join(sorted[:nearest], ", "))
	if where != "" {
		s += " " + where + " lists them all."
	}
	return s
}

func name(p path.Path) string {
	steps := p.Steps()
	if len(steps) == 0 {
		return "value"
	}
	return strings.Trim(steps[len(steps)-1].String(), `[]"`)
}

// distance is the edit distance between a and b, case ignored.
func distance(a, b string) int {
	a, b = strings.ToLower(a), strings.ToLower(b)
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// PricePlan is a new machine's price as the catalogue gives it.
type PricePlan struct {
	PerHour  float64
	Currency string
	// Known is false where the catalogue has no price for what is planned.
	Known bool
}

// PlanPrice plans price_per_hour and currency of a machine about to be
// created, and fails the plan when the price is above max_price_per_hour.
func PlanPrice(ctx context.Context, plan *tfsdk.Plan, diags *diag.Diagnostics, p PricePlan, max types.Float64) {
	if p.Currency != "" {
		diags.Append(plan.SetAttribute(ctx, path.Root("currency"), types.StringValue(p.Currency))...)
	}
	if !p.Known {
		return
	}
	diags.Append(plan.SetAttribute(ctx, path.Root("price_per_hour"), types.Float64Value(p.PerHour))...)
	if !max.IsNull() && !max.IsUnknown() && p.PerHour > max.ValueFloat64() {
		diags.AddAttributeError(path.Root("max_price_per_hour"), "Price above max_price_per_hour",
			fmt.Sprintf("This machine costs %s %s per hour, above max_price_per_hour (%s). Choose a cheaper one, or raise the ceiling.",
				money(p.PerHour), p.Currency, money(max.ValueFloat64())))
	}
}

// PriceRose is the error of a create refused because the price rose above
// the ceiling since the plan.
func PriceRose(price float64, currency string, max float64) error {
	return fmt.Errorf("the price is now %s %s per hour, above max_price_per_hour (%s); nothing was created", money(price), currency, money(max))
}

func money(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
