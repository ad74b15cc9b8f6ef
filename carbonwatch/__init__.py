"""carbonwatch: a scheduled crawler that collects Chinese finance and policy news and flags new carbon policies."""

__version__ = "0.1.0"
