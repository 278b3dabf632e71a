// What the statistics view shows of a period: `aime/range`, or, from a hub that predates it,
// `aime/stats` for the preset windows (without the series, genres and new artists' list).
import { fetchRange, fetchStats, type Granularity, type RangeStats, type Ranked } from "../../data/stats";
import type { Period } from "../../components/aime-period-picker";
import type { HomeAssistant } from "../../types";

/** A range's statistics; `partial` when they came from an older hub's `aime/stats`. */
export interface PeriodStats extends Omit<RangeStats, "top_genres"> {
  top_genres: Pick<Ranked, "name" | "plays">[];
  partial: boolean;
}

const isUnknownCommand = (error: unknown): boolean =>
  Boolean(error && typeof error === "object" && (error as { code?: unknown }).code === "unknown_command");

export async function fetchPeriodStats(
  hass: HomeAssistant,
  period: Period,
  granularity: Granularity,
  top: number,
  person?: string,
): Promise<PeriodStats> {
  // All time: from the first play, whatever day that was.
  const first_day = period.window === "all" ? undefined : period.first_day;
  try {
    return { ...(await fetchRange(hass, { first_day, last_day: period.last_day, granularity, top, person })), partial: false };
  } catch (error) {
    if (!isUnknownCommand(error) || period.window === "custom") throw error;
  }
  const stats = await fetchStats(hass, period.window, top, person);
  return {
    ...stats,
    granularity,
    top_genres: [],
    new_artists: [],
    series: [],
    partial: true,
  };
}
