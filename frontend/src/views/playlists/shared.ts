// What the playlist view's pieces share: the saved playlist's full shape, labels and small formats.
import type { Playlist, PlaylistTrack } from "../../data/playlists";
import { formatNumber, localize } from "../../i18n";
import type { HomeAssistant } from "../../types";

export const ALGORITHMS = [
  "top_sessions",
  "artist_correlations",
  "artist_flow",
  "time_based",
  "complete_albums",
  "rediscovery",
  "ai_generated",
] as const;
export type AlgorithmName = (typeof ALGORITHMS)[number];

export const WINDOWS = ["all", "today", "week", "month", "year", "7d", "30d", "365d"] as const;
export const DAY_TYPES = ["any", "weekday", "weekend"] as const;
export const EXPORT_FORMATS = ["m3u", "json", "csv"] as const;

/** Bounds of `aime.generate_playlist` (services.yaml, core/playlists/models.py). */
export const LIMITS = {
  minTracks: 5,
  maxTracks: 100,
  defaultTracks: 25,
  maxPrompt: 1000,
  maxName: 255,
  defaultRediscoveryDays: 90,
  maxRediscoveryDays: 36_500,
  maxSeed: 2_147_483_647,
};

/** A playlist as `aime/playlists/get` and `aime.generate_playlist` answer it. */
export interface SavedPlaylist extends Playlist {
  tracks: (PlaylistTrack & { position?: number })[];
  track_count?: number;
  total_duration?: number;
  unknown_durations?: number;
  unique_artists?: number;
  unique_albums?: number;
}

/** The media id AIME's Roon players play a saved playlist from (media_source.py). */
export const playlistMediaId = (playlistId: number): string => `media-source://aime/playlist/${playlistId}`;

export const playlistsPath = (playlistId?: number | null): string =>
  playlistId ? `/aime/playlists/${playlistId}` : "/aime/playlists";

/** The algorithm's name, as the integration's `generate_playlist` action names it; unknown ones as stored. */
export function algorithmLabel(hass: HomeAssistant | undefined, algorithm: string): string {
  const key = `playlists.algorithm.${algorithm}`;
  const label = localize(hass, key);
  return label === key ? algorithm : label;
}

/** A track's length as "3:07" (or "1:02:03"). */
export function trackLength(hass: HomeAssistant | undefined, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours ? `${formatNumber(hass, hours)}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
