import assert from "node:assert/strict";
import { test } from "node:test";
import type { HistoryFilter, JournalEntry } from "../src/data/journal";
import type { HomeAssistant } from "../src/types";
import { JournalFeed, PAGE_SIZE } from "../src/views/journal/journal-feed";

// A store of `count` plays, newest first (ids count..1), answering `aime/history` pages the way
// Home Assistant does; `held` keeps answers back until released, to race them.
function fakeHass(count: number) {
  const plays: JournalEntry[] = [];
  const newPlay = (id: number): JournalEntry => ({
    play_id: id,
    played_at: 1_700_000_000 + id * 300,
    local_time: "2024-03-02T21:15:00+01:00",
    track_id: id,
    title: `Track ${id}`,
    artist_id: id % 2 ? 1 : 2,
    artist: id % 2 ? "Odd" : "Even",
    album_id: 3,
    album: "Album",
    source: "roon",
    sources: ["roon"],
    device: null,
    loved: false,
    seconds: 200,
  });
  for (let id = count; id >= 1; id--) plays.push(newPlay(id));
  const held: (() => void)[] = [];
  const calls: Record<string, unknown>[] = [];
  let holding = false;
  const hass = {
    callWS: async (message: Record<string, unknown>) => {
      calls.push(message);
      const artist = message.artist_id as number | undefined;
      const matching = plays.filter((play) => artist === undefined || play.artist_id === artist);
      const page = message.page as number;
      const answer = {
        page,
        page_size: PAGE_SIZE,
        total: matching.length,
        entries: matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
      };
      if (holding) await new Promise<void>((release) => held.push(release));
      return answer;
    },
  } as unknown as HomeAssistant;
  return {
    hass,
    calls,
    record: (id: number) => {
      const play = newPlay(id);
      plays.unshift(play);
      return play;
    },
    hold: () => (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((release) => release());
    },
  };
}

const host = () => ({ addController: () => undefined, requestUpdate: () => undefined }) as never;
const ids = (feed: JournalFeed) => feed.entries.map((entry) => entry.play_id);

test("pages follow one another; plays recorded meanwhile are neither repeated nor missed", async () => {
  const store = fakeHass(120);
  const feed = new JournalFeed(host(), () => store.hass);
  await feed.reload({});
  assert.equal(feed.entries.length, PAGE_SIZE);
  assert.equal(feed.total, 120);

  const live = store.record(121);
  feed.onLiveEvent({ kind: "play", play: live });
  feed.onLiveEvent({ kind: "play", play: live }); // Announced twice: shown once.
  assert.deepEqual(ids(feed).slice(0, 2), [121, 120]);
  assert.equal(feed.total, 121);
  assert.ok(feed.fresh.has(121));

  await feed.loadMore();
  await feed.loadMore();
  assert.ok(feed.exhausted);
  assert.deepEqual(ids(feed), Array.from({ length: 121 }, (_, index) => 121 - index));
});

test("a live play outside the filters is left out", async () => {
  const store = fakeHass(10);
  const feed = new JournalFeed(host(), () => store.hass);
  const filter: HistoryFilter = { artist_id: 1 };
  await feed.reload(filter);
  feed.onLiveEvent({ kind: "play", play: store.record(12) }); // Artist 2.
  assert.equal(feed.total, 5);
  assert.ok(!ids(feed).includes(12));
});

test("the answer to a filter the user has already left is dropped", async () => {
  const store = fakeHass(10);
  const feed = new JournalFeed(host(), () => store.hass);
  store.hold();
  const stale = feed.reload({ artist_id: 2 });
  store.release();
  const current = feed.reload({ artist_id: 1 });
  await Promise.all([stale, current]);
  assert.ok(feed.entries.every((entry) => entry.artist_id === 1));
  assert.equal(feed.total, 5);
});

test("a first day after the last one asks nothing", async () => {
  const store = fakeHass(10);
  const feed = new JournalFeed(host(), () => store.hass);
  await feed.reload({ first_day: "2024-03-02", last_day: "2024-03-01" });
  assert.equal(store.calls.length, 0);
  assert.deepEqual(feed.entries, []);
  assert.equal(feed.status, "ready");
});
