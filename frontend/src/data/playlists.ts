// Saved playlists (`aime/playlists/list`, `aime/playlists/get`).
import type { HomeAssistant } from "../types";
import { callCommand } from "./commands";

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

export const fetchPlaylists = (hass: HomeAssistant) =>
  callCommand<{ playlists: PlaylistSummary[] }>(hass, "aime/playlists/list");

export const fetchPlaylist = (hass: HomeAssistant, playlistId: number) =>
  callCommand<Playlist>(hass, "aime/playlists/get", { playlist_id: playlistId });
