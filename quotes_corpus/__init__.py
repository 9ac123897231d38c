"""Built-in famous-quote corpus (data). Read with importlib.resources."""
