// The collection's filters: their values, their defaults and how the URL's query keeps them.
import type { Shelf } from "../../data/collection";
import { writeQuery } from "../shared/music-format";

export const SORTS = ["artist", "title", "year", "added", "plays", "last_played"] as const;
export type Sort = (typeof SORTS)[number];
// Sorts whose natural order is the largest first; choosing one of them turns the direction down.
export const DESCENDING_FIRST = new Set<Sort>(["added", "plays", "last_played"]);
export const SHELVES: { shelf: Shelf; testid: string }[] = [
  { shelf: "never_played", testid: "collection-shelf-never" },
  { shelf: "not_played_year", testid: "collection-shelf-year" },
];

export interface Filters {
  text: string;
  format: string;
  genre: string;
  style: string;
  decade: string;
  sort: Sort;
  descending: boolean;
  shelf: Shelf | "";
}

export const NO_FILTERS: Filters = {
  text: "",
  format: "",
  genre: "",
  style: "",
  decade: "",
  sort: "artist",
  descending: false,
  shelf: "",
};

export function filtersFromQuery(query: URLSearchParams): Filters {
  const sort = query.get("sort") as Sort | null;
  const shelf = query.get("shelf") as Shelf | null;
  const decade = query.get("decade") ?? "";
  return {
    text: query.get("q") ?? "",
    format: query.get("format") ?? "",
    genre: query.get("genre") ?? "",
    style: query.get("style") ?? "",
    decade: /^\d{4}$/.test(decade) ? decade : "",
    sort: sort && SORTS.includes(sort) ? sort : "artist",
    descending: query.get("order") === "desc",
    shelf: shelf && SHELVES.some((entry) => entry.shelf === shelf) ? shelf : "",
  };
}

/** Keeps `filters` in the URL's query, so a reload or a shared link shows the same grid. */
export function writeFilters(filters: Filters): void {
  const { text, format, genre, style, decade, sort, descending, shelf } = filters;
  writeQuery({
    q: text.trim(),
    format,
    genre,
    style,
    decade,
    sort: sort === "artist" ? "" : sort,
    order: descending ? "desc" : "",
    shelf,
  });
}

/** Whether any filter narrows the grid (the sort does not). */
export function narrowed(filters: Filters): boolean {
  const { text, format, genre, style, decade, shelf } = filters;
  return Boolean(text.trim() || format || genre || style || decade || shelf);
}
