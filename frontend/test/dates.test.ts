import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, dayLayout, daysBetween, formatDayNumeric, parseDayNumeric, todayIso } from "../src/dates";
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

const user = (language: string, date_format = "language") =>
  ({ language, locale: { language, date_format }, config: { time_zone: "Europe/Paris" } }) as unknown as HomeAssistant;

test("a day is shown in figures as the user's language writes it", () => {
  assert.equal(formatDayNumeric(user("fr"), "2026-12-07"), "07/12/2026");
  assert.equal(formatDayNumeric(user("en"), "2026-12-07"), "12/07/2026");
  assert.equal(formatDayNumeric(user("de"), "2026-12-07"), "07.12.2026");
  assert.equal(formatDayNumeric(user("fr"), ""), "");
  assert.equal(formatDayNumeric(user("fr"), "not a day"), "");
});

test("the profile's date format overrides the language's order, keeping its separator", () => {
  assert.equal(formatDayNumeric(user("en", "DMY"), "2026-12-07"), "07/12/2026");
  assert.equal(formatDayNumeric(user("fr", "MDY"), "2026-12-07"), "12/07/2026");
  assert.equal(formatDayNumeric(user("fr", "YMD"), "2026-12-07"), "2026/12/07");
  assert.deepEqual(dayLayout(user("de", "YMD")), { order: "YMD", separator: "." });
});

test("a typed day is read in the user's order, with any separator and without leading zeros", () => {
  assert.equal(parseDayNumeric(user("fr"), "07/12/2026"), "2026-12-07");
  assert.equal(parseDayNumeric(user("fr"), "7/12/2026"), "2026-12-07");
  assert.equal(parseDayNumeric(user("fr"), " 7.12.2026 "), "2026-12-07");
  assert.equal(parseDayNumeric(user("en"), "12/7/2026"), "2026-12-07");
  assert.equal(parseDayNumeric(user("en", "DMY"), "7/12/2026"), "2026-12-07");
});

test("an ISO day is understood whatever the user's order", () => {
  assert.equal(parseDayNumeric(user("fr"), "2026-12-07"), "2026-12-07");
  assert.equal(parseDayNumeric(user("en"), "2026-12-07"), "2026-12-07");
});

test("partial, impossible or foreign text is no day", () => {
  for (const text of ["", "07/12", "07/12/202", "07/12/20261", "31/02/2026", "00/12/2026", "07/13/2026", "7 déc. 2026", "07/12/2026 10:00"]) {
    assert.equal(parseDayNumeric(user("fr"), text), undefined, text);
  }
  assert.equal(parseDayNumeric(user("fr"), "29/02/2024"), "2024-02-29");
});

test("every day read back is the day shown", () => {
  for (const language of ["fr", "en", "de", "en-GB", "sv"]) {
    for (const iso of ["2024-02-29", "2026-01-01", "2026-12-31"]) {
      assert.equal(parseDayNumeric(user(language), formatDayNumeric(user(language), iso)), iso, `${language} ${iso}`);
    }
  }
});
