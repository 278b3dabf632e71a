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
