// The panel's routes: /aime/<view>[/<id>], deep-linkable.

export type ViewName =
  | "journal"
  | "timeline"
  | "stats"
  | "collection"
  | "album"
  | "artist"
  | "playlists"
  | "scrobbling";

export interface Route {
  view: ViewName | "not_found";
  params: Record<string, string>;
}

/** Views shown in the navigation, in order. */
export const NAV_VIEWS: ViewName[] = ["journal", "timeline", "stats", "collection", "playlists", "scrobbling"];

const WITH_ID: ViewName[] = ["album", "artist"];
const WITH_OPTIONAL_ARG: Record<string, string> = { timeline: "day", playlists: "id" };

/** The route of a panel path such as "/album/12" ("" and "/" open the journal). */
export function parseRoute(path: string): Route {
  const [first = "", second, ...rest] = path.replace(/^\/+|\/+$/g, "").split("/");
  if (rest.length) return { view: "not_found", params: {} };
  if (!first) return { view: "journal", params: {} };
  const view = first as ViewName;
  if (WITH_ID.includes(view)) {
    return second && /^\d+$/.test(second) ? { view, params: { id: second } } : { view: "not_found", params: {} };
  }
  if (NAV_VIEWS.includes(view)) {
    if (second === undefined) return { view, params: {} };
    const name = WITH_OPTIONAL_ARG[view];
    return name ? { view, params: { [name]: decodeURIComponent(second) } } : { view: "not_found", params: {} };
  }
  return { view: "not_found", params: {} };
}
