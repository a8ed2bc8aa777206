package acctest

// Public keys for tests. They are public halves only; no private key exists.
const (
	SSHKeyEd25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rSNPx9K2mWQ7lWnQvHcMGz2T1G9r0oQy8w2Zx7Uu alice@example"
	SSHKeyOther   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHnY9mZ3w0Xh1c3fPq2QXJ6pE0a5q3r2x6cQ7kTqz9Lb bob@example"
)
