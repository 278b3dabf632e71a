"""The kernel every feature shares: store access and the shared store, the recording funnel,
now playing, the job scheduler, lookups of the loaded hub, and the signals between features."""
