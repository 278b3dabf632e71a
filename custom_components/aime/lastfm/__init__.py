"""A Last.fm account: polling its scrobbles, importing its history."""
