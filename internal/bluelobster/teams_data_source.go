package bluelobster

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
)

// NewTeamsDataSource is gpucloud_bluelobster_teams.
func NewTeamsDataSource() datasource.DataSource {
	var d clientHolder
	return sharedschema.NewDataSource(sharedschema.DataSourceSpec[teamsModel]{
		Name: "bluelobster_teams", Configure: d.configure, Doing: "listing Blue Lobster teams",
		Schema: schema.Schema{
			MarkdownDescription: "The teams the account's instances belong to, with their instances, from one list of instances. " +
				"Blue Lobster's document has no call that lists teams, so a team without instances is not listed; its UUID, " +
				"from the console, can still be given to `gpucloud_bluelobster_instance.team_id`.",
			Attributes: map[string]schema.Attribute{
				"name": sharedschema.Filter("Only the team with this name (case does not matter)."),
				"teams": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "The teams, ordered by name.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The team's UUID."},
						"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "The team's name."},
						"instance_ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Its instances, in the order Blue Lobster lists them."},
					}},
				},
			},
		},
		Fill: func(ctx context.Context, m *teamsModel) error {
			all, err := d.Client.ListInstances(ctx)
			m.Teams = teamsFromAPI(all, m.Name)
			return err
		},
	})
}
