// Local calendar dates (ISO "2024-03-31") in Home Assistant's time zone, which is the store's.
import type { HomeAssistant } from "./types";

/** Today's local date in Home Assistant's time zone (not the browser's). */
export function todayIso(hass: HomeAssistant | undefined, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: hass?.config?.time_zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): number {
  const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  return Math.round((toUtc(last) - toUtc(first)) / 86_400_000) + 1;
}

export const isIsoDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The order of a numeric date's fields, as Home Assistant's profile setting (`date_format`) names them. */
export type DayFieldOrder = "DMY" | "MDY" | "YMD";

export interface DayLayout {
  order: DayFieldOrder;
  separator: string;
}

const NUMERIC_DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
const FIELD_LETTER: Record<string, string> = { day: "D", month: "M", year: "Y" };

/**
 * How this user writes a date in figures: the order their Home Assistant profile chose, else their
 * language's ("language", and "system" for the browser's), with their language's separator.
 */
export function dayLayout(hass: HomeAssistant | undefined): DayLayout {
  const setting = hass?.locale?.date_format;
  const language = setting === "system" ? undefined : (hass?.locale?.language ?? hass?.language);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(language, NUMERIC_DAY).formatToParts(new Date(Date.UTC(2020, 11, 31)));
  } catch {
    parts = new Intl.DateTimeFormat("en", NUMERIC_DAY).formatToParts(new Date(Date.UTC(2020, 11, 31)));
  }
  const languageOrder = parts
    .filter((part) => part.type in FIELD_LETTER)
    .map((part) => FIELD_LETTER[part.type])
    .join("") as DayFieldOrder;
  const order = setting === "DMY" || setting === "MDY" || setting === "YMD" ? setting : languageOrder;
  const separator = parts.find((part) => part.type === "literal")?.value.trim() || "/";
  return { order, separator };
}

/** An ISO day in figures, as the user writes it ("07/12/2026" in French, "12/07/2026" in English). */
export function formatDayNumeric(hass: HomeAssistant | undefined, iso: string): string {
  if (!isIsoDay(iso)) return "";
  const [year, month, day] = iso.split("-");
  const fields: Record<string, string> = { D: day, M: month, Y: year };
  const { order, separator } = dayLayout(hass);
  return [...order].map((letter) => fields[letter]).join(separator);
}

/**
 * The ISO day a user typed in figures, in their order with any separator ("7/12/2026", "07.12.2026");
 * an ISO day ("2026-12-07") is understood too. Undefined unless it names a real day of a 4-digit year.
 */
export function parseDayNumeric(hass: HomeAssistant | undefined, text: string): string | undefined {
  const groups = text.trim().match(/\d+/g);
  if (!groups || groups.length !== 3 || /[^\d\s./-]/.test(text.trim())) return undefined;
  const order = groups[0].length === 4 ? "YMD" : dayLayout(hass).order;
  const fields: Record<string, string> = {};
  [...order].forEach((letter, index) => (fields[letter] = groups[index]));
  if (fields.Y.length !== 4 || fields.M.length > 2 || fields.D.length > 2) return undefined;
  const [year, month, day] = [Number(fields.Y), Number(fields.M), Number(fields.D)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${fields.Y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
