// The listening journal: plays, newest first, filtered (`aime/history`).
import type { HomeAssistant } from "../types";
import { callCommand, defined } from "./commands";

export type Source =
  | "lastfm"
  | "roon"
  | "home_assistant"
  | "listenbrainz"
  | "spotify"
  | "endpoint"
  | "aime_import"
  | "manual";

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
  /** Who listened: a `person.*` entity id, null for the household (absent from an older hub). */
  person?: string | null;
}

export interface HistoryFilter {
  /** Only this person's plays (a `person.*` entity id); absent for everyone's. */
  person?: string;
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

export const fetchHistory = (hass: HomeAssistant, filter: HistoryFilter, page = 0, pageSize = 50) =>
  callCommand<HistoryPage>(hass, "aime/history", { ...defined(filter), page, page_size: pageSize });
