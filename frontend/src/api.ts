// Typed wrappers of AIME's websocket commands (custom_components/aime/websocket_api.py and panel/websocket.py).
import type { HomeAssistant } from "./types";

export type Source = "lastfm" | "roon" | "aime_import" | "manual";
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

export interface JournalEntry {
  play_id: number;
  played_at: number;
  local_time: string;
  track_id: number;
  title: string;
  artist_id: number;
  artist: string;
  album_id: number;
  album: string;
  source: Source;
  sources: Source[];
  device: string | null;
  loved: boolean;
  seconds: number | null;
  cover?: string | null;
  play_media_id?: string | null;
}

export interface HistoryFilter {
  text?: string;
  artist_id?: number;
  album_id?: number;
  source?: Source;
  loved?: boolean;
  first_day?: string;
  last_day?: string;
}

export interface HistoryPage {
  page: number;
  page_size: number;
  total: number;
  entries: JournalEntry[];
}

export interface TimelineHour {
  start: string;
  hour: number;
  plays: JournalEntry[];
}

export interface Timeline {
  day: string;
  plays: number;
  listening_seconds: number;
  estimated_plays: number;
  hours: TimelineHour[];
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

export type CollectionSort = string;
export type Shelf = "never_played" | "not_played_year";

export interface CollectionRecord {
  id: number;
  album_id: number;
  artist: string;
  artist_id: number;
  title: string;
  format: string | null;
  year: number | null;
  labels: string | null;
  genres: string | null;
  styles: string | null;
  cover_url?: string | null;
  cover?: string | null;
  added_at: number | null;
  plays: number;
  last_played_at: number | null;
  play_media_id?: string | null;
}

export interface CollectionStats {
  records: number;
  by_format: Record<string, number>;
  played_last_12_months: number;
  played_share: number;
  never_played: number;
}

export interface CollectionPage {
  page: number;
  page_size: number;
  total: number;
  records: CollectionRecord[];
  stats?: CollectionStats;
}

export interface CollectionQuery {
  page?: number;
  page_size?: number;
  text?: string;
  format?: string;
  genre?: string;
  style?: string;
  decade?: number;
  shelf?: Shelf;
  sort?: CollectionSort;
  descending?: boolean;
  with_stats?: boolean;
}

/** One value of a collection filter (`aime/collection/facets`) and how many records have it. */
export interface Facet {
  value: string;
  records: number;
}

export interface CollectionFacets {
  formats: Facet[];
  genres: Facet[];
  styles: Facet[];
  /** `value` is the decade's first year ("1970"). */
  decades: Facet[];
}

export interface PlaylistSummary {
  id: number;
  name: string;
  algorithm: string;
  created_at: number;
  track_count: number;
  total_duration: number;
}

export interface PlaylistTrack {
  track_id: number;
  title: string;
  artist: string;
  album: string;
  duration: number | null;
  album_id: number;
  artist_id: number;
}

export interface Playlist {
  id: number | null;
  name: string;
  algorithm: string;
  tracks: PlaylistTrack[];
  parameters: Record<string, unknown>;
  created_at: number | null;
  [key: string]: unknown;
}

/** A record of the collection on an album's page. */
export interface OwnedRecord {
  id: number;
  format: string | null;
  pressing_year: number | null;
  original_year: number | null;
  labels: string | null;
  genres: string[];
  styles: string[];
  discogs_url: string | null;
  added_at: number | null;
}

export interface AlbumTrack {
  track_id: number;
  title: string;
  artist: string;
  artist_id: number;
  track_number: number | null;
  duration: number | null;
  plays: number;
  last_played_at: number | null;
  play_media_id?: string | null;
}

/** `aime/album` (core/stats/page_models.py); `plays` is one page of its plays, newest first. */
export interface AlbumPage {
  album_id: number;
  title: string;
  artist_id: number;
  artist: string;
  cover?: string | null;
  play_media_id?: string | null;
  pressing_year: number | null;
  original_year: number | null;
  genres: string[];
  styles: string[];
  links: Record<string, string>;
  records: OwnedRecord[];
  description: { text: string; model: string; generated_at: number } | null;
  total_plays: number;
  listening_seconds: number;
  first_played_at: number | null;
  last_played_at: number | null;
  tracks: AlbumTrack[];
  page: number;
  page_size: number;
  plays: JournalEntry[];
}

export interface ArtistAlbum {
  album_id: number;
  title: string;
  artist: string;
  plays: number;
  last_played_at: number | null;
  /** How many records of it the collection holds. */
  owned: number;
  cover?: string | null;
  play_media_id?: string | null;
}

/** `aime/artist`; `candidates` names the artists an unresolved one (AIME import) stands for. */
export interface ArtistPage {
  artist_id: number;
  name: string;
  candidates: string[];
  links: Record<string, string>;
  cover?: string | null;
  play_media_id?: string | null;
  total_plays: number;
  first_played_at: number | null;
  last_played_at: number | null;
  months: { month: string; plays: number }[];
  albums: ArtistAlbum[];
  top_tracks: Ranked[];
}

export type LiveEvent =
  | { kind: "play"; play: JournalEntry }
  | { kind: "stats" }
  | { kind: "playlists" }
  | { kind: "collection" }
  /** The last event: the hub unloaded (reloaded, disabled); subscribe again once it is back. */
  | { kind: "ended" };

const call = <T>(hass: HomeAssistant, type: string, data: object = {}): Promise<T> =>
  hass.callWS<T>({ type, ...data });

/** Drops keys whose value is undefined, null or "" (the commands treat absent as "any"). */
export function defined<T extends object>(data: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined && value !== null && value !== ""),
  ) as Partial<T>;
}

