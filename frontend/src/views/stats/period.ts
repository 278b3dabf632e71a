// The statistics' period and comparison as the URL's query says them (`?window=365d`,
// `?first_day=2024-01-01&last_day=2024-03-31`, `&granularity=week`, `&compare_first=..&compare_last=..`),
// so a period can be bookmarked and shared.
import type { Granularity } from "../../data/stats";
import { periodOf, type Period, type PeriodWindow } from "../../components/aime-period-picker";
import { addDays, daysBetween, isIsoDay } from "../../dates";
import type { HomeAssistant } from "../../types";

export interface DayRange {
  first_day: string;
  last_day: string;
}

export interface StatsQuery {
  period: Period;
  granularity?: Granularity; // Absent: the one fitting the period's length.
  compareWith?: DayRange; // Absent: the previous period of the same length.
}

const PRESETS: PeriodWindow[] = ["7d", "30d", "365d", "all"];
const GRANULARITIES: Granularity[] = ["day", "week", "month"];
export const DEFAULT_WINDOW: PeriodWindow = "30d";

function rangeOf(first: string | null, last: string | null): DayRange | undefined {
  return first && last && isIsoDay(first) && isIsoDay(last) && first <= last
    ? { first_day: first, last_day: last }
    : undefined;
}

/** The query of `search` (`location.search`); anything unreadable falls back to the last 30 days. */
export function parseStatsQuery(hass: HomeAssistant, search: string): StatsQuery {
  const query = new URLSearchParams(search);
  const custom = rangeOf(query.get("first_day"), query.get("last_day"));
  const window = query.get("window") as PeriodWindow | null;
  const period = custom
    ? { window: "custom" as const, ...custom }
    : periodOf(hass, window && PRESETS.includes(window) ? window : DEFAULT_WINDOW);
  const granularity = query.get("granularity") as Granularity | null;
  return {
    period,
    granularity: granularity && GRANULARITIES.includes(granularity) ? granularity : undefined,
    compareWith: rangeOf(query.get("compare_first"), query.get("compare_last")),
  };
}

/** The query string of `query` ("?window=30d"), the reverse of `parseStatsQuery`. */
export function statsSearch(query: StatsQuery): string {
  const { period } = query;
  const params = new URLSearchParams();
  if (period.window === "custom" && period.first_day) {
    params.set("first_day", period.first_day);
    params.set("last_day", period.last_day);
  } else {
    params.set("window", period.window);
  }
  if (query.granularity) params.set("granularity", query.granularity);
  if (query.compareWith) {
    params.set("compare_first", query.compareWith.first_day);
    params.set("compare_last", query.compareWith.last_day);
  }
  return `?${params.toString()}`;
}

/** Days for ≤ 31 days, weeks for ≤ a year, months beyond (and for all time). */
export function fittingGranularity(period: Period): Granularity {
  if (!period.first_day) return "month";
  const days = daysBetween(period.first_day, period.last_day);
  return days <= 31 ? "day" : days <= 366 ? "week" : "month";
}

/** The period of the same length just before `range`. */
export function previousRange(range: DayRange): DayRange {
  const days = daysBetween(range.first_day, range.last_day);
  return { first_day: addDays(range.first_day, -days), last_day: addDays(range.first_day, -1) };
}
