// An artist's page (`aime/artist`).
import type { HomeAssistant } from "../types";
import { callCommand, defined } from "./commands";
import type { Ranked } from "./stats";

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

/** `person`: only that person's plays (a `person.*` entity id); absent for everyone's. */
export const fetchArtist = (hass: HomeAssistant, artistId: number, top = 10, person?: string) =>
  callCommand<ArtistPage>(hass, "aime/artist", { artist_id: artistId, top, ...defined({ person }) });
