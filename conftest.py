"""Root pytest configuration: doctests of the package run with the tests."""

collect_ignore = ["cleaner/__main__.py", "benchmarks", "dictionaries/build.py"]
