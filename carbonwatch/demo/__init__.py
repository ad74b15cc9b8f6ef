"""The offline demo: a bundled snapshot of Sina and policy sites, and the script that builds the Sina part."""
