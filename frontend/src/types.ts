// The parts of Home Assistant's frontend `hass` object that AIME uses.

export interface HassEntityState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown> & {
    friendly_name?: string;
    entity_picture?: string;
    media_title?: string;
    media_artist?: string;
    media_album_name?: string;
    media_duration?: number;
    media_position?: number;
    supported_features?: number;
  };
  last_changed: string;
  last_updated: string;
}

export interface HassEntityEntry {
  entity_id: string;
  platform: string;
  device_id?: string | null;
  name?: string | null;
  hidden?: boolean;
}

export interface HassConnection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    message: Record<string, unknown>,
  ): Promise<() => Promise<void>>;
}

export interface HomeAssistant {
  states: Record<string, HassEntityState>;
  entities: Record<string, HassEntityEntry>;
  language: string;
  /** `date_format`: "language", "system", "DMY", "MDY" or "YMD" (the profile's setting). */
  locale?: { language: string; time_zone?: string; date_format?: string };
  config: { time_zone: string };
  themes?: { darkMode?: boolean };
  user?: { id: string; name: string; is_admin: boolean };
  connection: HassConnection;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
    target?: Record<string, unknown>,
    notifyOnError?: boolean,
    returnResponse?: boolean,
  ): Promise<{ response?: unknown } | unknown>;
}

/** What Home Assistant gives a custom panel. */
export interface PanelRoute {
  prefix: string;
  path: string;
}

export interface LovelaceCardConfig {
  type: string;
  [key: string]: unknown;
}
