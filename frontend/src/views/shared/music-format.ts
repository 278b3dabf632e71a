// Wording the collection, album and artist pages share: counted nouns, record formats, URL filters.
import { formatNumber, languageOf, localize } from "../../i18n";
import { keepPerson } from "../../navigate";
import type { HomeAssistant } from "../../types";

/** "1 play" / "12 plays" from the `<key>.one` / `<key>.other` pair, by the language's plural rules. */
export function counted(hass: HomeAssistant | undefined, key: string, count: number): string {
  const form = new Intl.PluralRules(languageOf(hass)).select(count) === "one" ? "one" : "other";
  return localize(hass, `${key}.${form}`, { count: formatNumber(hass, count) });
}

export const playsText = (hass: HomeAssistant | undefined, count: number): string =>
  counted(hass, "collection.plays", count);

const FORMATS = new Set(["vinyl", "cd", "cassette", "digital", "box_set", "other", "unknown"]);

/** A record format ("box_set") as the user reads it; a format AIME does not know shows as given. */
export function formatName(hass: HomeAssistant | undefined, format: string | null | undefined): string {
  const value = format ?? "unknown";
  return FORMATS.has(value) ? localize(hass, `collection.format.${value}`) : value;
}

/** Reads the view's filters from the page's query string. */
export function readQuery(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** Writes the view's filters to the query string, replacing the history entry (no reload). */
export function writeQuery(values: Record<string, string | number | boolean | undefined>): void {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== "" && value !== false) query.set(name, String(value));
  }
  const search = query.toString();
  const url = keepPerson(`${window.location.pathname}${search ? `?${search}` : ""}`);
  if (url !== `${window.location.pathname}${window.location.search}`) history.replaceState(history.state, "", url);
}

const SERVICE_NAMES: Record<string, string> = {
  discogs: "Discogs",
  spotify: "Spotify",
  lastfm: "Last.fm",
  musicbrainz: "MusicBrainz",
  wikipedia: "Wikipedia",
};

/** An album's or artist's pages on other services, as links; only web addresses are kept. */
export function externalLinks(links: Record<string, string> | undefined): { service: string; name: string; url: string }[] {
  return Object.entries(links ?? {})
    .filter(([, url]) => typeof url === "string" && /^https?:\/\//i.test(url))
    .map(([service, url]) => ({
      service,
      name: SERVICE_NAMES[service] ?? service.charAt(0).toUpperCase() + service.slice(1),
      url,
    }));
}

/** Where a play came from ("Last.fm", "Roon", …). */
export function sourceName(hass: HomeAssistant | undefined, source: string): string {
  const key = source === "manual" ? "collection.source.manual" : `common.source.${source}`;
  const name = localize(hass, key);
  return name === key ? source : name;
}
