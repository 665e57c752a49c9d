print("opine-bench: see Benchmarks/README.md")