export const fetchStats = (hass: HomeAssistant, window: WindowName, top = 10) =>
  call<WindowStats>(hass, "aime/stats", { window, top });

export const fetchHistory = (hass: HomeAssistant, filter: HistoryFilter, page = 0, pageSize = 50) =>
  call<HistoryPage>(hass, "aime/history", { ...defined(filter), page, page_size: pageSize });

export const fetchTimeline = (hass: HomeAssistant, day?: string) =>
  call<Timeline>(hass, "aime/timeline", defined({ day }));

export const fetchRange = (
  hass: HomeAssistant,
  query: { first_day?: string; last_day?: string; top?: number; granularity?: Granularity },
) => call<RangeStats>(hass, "aime/range", defined(query));

export const fetchCompare = (
  hass: HomeAssistant,
  current: { first_day: string; last_day: string },
  previous: { first_day: string; last_day: string },
  top = 5,
) => call<Comparison>(hass, "aime/compare", { current, previous, top });

export const fetchTrend = (hass: HomeAssistant, months = 12) =>
  call<{ months: MonthFigures[] }>(hass, "aime/trend", { months });

export const fetchStreaks = (hass: HomeAssistant) => call<Streaks>(hass, "aime/streaks");

export const fetchPeriods = (hass: HomeAssistant) =>
  call<Record<string, ListeningTime>>(hass, "aime/periods");

export const fetchCollection = (hass: HomeAssistant, query: CollectionQuery) =>
  call<CollectionPage>(hass, "aime/collection", defined(query));

export const fetchCollectionFacets = (hass: HomeAssistant) =>
  call<CollectionFacets>(hass, "aime/collection/facets");

/** The AI description comes in the user's language (French or English). */
export const fetchAlbum = (hass: HomeAssistant, albumId: number, page = 0, pageSize = 50) =>
  call<AlbumPage>(hass, "aime/album", {
    album_id: albumId,
    page,
    page_size: pageSize,
    language: hass.locale?.language ?? hass.language,
  });

export const fetchArtist = (hass: HomeAssistant, artistId: number, top = 10) =>
  call<ArtistPage>(hass, "aime/artist", { artist_id: artistId, top });

export const fetchPlaylists = (hass: HomeAssistant) =>
  call<{ playlists: PlaylistSummary[] }>(hass, "aime/playlists/list");

export const fetchPlaylist = (hass: HomeAssistant, playlistId: number) =>
  call<Playlist>(hass, "aime/playlists/get", { playlist_id: playlistId });

/** Runs an AIME action and returns its response (the actions that answer: generate, export, …). */
export async function callAimeAction<T>(
  hass: HomeAssistant,
  action: string,
  data: Record<string, unknown>,
  withResponse = false,
): Promise<T | undefined> {
  const result = (await hass.callService("aime", action, data, undefined, false, withResponse)) as
    | { response?: T }
    | undefined;
  return result?.response;
}

/** Live updates: new plays, refreshed statistics, playlists and collection changes. */
export const subscribeAime = (
  hass: HomeAssistant,
  callback: (event: LiveEvent) => void,
): Promise<() => Promise<void>> =>
  hass.connection.subscribeMessage<LiveEvent>(callback, { type: "aime/subscribe" });

/** The message of a failed call, as Home Assistant translated it. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

type BackendLocalize = (key: string, values?: Record<string, string>) => string;

/**
 * The message of a failed call in the user's language. Home Assistant writes an integration's
 * error in the server's language; the error also carries its translation key, which Home
 * Assistant's frontend can translate into the user's (as it does for its own notifications).
 */
export async function translatedError(hass: HomeAssistant, error: unknown): Promise<string> {
  const detail = (error ?? {}) as {
    translation_domain?: string;
    translation_key?: string;
    translation_placeholders?: Record<string, string>;
  };
  const loader = (
    hass as unknown as {
      loadBackendTranslation?: (category: string, integration: string) => Promise<BackendLocalize>;
    }
  ).loadBackendTranslation;
  if (detail.translation_domain && detail.translation_key && loader) {
    try {
      const localize = await loader.call(hass, "exceptions", detail.translation_domain);
      const key = `component.${detail.translation_domain}.exceptions.${detail.translation_key}.message`;
      const text = localize(key, detail.translation_placeholders ?? {});
      if (text) return text;
    } catch {
      // The server's own message below is still a sentence.
    }
  }
  return errorMessage(error);
}
