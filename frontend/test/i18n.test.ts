import assert from "node:assert/strict";
import { test } from "node:test";
import { keysOf, languageOf, localize } from "../src/i18n";
import type { HomeAssistant } from "../src/types";

const hassIn = (language: string) => ({ language, locale: { language } }) as unknown as HomeAssistant;

test("English and French have the same keys", () => {
  assert.deepEqual(keysOf("fr"), keysOf("en"));
});

test("no translation is empty and placeholders match between languages", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of keysOf("en")) {
    const english = localize(hassIn("en"), key);
    const french = localize(hassIn("fr"), key);
    assert.ok(english.trim() && french.trim(), key);
    assert.deepEqual(placeholders(french), placeholders(english), key);
  }
});

test("the user's language is used, regional variants fall back to it, others to English", () => {
  assert.equal(languageOf(hassIn("fr")), "fr");
  assert.equal(languageOf(hassIn("fr-CA")), "fr");
  assert.equal(languageOf(hassIn("de")), "en");
  assert.equal(localize(hassIn("fr"), "common.plays", { count: 3 }), "3 écoutes");
  assert.equal(localize(hassIn("en"), "no.such.key"), "no.such.key");
});
