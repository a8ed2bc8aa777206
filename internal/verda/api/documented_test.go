package api_test

import (
	"context"
	"slices"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// documented is every request the client sends, as document 002 (and the
// supplement's labelled facts) give it.
var documented = acctest.Documented{
	"POST /oauth2/token":             {Fields: []string{"grant_type", "client_id", "client_secret", "refresh_token"}},
	"GET /instances":                 {},
	"POST /instances":                {Fields: deployFields},
	"GET /instances/{id}":            {},
	"PUT /instances":                 {Fields: []string{"action", "id[]", "volume_ids[]", "delete_permanently"}},
	"GET /volumes":                   {},
	"POST /volumes":                  {Fields: []string{"type", "location_code", "size", "name", "instance_id", "instance_ids[]", "tags[].key", "tags[].value"}},
	"GET /volumes/{id}":              {},
	"PUT /volumes":                   {Fields: []string{"action", "id[]", "instance_id", "instance_ids[]", "is_permanent", "location_code", "name", "size", "type"}},
	"DELETE /volumes/{id}":           {Fields: []string{"is_permanent"}},
	"GET /ssh-keys":                  {},
	"POST /ssh-keys":                 {Fields: []string{"name", "key"}},
	"GET /ssh-keys/{id}":             {},
	"DELETE /ssh-keys/{id}":          {},
	"GET /scripts":                   {Query: []string{"page", "pageSize"}},
	"POST /scripts":                  {Fields: []string{"name", "script"}},
	"GET /scripts/{id}":              {},
	"DELETE /scripts/{id}":           {},
	"GET /locations":                 {},
	"GET /images":                    {},
	"GET /instance-types":            {},
	"GET /instance-availability":     {Query: []string{"is_spot", "location_code"}},
	"GET /instance-availability/{t}": {Query: []string{"is_spot", "location_code"}},
	"GET /volume-types":              {},
	"GET /balance":                   {},
	// From the supplement: tags, long-term periods and the serverless calls.
	"POST /instances/{id}/tags":                     {Fields: []string{"key", "value"}},
	"DELETE /instances/{id}/tags/{t}":               {},
	"POST /volumes/{id}/tags":                       {Fields: []string{"key", "value"}},
	"DELETE /volumes/{id}/tags/{t}":                 {},
	"GET /long-term/periods/instances":              {},
	"GET /long-term/periods/clusters":               {},
	"GET /secrets":                                  {},
	"POST /secrets":                                 {Fields: []string{"name", "value"}},
	"DELETE /secrets/{name}":                        {Query: []string{"force"}},
	"POST /file-secrets":                            {Fields: []string{"name", "files[].file_name", "files[].base64_content"}},
	"DELETE /file-secrets/{name}":                   {Query: []string{"force"}},
	"GET /container-registry-credentials":           {},
	"POST /container-registry-credentials":          {Fields: registryFields},
	"DELETE /container-registry-credentials/{name}": {Query: []string{"force"}},
	"GET /serverless-compute-resources":             {},
	"POST /container-deployments":                   {Fields: deploymentFields},
	"GET /container-deployments/{name}":             {},
	"PATCH /container-deployments/{name}":           {Fields: deploymentFields},
	"DELETE /container-deployments/{name}":          {Query: []string{"timeout"}},
	"GET /container-deployments/{name}/scaling":     {},
	"PATCH /container-deployments/{name}/scaling":   {Fields: scalingFields},
	"GET /container-deployments/{name}/status":      {},
	"GET /container-deployments/{name}/replicas":    {},
	"GET /container-deployments/{name}/system-logs": {Query: []string{"limit"}},
	"POST /job-deployments":                         {Fields: jobFields},
	"GET /job-deployments":                          {},
	"GET /container-deployments":                    {},
	"GET /job-deployments/{name}":                   {},
	"PATCH /job-deployments/{name}":                 {Fields: deploymentFields},
	"DELETE /job-deployments/{name}":                {Query: []string{"timeout"}},
	"GET /job-deployments/{name}/scaling":           {},
	"GET /job-deployments/{name}/status":            {},
	"POST /clusters": {Fields: []string{"cluster_type", "image", "hostname", "description", "location_code", "shared_volume.name",
		"shared_volume.size", "ssh_key_ids[]", "startup_script_id", "contract", "existing_volumes[].id", "tags[].key", "tags[].value"}},
	"GET /clusters":             {},
	"GET /clusters/{id}":        {},
	"PUT /clusters":             {Fields: []string{"actions[].action", "actions[].id"}},
	"POST /clusters/{id}/tags":  {Fields: []string{"key", "value"}},
	"GET /cluster-types":        {Query: []string{"currency"}},
	"GET /cluster-availability": {},
	"GET /images/cluster":       {},
	"GET /container-types":      {Query: []string{"currency"}},
}

var scalingFields = []string{
	"min_replica_count", "max_replica_count", "scale_up_policy.delay_seconds", "scale_down_policy.delay_seconds", "queue_message_ttl_seconds",
	"concurrent_requests_per_replica", "scaling_triggers.queue_load.threshold", "scaling_triggers.cpu_utilization.enabled",
	"scaling_triggers.cpu_utilization.threshold", "scaling_triggers.gpu_utilization.enabled", "scaling_triggers.gpu_utilization.threshold",
}

// serverlessFields are what deployments and jobs both send, but scaling.
var serverlessFields = []string{
	"name", "is_spot", "compute.name", "compute.size", "container_registry_settings.is_private", "container_registry_settings.credentials",
	"container_registry_settings.credentials.name", "containers[].name", "containers[].image", "containers[].exposed_port",
	"containers[].should_use_cached_image", "containers[].healthcheck.enabled", "containers[].healthcheck.port", "containers[].healthcheck.path",
	"containers[].entrypoint_overrides.enabled", "containers[].entrypoint_overrides.entrypoint[]", "containers[].entrypoint_overrides.cmd[]",
	"containers[].env[].name", "containers[].env[].value_or_reference_to_secret", "containers[].env[].type",
	"containers[].volume_mounts[].type", "containers[].volume_mounts[].mount_path", "containers[].volume_mounts[].secret_name",
	"containers[].volume_mounts[].volume_id", "containers[].volume_mounts[].size_in_mb",
}

var deploymentFields = append(slices.Clone(serverlessFields), prefixed("scaling.", scalingFields)...)

var jobFields = append(slices.DeleteFunc(slices.Clone(serverlessFields), func(f string) bool { return f == "is_spot" }),
	"scaling.max_replica_count", "scaling.queue_message_ttl_seconds", "scaling.deadline_seconds")

func prefixed(prefix string, fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = prefix + f
	}
	return out
}

