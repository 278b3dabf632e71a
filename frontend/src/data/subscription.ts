// Live updates pushed by AIME (`aime/subscribe`).
import type { HomeAssistant } from "../types";
import type { JournalEntry } from "./journal";

export type LiveEvent =
  | { kind: "play"; play: JournalEntry }
  | { kind: "stats" }
  | { kind: "playlists" }
  | { kind: "collection" }
  /** The last event: the hub unloaded (reloaded, disabled); subscribe again once it is back. */
  | { kind: "ended" };

/** Live updates: new plays, refreshed statistics, playlists and collection changes. */
export const subscribeAime = (
  hass: HomeAssistant,
  callback: (event: LiveEvent) => void,
): Promise<() => Promise<void>> =>
  hass.connection.subscribeMessage<LiveEvent>(callback, { type: "aime/subscribe" });
