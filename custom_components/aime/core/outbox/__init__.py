"""The scrobbling outbox: plays AIME recorded, sent on to the user's accounts elsewhere."""