var registryFields = []string{
	"name", "type", "username", "access_token", "service_account_key", "access_key_id", "secret_access_key", "region", "ecr_repo",
	"scaleway_domain", "scaleway_uuid", "docker_config_json",
}

var deployFields = []string{
	"instance_type", "image", "hostname", "description", "location_code", "ssh_key_ids[]", "startup_script_id", "is_spot",
	"contract", "coupon", "pricing", "os_volume.name", "os_volume.size", "os_volume.on_spot_discontinue",
	"volumes[].name", "volumes[].size", "volumes[].type", "volumes[].on_spot_discontinue", "existing_volumes[]",
	"tags[].key", "tags[].value",
}

// Every call the client makes, with every optional field set, carries only
// what the document names.
func TestRequestsAreDocumented(t *testing.T) {
	s, rec := acctest.StartRecordingSim(t)
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) { sw.RateLimits = false }) // the waits below poll fast
	c, err := api.New(api.Config{Endpoint: s.VerdaEndpoint(), ClientID: simverda.DefaultClientID, ClientSecret: simverda.DefaultClientSecret,
		Limits: transport.Limits{PerWindow: 1 << 20}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) { t.Helper(); acctest.Must(t, err) }
	key, err := c.CreateSSHKey(ctx, "k", testKey)
	must(err)
	_, err = c.GetSSHKey(ctx, key)
	must(err)
	_, err = c.ListSSHKeys(ctx)
	must(err)
	script, err := c.CreateStartupScript(ctx, "s", "#!/bin/sh\ntrue\n")
	must(err)
	_, err = c.GetStartupScript(ctx, script)
	must(err)
	_, err = c.ListStartupScripts(ctx)
	must(err)
	spare, err := c.CreateVolume(ctx, api.CreateVolumeRequest{Type: "NVMe", LocationCode: "FIN-01", Size: 20, Name: "spare"})
	must(err)
	id, err := c.DeployInstance(ctx, api.DeployRequest{
		InstanceType: "CPU.4V.16G", Image: "ubuntu-24.04", Hostname: "documented", Description: "d", LocationCode: "FIN-01",
		SSHKeyIDs: []string{key}, StartupScriptID: script, IsSpot: true, Contract: "SPOT", Coupon: "WELCOME10",
		OSVolume:        &api.OSVolumeSpec{Name: "os", Size: 60, OnSpotDiscontinue: "delete_permanently"},
		Volumes:         []api.NewVolumeSpec{{Name: "data", Size: 20, Type: "NVMe", OnSpotDiscontinue: "move_to_trash"}},
		ExistingVolumes: []string{spare}, Tags: []api.TagSpec{{Key: "team", Value: "ml"}},
	})
	must(err)
	inst, err := c.GetInstance(ctx, id)
	must(err)
	_, err = c.ListInstances(ctx)
	must(err)
	must(c.AddTag(ctx, api.TaggedInstances, id, api.TagSpec{Key: "env", Value: "prod"}))
	must(c.RemoveTag(ctx, api.TaggedInstances, id, (*inst.Tags)[0]))
	eventually(t, "running", func() bool { return status(c, id) == api.StatusRunning })
	must(c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionShutdown, ID: []string{id}}))
	eventually(t, "offline", func() bool { return status(c, id) == api.StatusOffline })
	v, err := c.CreateVolume(ctx, api.CreateVolumeRequest{Type: "NVMe", LocationCode: "FIN-01", Size: 10, Name: "v", InstanceIDs: []string{id}})
	must(err)
	_, err = c.GetVolume(ctx, v)
	must(err)
	_, err = c.ListVolumes(ctx)
	must(err)
	_ = c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionRename, ID: []string{v}, Name: "w"})
	_ = c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionResize, ID: []string{v}, Size: 30})
	_ = c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionDetach, ID: []string{v}, InstanceID: id})
	must(c.AddTag(ctx, api.TaggedVolumes, v, api.TagSpec{Key: "dataset"}))
	must(c.RemoveTag(ctx, api.TaggedVolumes, v, api.Tag{Key: "dataset"}))
	clone, err := c.CloneVolume(ctx, spare, api.CloneVolumeRequest{Name: "copy", LocationCode: "FIN-01", Type: "NVMe"})
	must(err)
	eventually(t, "cloned", func() bool { cv, err := c.GetVolume(ctx, clone); return err == nil && cv.Status == api.VolumeDetached })
	must(c.DeleteVolume(ctx, clone, true))
	must(c.DeleteVolume(ctx, v, true))
	none := []string{}
	_ = c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionDelete, ID: []string{id}, VolumeIDs: &none, DeletePermanently: true})
	must(c.DeleteSSHKey(ctx, key))
	must(c.DeleteStartupScript(ctx, script))
	for _, list := range []func(context.Context) error{
		func(ctx context.Context) error { _, err := c.ListLocations(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListImages(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListInstanceTypes(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListAvailability(ctx, true); return err },
		func(ctx context.Context) error {
			_, err := c.IsAvailable(ctx, "CPU.4V.16G", "FIN-01", false)
			return err
		},
		func(ctx context.Context) error { _, err := c.ListVolumeTypes(ctx); return err },
		func(ctx context.Context) error { _, err := c.GetBalance(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListLongTermPeriods(ctx, "instances"); return err },
		func(ctx context.Context) error { _, err := c.ListLongTermPeriods(ctx, "clusters"); return err },
		func(ctx context.Context) error { _, err := c.ListComputeResources(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListClusterTypes(ctx, "eur"); return err },
		func(ctx context.Context) error { _, err := c.ListClusterAvailability(ctx); return err },
		func(ctx context.Context) error { _, err := c.ListClusterImages(ctx); return err },
		func(ctx context.Context) error {
			id, err := c.DeployCluster(ctx, api.DeployClusterRequest{ClusterType: "16H200", Image: "ubuntu-22.04-cuda-12.4-cluster", Hostname: "c",
				Description: "d", LocationCode: "FIN-01", SharedVolume: api.SharedVolume{Name: "h", Size: 10}, SSHKeyIDs: []string{"k"},
				StartupScriptID: "s", Contract: "PAY_AS_YOU_GO", ExistingVolumes: []api.ExistingID{{ID: "v"}}, Tags: []api.TagSpec{{Key: "a", Value: "b"}}})
			if err != nil {
				return err
			}
			if _, err := c.ListClusters(ctx); err != nil {
				return err
			}
			if _, err := c.GetCluster(ctx, id); err != nil {
				return err
			}
			if err := c.AddTag(ctx, api.TaggedClusters, id, api.TagSpec{Key: "x"}); err != nil {
				return err
			}
			return c.DiscontinueCluster(ctx, id)
		},
		func(ctx context.Context) error { _, err := c.ListContainerTypes(ctx, "eur"); return err },
		func(ctx context.Context) error {
			if err := c.CreateSecret(ctx, "s", "v"); err != nil {
				return err
			}
			if err := c.CreateFileSecret(ctx, "f", []api.SecretFile{{FileName: "a", Base64Content: "YQ=="}}); err != nil {
				return err
			}
			if _, err := c.ListSecrets(ctx); err != nil {
				return err
			}
			if err := c.DeleteSecret(ctx, api.SecretGeneric, "s", false); err != nil {
				return err
			}
			return c.DeleteSecret(ctx, api.SecretFileType, "f", true)
		},
		func(ctx context.Context) error {
			cached := true
			d := api.CreateDeploymentRequest{Name: "d", Compute: api.Compute{Name: "H100", Size: 1},
				RegistrySettings: api.RegistrySettings{IsPrivate: false},
				Containers: []api.Container{{Image: "ghcr.io/a/b:1", ExposedPort: 80, ShouldUseCachedImage: &cached,
					Healthcheck:         &api.Healthcheck{Enabled: true, Port: 80, Path: "/h"},
					EntrypointOverrides: &api.EntrypointOverrides{Enabled: true, Entrypoint: []string{"/bin/x"}, Cmd: []string{"y"}},
					Env:                 []api.EnvVar{{Name: "A", ValueOrReferenceToSecret: "b", Type: "plain"}},
					VolumeMounts:        []api.VolumeMount{{Type: "memory", MountPath: "/dev/shm", SizeInMB: 64}}}},
				Scaling: api.Scaling{MinReplicaCount: 0, MaxReplicaCount: 1, QueueMessageTTLSeconds: 300, ConcurrentRequestsPerReplica: 1}}
			created, err := c.CreateDeployment(ctx, d)
			if err != nil {
				return err
			}
			if _, err := c.GetDeployment(ctx, "d"); err != nil {
				return err
			}
			spot := true
			d.Containers[0].Name = created.Containers[0].Name
			if err := c.PatchDeployment(ctx, "d", api.PatchDeploymentRequest{Containers: d.Containers, IsSpot: &spot, Compute: &d.Compute, RegistrySettings: &d.RegistrySettings}); err != nil {
				return err
			}
			if _, err := c.GetScaling(ctx, "d"); err != nil {
				return err
			}
			if err := c.PatchScaling(ctx, "d", d.Scaling); err != nil {
				return err
			}
			if _, err := c.DeploymentStatus(ctx, "d"); err != nil {
				return err
			}
			if _, err := c.DeploymentReplicas(ctx, "d"); err != nil {
				return err
			}
			if _, err := c.SystemLogs(ctx, "d", 10); err != nil {
				return err
			}
			if err := c.DeleteDeployment(ctx, "d", 0); err != nil {
				return err
			}
			job := api.CreateJobRequest{Name: "j", Containers: d.Containers[:1], Compute: d.Compute,
				RegistrySettings: &api.RegistrySettings{}, Scaling: api.JobScaling{MaxReplicaCount: 1, QueueMessageTTLSeconds: 300, DeadlineSeconds: 600}}
			job.Containers[0].Name = ""
			if err := c.CreateJob(ctx, job); err != nil {
				return err
			}
			if _, err := c.ListJobs(ctx); err != nil {
				return err
			}
			if _, err := c.ListDeployments(ctx); err != nil {
				return err
			}
			got, err := c.GetJob(ctx, "j")
			if err != nil {
				return err
			}
			job.Containers[0].Name = got.Containers[0].Name
			if err := c.PatchJob(ctx, "j", api.PatchDeploymentRequest{Containers: job.Containers, Compute: &job.Compute}); err != nil {
				return err
			}
			if _, err := c.GetJobScaling(ctx, "j"); err != nil {
				return err
			}
			if _, err := c.JobStatus(ctx, "j"); err != nil {
				return err
			}
			return c.DeleteJob(ctx, "j", 0)
		},
		func(ctx context.Context) error {
			if err := c.CreateRegistryCredentials(ctx, map[string]string{"name": "r", "type": "aws-ecr", "access_key_id": "a",
				"secret_access_key": "s", "region": "eu-north-1", "ecr_repo": "repo"}); err != nil {
				return err
			}
			if _, err := c.ListRegistryCredentials(ctx); err != nil {
				return err
			}
			return c.DeleteRegistryCredentials(ctx, "r", false)
		},
	} {
		must(list(ctx))
	}
	s.Verda.ExpireTokens() // the next call refreshes its token
	_, err = c.ListLocations(ctx)
	must(err)
	rec.CheckDocumented(t, simverda.Prefix, documented)
}
