"""Enrichment data: the record collection, album links, AI texts and exports."""
