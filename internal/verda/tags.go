package verda

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

var tagKey = regexp.MustCompile(`^[^A-Z]{1,63}$`)

// maxTags is how many tags Verda links to one object.
const maxTags = 10

// creationTokenKey labels the tag a create adds so that an object whose
// create answer was lost can be proven its own (adopt.Kind.Token). It is
// kept out of the tags a configuration manages.
const creationTokenKey = "gpucloud-create-token"

// withCreationToken adds a creation token to a create's tags, when there is
// room for one, and returns it ("" when there is none).
func withCreationToken(tags []api.TagSpec) ([]api.TagSpec, string) {
	if len(tags) >= maxTags {
		return tags, ""
	}
	token := adopt.NewToken()
	return append(slices.Clone(tags), api.TagSpec{Key: creationTokenKey, Value: token}), token
}

// creationToken is the creation token among an object's tags, or "".
func creationToken(tags *[]api.Tag) string {
	if tags != nil {
		for _, t := range *tags {
			if t.Key == creationTokenKey {
				return t.Value
			}
		}
	}
	return ""
}

// tagsAttribute is the tags of an instance or a volume.
func tagsAttribute(object string) schema.Attribute {
	return schema.MapAttribute{
		Optional: true, ElementType: types.StringType,
		Validators: []validator.Map{
			mapvalidator.SizeAtMost(maxTags),
			mapvalidator.KeysAre(stringvalidator.RegexMatches(tagKey, "must be 1 to 63 characters, lowercase: Verda lowercases tag keys"),
				stringvalidator.NoneOf(creationTokenKey)),
			mapvalidator.ValueStringsAre(stringvalidator.LengthAtMost(127)),
		},
		MarkdownDescription: "Tags of the " + object + ", key to value (`\"\"` for a key alone): at most 10, keys of 1 to 63 " +
			"lowercase characters, values of at most 127 (checked at plan). Changed in place. Unset by default: tags added " +
			"outside Terraform then show as drift to remove. The tag calls come from Verda's official clients, not document 002. " +
			"A create with fewer than 10 tags adds one more, `" + creationTokenKey + "`, whose random value proves the " + object +
			" this configuration's should the create's answer be lost; it is not shown here and never changed.",
	}
}

// tagsFromAPI is the object's tags, or prior when the answer does not carry
// them; none reported where none were configured stays null.
func tagsFromAPI(tags *[]api.Tag, prior types.Map) types.Map {
	if tags == nil {
		return prior
	}
	m := map[string]string{}
	for _, t := range *tags {
		if t.Key != creationTokenKey {
			m[t.Key] = t.Value
		}
	}
	if len(m) == 0 && prior.IsNull() {
		return prior
	}
	values := make(map[string]attr.Value, len(m))
	for k, v := range m {
		values[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, values)
}

// tagSpecs is the configured tags as a create body sends them, by key.
func tagSpecs(ctx context.Context, tags types.Map) []api.TagSpec {
	var m map[string]string
	if tags.IsNull() || tags.IsUnknown() || tags.ElementsAs(ctx, &m, false).HasError() {
		return nil
	}
	out := make([]api.TagSpec, 0, len(m))
	for k, v := range m {
		out = append(out, api.TagSpec{Key: k, Value: v})
	}
	slices.SortFunc(out, func(a, b api.TagSpec) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// syncTags makes the object's tags those wanted: removed and changed ones
// are unlinked, new and changed ones linked.
func syncTags(ctx context.Context, client *api.Client, kind, id string, current *[]api.Tag, wanted types.Map) error {
	want := map[string]string{}
	for _, s := range tagSpecs(ctx, wanted) {
		want[s.Key] = s.Value
	}
	have := map[string]bool{}
	if current != nil {
		for _, t := range *current {
			if t.Key == creationTokenKey {
				continue
			}
			if v, ok := want[t.Key]; ok && v == t.Value {
				have[t.Key] = true
				continue
			}
			if err := client.RemoveTag(ctx, kind, id, t); err != nil {
				return err
			}
		}
	}
	for _, s := range tagSpecs(ctx, wanted) {
		if have[s.Key] {
			continue
		}
		if err := client.AddTag(ctx, kind, id, s); err != nil {
			return err
		}
	}
	return nil
}
