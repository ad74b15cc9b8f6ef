"""The web console: read API, Prometheus metrics, health checks and server-rendered pages (``carbonwatch serve``)."""
