package verda

import "encoding/json"

// state is what the cloud keeps across a restart of the simulator; tokens
// are not kept, so clients log in again.
type state struct {
	Catalog   Catalog
	Keys      map[string]*sshKey
	Scripts   map[string]*script
	Instances map[string]*instance
	Volumes   map[string]*volume
	Secrets   map[string]*Secret
	Registry  map[string]*RegistryCredentials
	Deploys   map[string]*Deployment
	Jobs      map[string]*Job
	Clusters  map[string]*cluster
	Order     int64
}

// State is everything the cloud holds.
func (c *Cloud) State() (json.RawMessage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(state{Catalog: c.catalog, Keys: c.keys, Scripts: c.scripts, Instances: c.instances, Volumes: c.volumes,
		Secrets: c.secrets, Registry: c.registry, Deploys: c.deploys, Jobs: c.jobs, Clusters: c.clusters, Order: c.Order})
}

// Restore replaces what the cloud holds with a saved State.
func (c *Cloud) Restore(raw json.RawMessage) error {
	st := state{Keys: map[string]*sshKey{}, Scripts: map[string]*script{}, Instances: map[string]*instance{}, Volumes: map[string]*volume{},
		Secrets: map[string]*Secret{}, Registry: map[string]*RegistryCredentials{}, Deploys: map[string]*Deployment{}, Jobs: map[string]*Job{}, Clusters: map[string]*cluster{}}
	if err := json.Unmarshal(raw, &st); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.catalog, c.keys, c.scripts, c.instances, c.volumes, c.Order = st.Catalog, st.Keys, st.Scripts, st.Instances, st.Volumes, st.Order
	c.secrets, c.registry, c.deploys, c.jobs, c.clusters = st.Secrets, st.Registry, st.Deploys, st.Jobs, st.Clusters
	return nil
}
