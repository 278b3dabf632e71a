"""Tests of the clients of outside services, against fakes on 127.0.0.1."""
