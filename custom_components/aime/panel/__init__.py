"""The AIME panel and dashboard cards: registration, websocket queries and covers."""
