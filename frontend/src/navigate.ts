// In-panel navigation through Home Assistant's router, so the browser's back and forward work.
// The person chosen in the panel's header (`?person=person.alice`) is part of every view's URL:
// navigating keeps it, so a reload or a shared link shows the same person's plays.
import { isPersonId } from "./data/people";

export const PANEL_PATH = "/aime";
const PERSON_PARAM = "person";

/** The person a URL's query (`location.search`) chooses; absent (everyone) when unreadable. */
export function personOf(search: string): string | undefined {
  const value = new URLSearchParams(search).get(PERSON_PARAM);
  return isPersonId(value) ? value : undefined;
}

/** `url` (a path with or without a query) choosing `person`, or everyone when it is absent. */
export function withPerson(url: string, person: string | undefined): string {
  const [path, ...rest] = url.split("?");
  const query = new URLSearchParams(rest.join("?"));
  query.delete(PERSON_PARAM);
  if (person) query.append(PERSON_PARAM, person);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** A query without its person (`?period=7d`), as a view that writes its own query compares it. */
export const searchWithoutPerson = (search: string): string => withPerson(`?${search.replace(/^\?/, "")}`, undefined);

/** `url` choosing the person the current page does, unless it chooses one itself. */
export function keepPerson(url: string): string {
  const [, query = ""] = url.split("?");
  const own = new URLSearchParams(query).has(PERSON_PARAM);
  return own ? url : withPerson(url, personOf(window.location.search));
}

export const navigate = (path: string, replace = false): void => go(keepPerson(path), replace);

function go(url: string, replace: boolean): void {
  if (replace) {
    history.replaceState(null, "", url);
  } else {
    history.pushState(null, "", url);
  }
  window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace } }));
}

/** Shows `person`'s plays (everyone's when absent) in the current view: a new history entry. */
export const choosePerson = (person: string | undefined): void =>
  go(withPerson(`${window.location.pathname}${window.location.search}`, person) || PANEL_PATH, false);

export const albumPath = (albumId: number): string => `${PANEL_PATH}/album/${albumId}`;
export const artistPath = (artistId: number): string => `${PANEL_PATH}/artist/${artistId}`;

/** Follows an in-panel link without reloading the page; modifier clicks open a new tab as usual. */
export function followLink(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement | null;
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute("href") ?? PANEL_PATH);
}
