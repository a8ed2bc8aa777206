data "gpucloud_verda_images" "ubuntu" {
  category = "ubuntu"
}

locals {
  # The image the console preselects, to deploy instances with.
  default_image = one([for i in data.gpucloud_verda_images.ubuntu.images : i.image_type if i.is_default])
}
