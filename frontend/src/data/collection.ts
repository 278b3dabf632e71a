// The record collection: its pages, filters and figures (`aime/collection`, `aime/collection/facets`).
import type { HomeAssistant } from "../types";
import { callCommand, defined } from "./commands";

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
  /** The plays counted are this person's (a `person.*` entity id); absent for everyone's. */
  person?: string;
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

export const fetchCollection = (hass: HomeAssistant, query: CollectionQuery) =>
  callCommand<CollectionPage>(hass, "aime/collection", defined(query));

export const fetchCollectionFacets = (hass: HomeAssistant) =>
  callCommand<CollectionFacets>(hass, "aime/collection/facets");
