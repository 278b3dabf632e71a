// An album's page (`aime/album`).
import type { HomeAssistant } from "../types";
import { callCommand, defined } from "./commands";
import type { JournalEntry } from "./journal";

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

/** The AI description comes in the user's language (French or English); `person`: only that
 * person's plays (a `person.*` entity id), absent for everyone's. */
export const fetchAlbum = (hass: HomeAssistant, albumId: number, page = 0, pageSize = 50, person?: string) =>
  callCommand<AlbumPage>(hass, "aime/album", {
    album_id: albumId,
    page,
    page_size: pageSize,
    language: hass.locale?.language ?? hass.language,
    ...defined({ person }),
  });
