import assert from "node:assert/strict";
import { test } from "node:test";
import type { HomeAssistant } from "../src/types";
import { hourName, pointLabel, weekdayNames } from "../src/views/stats/charts";
import { fittingGranularity, parseStatsQuery, previousRange, statsSearch } from "../src/views/stats/period";

const hassIn = (language: string) =>
  ({ language, locale: { language }, config: { time_zone: "Europe/Paris" } }) as unknown as HomeAssistant;

test("a preset window, a custom range, a granularity and a comparison survive the URL", () => {
  const hass = hassIn("en");
  for (const search of [
    "?window=365d",
    "?window=all",
    "?first_day=2024-01-01&last_day=2024-03-31&granularity=week",
    "?window=7d&compare_first=2023-01-01&compare_last=2023-01-07",
  ]) {
    assert.equal(statsSearch(parseStatsQuery(hass, search)), search);
  }
  const custom = parseStatsQuery(hass, "?first_day=2024-01-01&last_day=2024-03-31");
  assert.deepEqual(custom.period, { window: "custom", first_day: "2024-01-01", last_day: "2024-03-31" });
});

test("an unreadable query falls back to the last 30 days", () => {
  const hass = hassIn("en");
  for (const search of ["", "?window=12y", "?first_day=2024-05-01&last_day=2024-04-01", "?first_day=x&last_day=y"]) {
    const query = parseStatsQuery(hass, search);
    assert.equal(query.period.window, "30d", search);
    assert.equal(query.granularity, undefined);
  }
  assert.equal(parseStatsQuery(hass, "?granularity=hour").granularity, undefined);
  assert.equal(parseStatsQuery(hass, "?compare_first=2024-02-01&compare_last=2024-01-01").compareWith, undefined);
});

test("days up to a month, weeks up to a year, months beyond and for all time", () => {
  const range = (first_day: string, last_day: string) => ({ window: "custom" as const, first_day, last_day });
  assert.equal(fittingGranularity(range("2024-01-01", "2024-01-31")), "day");
  assert.equal(fittingGranularity(range("2024-01-01", "2024-02-01")), "week");
  assert.equal(fittingGranularity(range("2024-01-01", "2024-12-31")), "week");
  assert.equal(fittingGranularity(range("2024-01-01", "2025-01-02")), "month");
  assert.equal(fittingGranularity({ window: "all", last_day: "2024-01-01" }), "month");
});

test("the previous period has the same length and ends the day before", () => {
  assert.deepEqual(previousRange({ first_day: "2024-03-01", last_day: "2024-03-31" }), {
    first_day: "2024-01-30",
    last_day: "2024-02-29",
  });
  assert.deepEqual(previousRange({ first_day: "2024-01-01", last_day: "2024-01-01" }), {
    first_day: "2023-12-31",
    last_day: "2023-12-31",
  });
});

test("weekdays start on Monday and speak the user's language", () => {
  assert.deepEqual(weekdayNames(hassIn("en")), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
  assert.equal(weekdayNames(hassIn("fr"), "long")[0], "lundi");
  assert.equal(hourName(hassIn("en"), 20), "8 PM");
  assert.equal(hourName(hassIn("fr"), 20), "20 h");
});

test("series points are named by their granularity", () => {
  const hass = hassIn("en");
  assert.equal(pointLabel(hass, "2024-03-04", "day"), "Mar 4");
  assert.equal(pointLabel(hass, "2024-03-04", "week", true), "Week of Mar 4, 2024");
  assert.equal(pointLabel(hass, "2024-03-01", "month"), "Mar 2024");
  assert.equal(pointLabel(hassIn("fr"), "2024-03-01", "month", true), "mars 2024");
});
