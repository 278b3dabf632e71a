import assert from "node:assert/strict";
import { test } from "node:test";
import { checkRecentConfig } from "../src/cards/recent-card/recent-card-config";
import { checkStatsConfig } from "../src/cards/stats-card/stats-card-config";
import type { HomeAssistant } from "../src/types";

const english = { language: "en", locale: { language: "en" } } as unknown as HomeAssistant;
const french = { language: "fr", locale: { language: "fr" } } as unknown as HomeAssistant;

test("absent options take their defaults; other keys (type, grid options) are kept", () => {
  assert.deepEqual(checkStatsConfig(english, { type: "custom:aime-stats-card", grid_options: { rows: 4 } }), {
    type: "custom:aime-stats-card",
    grid_options: { rows: 4 },
    period: "30d",
    show_chart: true,
    top_count: 5,
    top: "artists",
  });
  assert.deepEqual(checkRecentConfig(english, { type: "custom:aime-recent-card", count: 12, title: null }), {
    type: "custom:aime-recent-card",
    title: null,
    count: 12,
    show_now_playing: true,
  });
});

test("a wrong option throws the sentence the dashboard shows, in the user's language", () => {
  assert.throws(() => checkStatsConfig(english, { type: "x", period: "week" }), {
    message: "period must be one of: 7d, 30d, 365d, all.",
  });
  assert.throws(() => checkStatsConfig(french, { type: "x", period: "week" }), {
    message: "period doit être l’une de ces valeurs : 7d, 30d, 365d, all.",
  });
  assert.throws(() => checkStatsConfig(english, { type: "x", top_count: 26 }), {
    message: "top_count must be a whole number from 1 to 25.",
  });
  assert.throws(() => checkRecentConfig(english, { type: "x", count: 2.5 }), {
    message: "count must be a whole number from 1 to 50.",
  });
  assert.throws(() => checkRecentConfig(english, { type: "x", show_now_playing: "yes" }), {
    message: "show_now_playing must be true or false.",
  });
  assert.throws(() => checkStatsConfig(english, { type: "x", title: 3 }), { message: "title must be text." });
});

test("a config that is not a set of options is refused", () => {
  for (const raw of [null, "period: 7d", ["7d"], 7]) {
    assert.throws(() => checkStatsConfig(english, raw), { message: "The card's configuration must be a set of options." });
  }
});
