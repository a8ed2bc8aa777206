package api

// SSHKey is a public key stored in the project.
type SSHKey struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Key  string `json:"key"`
}

// StartupScript runs on an instance's first boot.
type StartupScript struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Script string `json:"script"`
}

// Location is a datacenter.
type Location struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
}

// Image is an OS image type for instances.
type Image struct {
	ID        string   `json:"id"`
	ImageType string   `json:"image_type"`
	Name      string   `json:"name"`
	Category  string   `json:"category"`
	IsDefault bool     `json:"is_default"`
	IsCluster bool     `json:"is_cluster"`
	Details   []string `json:"details"`
}

// Hardware is one of the {description, number_of_*/size_in_gigabytes} objects.
type Hardware struct {
	Description     string `json:"description"`
	NumberOfCores   int64  `json:"number_of_cores"`
	NumberOfGPUs    int64  `json:"number_of_gpus"`
	SizeInGigabytes int64  `json:"size_in_gigabytes"`
}

// InstanceType is a machine shape with its prices.
type InstanceType struct {
	ID            string   `json:"id"`
	InstanceType  string   `json:"instance_type"`
	Name          string   `json:"name"`
	DisplayName   string   `json:"display_name"`
	Model         string   `json:"model"`
	Manufacturer  string   `json:"manufacturer"`
	Description   string   `json:"description"`
	CPU           Hardware `json:"cpu"`
	GPU           Hardware `json:"gpu"`
	GPUMemory     Hardware `json:"gpu_memory"`
	Memory        Hardware `json:"memory"`
	Storage       Hardware `json:"storage"`
	PricePerHour  Number   `json:"price_per_hour"`
	SpotPrice     Number   `json:"spot_price"`
	Currency      string   `json:"currency"`
	SupportedOS   []string `json:"supported_os"`
	BestFor       []string `json:"best_for"`
	DeployWarning string   `json:"deploy_warning"`
	P2P           string   `json:"p2p"`
}

// LocationAvailability lists the instance types deployable at a location now.
type LocationAvailability struct {
	LocationCode   string   `json:"location_code"`
	Availabilities []string `json:"availabilities"`
}

// VolumeTypePrice is a volume type's price.
type VolumeTypePrice struct {
	PricePerMonthPerGB Number `json:"price_per_month_per_gb"`
	CPSPerGB           Number `json:"cps_per_gb"`
	Currency           string `json:"currency"`
}

// VolumeType is a kind of block or shared storage.
type VolumeType struct {
	Type                 string          `json:"type"`
	Price                VolumeTypePrice `json:"price"`
	IsSharedFS           bool            `json:"is_shared_fs"`
	BurstBandwidth       Number          `json:"burst_bandwidth"`
	ContinuousBandwidth  Number          `json:"continuous_bandwidth"`
	InternalNetworkSpeed Number          `json:"internal_network_speed"`
	IOPS                 string          `json:"iops"`
	ThroughputGbps       Number          `json:"throughput_gbps"`
}

// Balance is the project's prepaid balance.
type Balance struct {
	Amount   Number `json:"amount"`
	Currency string `json:"currency"`
}
