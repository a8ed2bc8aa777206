package planmod

import (
	"context"
	"reflect"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// forcesReplacement matches what the framework's RequiresReplace modifiers
// and the Replace modifiers here say of themselves.
var forcesReplacement = regexp.MustCompile(`(?i)destroy and recreate|replaces the object`)

// ForcesReplacement reports whether a plan modifier may replace the object.
func ForcesReplacement(ctx context.Context, modifier interface{ Description(context.Context) string }) bool {
	return forcesReplacement.MatchString(modifier.Description(ctx))
}

// NoteReplacements ends the description of every attribute whose change
// replaces the object, nested ones included, with a sentence that says so,
// unless it speaks of replacing already. object names what is replaced
// ("instance").
func NoteReplacements(ctx context.Context, s *schema.Schema, object string) {
	noteReplacements(ctx, reflect.ValueOf(s.Attributes), "Changing it replaces the "+object+".")
}

func noteReplacements(ctx context.Context, attributes reflect.Value, note string) {
	for _, k := range attributes.MapKeys() {
		a := reflect.New(attributes.MapIndex(k).Elem().Type()).Elem()
		a.Set(attributes.MapIndex(k).Elem())
		if nested := a.FieldByName("Attributes"); nested.IsValid() && nested.Kind() == reflect.Map {
			noteReplacements(ctx, nested, note)
		}
		if object := a.FieldByName("NestedObject"); object.IsValid() {
			noteReplacements(ctx, object.FieldByName("Attributes"), note)
		}
		desc := a.FieldByName("MarkdownDescription")
		mods := a.FieldByName("PlanModifiers")
		if !mods.IsValid() || strings.Contains(strings.ToLower(desc.String()), "replace") {
			continue
		}
		for i := range mods.Len() {
			if ForcesReplacement(ctx, mods.Index(i).Interface().(interface{ Description(context.Context) string })) {
				desc.SetString(strings.TrimSpace(desc.String() + " " + note))
				attributes.SetMapIndex(k, a)
				break
			}
		}
	}
}
