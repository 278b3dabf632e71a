import assert from "node:assert/strict";
import { test } from "node:test";
import type { TemplateResult } from "lit";
import { translatedError } from "../src/data/errors";
import type { Ranked } from "../src/data/stats";
import type { HomeAssistant } from "../src/types";
import { renderTopList } from "../src/views/stats/lists";

const hass = { language: "en", locale: { language: "en" } } as unknown as HomeAssistant;

/** A template's markup with its values in place (enough to read links; not real HTML escaping). */
function markup(value: unknown): string {
  if (Array.isArray(value)) return value.map(markup).join("");
  const template = value as Partial<TemplateResult>;
  if (template && template.strings && template.values) {
    return template.strings.map((part, index) => part + (index < template.values!.length ? markup(template.values![index]) : "")).join("");
  }
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

test("a ranked track links its album's and its artist's pages", () => {
  const track: Ranked = { id: 5, name: "So What", plays: 3, artist: "Miles Davis", artist_id: 7, album_id: 12 };
  const html = markup(renderTopList(hass, "tracks", [track]));
  assert.match(html, /href="?\/aime\/album\/12/);
  assert.match(html, /href="?\/aime\/artist\/7/);
});

test("a ranked album links itself and its artist; without ids names stay text", () => {
  const album: Ranked = { id: 12, name: "Kind of Blue", plays: 3, artist: "Miles Davis", artist_id: 7 };
  const linked = markup(renderTopList(hass, "albums", [album]));
  assert.match(linked, /\/aime\/album\/12/);
  assert.match(linked, /\/aime\/artist\/7/);
  const bare = markup(renderTopList(hass, "tracks", [{ id: 5, name: "So What", plays: 3, artist: "Miles Davis" }]));
  assert.doesNotMatch(bare, /\/aime\//);
  assert.match(bare, /Miles Davis/);
});

test("errors are shown in the user's language when Home Assistant can translate them", async () => {
  const error = {
    code: "not_found",
    message: "There is no artist 9.",
    translation_domain: "aime",
    translation_key: "unknown_artist",
    translation_placeholders: { artist_id: "9" },
  };
  const french = {
    loadBackendTranslation: async (category: string, domain: string) => (key: string, vars: Record<string, string>) =>
      key === `component.${domain}.${category}.unknown_artist.message` ? `Aucun artiste ${vars.artist_id}.` : "",
  } as unknown as HomeAssistant;
  assert.equal(await translatedError(french, error), "Aucun artiste 9.");
  assert.equal(await translatedError(hass, error), "There is no artist 9."); // No loader: the server's text.
});
