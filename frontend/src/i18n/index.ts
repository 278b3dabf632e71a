// Translations of the panel and cards: the "frontend" table of the integration's one strings file per
// language (custom_components/aime/strings/<language>.json, which Python reads too). esbuild keeps only
// that table in the bundle. Keys start with their area ("stats.", "cards."); names shared with the
// integration's translations (translations/en.json) keep the same wording.
import type { HomeAssistant } from "../types";
import { frontend as en } from "../../../custom_components/aime/strings/en.json";
import { frontend as fr } from "../../../custom_components/aime/strings/fr.json";

/** A key of the panel's strings. */
export type StringKey = keyof typeof en;

type Table = Record<string, string>;

// Typed both ways so that tsc fails when one language lacks a key of the other.
const french: Record<StringKey, string> = fr;
const english: Record<keyof typeof fr, string> = en;

const TABLES: Record<string, Table> = { en: english, fr: french };

export type Vars = Record<string, string | number>;

/** The language AIME speaks to this user: theirs when we have it, else English. */
export function languageOf(hass: HomeAssistant | undefined): string {
  const language = (hass?.locale?.language ?? hass?.language ?? "en").toLowerCase();
  const base = language.split("-")[0];
  return base in TABLES ? base : "en";
}

/** The sentence for `key` in the user's language, with `{name}` placeholders filled in. */
export function localize(hass: HomeAssistant | undefined, key: string, vars: Vars = {}): string {
  const template = TABLES[languageOf(hass)][key] ?? TABLES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Every key of a language (the tests check that en and fr have the same keys). */
export const keysOf = (language: string): string[] => Object.keys(TABLES[language] ?? {}).sort();

const locale = (hass: HomeAssistant | undefined): string =>
  hass?.locale?.language ?? hass?.language ?? "en";

export function formatNumber(hass: HomeAssistant | undefined, value: number): string {
  return new Intl.NumberFormat(locale(hass)).format(value);
}

const timeZone = (hass: HomeAssistant | undefined): string | undefined => hass?.config?.time_zone;

/** A moment (epoch seconds or ISO text) as the user reads dates, in Home Assistant's time zone. */
export function formatDateTime(
  hass: HomeAssistant | undefined,
  moment: number | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
): string {
  const date = typeof moment === "number" ? new Date(moment * 1000) : new Date(moment);
  return new Intl.DateTimeFormat(locale(hass), { ...options, timeZone: timeZone(hass) }).format(date);
}

/** A local ISO date ("2024-03-31") as the user reads dates. */
export function formatDay(
  hass: HomeAssistant | undefined,
  isoDay: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(hass), { ...options, timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day ?? 1)),
  );
}

/** A duration such as "3 h 12 min" / "3 h 12 min" (both languages write it alike). */
export function formatDuration(hass: HomeAssistant | undefined, seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return localize(hass, "common.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  return localize(hass, "common.hours_minutes", {
    hours: formatNumber(hass, hours),
    minutes: minutes % 60,
  });
}
