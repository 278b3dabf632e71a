"""AI texts: the hub's AI backend (OpenAI-compatible endpoint or AI Task) and actions."""
