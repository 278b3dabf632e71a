import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, daysBetween, todayIso } from "../src/dates";
import type { HomeAssistant } from "../src/types";

test("days move across months, years and leap days", () => {
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.equal(addDays("2024-12-31", 1), "2025-01-01");
  assert.equal(daysBetween("2024-03-30", "2024-04-02"), 4);
});

test("today is Home Assistant's date, not the browser's", () => {
  const moment = new Date("2024-03-31T23:30:00Z");
  const paris = { config: { time_zone: "Europe/Paris" } } as unknown as HomeAssistant;
  const newYork = { config: { time_zone: "America/New_York" } } as unknown as HomeAssistant;
  assert.equal(todayIso(paris, moment), "2024-04-01");
  assert.equal(todayIso(newYork, moment), "2024-03-31");
});
