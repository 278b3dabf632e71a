// The journal's filters as a URL query (`/aime/journal?text=abba&source=roon`), so they are
// deep-linkable and back/forward restore them; and whether a live play matches them.
import type { HistoryFilter, JournalEntry, Source } from "../../data/journal";
import { isIsoDay } from "../../dates";
import { PANEL_PATH } from "../../navigate";

export const SOURCES: Source[] = [
  "lastfm",
  "roon",
  "home_assistant",
  "listenbrainz",
  "spotify",
  "endpoint",
  "aime_import",
  "manual",
];
export const JOURNAL_PATH = `${PANEL_PATH}/journal`;
// The query's keys in a fixed order: one set of filters has one URL.
const KEYS: (keyof HistoryFilter)[] = ["text", "artist_id", "album_id", "source", "loved", "first_day", "last_day"];

const id = (value: string | null): number | undefined =>
  value && /^\d{1,15}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
const day = (value: string | null): string | undefined => (value && isIsoDay(value) ? value : undefined);

/** The filters of a query string; what it cannot read is left out (a hand-edited link stays usable). */
export function filterFromQuery(search: string): HistoryFilter {
  const query = new URLSearchParams(search);
  const source = query.get("source") as Source | null;
  const filter: HistoryFilter = {
    text: query.get("text")?.trim().slice(0, 200) || undefined,
    artist_id: id(query.get("artist_id")),
    album_id: id(query.get("album_id")),
    source: source && SOURCES.includes(source) ? source : undefined,
    loved: ["1", "true"].includes(query.get("loved") ?? "") ? true : undefined,
    first_day: day(query.get("first_day")),
    last_day: day(query.get("last_day")),
  };
  return withoutEmpty(filter);
}

/** The journal's path with these filters. */
export function journalUrl(filter: HistoryFilter): string {
  const query = new URLSearchParams();
  const present = withoutEmpty(filter);
  for (const key of KEYS) {
    const value = present[key];
    if (value !== undefined) query.set(key, key === "loved" ? "1" : String(value));
  }
  const search = query.toString();
  return search ? `${JOURNAL_PATH}?${search}` : JOURNAL_PATH;
}

export function withoutEmpty(filter: HistoryFilter): HistoryFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== "" && value !== false),
  ) as HistoryFilter;
}

export const sameFilter = (a: HistoryFilter, b: HistoryFilter): boolean =>
  journalUrl(a) === journalUrl(b);

export const hasFilter = (filter: HistoryFilter): boolean => Object.keys(withoutEmpty(filter)).length > 0;

/** Whether the journal shows this path (the panel's root opens the journal too). */
export const isJournalPath = (path: string): boolean =>
  [PANEL_PATH, `${PANEL_PATH}/`, JOURNAL_PATH, `${JOURNAL_PATH}/`].includes(path);

/**
 * Whether a live play belongs in the list under these filters. `undefined` when only the store
 * can tell (a text search folds names as the store does): the caller asks it.
 */
export function matchesFilter(entry: JournalEntry, filter: HistoryFilter): boolean | undefined {
  const localDay = entry.local_time.slice(0, 10);
  // A play from an older hub does not say who listened: the store tells.
  const personUnknown = filter.person !== undefined && entry.person === undefined;
  if (filter.person !== undefined && !personUnknown && entry.person !== filter.person) return false;
  if (filter.artist_id !== undefined && entry.artist_id !== filter.artist_id) return false;
  if (filter.album_id !== undefined && entry.album_id !== filter.album_id) return false;
  if (filter.source !== undefined && !entry.sources.includes(filter.source)) return false;
  if (filter.loved && !entry.loved) return false;
  if (filter.first_day !== undefined && localDay < filter.first_day) return false;
  if (filter.last_day !== undefined && localDay > filter.last_day) return false;
  return filter.text || personUnknown ? undefined : true;
}
