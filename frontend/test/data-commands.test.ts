import assert from "node:assert/strict";
import { test } from "node:test";
import { fetchAlbum } from "../src/data/album";
import { callCommand, defined } from "../src/data/commands";
import { fetchHistory } from "../src/data/journal";
import type { HomeAssistant } from "../src/types";

/** A hass that records the websocket messages it is sent. */
function recordingHass(language = "en") {
  const sent: Record<string, unknown>[] = [];
  const hass = {
    language,
    locale: { language },
    callWS: async (message: Record<string, unknown>) => {
      sent.push(message);
      return {};
    },
  } as unknown as HomeAssistant;
  return { hass, sent };
}

test("absent, null and empty options are left out (the commands read them as any)", () => {
  assert.deepEqual(defined({ text: "", artist_id: 0, album_id: undefined, loved: false, source: null }), {
    artist_id: 0,
    loved: false,
  });
});

test("a command is sent with its type and data", async () => {
  const { hass, sent } = recordingHass();
  await callCommand(hass, "aime/streaks");
  await fetchHistory(hass, { text: "", source: "roon" }, 2, 20);
  assert.deepEqual(sent, [
    { type: "aime/streaks" },
    { type: "aime/history", source: "roon", page: 2, page_size: 20 },
  ]);
});

test("an album's page is asked for in the user's language", async () => {
  const { hass, sent } = recordingHass("fr");
  await fetchAlbum(hass, 12);
  assert.deepEqual(sent, [{ type: "aime/album", album_id: 12, page: 0, page_size: 50, language: "fr" }]);
});
