import assert from "node:assert/strict";
import { test } from "node:test";
import type { HomeAssistant } from "../src/types";
import { fetchPeriodStats } from "../src/views/stats/data";

/** A hub answering `aime/stats` only (before `aime/range`), recording what it was asked. */
function olderHub(asked: Record<string, unknown>[]): HomeAssistant {
  return {
    callWS: async (message: Record<string, unknown>) => {
      asked.push(message);
      if (message.type === "aime/range") throw { code: "unknown_command", message: "Unknown command." };
      return { window: message.window, first_day: "2024-03-01", last_day: "2024-03-07", plays: 12, new_artists: 3 };
    },
  } as unknown as HomeAssistant;
}

test("a range is asked of aime/range, all time without a first day", async () => {
  const asked: Record<string, unknown>[] = [];
  const hass = {
    callWS: async (message: Record<string, unknown>) => (asked.push(message), { plays: 5 }),
  } as unknown as HomeAssistant;
  const stats = await fetchPeriodStats(hass, { window: "all", last_day: "2024-03-07" }, "month", 10);
  assert.equal(stats.partial, false);
  assert.deepEqual(asked, [{ type: "aime/range", last_day: "2024-03-07", granularity: "month", top: 10 }]);
});

test("an older hub answers the preset windows through aime/stats, without series", async () => {
  const asked: Record<string, unknown>[] = [];
  const period = { window: "7d" as const, first_day: "2024-03-01", last_day: "2024-03-07" };
  const stats = await fetchPeriodStats(olderHub(asked), period, "day", 10);
  assert.equal(stats.partial, true);
  assert.equal(stats.plays, 12);
  assert.deepEqual([stats.series, stats.new_artists, stats.top_genres], [[], [], []]);
  assert.deepEqual(asked[1], { type: "aime/stats", window: "7d", top: 10 });
});

test("an older hub cannot answer a custom range: its error shows", async () => {
  const period = { window: "custom" as const, first_day: "2024-01-01", last_day: "2024-01-31" };
  await assert.rejects(fetchPeriodStats(olderHub([]), period, "day", 10), { code: "unknown_command" });
});
