import assert from "node:assert/strict";
import { test } from "node:test";
import { checkRecentConfig } from "../src/cards/recent-card/recent-card-config";
import { checkStatsConfig } from "../src/cards/stats-card/stats-card-config";
import { fetchAlbum } from "../src/data/album";
import { fetchArtist } from "../src/data/artist";
import { fetchCollection } from "../src/data/collection";
import { fetchHistory, type JournalEntry } from "../src/data/journal";
import { fetchPeople, initials, isPersonId } from "../src/data/people";
import { fetchCompare, fetchPeriods, fetchRange, fetchStats, fetchStreaks, fetchTrend } from "../src/data/stats";
import { fetchTimeline } from "../src/data/timeline";
import { personOf, searchWithoutPerson, withPerson } from "../src/navigate";
import type { HomeAssistant } from "../src/types";
import { matchesFilter } from "../src/views/journal/journal-filter";

/** A hass that records the websocket messages it is sent and answers `answer` (or throws it). */
function recordingHass(answer: unknown = {}, fails = false) {
  const sent: Record<string, unknown>[] = [];
  const hass = {
    language: "en",
    locale: { language: "en" },
    callWS: async (message: Record<string, unknown>) => {
      sent.push(message);
      if (fails) throw answer;
      return answer;
    },
  } as unknown as HomeAssistant;
  return { hass, sent };
}

const ALICE = "person.alice";

test("every read command carries the person when one is chosen", async () => {
  const { hass, sent } = recordingHass();
  const range = { first_day: "2024-01-01", last_day: "2024-01-31" };
  await fetchHistory(hass, { person: ALICE }, 0, 10);
  await fetchTimeline(hass, "2024-01-02", ALICE);
  await fetchArtist(hass, 7, 10, ALICE);
  await fetchAlbum(hass, 12, 0, 50, ALICE);
  await fetchCollection(hass, { page: 0, person: ALICE });
  await fetchStats(hass, "week", 5, ALICE);
  await fetchRange(hass, { ...range, person: ALICE });
  await fetchCompare(hass, range, range, 5, ALICE);
  await fetchTrend(hass, 12, ALICE);
  await fetchStreaks(hass, ALICE);
  await fetchPeriods(hass, ALICE);
  assert.equal(sent.length, 11);
  for (const message of sent) assert.equal(message.person, ALICE, String(message.type));
});

test("without a person the commands ask for everyone's plays (no key at all)", async () => {
  const { hass, sent } = recordingHass();
  await fetchTimeline(hass, "2024-01-02");
  await fetchArtist(hass, 7);
  await fetchAlbum(hass, 12);
  await fetchStats(hass, "week");
  await fetchCompare(hass, { first_day: "a", last_day: "b" }, { first_day: "c", last_day: "d" });
  await fetchTrend(hass);
  await fetchStreaks(hass);
  await fetchPeriods(hass);
  for (const message of sent) assert.ok(!("person" in message), String(message.type));
  assert.deepEqual(sent[0], { type: "aime/timeline", day: "2024-01-02" });
  assert.deepEqual(sent[6], { type: "aime/streaks" });
});

test("the people come from aime/people; an older hub without the command has none", async () => {
  const people = [{ entity_id: ALICE, name: "Alice", picture: null }];
  const answered = recordingHass({ people });
  assert.deepEqual(await fetchPeople(answered.hass), people);
  assert.deepEqual(answered.sent, [{ type: "aime/people" }]);
  const older = recordingHass({ code: "unknown_command", message: "Unknown command." }, true);
  assert.deepEqual(await fetchPeople(older.hass), []);
  const failing = recordingHass({ code: "unknown_error", message: "boom" }, true);
  await assert.rejects(fetchPeople(failing.hass));
});

test("a person is a person entity id; initials stand in for a missing picture", () => {
  assert.ok(isPersonId(ALICE));
  assert.ok(!isPersonId("sensor.alice"));
  assert.ok(!isPersonId("person.Alice"));
  assert.ok(!isPersonId(undefined));
  assert.equal(initials("Jean-Luc Picard"), "JP");
  assert.equal(initials("alice"), "A");
  assert.equal(initials(" Élodie  Durand "), "ÉD");
  assert.equal(initials(""), "");
});

test("the URL keeps the person beside each view's own query", () => {
  assert.equal(personOf("?window=7d&person=person.alice"), ALICE);
  assert.equal(personOf("?person=light.kitchen"), undefined);
  assert.equal(personOf(""), undefined);
  assert.equal(withPerson("/aime/stats?window=7d", ALICE), "/aime/stats?window=7d&person=person.alice");
  assert.equal(withPerson("/aime/stats?person=person.bob&window=7d", ALICE), "/aime/stats?window=7d&person=person.alice");
  assert.equal(withPerson("/aime/stats?person=person.bob", undefined), "/aime/stats");
  assert.equal(withPerson("/aime/journal", undefined), "/aime/journal");
  assert.equal(searchWithoutPerson("?window=7d&person=person.alice"), "?window=7d");
  assert.equal(searchWithoutPerson("?person=person.alice"), "");
});

test("a live play matches a person's journal when that person listened; unknown, the store tells", () => {
  const play = { play_id: 1, local_time: "2024-03-02T10:00:00", artist_id: 4, album_id: 5, sources: ["roon"], loved: false } as unknown as JournalEntry;
  assert.equal(matchesFilter({ ...play, person: ALICE }, { person: ALICE }), true);
  assert.equal(matchesFilter({ ...play, person: "person.bob" }, { person: ALICE }), false);
  assert.equal(matchesFilter({ ...play, person: null }, { person: ALICE }), false);
  assert.equal(matchesFilter(play, { person: ALICE }), undefined);
  assert.equal(matchesFilter(play, { person: ALICE, artist_id: 9 }), false);
  assert.equal(matchesFilter({ ...play, person: null }, {}), true);
});

test("a card's person is a person entity id, absent by default", () => {
  const english = { language: "en", locale: { language: "en" } } as unknown as HomeAssistant;
  assert.equal(checkStatsConfig(english, { type: "x" }).person, undefined);
  assert.equal(checkRecentConfig(english, { type: "x", person: ALICE }).person, ALICE);
  assert.throws(() => checkStatsConfig(english, { type: "x", person: "alice" }), {
    message: "person must be a person's entity id, such as person.alice.",
  });
});

test("navigating keeps the person chosen; choosing Everyone drops it", async () => {
  const { choosePerson, keepPerson, navigate } = await import("../src/navigate");
  const pushed: string[] = [];
  const location = { pathname: "/aime/journal", search: "?person=person.alice" };
  const fake = globalThis as unknown as Record<string, unknown>;
  fake.window = { location, dispatchEvent: () => true };
  fake.history = { pushState: (_: unknown, __: string, url: string) => pushed.push(url), replaceState: () => undefined };
  fake.CustomEvent ??= class extends Event {};
  try {
    assert.equal(keepPerson("/aime/stats?window=7d"), "/aime/stats?window=7d&person=person.alice");
    assert.equal(keepPerson("/aime/stats?person=person.bob"), "/aime/stats?person=person.bob");
    navigate("/aime/album/12");
    choosePerson(undefined);
    assert.deepEqual(pushed, ["/aime/album/12?person=person.alice", "/aime/journal"]);
  } finally {
    delete fake.window;
    delete fake.history;
  }
});
