"""AIME for voice and chat assistants: an LLM API for conversation agents, and sentences
(English and French) the default agent answers without an LLM."""
