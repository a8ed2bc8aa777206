package sharedschema

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Lookup is the id and name attributes of a data source that finds one
// object by either, with what else it tells of the object; what is the
// object, such as "SSH key", and nameAttr its name attribute.
func Lookup(what, nameAttr string, more map[string]schema.Attribute) map[string]schema.Attribute {
	attributes := map[string]schema.Attribute{
		"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The " + what + "'s ID. Exactly one of `id` and `" + nameAttr + "`."},
		nameAttr: schema.StringAttribute{Optional: true, Computed: true,
			MarkdownDescription: "The " + what + "'s " + nameAttr + "; exactly one " + what + " must have it. Exactly one of `id` and `" + nameAttr + "`."},
	}
	maps.Copy(attributes, more)
	return attributes
}

// LookupValidators: exactly one of id and nameAttr.
func LookupValidators(nameAttr string) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot(nameAttr))}
}
