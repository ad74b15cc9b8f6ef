"""Benchmarks: measured speed, memory and accuracy of carbonwatch against the tools a user would pick instead."""
