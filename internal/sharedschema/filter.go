package sharedschema

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
)

// NameRegex is the name filter every list data source takes; field names
// the attribute that it matches, such as `hostname`.
func NameRegex(field string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true, Validators: []validator.String{validate.Regexp()},
		MarkdownDescription: "Only objects whose `" + field + "` matches this regular expression (RE2 syntax, unanchored: `^team-a-` for a prefix). Unset by default: all of them.",
	}
}

// Filter is an optional string attribute that a listed object must equal,
// ignoring case; the clouds are not consistent in the case of statuses.
func Filter(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: desc + " Unset by default: all of them."}
}

// MatchesName: pattern is unset, or matches name. The pattern was validated
// at plan time.
func MatchesName(pattern types.String, name string) bool {
	if pattern.IsNull() || pattern.IsUnknown() {
		return true
	}
	re, err := regexp.Compile(pattern.ValueString())
	return err == nil && re.MatchString(name)
}

// Matches: want is unset, or equals got ignoring case.
func Matches(want types.String, got string) bool {
	return want.IsNull() || want.IsUnknown() || strings.EqualFold(want.ValueString(), got)
}

// SortByName orders a list data source's objects by name, then ID, so that
// a list does not change order between reads when nothing else changed.
func SortByName[T any](objects []T, key func(T) (name, id string)) {
	slices.SortStableFunc(objects, func(a, b T) int {
		an, aid := key(a)
		bn, bid := key(b)
		return cmp.Or(strings.Compare(an, bn), strings.Compare(aid, bid))
	})
}

// ListOfInstances is the schema of a cloud's list of instances: of names
// them ("The project's instances"), filters are its filter attributes, and
// each instance has element's attributes, ordered by the attribute orderedBy.
func ListOfInstances(of, orderedBy, note string, filters, element map[string]schema.Attribute) schema.Schema {
	attributes := map[string]schema.Attribute{
		"instances": schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: "The matching instances, ordered by `" + orderedBy + "`, then ID.",
			NestedObject: schema.NestedAttributeObject{Attributes: element},
		},
	}
	maps.Copy(attributes, filters)
	return schema.Schema{
		MarkdownDescription: of + ", whoever created them, optionally filtered, from one list request. With `import` blocks " +
			"it brings instances made outside Terraform under it; see the guide *Bringing an existing fleet under Terraform*." + note,
		Attributes: attributes,
	}
}

// Computed attributes of a data source, by type.
func ComputedString(desc string) schema.Attribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

func ComputedInt(desc string) schema.Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
}

func ComputedFloat(desc string) schema.Attribute {
	return schema.Float64Attribute{Computed: true, MarkdownDescription: desc}
}
