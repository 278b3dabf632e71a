// What AIME's Roon zones (this integration's media players) play, and the media_player actions that drive them.
import type { HomeAssistant } from "../types";

export interface AimeZone {
  entityId: string;
  name: string;
  state: string;
}

/** The transport actions of the now-playing strip (Home Assistant's media_player services). */
export type TransportAction = "media_previous_track" | "media_play_pause" | "media_next_track";

/** The AIME Roon zones (media players of this integration), by name. */
export function aimeZones(hass: HomeAssistant): AimeZone[] {
  return Object.values(hass.entities ?? {})
    .filter((entry) => entry.platform === "aime" && entry.entity_id.startsWith("media_player."))
    .map((entry) => hass.states[entry.entity_id])
    .filter((state) => state && state.state !== "unavailable")
    .map((state) => ({
      entityId: state.entity_id,
      name: state.attributes.friendly_name ?? state.entity_id,
      state: state.state,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Plays a media id AIME's players understand (a search or playlist id) in a zone. */
export const playInZone = (hass: HomeAssistant, entityId: string, mediaId: string, mediaType: string) =>
  hass.callService("media_player", "play_media", {
    entity_id: entityId,
    media_content_id: mediaId,
    media_content_type: mediaType,
  });

export const controlZone = (hass: HomeAssistant, entityId: string, action: TransportAction) =>
  hass.callService("media_player", action, { entity_id: entityId });
