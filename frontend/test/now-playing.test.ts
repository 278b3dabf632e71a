import assert from "node:assert/strict";
import { test } from "node:test";
import { aimeZones, controlZone, playInZone } from "../src/data/now-playing";
import type { HomeAssistant } from "../src/types";

const player = (entity_id: string, state: string, friendly_name?: string) => ({
  entity_id,
  state,
  attributes: friendly_name ? { friendly_name } : {},
});

function hassWith() {
  const calls: unknown[][] = [];
  const hass = {
    entities: {
      "media_player.office": { entity_id: "media_player.office", platform: "aime" },
      "media_player.kitchen": { entity_id: "media_player.kitchen", platform: "aime" },
      "media_player.garage": { entity_id: "media_player.garage", platform: "aime" },
      "media_player.tv": { entity_id: "media_player.tv", platform: "cast" },
      "sensor.aime_total_plays": { entity_id: "sensor.aime_total_plays", platform: "aime" },
    },
    states: {
      "media_player.office": player("media_player.office", "playing", "Office"),
      "media_player.kitchen": player("media_player.kitchen", "idle", "Kitchen"),
      "media_player.garage": player("media_player.garage", "unavailable", "Garage"),
      "media_player.tv": player("media_player.tv", "playing", "TV"),
    },
    callService: async (...args: unknown[]) => calls.push(args),
  } as unknown as HomeAssistant;
  return { hass, calls };
}

test("the zones are AIME's available media players, by name", () => {
  const { hass } = hassWith();
  assert.deepEqual(aimeZones(hass), [
    { entityId: "media_player.kitchen", name: "Kitchen", state: "idle" },
    { entityId: "media_player.office", name: "Office", state: "playing" },
  ]);
});

test("playing and transport go through Home Assistant's media_player actions", async () => {
  const { hass, calls } = hassWith();
  await playInZone(hass, "media_player.office", "aime://playlist/3", "playlist");
  await controlZone(hass, "media_player.office", "media_next_track");
  assert.deepEqual(calls, [
    [
      "media_player",
      "play_media",
      { entity_id: "media_player.office", media_content_id: "aime://playlist/3", media_content_type: "playlist" },
    ],
    ["media_player", "media_next_track", { entity_id: "media_player.office" }],
  ]);
});
