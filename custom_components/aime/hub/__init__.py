"""The hub: shared store, recording funnel, statistics, now playing and daily jobs."""
