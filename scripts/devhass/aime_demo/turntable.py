"""What the demo turntable plays (plain data: the demo servers read it too).

One album, so the demo's Spotify knows it and its cover shows in the journal; 32-second
excerpts, so a play counts 16 s after a track starts.
"""

ARTIST = "Miles Davis"
ALBUM = "Kind of Blue"
TRACKS = (  # title, length (s)
    ("So What (demo excerpt)", 32),
    ("Freddie Freeloader (demo excerpt)", 32),
    ("Blue in Green (demo excerpt)", 32),
)
