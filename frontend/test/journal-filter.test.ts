import assert from "node:assert/strict";
import { test } from "node:test";
import type { JournalEntry } from "../src/data/journal";
import { filterFromQuery, isJournalPath, journalUrl, matchesFilter, sameFilter } from "../src/views/journal/journal-filter";

const entry = (changes: Partial<JournalEntry> = {}): JournalEntry => ({
  play_id: 1,
  played_at: 1_700_000_000,
  local_time: "2024-03-02T21:15:00+01:00",
  track_id: 3,
  title: "So What",
  artist_id: 4,
  artist: "Miles Davis",
  album_id: 5,
  album: "Kind of Blue",
  source: "roon",
  sources: ["roon", "lastfm"],
  device: "Living Room",
  loved: false,
  seconds: 562,
  ...changes,
});

test("a journal URL gives back the filters it was made of", () => {
  const filter = {
    text: "<img src=x>",
    artist_id: 4,
    album_id: 5,
    source: "roon" as const,
    loved: true,
    first_day: "2024-03-01",
    last_day: "2024-03-31",
  };
  const url = journalUrl(filter);
  assert.ok(url.startsWith("/aime/journal?"));
  assert.deepEqual(filterFromQuery(url.slice(url.indexOf("?"))), filter);
  assert.equal(journalUrl({}), "/aime/journal");
});

test("what a hand-edited query cannot mean is left out", () => {
  const filter = filterFromQuery("?artist_id=abc&album_id=0&source=tidal&loved=no&first_day=2024-3-1&text=%20%20");
  assert.deepEqual(filter, {});
  assert.deepEqual(filterFromQuery("?loved=true&source=lastfm"), { loved: true, source: "lastfm" });
});

test("filters compare by meaning, not by key order or empty values", () => {
  assert.ok(sameFilter({ source: "roon", text: "a" }, { text: "a", source: "roon", loved: undefined }));
  assert.ok(!sameFilter({ source: "roon" }, { source: "lastfm" }));
});

test("a live play matches the filters it meets; a text search is left to the store", () => {
  assert.equal(matchesFilter(entry(), {}), true);
  assert.equal(matchesFilter(entry(), { artist_id: 4, album_id: 5, source: "lastfm" }), true);
  assert.equal(matchesFilter(entry(), { artist_id: 9 }), false);
  assert.equal(matchesFilter(entry(), { source: "aime_import" }), false);
  assert.equal(matchesFilter(entry(), { loved: true }), false);
  assert.equal(matchesFilter(entry(), { first_day: "2024-03-02", last_day: "2024-03-02" }), true);
  assert.equal(matchesFilter(entry(), { last_day: "2024-03-01" }), false);
  assert.equal(matchesFilter(entry(), { first_day: "2024-03-03" }), false);
  assert.equal(matchesFilter(entry(), { text: "miles" }), undefined);
  assert.equal(matchesFilter(entry(), { text: "miles", artist_id: 9 }), false);
});

test("the journal is the panel's root and its own path", () => {
  for (const path of ["/aime", "/aime/", "/aime/journal", "/aime/journal/"]) assert.ok(isJournalPath(path), path);
  assert.ok(!isJournalPath("/aime/timeline"));
});
