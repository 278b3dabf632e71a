// Listening statistics: fixed windows, any range of days, comparisons, streaks (`aime/stats`, `aime/range`, …).
import type { HomeAssistant } from "../types";
import { callCommand, defined } from "./commands";

export type WindowName = "today" | "week" | "month" | "year" | "7d" | "30d" | "365d" | "all";

export type Granularity = "day" | "week" | "month";

export interface Ranked {
  id: number;
  name: string;
  plays: number;
  /** An album's or a track's artist, and its id. */
  artist?: string | null;
  artist_id?: number | null;
  /** A track's album. */
  album_id?: number | null;
  cover?: string | null;
  play_media_id?: string | null;
}

export interface SessionStats {
  count: number;
  average_seconds: number;
  longest_seconds: number;
  longest_start: string | null;
}

export interface Streaks {
  current: number;
  longest: number;
  longest_first: string | null;
  longest_last: string | null;
}

export interface ListeningTime {
  plays: number;
  seconds: number;
  estimated_plays: number;
}

export interface WindowStats {
  window: WindowName;
  first_day: string;
  last_day: string;
  plays: number;
  listening_seconds: number;
  estimated_plays: number;
  active_days: number;
  unique_artists: number;
  unique_albums: number;
  unique_tracks: number;
  new_artists: number;
  top_artists: Ranked[];
  top_albums: Ranked[];
  top_tracks: Ranked[];
  sessions: SessionStats;
  peak_hour: number | null;
  peak_weekday: number | null;
  heatmap: number[][];
  longest_streak: number;
}

export interface SeriesPoint {
  start: string;
  plays: number;
  listening_seconds: number;
}

export interface NewArtist {
  id: number;
  name: string;
  first_played: string;
}

export interface Genre {
  name: string;
  plays: number;
}

export interface RangeStats {
  first_day: string;
  last_day: string;
  granularity: Granularity;
  plays: number;
  listening_seconds: number;
  estimated_plays: number;
  active_days: number;
  unique_artists: number;
  unique_albums: number;
  unique_tracks: number;
  top_artists: Ranked[];
  top_albums: Ranked[];
  top_tracks: Ranked[];
  /** Plays of the owned albums by their records' genres (may be empty). */
  top_genres: Genre[];
  heatmap: number[][];
  sessions: SessionStats;
  longest_streak: number;
  new_artists: NewArtist[];
  series: SeriesPoint[];
}

export interface PeriodSummary {
  first_day: string;
  last_day: string;
  plays: number;
  listening_seconds: number;
  estimated_plays: number;
  unique_artists: number;
  top_artists: Ranked[];
}

export interface Comparison {
  current: PeriodSummary;
  previous: PeriodSummary;
  plays_change: number | null;
  listening_change: number | null;
  unique_artists_change: number | null;
}

export interface MonthFigures {
  month: string;
  plays: number;
  listening_seconds: number;
  estimated_plays: number;
}

// Each command takes an optional `person` (a `person.*` entity id): that person's plays only;
// absent, everyone's.

export const fetchStats = (hass: HomeAssistant, window: WindowName, top = 10, person?: string) =>
  callCommand<WindowStats>(hass, "aime/stats", { window, top, ...defined({ person }) });

export const fetchRange = (
  hass: HomeAssistant,
  query: { first_day?: string; last_day?: string; top?: number; granularity?: Granularity; person?: string },
) => callCommand<RangeStats>(hass, "aime/range", defined(query));

export const fetchCompare = (
  hass: HomeAssistant,
  current: { first_day: string; last_day: string },
  previous: { first_day: string; last_day: string },
  top = 5,
  person?: string,
) => callCommand<Comparison>(hass, "aime/compare", { current, previous, top, ...defined({ person }) });

export const fetchTrend = (hass: HomeAssistant, months = 12, person?: string) =>
  callCommand<{ months: MonthFigures[] }>(hass, "aime/trend", { months, ...defined({ person }) });

export const fetchStreaks = (hass: HomeAssistant, person?: string) =>
  callCommand<Streaks>(hass, "aime/streaks", defined({ person }));

export const fetchPeriods = (hass: HomeAssistant, person?: string) =>
  callCommand<Record<string, ListeningTime>>(hass, "aime/periods", defined({ person }));
