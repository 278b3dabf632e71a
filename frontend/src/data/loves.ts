// Loving a track in AIME (`aime.set_loved`, administrators only): the Last.fm accounts that send
// scrobbles get the love through the outbox.
import type { HomeAssistant } from "../types";
import { callAimeAction } from "./commands";

export const setLoved = (hass: HomeAssistant, trackId: number, loved: boolean) =>
  callAimeAction(hass, "set_loved", { track_id: trackId, loved });
