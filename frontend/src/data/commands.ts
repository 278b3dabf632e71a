// How the data modules reach AIME: its websocket commands and its actions (custom_components/aime/websocket_api.py
// and panel/websocket.py).
import type { HomeAssistant } from "../types";

/** Sends one of AIME's websocket commands and returns its answer. */
export const callCommand = <T>(hass: HomeAssistant, type: string, data: object = {}): Promise<T> =>
  hass.callWS<T>({ type, ...data });

/** Drops keys whose value is undefined, null or "" (the commands treat absent as "any"). */
export function defined<T extends object>(data: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined && value !== null && value !== ""),
  ) as Partial<T>;
}

/** Runs an AIME action and returns its response (the actions that answer: generate, export, …). */
export async function callAimeAction<T>(
  hass: HomeAssistant,
  action: string,
  data: Record<string, unknown>,
  withResponse = false,
): Promise<T | undefined> {
  const result = (await hass.callService("aime", action, data, undefined, false, withResponse)) as
    | { response?: T }
    | undefined;
  return result?.response;
}

/** Whether the user may run the actions that change shared data or write files (rename, delete,
 * export, regenerate…): the hub refuses them to anyone else, so the views hide or disable them. */
export const isAdmin = (hass: HomeAssistant): boolean => hass.user?.is_admin === true;
