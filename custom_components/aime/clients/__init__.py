"""One small adapter per outside service: the only modules that import its library."""
