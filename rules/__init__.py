"""Built-in rule files (data). Read with importlib.resources."""
